import { randomUUID } from 'node:crypto';
import type { Finding, Reporter } from '@hoist/kit';
import { UserError } from '@hoist/kit';
import { parseTemplate } from '../template.js';
import type { CloudFormationApi, Parameter, Stack } from './api.js';
import {
  MAX_TEMPLATE_BODY_BYTES,
  ensureArtifactsBucket,
  storeTemplate,
  templateChecksum,
  type ArtifactsApi,
  type StoredTemplate,
} from './artifacts.js';
import { createChangeSet, deleteChangeSetQuietly, waitForChangeSet, type ChangeSetDescription } from './change-set.js';
import { describeRootCause, findRootCause, type RootCause } from './diagnosis.js';
import { formatEvent, StackEventMonitor } from './events.js';
import { forcedTargets, type ForceNewDeployment } from './force-deploy.js';
import { planParameters, recordableParameters, type TemplateParameter } from './parameters.js';
import {
  guardedReplacements,
  parameterChangeRows,
  renderPreview,
  resourceChangeRows,
  type ChangeSetPreview,
} from './preview.js';
import {
  currentRelease,
  imageParameters,
  newReleaseId,
  readReleases,
  recordRelease,
  type ReleaseOutcome,
  type ReleaseRecord,
  type ReleaseStoreApi,
} from './releases.js';
import { rollbackCommand, stackPhase } from './status.js';
import {
  checkHealthUrl,
  stackGroups,
  stackServices,
  verifyAutoScalingGroups,
  verifyEcsServices,
  type AutoScalingApi,
  type EcsApi,
} from './verify.js';
import { waitForStack } from './wait.js';

export type DeployStatus = 'deployed' | 'no-changes' | 'preview' | 'rolled-back' | 'unhealthy' | 'failed';

/** `deployed`, `no-changes` and `preview` end the step with exit code 0; the others with 1. */
export function isSuccess(status: DeployStatus): boolean {
  return status === 'deployed' || status === 'no-changes' || status === 'preview';
}

export interface DeployStackOptions {
  stackName: string;
  /** The template body; `file` names it in messages. Not needed with `changeSetId` (the change set has it). */
  template: { body: string; file?: string } | undefined;
  /** Values given for this deploy (a parameters file with overrides on top). */
  parameters: Readonly<Record<string, string>>;
  /** Parameters the parameters file asks to keep (UsePreviousValue). */
  usePrevious?: readonly string[];
  capabilities: readonly string[];
  tags: Readonly<Record<string, string>>;
  roleArn?: string;
  terminationProtection?: boolean;
  /** A bucket name, or `auto`. */
  artifactsBucket?: string;
  /** Absolute time (ms since epoch) by which everything must be done. */
  deadline: number;
  onReplacement: 'fail' | 'warn';
  /** Type patterns (`AWS::RDS::*`) whose replacement `on-replacement` guards. */
  statefulTypes: readonly string[];
  /** false: preview only, the change set is kept (or deleted with `deletePreview`). */
  execute: boolean;
  deletePreview: boolean;
  /** Execute this reviewed change set instead of creating one. */
  changeSetId?: string;
  recreateFailed: boolean;
  cancelOnAbort: boolean;
  healthCheckUrl?: string;
  healthCheckTimeoutMs?: number;
  forceNewDeployment?: ForceNewDeployment;
  release: { kind: 'deploy' | 'rollback'; restores?: string; gitSha?: string; actor?: string; runUrl?: string };
  region: string;
  signal: AbortSignal;
}

/** The AWS interfaces a deploy uses; the optional ones are made only when needed. */
export interface DeployStackServices {
  cfn: CloudFormationApi;
  releases: ReleaseStoreApi;
  artifacts: () => Promise<ArtifactsApi>;
  ecs: () => Promise<EcsApi>;
  autoscaling: () => Promise<AutoScalingApi>;
}

export interface DeployStackResult {
  status: DeployStatus;
  /** One line: what happened. */
  message: string;
  stackId: string | undefined;
  stackStatus: string | undefined;
  changeSetId: string | undefined;
  preview: ChangeSetPreview | undefined;
  previewMarkdown: string | undefined;
  outputs: Record<string, string>;
  release: ReleaseRecord | undefined;
  rootCause: RootCause | undefined;
  verification: Finding[];
  template: StoredTemplate | undefined;
}

export interface DeployHooks {
  /** The change set is ready: the preview can be shown (and output) before anything is executed. */
  onPreview?: (preview: ChangeSetPreview, markdown: string) => void;
  /** A release was recorded — also when the run then ends in an error (a deadline, a cancel). */
  onRelease?: (release: ReleaseRecord) => void;
}

/**
 * Deploys a stack through a change set: wait out an operation in progress, create (or take) the change set, show
 * the preview, guard replacements, execute with live events, diagnose a failure, verify what runs, record a release.
 * Both deploy-stack and rollback run this.
 */
export async function deployStack(
  options: DeployStackOptions,
  services: DeployStackServices,
  reporter: Reporter,
  hooks: DeployHooks = {},
): Promise<DeployStackResult> {
  const { cfn } = services;
  const { stackName, signal, deadline } = options;
  const result: DeployStackResult = {
    status: 'failed',
    message: '',
    stackId: undefined,
    stackStatus: undefined,
    changeSetId: undefined,
    preview: undefined,
    previewMarkdown: undefined,
    outputs: {},
    release: undefined,
    rootCause: undefined,
    verification: [],
    template: undefined,
  };

  let stack = await settledStack(cfn, stackName, options, reporter);
  result.stackId = stack?.StackId;

  // ---- the change set: a reviewed one, or a new one ----
  let changeSet: { id: string; name: string; description: ChangeSetDescription; type: 'CREATE' | 'UPDATE' };
  let templateBody = options.template?.body;
  if (options.changeSetId) {
    const description = await waitForChangeSet(cfn, stackName, options.changeSetId, { deadline, signal });
    if (description.StackName !== stackName) {
      throw new UserError(
        `Change set ${options.changeSetId} belongs to stack ${description.StackName}, not ${stackName}.`,
        {
          code: 'bad-change-set',
          fix: 'pass the change-set-id output of the preview run for the same stack-name.',
        },
      );
    }
    if (description.ExecutionStatus !== 'AVAILABLE') {
      throw new UserError(
        `Change set ${options.changeSetId} cannot be executed: it is ${description.Status}/${description.ExecutionStatus}${description.StatusReason ? ` (${description.StatusReason})` : ''}.`,
        {
          code: 'change-set-unavailable',
          fix: 'run the preview again to make a new change set.',
        },
      );
    }
    // What runs is the change set's own template: the file given may have changed since the preview was made.
    let executed: string;
    try {
      executed = await cfn.getTemplateBody(stackName, options.changeSetId);
    } catch (error) {
      if (templateBody === undefined) throw error;
      executed = templateBody;
    }
    templateBody = executed;
    result.template = await keepTemplate(templateBody, options, services, reporter);
    changeSet = {
      id: description.ChangeSetId ?? options.changeSetId,
      name: description.ChangeSetName ?? '',
      description,
      type: stack && stackPhase(stack.StackStatus) !== 'review' ? 'UPDATE' : 'CREATE',
    };
  } else {
    if (templateBody === undefined)
      throw new UserError('No template to deploy.', { code: 'no-template', fix: 'set the `template` input.' });
    const created = await newChangeSet(templateBody, stack, options, services, reporter, result);
    if (created === 'no-changes') {
      result.status = 'no-changes';
      result.message = `Stack ${stackName} is up to date: no changes.`;
      stack = await cfn.describeStack(stackName);
      await afterStable(stack, options, services, reporter, result, new Set());
      const history = await readReleases(services.releases, stackName, (m) => reporter.info(m));
      result.release = currentRelease(history);
      return result;
    }
    changeSet = created;
  }
  result.changeSetId = changeSet.id;
  result.stackId ??= changeSet.description.StackId;
  const parsed = parseTemplate(templateBody);
  const noEcho = new Set([...parsed.parameters.values()].filter((p) => p.noEcho).map((p) => p.name));

  // ---- the preview ----
  const preview: ChangeSetPreview = {
    stackName,
    changeSetName: changeSet.name,
    changeSetId: changeSet.id,
    newStack: changeSet.type === 'CREATE',
    changes: resourceChangeRows(changeSet.description.Changes),
    parameters: parameterChangeRows(stack?.Parameters, changeSet.description.Parameters ?? [], noEcho),
  };
  result.preview = preview;
  result.previewMarkdown = renderPreview(preview);
  hooks.onPreview?.(preview, result.previewMarkdown);

  const guarded = guardedReplacements(preview, options.statefulTypes);
  if (guarded.length > 0) {
    const names = guarded
      .map(
        (g) =>
          `${g.logicalId} (${g.type}, replacement ${g.replacement}${g.causes.length ? ` because of ${g.causes.join(', ')}` : ''})`,
      )
      .join('; ');
    if (options.onReplacement === 'fail') {
      if (options.execute || options.deletePreview) await discardChangeSet(cfn, stackName, changeSet, reporter);
      throw new UserError(`The change set would replace stateful resources — their data would be lost: ${names}.`, {
        code: 'stateful-replacement',
        fix: 'change the template so these resources are updated in place (or migrate the data first), or set `on-replacement: warn` to accept the replacement.',
      });
    }
    reporter.annotate({
      level: 'warning',
      title: 'replacement',
      message: `The change set replaces stateful resources: ${names}.`,
    });
  }

  if (!options.execute) {
    result.status = 'preview';
    if (options.deletePreview) {
      await discardChangeSet(cfn, stackName, changeSet, reporter);
      result.message = `Preview of stack ${stackName}: the change set was deleted (delete-preview).`;
    } else {
      result.message = `Preview of stack ${stackName}: change set ${changeSet.id} is kept for a later run (change-set-id).`;
    }
    return result;
  }

  // ---- execute, with live events ----
  const since = changeSet.description.CreationTime ?? new Date(Date.now() - 60_000);
  const monitor = new StackEventMonitor({
    api: cfn,
    stack: result.stackId ?? stackName,
    since,
    print: (event) => reporter.info(formatEvent(event, stackName)),
    onError: (message) => reporter.info(`(events) ${message}`),
  });
  const startedAt = Date.now();
  const record = (outcome: ReleaseOutcome, parameters: readonly Parameter[], note = '', limitMs?: number) =>
    writeRelease(options, services, reporter, result, hooks, {
      outcome,
      parameters,
      templateBody,
      noEcho,
      executedAt: new Date(startedAt),
      note,
      ...(limitMs !== undefined ? { limitMs } : {}),
    });
  let executed = false;
  let settled = false;
  let final: Stack | undefined;
  try {
    await reporter.group(`CloudFormation events of ${stackName}`, async () => {
      monitor.start();
      try {
        await cfn.executeChangeSet({
          StackName: stackName,
          ChangeSetName: changeSet.id,
          ClientRequestToken: randomUUID(),
        });
        executed = true;
        final = await waitForStack(cfn, stackName, { deadline, signal });
        settled = true;
      } finally {
        await monitor.stop();
      }
    });
    reporter.info(
      `Stack ${stackName} is ${final?.StackStatus ?? 'gone'} after ${Math.round((Date.now() - startedAt) / 1000)}s.`,
    );
    result.stackStatus = final?.StackStatus;
    result.outputs = outputsOf(final);

    const phase = stackPhase(final?.StackStatus);
    if (phase === 'complete') {
      result.status = 'deployed';
      result.message = `Stack ${stackName} is ${final?.StackStatus}.`;
      const modified = new Set(preview.changes.filter((c) => c.action !== 'Remove').map((c) => c.logicalId));
      await afterStable(final, options, services, reporter, result, modified);
    } else {
      result.rootCause = findRootCause(monitor.events, result.stackId ?? stackName);
      const cause = result.rootCause
        ? ` Root cause: ${describeRootCause(result.rootCause)}`
        : final?.StackStatusReason
          ? ` ${final.StackStatusReason}`
          : '';
      if (phase === 'rolled-back') {
        result.status = 'rolled-back';
        result.message = `The update of stack ${stackName} failed and CloudFormation rolled it back (${final?.StackStatus}): the previous release is running.${cause}`;
      } else if (phase === 'stuck') {
        result.status = 'failed';
        result.message = `Stack ${stackName} is ${final?.StackStatus}: the rollback itself failed.${cause} To recover: ${rollbackCommand(stackName)}.`;
      } else {
        result.status = 'failed';
        result.message = `Stack ${stackName} ended ${final?.StackStatus ?? 'deleted'}.${cause}`;
      }
    }
  } catch (error) {
    // The run ends with this error whatever happens here: the cancel and the record are bounded and never throw.
    // A cancel gives the step a few seconds (kit's grace), so both go at once.
    await Promise.all([
      !settled && signal.aborted && options.cancelOnAbort ? cancelUpdate(cfn, stackName, reporter) : undefined,
      executed
        ? settled
          ? // The stack updated; its verification did not finish: running, not known to be healthy.
            record(
              'unhealthy',
              releaseParameters(changeSet.description.Parameters, final?.Parameters),
              'the stack updated, but the run ended before its verification finished',
              RECORD_LIMIT_MS,
            )
          : record(
              'failed',
              intendedParameters(changeSet.description.Parameters, stack?.Parameters, parsed.parameters),
              'the change set was executed, but the run ended before the stack settled',
              RECORD_LIMIT_MS,
            )
        : undefined,
    ]);
    throw error;
  }
  await record(outcomeOf(result.status), releaseParameters(changeSet.description.Parameters, final?.Parameters));
  return result;
}

/** The stack as it stands once no operation is running; recreates a failed first create when asked. */
async function settledStack(
  cfn: CloudFormationApi,
  stackName: string,
  options: DeployStackOptions,
  reporter: Reporter,
): Promise<Stack | undefined> {
  let stack = await cfn.describeStack(stackName);
  if (stack && stackPhase(stack.StackStatus) === 'in-progress') {
    reporter.info(`Stack ${stackName} is ${stack.StackStatus}: waiting for that operation to finish first.`);
    stack = await waitForStack(cfn, stackName, { deadline: options.deadline, signal: options.signal });
  }
  const phase = stackPhase(stack?.StackStatus);
  if (phase === 'stuck' || phase === 'failed') {
    throw new UserError(
      `Stack ${stackName} is ${stack?.StackStatus}${stack?.StackStatusReason ? ` (${stack.StackStatusReason})` : ''}: it cannot be updated until it is recovered.`,
      {
        code: 'stack-stuck',
        fix: rollbackCommand(stackName),
      },
    );
  }
  if (phase === 'create-rolled-back') {
    if (!options.recreateFailed) {
      throw new UserError(
        `Stack ${stackName} is ROLLBACK_COMPLETE: its first create failed, and such a stack can only be deleted.`,
        {
          code: 'rollback-complete',
          fix: 'set `recreate-failed: true` to delete and create it again, or delete it yourself.',
        },
      );
    }
    reporter.info(
      `Stack ${stackName} is ROLLBACK_COMPLETE from a failed first create: deleting it to create it again (recreate-failed).`,
    );
    await cfn.deleteStack(stackName, randomUUID());
    await waitForStack(cfn, stack?.StackId ?? stackName, { deadline: options.deadline, signal: options.signal });
    return undefined;
  }
  return stack;
}

/** Stores the template, plans the parameters and creates the change set. */
async function newChangeSet(
  body: string,
  stack: Stack | undefined,
  options: DeployStackOptions,
  services: DeployStackServices,
  reporter: Reporter,
  result: DeployStackResult,
): Promise<{ id: string; name: string; description: ChangeSetDescription; type: 'CREATE' | 'UPDATE' } | 'no-changes'> {
  const { stackName } = options;
  const template = parseTemplate(body, options.template?.file ? { file: options.template.file } : {});
  const bytes = Buffer.byteLength(body, 'utf8');
  if (bytes > MAX_TEMPLATE_BODY_BYTES && !options.artifactsBucket) {
    throw new UserError(
      `The template is ${bytes.toLocaleString('en-US')} bytes; CloudFormation takes at most ${MAX_TEMPLATE_BODY_BYTES.toLocaleString('en-US')} bytes inline, so a larger template must be uploaded to S3 first.`,
      {
        code: 'template-too-large',
        fix: 'set `artifacts-bucket` to a bucket name, or to `auto` to let hoist create hoist-artifacts-<account>-<region>.',
      },
    );
  }
  result.template = await keepTemplate(body, options, services, reporter);
  const isUpdate = stack !== undefined && stackPhase(stack.StackStatus) !== 'review';
  const plan = planParameters({
    template: [...template.parameters.values()].map((p): TemplateParameter => ({
      name: p.name,
      default: p.default,
      noEcho: p.noEcho,
    })),
    given: options.parameters,
    ...(options.usePrevious ? { usePrevious: options.usePrevious } : {}),
    existing: isUpdate ? (stack.Parameters ?? []) : undefined,
  });
  if (plan.kept.length > 0) reporter.info(`Keeping the current value of: ${plan.kept.join(', ')} (UsePreviousValue).`);
  if (plan.dropped.length > 0) {
    reporter.annotate({
      level: 'notice',
      title: 'parameters',
      message: `The template no longer declares ${plan.dropped.join(', ')}: dropped from stack ${stackName}.`,
    });
  }
  if (plan.unknown.length > 0) {
    reporter.annotate({
      level: 'warning',
      title: 'parameters',
      message: `Values given for parameters the template does not declare were not sent: ${plan.unknown.join(', ')}.`,
    });
  }
  const useUrl = bytes > MAX_TEMPLATE_BODY_BYTES && result.template;
  if (useUrl && result.template)
    reporter.info(
      `The template is passed as TemplateURL ${result.template.url} (over ${MAX_TEMPLATE_BODY_BYTES.toLocaleString('en-US')} bytes).`,
    );
  const created = await createChangeSet(
    services.cfn,
    {
      stackName,
      type: isUpdate ? 'UPDATE' : 'CREATE',
      template: useUrl && result.template ? { url: result.template.url } : { body },
      parameters: plan.parameters,
      capabilities: options.capabilities,
      tags: options.tags,
      ...(options.roleArn ? { roleArn: options.roleArn } : {}),
      description: `hoist ${options.release.kind}${options.release.gitSha ? ` of ${options.release.gitSha.slice(0, 12)}` : ''}`,
      includeNestedStacks: [...template.resources.values()].some((r) => r.type === 'AWS::CloudFormation::Stack'),
    },
    { deadline: options.deadline, signal: options.signal },
  );
  if (created.kind === 'no-changes') {
    reporter.info(`No changes: ${created.reason}${created.id ? ' (the empty change set was deleted)' : ''}`);
    if (!isUpdate) await deleteReviewStack(services.cfn, stackName, reporter);
    return 'no-changes';
  }
  reporter.info(`Change set ${created.name} is ready (${created.description.Changes.length} resource changes).`);
  return { id: created.id, name: created.name, description: created.description, type: isUpdate ? 'UPDATE' : 'CREATE' };
}

/** With an artifacts bucket, the template body is kept there (content-addressed): for a TemplateURL and for rollback. */
async function keepTemplate(
  body: string,
  options: DeployStackOptions,
  services: DeployStackServices,
  reporter: Reporter,
): Promise<StoredTemplate | undefined> {
  if (!options.artifactsBucket) return undefined;
  const artifacts = await services.artifacts();
  const bucket = await ensureArtifactsBucket(artifacts, options.artifactsBucket, options.region, (m) =>
    reporter.info(m),
  );
  const stored = await storeTemplate(artifacts, bucket, body, options.region);
  reporter.info(`Template stored as s3://${bucket}/${stored.key}.`);
  return stored;
}

/** Deletes a change set that will not run — and the empty REVIEW_IN_PROGRESS stack a change set for a new stack made. */
async function discardChangeSet(
  cfn: CloudFormationApi,
  stackName: string,
  changeSet: { id: string; type: 'CREATE' | 'UPDATE' },
  reporter: Reporter,
): Promise<void> {
  await deleteChangeSetQuietly(cfn, stackName, changeSet.id);
  if (changeSet.type === 'CREATE') await deleteReviewStack(cfn, stackName, reporter);
}

async function deleteReviewStack(cfn: CloudFormationApi, stackName: string, reporter: Reporter): Promise<void> {
  const stack = await cfn.describeStack(stackName);
  if (stack?.StackStatus !== 'REVIEW_IN_PROGRESS') return;
  try {
    await cfn.deleteStack(stack.StackId ?? stackName, randomUUID());
    reporter.info(`Deleted the empty REVIEW_IN_PROGRESS stack ${stackName} that the change set had made.`);
  } catch (error) {
    reporter.info(`Could not delete the REVIEW_IN_PROGRESS stack ${stackName}: ${(error as Error).message}`);
  }
}

/** How long the cancel and the release record may take once a run ends in an error: inside kit's cancel grace. */
const RECORD_LIMIT_MS = 5000;

/** The call's answer, or an error when there is none within `ms` (the call itself is left to finish or not). */
async function answerWithin<T>(call: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      call,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000}s`)), ms);
        timer.unref();
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** On cancel: ask CloudFormation to cancel the update (it rolls back), without waiting for it. */
async function cancelUpdate(cfn: CloudFormationApi, stackName: string, reporter: Reporter): Promise<void> {
  try {
    await answerWithin(cfn.cancelUpdateStack(stackName, randomUUID()), RECORD_LIMIT_MS);
    reporter.info(`Cancelled the update of stack ${stackName} (cancel-on-abort): CloudFormation rolls it back.`);
  } catch (error) {
    reporter.info(`Could not cancel the update of stack ${stackName}: ${(error as Error).message}`);
  }
}

function outputsOf(stack: Stack | undefined): Record<string, string> {
  return Object.fromEntries(
    (stack?.Outputs ?? []).filter((o) => o.OutputKey).map((o) => [o.OutputKey ?? '', o.OutputValue ?? '']),
  );
}

/** After the stack is stable: termination protection, forced deployments, verification (which may make it `unhealthy`). */
async function afterStable(
  stack: Stack | undefined,
  options: DeployStackOptions,
  services: DeployStackServices,
  reporter: Reporter,
  result: DeployStackResult,
  updatedByChangeSet: ReadonlySet<string>,
): Promise<void> {
  if (!stack) return;
  result.stackId = stack.StackId;
  result.stackStatus = stack.StackStatus;
  result.outputs = outputsOf(stack);
  if (
    options.terminationProtection !== undefined &&
    (stack.EnableTerminationProtection ?? false) !== options.terminationProtection
  ) {
    // The stack is deployed: a protection that could not be set is a warning, not a failed release.
    try {
      await services.cfn.updateTerminationProtection(options.stackName, options.terminationProtection);
      reporter.info(
        `Termination protection ${options.terminationProtection ? 'enabled' : 'disabled'} on stack ${options.stackName}.`,
      );
    } catch (error) {
      if (options.signal?.aborted) throw error;
      reporter.annotate({
        level: 'warning',
        title: 'termination protection',
        message: `The stack is deployed, but its termination protection could not be ${options.terminationProtection ? 'enabled' : 'disabled'}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\nFix: allow cloudformation:UpdateTerminationProtection on the stack to the deploying role, or set it in the console.`,
      });
    }
  }
  const needsResources = options.forceNewDeployment !== undefined || result.status === 'deployed';
  if (!needsResources) return;
  const resources = await services.cfn.listStackResources(options.stackName);
  const ecsServices = stackServices(resources);
  const groups = stackGroups(resources);
  const rolled = new Set<string>();
  if (options.forceNewDeployment) {
    const ecs = await services.ecs();
    const targets = await forcedTargets(options.forceNewDeployment, ecsServices, groups, {
      ecs,
      autoscaling: groups.length > 0 ? await services.autoscaling() : undefined,
    });
    if (targets.unknown.length > 0) {
      throw new UserError(
        `force-new-deployment names services stack ${options.stackName} does not have: ${targets.unknown.join(', ')}.`,
        {
          code: 'unknown-service',
          fix: `name services by name or logical id: ${ecsServices.map((s) => s.logicalId).join(', ') || '(the stack has no ECS services)'}.`,
        },
      );
    }
    for (const t of targets.services) {
      if (updatedByChangeSet.has(t.service.logicalId)) continue;
      await ecs.forceNewDeployment(t.service.cluster, t.service.name);
      rolled.add(t.service.logicalId);
      reporter.info(
        `Forced a new deployment of ECS service ${t.service.name}${t.secrets.length ? ` (uses updated ${t.secrets.join(', ')})` : ''}.`,
      );
    }
    for (const g of targets.groups) {
      const id = await (await services.autoscaling()).startInstanceRefresh(g.name);
      reporter.info(
        `Started instance refresh ${id} of Auto Scaling group ${g.name} (uses updated ${g.secrets.join(', ')}).`,
      );
    }
    if (rolled.size === 0 && targets.groups.length === 0)
      reporter.info('force-new-deployment: no service or group to roll.');
  }
  if (result.status !== 'deployed' && rolled.size === 0) return;
  const verifyOptions = { deadline: options.deadline, signal: options.signal };
  const findings: Finding[] = [];
  if (ecsServices.length > 0) {
    reporter.info(
      `Verifying ${ecsServices.length} ECS service(s) until each rollout completes with running = desired: ${ecsServices.map((s) => s.name).join(', ')}.`,
    );
    findings.push(...(await verifyEcsServices(await services.ecs(), ecsServices, verifyOptions)));
  }
  if (groups.length > 0 && result.status === 'deployed') {
    reporter.info(`Verifying ${groups.length} Auto Scaling group(s) until every instance is InService and Healthy.`);
    findings.push(...(await verifyAutoScalingGroups(await services.autoscaling(), groups, verifyOptions)));
  }
  if (options.healthCheckUrl) {
    const healthDeadline = Math.min(options.deadline, Date.now() + (options.healthCheckTimeoutMs ?? 300_000));
    findings.push(await checkHealthUrl(options.healthCheckUrl, { deadline: healthDeadline, signal: options.signal }));
  }
  result.verification = findings;
  if (findings.some((f) => f.status === 'fail')) {
    const failed = findings.filter((f) => f.status === 'fail').map((f) => f.check);
    result.status = 'unhealthy';
    result.message = `Stack ${options.stackName} updated, but verification failed (${failed.join(', ')}): the new release is running and unhealthy. To go back: ${rollbackCommand(options.stackName).split(';')[0]}.`;
  }
}

/**
 * The parameter values a release record keeps: the stack's, read after the wait — unless another run's update went
 * in meanwhile (the stack runs another image than this change set set), then this change set's own values.
 */
function releaseParameters(
  fromChangeSet: readonly Parameter[] | undefined,
  fromStack: readonly Parameter[] | undefined,
): Parameter[] {
  const stack = new Map((fromStack ?? []).map((p) => [p.ParameterKey, p]));
  const movedOn = (fromChangeSet ?? []).some((p) => {
    const now = stack.get(p.ParameterKey)?.ParameterValue;
    return !p.UsePreviousValue && isImageReference(p.ParameterValue) && now !== p.ParameterValue;
  });
  if (!movedOn) return [...stack.values()];
  for (const p of fromChangeSet ?? []) if (p.ParameterValue !== undefined) stack.set(p.ParameterKey, p);
  return [...stack.values()];
}

/**
 * The parameter values a change set was executed with, for a run that ended before the stack settled: the stack's
 * values before, with the change set's own on top (the template's parameters only).
 */
function intendedParameters(
  fromChangeSet: readonly Parameter[] | undefined,
  before: readonly Parameter[] | undefined,
  declared: ReadonlyMap<string, unknown>,
): Parameter[] {
  const values = new Map<string, Parameter>();
  for (const p of before ?? []) if (p.ParameterKey && declared.has(p.ParameterKey)) values.set(p.ParameterKey, p);
  for (const p of fromChangeSet ?? [])
    if (p.ParameterKey && !p.UsePreviousValue && p.ParameterValue !== undefined) values.set(p.ParameterKey, p);
  return [...values.values()];
}

function isImageReference(value: string | undefined): boolean {
  return value !== undefined && Object.keys(imageParameters({ value })).length > 0;
}

function outcomeOf(status: DeployStatus): ReleaseOutcome {
  return status === 'deployed' || status === 'unhealthy' || status === 'rolled-back' ? status : 'failed';
}

interface ReleaseToWrite {
  outcome: ReleaseOutcome;
  parameters: readonly Parameter[];
  templateBody: string;
  noEcho: ReadonlySet<string>;
  executedAt: Date;
  /** Why the outcome is what it is, when the run did not end normally. */
  note: string;
  /** Bound on the SSM calls (a cancelled run has only seconds left). */
  limitMs?: number;
}

/** Records the release; a failure to write is a warning, never an error (the deploy's own outcome stands). */
async function writeRelease(
  options: DeployStackOptions,
  services: DeployStackServices,
  reporter: Reporter,
  result: DeployStackResult,
  hooks: DeployHooks,
  what: ReleaseToWrite,
): Promise<void> {
  const { outcome } = what;
  const parameters = recordableParameters(what.parameters, what.noEcho);
  // A release is placed in the history by when it was executed, not when its run finished waiting: two runs that
  // overlap on one stack keep the order in which their updates reached it.
  const now = what.executedAt;
  const release: ReleaseRecord = {
    id: newReleaseId(now, options.release.gitSha),
    time: now.toISOString(),
    kind: options.release.kind,
    outcome,
    ...(options.release.restores ? { restores: options.release.restores } : {}),
    ...(options.release.gitSha ? { gitSha: options.release.gitSha } : {}),
    ...(options.release.actor ? { actor: options.release.actor } : {}),
    ...(options.release.runUrl ? { runUrl: options.release.runUrl } : {}),
    ...(result.changeSetId ? { changeSetId: result.changeSetId } : {}),
    templateSha256: templateChecksum(what.templateBody),
    ...(result.template
      ? {
          template: {
            bucket: result.template.bucket,
            key: result.template.key,
            ...(result.template.versionId ? { versionId: result.template.versionId } : {}),
          },
        }
      : {}),
    parameters: parameters.values,
    noEcho: parameters.noEcho,
    images: imageParameters(parameters.values),
  };
  try {
    const writing = recordRelease(services.releases, options.stackName, release, (m) => reporter.info(m));
    await (what.limitMs === undefined ? writing : answerWithin(writing, what.limitMs));
    result.release = release;
    reporter.info(`Release ${release.id} recorded (${outcome}${what.note ? `: ${what.note}` : ''}).`);
    hooks.onRelease?.(release);
  } catch (error) {
    reporter.annotate({
      level: 'warning',
      title: 'release record',
      message: `The release record could not be written to SSM (${(error as Error).name}: ${(error as Error).message}); rollback will not know this release.`,
    });
  }
}
