import { describeAwsError, resolveRegion, type AwsContext } from '@hoist/aws';
import { parseTemplate, requiredCapabilities } from '@hoist/cfn';
import {
  createArtifactsApi,
  createAutoScalingApi,
  createCloudFormationApi,
  createEcsApi,
  createReleaseStoreApi,
  DEFAULT_STATEFUL_TYPES,
  deployStack,
  formatEvent,
  readReleases,
  runContext,
  templateChecksum,
  type ArtifactsApi,
  type CloudFormationApi,
  type DeployStackResult,
  type ReleaseRecord,
  type Stack,
} from '@hoist/cfn/stack';
import { createRecoveryCalls, recoverStack } from '@hoist/cfn/stack/recover';
import { UserError, type ActionContext, type Reporter } from '@hoist/kit';
import { chooseRelease, runningRelease, stackParameterValues } from './choose.js';
import type { Inputs } from './inputs.js';
import type { ParameterRow, RollbackReport, RollbackStatus } from './report.js';

/** What a rollback run did: the report (also filled in as it goes, so a failure still shows what was found), and the deploy. */
export interface RollbackResult {
  report: RollbackReport;
  deploy: DeployStackResult | undefined;
}

/**
 * The rollback: bring a stuck stack to a stable state, choose the release, restore its template and exact
 * parameter values (images by digest: nothing is built or pushed) through deploy-stack's deploy path, and record the
 * rollback as a release of its own. Works from AWS state alone: the stack, its release records and the artifacts.
 */
export async function rollback(
  inputs: Inputs,
  { reporter, signal }: ActionContext,
  started: number,
  report: RollbackReport,
): Promise<RollbackResult> {
  const stackName = inputs['stack-name'];
  const dryRun = inputs['dry-run'];
  const deadline = started + inputs['timeout-minutes'];
  const { region } = await resolveRegion(inputs.region);
  const aws: AwsContext = { region, action: 'rollback' };
  const cfn = await createCloudFormationApi(aws, signal);
  const store = await createReleaseStoreApi(aws, signal);
  const result: RollbackResult = { report, deploy: undefined };
  const finish = (status: RollbackStatus, message: string): RollbackResult => {
    report.status = status;
    report.message = message;
    return result;
  };

  const history = await readReleases(store, stackName, (m) => reporter.info(m));
  report.releases = history.releases;
  const recovery = await recoverStack({ ...cfn, ...(await createRecoveryCalls(aws, signal)) }, stackName, {
    cancelInProgress: inputs['cancel-in-progress'],
    resourcesToSkip: inputs['resources-to-skip'],
    deadline,
    signal,
    dryRun,
    log: (m) => reporter.info(m),
    printEvent: (e) => reporter.info(formatEvent(e, stackName)),
  });
  report.stackStatus = recovery.stack.StackStatus;
  if (recovery.done.length > 0) report.recovery = recovery.done;
  if (recovery.planned.length > 0) report.recovery = recovery.planned;
  const running = runningRelease(history, recovery.stack);
  if (running) report.running = running;

  if (recovery.outcome === 'nothing-to-roll-back') {
    return finish('nothing-to-do', `${recovery.message}${recovery.fix ? ` To go on: ${recovery.fix}` : ''}`);
  }
  if (recovery.outcome === 'planned') {
    return finish(
      'nothing-to-do',
      `Dry run, nothing changed: ${recovery.message}${inputs.to ? ' Then the release asked for in `to` would be restored.' : ''}`,
    );
  }
  // A stack rolled back from its failed first create holds no release to restore onto.
  if (recovery.outcome === 'recovered' && (!inputs.to || recovery.stack.StackStatus === 'ROLLBACK_COMPLETE')) {
    const now = recovery.fix
      ? ` Nothing to roll back to: ${recovery.fix}`
      : running
        ? ` Release ${running.id} is running.`
        : '';
    return finish(
      'recovered',
      `Stack ${stackName} was ${recovery.stack.StackStatus === 'ROLLBACK_COMPLETE' ? 'rolled back from its failed first create' : 'brought back to its last stable state'} (${recovery.done.join(', then ')}): it is ${recovery.stack.StackStatus}.${now}`,
    );
  }
  const recovered = recovery.outcome === 'recovered' ? `Recovered first (${recovery.done.join(', then ')}). ` : '';

  const choice = chooseRelease(history, recovery.stack, inputs.to);
  for (const warning of choice.warnings) reporter.annotate({ level: 'warning', title: 'rollback', message: warning });
  if (choice.kind === 'nothing-to-do') {
    return finish(
      recovery.outcome === 'recovered' ? 'recovered' : 'nothing-to-do',
      `${recovered}Nothing to roll back: ${choice.why}.`,
    );
  }
  const target = choice.target;
  report.restored = target;
  report.why = choice.why;
  reporter.info(`Restoring release ${target.id}: ${choice.why}.`);

  const artifacts = lazy(() => createArtifactsApi(aws, signal));
  const template = await restoredTemplate(target, recovery.stack, cfn, artifacts, reporter);
  report.template = template.shown;
  const parsed = parseTemplate(template.body, { file: template.file });
  const noEcho = new Set([
    ...target.noEcho,
    ...[...parsed.parameters.values()].filter((p) => p.noEcho).map((p) => p.name),
  ]);
  report.parameters = parameterRows(recovery.stack, target, noEcho, reporter);
  if (Object.keys(target.parameters).length === 0) {
    reporter.annotate({
      level: 'warning',
      title: 'rollback',
      message: `Release ${target.id} has no parameter values recorded (they did not fit the release history's size limit): every parameter keeps its current value, only the template goes back.`,
    });
  }
  const kept = report.parameters.filter((r) => r.restored.startsWith('kept (NoEcho'));
  if (kept.length > 0) {
    reporter.annotate({
      level: 'notice',
      title: 'rollback',
      message: `NoEcho parameter${kept.length > 1 ? 's' : ''} ${kept.map((r) => r.name).join(', ')} keep${kept.length > 1 ? '' : 's'} the current value (UsePreviousValue): release records never store NoEcho values.`,
    });
  }
  if (dryRun) {
    return finish(
      'nothing-to-do',
      `Dry run, nothing changed: ${recovered}release ${target.id} would be restored, ${choice.why}.`,
    );
  }

  const stack = recovery.stack;
  const capabilities = [...new Set([...requiredCapabilities(parsed).capabilities, ...(stack.Capabilities ?? [])])];
  const deployed = await deployStack(
    {
      stackName,
      template: { body: template.body, file: template.file },
      parameters: target.parameters,
      capabilities,
      // The stack keeps its tags and service role: a rollback changes what the release changed, nothing else.
      tags: Object.fromEntries((stack.Tags ?? []).filter((t) => t.Key).map((t) => [t.Key ?? '', t.Value ?? ''])),
      ...(stack.RoleARN ? { roleArn: stack.RoleARN } : {}),
      ...((inputs['artifacts-bucket'] ?? target.template?.bucket)
        ? { artifactsBucket: inputs['artifacts-bucket'] ?? target.template?.bucket ?? '' }
        : {}),
      deadline,
      onReplacement: 'fail',
      statefulTypes: DEFAULT_STATEFUL_TYPES,
      execute: true,
      deletePreview: false,
      recreateFailed: false,
      cancelOnAbort: false,
      ...(inputs['health-check-url'] ? { healthCheckUrl: inputs['health-check-url'] } : {}),
      release: {
        kind: 'rollback',
        restores: target.id,
        // The record describes what runs: the restored release's commit, not the commit of this workflow run.
        ...(target.gitSha ? { gitSha: target.gitSha } : {}),
        ...runner(),
      },
      region,
      signal,
    },
    {
      cfn,
      releases: store,
      artifacts,
      ecs: () => createEcsApi(aws),
      autoscaling: () => createAutoScalingApi(aws),
    },
    reporter,
    { onPreview: (_preview, markdown) => (report.preview = markdown) },
  ).catch((error: unknown) => {
    if (error instanceof UserError && error.code === 'stateful-replacement') {
      throw new UserError(error.message, {
        code: error.code,
        cause: error,
        fix: `restoring release ${target.id} would replace them; if that is meant, deploy its template and parameters with deploy-stack and \`on-replacement: warn\`.`,
      });
    }
    throw error;
  });
  result.deploy = deployed;
  report.stackStatus = deployed.stackStatus ?? report.stackStatus;
  if (deployed.release?.kind === 'rollback') {
    report.recorded = deployed.release;
    report.releases = [deployed.release, ...history.releases.filter((r) => r.id !== deployed.release?.id)];
  }
  switch (deployed.status) {
    case 'deployed':
      return finish(
        'restored',
        `${recovered}Release ${target.id} is restored on stack ${stackName} (${deployed.stackStatus}).`,
      );
    case 'no-changes':
      return finish(
        recovery.outcome === 'recovered' ? 'recovered' : 'nothing-to-do',
        `${recovered}Stack ${stackName} already has the template and parameter values of release ${target.id}: nothing to change.`,
      );
    case 'unhealthy':
      return finish(
        'failed',
        `${recovered}Release ${target.id} is restored on stack ${stackName}, but its verification failed: ${deployed.message}`,
      );
    default:
      return finish('failed', `${recovered}Restoring release ${target.id} failed: ${deployed.message}`);
  }
}

/** Made once, on first use. */
function lazy<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}

interface RestoredTemplate {
  body: string;
  /** How messages name it. */
  file: string;
  /** One line for the summary: where it came from. */
  shown: string;
}

/**
 * The release's own template from the artifacts bucket its record names (checked against the recorded checksum);
 * without one, the stack's current template — said so, since only the parameter values then go back.
 */
async function restoredTemplate(
  release: ReleaseRecord,
  stack: Stack,
  cfn: CloudFormationApi,
  artifacts: () => Promise<ArtifactsApi>,
  reporter: Reporter,
): Promise<RestoredTemplate> {
  const stackName = stack.StackName ?? '';
  const kept = release.template;
  if (kept) {
    const location = `s3://${kept.bucket}/${kept.key}`;
    let body: string | undefined;
    try {
      body = await (await artifacts()).getObject(kept.bucket, kept.key, kept.versionId);
    } catch (error) {
      reporter.annotate({
        level: 'warning',
        title: 'rollback template',
        message: `Release ${release.id}'s template cannot be read from ${location} (${describeAwsError(error)}): restoring its parameter values on the stack's current template instead.`,
      });
    }
    if (body !== undefined) {
      if (templateChecksum(body) !== release.templateSha256) {
        throw new UserError(
          `The template at ${location} is not the one release ${release.id} deployed (its sha256 differs from the recorded ${release.templateSha256.slice(0, 12)}…).`,
          {
            code: 'template-mismatch',
            fix: 'restore the object version the release names (the bucket is versioned), or choose another release with `to`.',
          },
        );
      }
      reporter.info(
        `Template of release ${release.id}: ${location}${kept.versionId ? ` (version ${kept.versionId})` : ''}, checksum verified.`,
      );
      return { body, file: location, shown: `release ${release.id}'s own, from ${location}` };
    }
  }
  const body = await cfn.getTemplateBody(stackName);
  const same = templateChecksum(body) === release.templateSha256;
  const file = `the current template of stack ${stackName}`;
  if (same) {
    reporter.info(
      `Release ${release.id}'s template was not kept in an artifacts bucket; the stack's current template is the same (sha256 matches).`,
    );
    return { body, file, shown: `the stack's current template, which is release ${release.id}'s (sha256 matches)` };
  }
  if (!kept) {
    reporter.annotate({
      level: 'notice',
      title: 'rollback template',
      message: `Release ${release.id} was deployed without an artifacts bucket, so its template was not kept: restoring its parameter values on the stack's current template (set \`artifacts-bucket\` on deploy-stack to make rollbacks restore templates too).`,
    });
  }
  // Kept but unreadable is not "not kept": the summary names where the template should have been.
  const why = kept ? `cannot be read from s3://${kept.bucket}/${kept.key}` : 'was not kept';
  return {
    body,
    file,
    shown: `the stack's current template, with release ${release.id}'s parameter values (its own template ${why})`,
  };
}

/**
 * What each parameter has now and what the rollback gives it. NoEcho values stay (UsePreviousValue) and are never
 * shown: CloudFormation answers `****` for them, but a value read in the clear is masked all the same.
 */
function parameterRows(
  stack: Stack,
  release: ReleaseRecord,
  noEcho: ReadonlySet<string>,
  reporter: Reporter,
): ParameterRow[] {
  const now = stackParameterValues(stack);
  const names = [...new Set([...Object.keys(now), ...Object.keys(release.parameters)])];
  return names.map((name): ParameterRow => {
    const current = now[name];
    if (noEcho.has(name) || current === '****') {
      if (current && current !== '****') reporter.setSecret(current);
      return {
        name,
        current: current === undefined ? undefined : '****',
        restored: 'kept (NoEcho: UsePreviousValue)',
        changed: false,
      };
    }
    const value = release.parameters[name];
    if (value === undefined) return { name, current, restored: 'kept (not recorded in the release)', changed: false };
    return { name, current, restored: value, changed: value !== current };
  });
}

/** Who ran this rollback, from the runner's environment. */
/** Who ran the rollback; its git sha is the restored release's (the code that runs), not the workflow's. */
function runner(): { actor?: string; runUrl?: string } {
  const { actor, runUrl } = runContext();
  return { ...(actor ? { actor } : {}), ...(runUrl ? { runUrl } : {}) };
}
