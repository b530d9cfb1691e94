import { describeError, type ActionContext, type Reporter } from '@hoist/kit';
import { getInputs } from './inputs.js';
import { isSuccess, releaseImage, renderSummary, type RollbackReport } from './report.js';

/** The rollback action: recover a stuck stack, restore the last good release, record the rollback. */
export async function rollbackAction(context: ActionContext): Promise<void> {
  const started = Date.now();
  const inputs = getInputs(context.inputs);
  const { reporter } = context;
  // AWS-heavy modules come after the inputs are checked, so a bad input answers at once.
  const { rollback } = await import('./restore.js');
  const report: RollbackReport = {
    stackName: inputs['stack-name'],
    status: 'failed',
    dryRun: inputs['dry-run'],
    message: '',
    releases: [],
    durationMs: 0,
  };
  try {
    const result = await rollback(inputs, context, started, report);
    if (result.deploy && result.deploy.verification.length > 0)
      reporter.findings(result.deploy.verification, { title: 'Verification' });
  } catch (error) {
    // The status output is there for the workflow's `if:` even when the run ends in an error.
    reporter.setOutput('status', 'failed');
    reporter.summary(
      renderSummary({ ...report, status: 'failed', message: describeError(error), durationMs: Date.now() - started }),
    );
    throw error;
  }
  report.durationMs = Date.now() - started;
  publish(report, reporter);
}

function publish(report: RollbackReport, reporter: Reporter): void {
  reporter.setOutput('status', report.status);
  const release =
    report.restored ??
    (report.status === 'recovered' || report.status === 'nothing-to-do' ? report.running : undefined);
  if (release) reporter.setOutput('release-id', release.id);
  const image = releaseImage(release);
  if (image) reporter.setOutput('image-uri', image);
  reporter.summary(renderSummary(report));
  if (isSuccess(report.status)) reporter.info(report.message);
  else reporter.fail(report.message);
}
