import path from 'node:path';
import { resolveRegion, type AwsContext } from '@hoist/aws';
import { parseParameterOverrides, readParametersFile, readTemplate, requiredCapabilities } from '@hoist/cfn';
import { createGitHubClient, markdownTable, UserError, workspace, type ActionContext, type Reporter } from '@hoist/kit';
import type { DeployStackResult, DeployStatus } from '@hoist/cfn/stack';
import { getInputs, type Inputs } from './inputs.js';

/** Outputs of the action itself: a stack Output with one of these names is only in `outputs`. */
const RESERVED_OUTPUTS = new Set(['stack-id', 'status', 'release-id', 'change-set-id', 'change-set', 'outputs']);

const STATUS_ICON: Record<DeployStatus, string> = {
  deployed: '✅',
  'no-changes': '✅',
  preview: '👀',
  'rolled-back': '↩️',
  unhealthy: '🩺',
  failed: '❌',
};

/** The deploy-stack action: change set, preview, execution with live events, verification, release record. */
export async function deployStackAction({ reporter, inputs: source, signal }: ActionContext): Promise<void> {
  const started = Date.now();
  const inputs = getInputs(source);
  const prepared = prepare(inputs, reporter);
  const { region } = await resolveRegion(inputs.region);
  const aws: AwsContext = { region, action: 'deploy-stack' };
  const stack = await import('@hoist/cfn/stack');
  const services = {
    cfn: await stack.createCloudFormationApi(aws, signal),
    releases: await stack.createReleaseStoreApi(aws),
    artifacts: () => stack.createArtifactsApi(aws),
    ecs: () => stack.createEcsApi(aws),
    autoscaling: () => stack.createAutoScalingApi(aws),
  };
  const stackName = inputs['stack-name'];
  const deployment =
    inputs['github-token'] && inputs.execute
      ? await startDeployment(inputs['github-token'], inputs.environment ?? stackName, stackName, reporter)
      : undefined;
  let result: DeployStackResult;
  try {
    result = await stack.deployStack(
      {
        stackName,
        template: prepared.template,
        parameters: prepared.parameters,
        usePrevious: prepared.usePrevious,
        capabilities: prepared.capabilities,
        tags: inputs.tags,
        ...(inputs['role-arn'] ? { roleArn: inputs['role-arn'] } : {}),
        ...(inputs['termination-protection'] !== undefined
          ? { terminationProtection: inputs['termination-protection'] }
          : {}),
        ...(inputs['artifacts-bucket'] ? { artifactsBucket: inputs['artifacts-bucket'] } : {}),
        deadline: started + inputs['timeout-minutes'],
        onReplacement: inputs['on-replacement'],
        statefulTypes: inputs['stateful-types'] ?? stack.DEFAULT_STATEFUL_TYPES,
        execute: inputs.execute,
        deletePreview: inputs['delete-preview'],
        ...(inputs['change-set-id'] ? { changeSetId: inputs['change-set-id'] } : {}),
        recreateFailed: inputs['recreate-failed'],
        cancelOnAbort: inputs['cancel-on-abort'],
        ...(inputs['health-check-url']
          ? { healthCheckUrl: inputs['health-check-url'], healthCheckTimeoutMs: inputs['health-check-timeout'] }
          : {}),
        ...forceNewDeployment(inputs),
        release: { kind: 'deploy', ...stack.runContext() },
        region,
        signal,
      },
      services,
      reporter,
      {
        onPreview: (preview, markdown) => {
          reporter.setOutput('change-set-id', preview.changeSetId);
          reporter.setOutput('change-set', markdown);
          reporter.summary(markdown);
        },
        // Also when the run then ends in an error: a deadline or a cancel after the change set was executed.
        onRelease: (release) => reporter.setOutput('release-id', release.id),
      },
    );
  } catch (error) {
    await deployment?.finish('failure', `failed: ${error instanceof Error ? error.message : String(error)}`);
    // The status output is there for the workflow's `if:` even when the run ends in an error.
    reporter.setOutput('status', 'failed');
    reporter.summary(
      `### ${STATUS_ICON.failed} deploy-stack \`${stackName}\`: failed\n\n${error instanceof Error ? error.message : String(error)}\n`,
    );
    throw error;
  }
  if (inputs['github-token'] && result.status === 'preview' && result.previewMarkdown) {
    await commentPreview(inputs['github-token'], result.previewMarkdown, reporter);
  }
  if (deployment) {
    const ok = result.status === 'deployed' || result.status === 'no-changes';
    const release = result.release ? `, release ${result.release.id}` : '';
    await deployment.finish(ok ? 'success' : 'failure', `${result.status}${release}`, environmentUrl(inputs, result));
  }
  report(result, reporter, stackName, Date.now() - started);
}

/** On a pull request, the preview goes into hoist's one PR comment (its deploy-stack section). Never fails the step. */
async function commentPreview(token: string, markdown: string, reporter: Reporter): Promise<void> {
  try {
    const github = await createGitHubClient({ token, reporter });
    const pr = github.event.pullRequestNumber;
    if (pr === undefined) return;
    const comment = await github.upsertCommentSection(pr, 'deploy-stack', markdown);
    reporter.info(`Pull request #${pr}: preview comment ${comment.outcome}${comment.url ? ` (${comment.url})` : ''}.`);
  } catch (error) {
    reporter.annotate({
      level: 'warning',
      title: 'pull request comment',
      message: `The preview could not be posted on the pull request: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}

interface Deployment {
  finish(state: 'success' | 'failure', description: string, environmentUrl?: string): Promise<void>;
}

/**
 * A GitHub deployment of this commit to `environment`, in progress until the deploy ends. Never fails the step:
 * the deploy is what matters, its record on GitHub is a courtesy (a warning says when it could not be made).
 */
async function startDeployment(
  token: string,
  environment: string,
  stackName: string,
  reporter: Reporter,
): Promise<Deployment | undefined> {
  const warn = (what: string, error: unknown) =>
    reporter.annotate({
      level: 'warning',
      title: 'GitHub deployment',
      message: `Could not ${what}: ${error instanceof Error ? error.message : String(error)}`,
    });
  const { gitSha, runUrl } = (await import('@hoist/cfn/stack')).runContext();
  const ref = gitSha ?? process.env['GITHUB_REF'];
  if (!ref) return undefined;
  try {
    const github = await createGitHubClient({ token, reporter });
    const id = await github.createDeployment({
      ref,
      environment,
      description: `hoist deploy-stack: stack ${stackName}`,
      payload: { stack: stackName },
    });
    if (id === undefined) return undefined;
    const logUrl = runUrl ? { logUrl: runUrl } : {};
    await github.setDeploymentStatus(id, {
      state: 'in_progress',
      description: `deploying stack ${stackName}`,
      ...logUrl,
    });
    reporter.info(`GitHub deployment ${id} of ${ref.slice(0, 7)} to ${environment}: in progress.`);
    return {
      async finish(state, description, url) {
        try {
          await github.setDeploymentStatus(id, {
            state,
            description,
            ...logUrl,
            ...(url ? { environmentUrl: url } : {}),
          });
          reporter.info(`GitHub deployment ${id} to ${environment}: ${state}${url ? ` (${url})` : ''}.`);
        } catch (error) {
          warn(`set GitHub deployment ${id} to ${state}`, error);
        }
      },
    };
  } catch (error) {
    warn(`record a GitHub deployment to ${environment}`, error);
    return undefined;
  }
}

const URL_OUTPUTS = ['EnvironmentUrl', 'ServiceUrl', 'Url', 'Endpoint'];

/** The URL a GitHub deployment shows: the input (a URL or an output's name), a URL-like output, the health check. */
export function environmentUrl(
  inputs: Pick<Inputs, 'environment-url' | 'health-check-url'>,
  result: Pick<DeployStackResult, 'outputs'>,
): string | undefined {
  const isUrl = (v: string | undefined): v is string => v !== undefined && /^https?:\/\//i.test(v);
  const given = inputs['environment-url'];
  if (given) return isUrl(given) ? given : isUrl(result.outputs[given]) ? result.outputs[given] : undefined;
  const named = URL_OUTPUTS.map((k) => result.outputs[k]).find(isUrl);
  return named ?? inputs['health-check-url'];
}

interface Prepared {
  template: { body: string; file: string } | undefined;
  parameters: Record<string, string>;
  usePrevious: string[];
  capabilities: string[];
}

/** Reads the template and parameters (no AWS), masks NoEcho values, infers capabilities. */
function prepare(inputs: Inputs, reporter: Reporter): Prepared {
  const template = inputs.template ? readTemplate(inputs.template) : undefined;
  const shown = (file: string) => path.relative(workspace(), file) || file;
  const problem = template?.problems[0];
  if (template && problem) {
    throw new UserError(
      `${shown(template.file ?? '')}:${problem.pos.line}:${problem.pos.column}: the template cannot be parsed: ${problem.message}`,
      {
        code: 'bad-template',
        fix: 'fix the syntax (cfn-validate shows every problem).',
      },
    );
  }
  const file = inputs.parameters ? readParametersFile(inputs.parameters) : undefined;
  const overrides = inputs['parameter-overrides'] ? parseParameterOverrides(inputs['parameter-overrides']) : {};
  const parameters = { ...(file?.values ?? {}), ...overrides };
  const usePrevious = (file?.usePrevious ?? []).filter((k) => !Object.hasOwn(overrides, k));
  for (const p of template?.parameters.values() ?? []) {
    const value = parameters[p.name];
    if (p.noEcho && value) reporter.setSecret(value);
  }
  let capabilities: string[] = inputs.capabilities ?? [];
  if (!inputs.capabilities && template) {
    const required = requiredCapabilities(template);
    capabilities = required.capabilities;
    if (capabilities.length > 0) {
      reporter.info(
        `Capabilities inferred from the template: ${capabilities.join(', ')} (${required.reasons
          .map((r) => r.why)
          .slice(0, 3)
          .join('; ')}).`,
      );
    }
  }
  return {
    template: template && inputs.template ? { body: template.text, file: shown(inputs.template) } : undefined,
    parameters,
    usePrevious,
    capabilities,
  };
}

function forceNewDeployment(inputs: Inputs) {
  const force = inputs['force-new-deployment'];
  if (force.mode === 'none') return {};
  if (force.mode === 'auto')
    return { forceNewDeployment: { mode: 'auto' as const, updatedSecrets: inputs['updated-secrets'] } };
  return { forceNewDeployment: { mode: 'services' as const, services: force.services } };
}

/** Who and what made this release, from the runner's environment. */

function report(result: DeployStackResult, reporter: Reporter, stackName: string, durationMs: number): void {
  reporter.setOutput('status', result.status);
  if (result.stackId) reporter.setOutput('stack-id', result.stackId);
  if (result.release) reporter.setOutput('release-id', result.release.id);
  if (result.changeSetId && result.status === 'preview') reporter.setOutput('change-set-id', result.changeSetId);
  reporter.setOutput('outputs', result.outputs);
  const collisions: string[] = [];
  for (const [key, value] of Object.entries(result.outputs)) {
    if (RESERVED_OUTPUTS.has(key)) collisions.push(key);
    else reporter.setOutput(key, value);
  }
  if (collisions.length > 0) {
    reporter.annotate({
      level: 'warning',
      title: 'outputs',
      message: `Stack output${collisions.length > 1 ? 's' : ''} ${collisions.join(', ')} ${collisions.length > 1 ? 'have' : 'has'} the name of an output of deploy-stack itself: read ${collisions.length > 1 ? 'them' : 'it'} from the \`outputs\` JSON.`,
    });
  }
  if (result.verification.length > 0) reporter.findings(result.verification, { title: 'Verification' });

  const lines: string[] = [];
  lines.push(`### ${STATUS_ICON[result.status]} deploy-stack \`${stackName}\`: ${result.status}`);
  lines.push(result.message);
  const facts: string[][] = [
    ['Status', result.status],
    ['Stack status', result.stackStatus ?? '—'],
    ['Duration', `${Math.round(durationMs / 1000)}s`],
    ['Release', result.release ? `${result.release.id} (${result.release.outcome})` : '—'],
  ];
  if (result.rootCause)
    facts.push(['Root cause', `${result.rootCause.logicalId} (${result.rootCause.type}): ${result.rootCause.reason}`]);
  if (result.template) facts.push(['Template', `s3://${result.template.bucket}/${result.template.key}`]);
  lines.push(markdownTable(['', ''], facts));
  const outputs = Object.entries(result.outputs);
  if (outputs.length > 0)
    lines.push(
      '#### Stack outputs',
      markdownTable(
        ['Output', 'Value'],
        outputs.map(([k, v]) => [k, v]),
      ),
    );
  reporter.summary(lines.join('\n\n') + '\n');

  if (result.rootCause) {
    reporter.annotate({
      level: 'error',
      title: `root cause: ${result.rootCause.logicalId}`,
      message: `${result.rootCause.logicalId} (${result.rootCause.type}) ${result.rootCause.status}: ${result.rootCause.reason}`,
    });
  }
  const success = result.status === 'deployed' || result.status === 'no-changes' || result.status === 'preview';
  if (success) reporter.info(result.message);
  else reporter.fail(result.message);
}
