import { hasConfiguredCredentials, isKnownRegion, resolveRegion, ecrRegistry, type AwsContext } from '@hoist/aws';
import { exec as realExec, failsOn, InputError, type ActionContext, type Exec, type Finding } from '@hoist/kit';
import { CATEGORIES, type Check, type CheckContext } from './checks/check.js';
import { identityCheck } from './checks/identity.js';
import { describeRegion, regionCheck } from './checks/region.js';
import { toolsCheck } from './checks/tools.js';
import { getInputs } from './inputs.js';

const ALL_CHECKS: readonly Check[] = [identityCheck, regionCheck, toolsCheck];

/** The preflight action: every chosen check at once, no AWS writes, one table. */
export async function preflight(
  { reporter, inputs: source, signal }: ActionContext,
  exec: Exec = realExec,
): Promise<void> {
  const inputs = getInputs(source);
  const { region, source: regionSource } = await resolveRegion(inputs.region);
  const awsAvailable = inputs.aws === 'required' || hasConfiguredCredentials();
  const aws: AwsContext = { region, action: 'preflight' };
  if (regionSource === 'input' && awsAvailable && !isKnownRegion(region)) await assertRegionExists(aws, region, signal);

  const context: CheckContext = { inputs, region, aws, awsAvailable, signal, exec, facts: {} };
  const chosen = ALL_CHECKS.filter((c) => inputs.checks.includes(c.id));
  const findings = (await Promise.all(chosen.map((check) => runCheck(check, context, inputs['check-timeout'])))).flat();

  reporter.setOutput('region', region);
  if (context.facts.accountId) {
    reporter.setOutput('account-id', context.facts.accountId);
    reporter.setOutput('registry', ecrRegistry(context.facts.accountId, region));
  }
  if (context.facts.callerArn) reporter.setOutput('caller-arn', context.facts.callerArn);
  reporter.setOutput('report', findings);
  reporter.findings(findings, { title: 'hoist preflight', categories: CATEGORIES });
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
    const findings = await check.run({ ...context, signal });
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
