import { hasConfiguredCredentials, isKnownRegion, resolveRegion, ecrRegistry, type AwsContext } from '@hoist/aws';
import {
  exec as realExec,
  failsOn,
  InputError,
  renderFindings,
  type ActionContext,
  type Exec,
  type Finding,
  type Reporter,
} from '@hoist/kit';
import { bucketCheck } from './checks/bucket.js';
import { CATEGORIES, type CallerIdentity, type Check, type CheckContext } from './checks/check.js';
import { committedSecretsCheck } from './checks/committed-secrets.js';
import { healthCheckCheck } from './checks/health-check.js';
import { fetchCallerIdentity, identityCheck } from './checks/identity.js';
import { permissionsCheck } from './checks/permissions.js';
import { quotasCheck } from './checks/quotas.js';
import { describeRegion, regionCheck } from './checks/region.js';
import { repositoryCheck } from './checks/repository.js';
import { secretsCheck } from './checks/secrets.js';
import { parametersCheck, templateCheck } from './checks/template.js';
import { toolsCheck } from './checks/tools.js';
import { chosenChecks, getInputs, type Inputs } from './inputs.js';
import { loadProject } from './project.js';

/** In the order of the list; the summary groups them by the guide's categories. */
const ALL_CHECKS: readonly Check[] = [
  identityCheck,
  regionCheck,
  toolsCheck,
  permissionsCheck,
  secretsCheck,
  bucketCheck,
  repositoryCheck,
  templateCheck,
  parametersCheck,
  quotasCheck,
  committedSecretsCheck,
  healthCheckCheck,
];
const TITLE = 'hoist preflight';

/** The preflight action: every chosen check at once, no AWS writes, one table. */
export async function preflight(
  { reporter, inputs: source, signal }: ActionContext,
  exec: Exec = realExec,
): Promise<void> {
  const inputs = getInputs(source);
  if (inputs['github-token']) reporter.setSecret(inputs['github-token']);
  const ids = chosenChecks(inputs);
  const { region, source: regionSource } = await resolveRegion(inputs.region);
  const awsAvailable = inputs.aws === 'required' || hasConfiguredCredentials();
  const aws: AwsContext = { region, action: 'preflight' };
  if (regionSource === 'input' && awsAvailable && !isKnownRegion(region)) await assertRegionExists(aws, region, signal);

  let identity: Promise<CallerIdentity> | undefined;
  // Once every check has reported, whatever a timed-out check left running (the shared STS call) is ended with it.
  const checksDone = new AbortController();
  const checksSignal = AbortSignal.any([signal, checksDone.signal]);
  const context: CheckContext = {
    inputs,
    region,
    aws,
    awsAvailable,
    signal: checksSignal,
    exec,
    facts: {},
    project: await loadProject(inputs),
    callerIdentity: () => (identity ??= fetchCallerIdentity(aws, checksSignal)),
  };
  const chosen = ALL_CHECKS.filter((c) => ids.includes(c.id));
  reporter.info(
    `Running ${chosen.length} check${chosen.length === 1 ? '' : 's'} at once: ${chosen.map((c) => c.id).join(', ')}.`,
  );
  const started = Date.now();
  const timings: string[] = [];
  const results = await Promise.all(
    chosen.map(async (check) => {
      const findings = await runCheck(check, context, inputs['check-timeout']);
      timings.push(`${check.id} ${Date.now() - started} ms`);
      return findings;
    }),
  ).finally(() => checksDone.abort());
  const findings = results.flat();
  reporter.info(`Checks finished in ${Date.now() - started} ms (${timings.join(', ')}).`);

  reporter.setOutput('region', region);
  if (context.facts.accountId) {
    reporter.setOutput('account-id', context.facts.accountId);
    reporter.setOutput('registry', ecrRegistry(context.facts.accountId, region));
  }
  if (context.facts.callerArn) reporter.setOutput('caller-arn', context.facts.callerArn);
  const capabilities = context.project.validation?.capabilities;
  if (capabilities) reporter.setOutput('capabilities', capabilities.join(','));
  reporter.setOutput('report', findings);
  reporter.findings(findings, { title: TITLE, categories: CATEGORIES });
  await commentOnPullRequest(reporter, inputs, findings);
  if (failsOn(findings, inputs['fail-on'])) {
    const failed = [
      ...new Set(
        findings
          .filter((f) => f.status === 'fail' || (inputs['fail-on'] === 'warning' && f.status === 'warn'))
          .map((f) => f.check),
      ),
    ];
    reporter.fail(`Preflight found problems in: ${failed.join(', ')}. See the table above for the fixes.`);
  }
}

/** One check, bounded by its timeout; a crash or a timeout becomes a FAIL finding, never hides the other checks. */
async function runCheck(check: Check, context: CheckContext, timeoutMs: number): Promise<Finding[]> {
  const category = check.category;
  if (check.needsAws && !context.awsAvailable) {
    return [
      {
        check: check.id,
        status: 'skip',
        category,
        message: 'no AWS credentials (aws: optional)',
        fix: 'run with AWS credentials to check this.',
      },
    ];
  }
  const signal = AbortSignal.any([context.signal, AbortSignal.timeout(timeoutMs)]);
  try {
    const findings = await untilAborted(check.run({ ...context, signal }), signal);
    return findings.map((f) => ({ category, ...f }));
  } catch (error) {
    if (context.signal.aborted) throw error;
    const timedOut = signal.aborted;
    return [
      {
        check: check.id,
        status: 'fail',
        category,
        message: timedOut
          ? `did not finish within ${timeoutMs / 1000}s`
          : `could not run: ${error instanceof Error ? error.message : String(error)}`,
        fix: timedOut ? 'raise check-timeout, or look at network access to AWS.' : 'see the log for details.',
      },
    ];
  }
}

/**
 * The work's result, or the signal's reason as soon as it aborts: a check that waits on something deaf to its own
 * signal (the STS call it shares with another check) still ends at its timeout.
 */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    void work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** A region code that hoist does not know is asked of AWS before anything else: a typo fails as a bad input. */
async function assertRegionExists(aws: AwsContext, region: string, signal: AbortSignal): Promise<void> {
  const expected = 'an AWS region code such as us-east-1 or eu-west-1';
  let status;
  try {
    status = await describeRegion({ ...aws, region: 'us-east-1' }, region, signal);
  } catch {
    throw new InputError('region', region, `${expected} (it is not a region hoist knows, and AWS could not be asked)`);
  }
  if (status === 'absent') throw new InputError('region', region, `${expected} (AWS lists no such region)`);
}

/** With `github-token` on a pull request: the findings table as the preflight section of hoist's one PR comment. */
async function commentOnPullRequest(reporter: Reporter, inputs: Inputs, findings: readonly Finding[]): Promise<void> {
  const token = inputs['github-token'];
  if (!token) return;
  const { createGitHubClient, readGitHubEvent } = await import('@hoist/kit');
  const event = readGitHubEvent();
  if (event.pullRequestNumber === undefined) {
    reporter.info('github-token is set, but this run is not about a pull request: no comment.');
    return;
  }
  if (event.fromFork) {
    reporter.info(
      `Pull request #${event.pullRequestNumber} comes from a fork: its token is read-only, so the findings are in the job summary only (no comment).`,
    );
    return;
  }
  try {
    const github = await createGitHubClient({ token, reporter });
    const markdown = renderFindings(findings, { title: TITLE, categories: CATEGORIES });
    const result = await github.upsertCommentSection(event.pullRequestNumber, 'preflight', markdown);
    if (result.outcome !== 'read-only') reporter.info(`Pull request comment ${result.outcome}: ${result.url ?? ''}`);
  } catch (error) {
    // The comment is a convenience: the verdict stands without it.
    reporter.annotate({
      level: 'warning',
      title: 'GitHub comment',
      message: error instanceof Error ? error.message : String(error),
    });
  }
}
