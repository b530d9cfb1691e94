import {
  CHAIN,
  headline,
  renderSummary,
  reportJson,
  skipReason,
  stepInputs,
  type Flow,
  type ShipSettings,
  type StepName,
} from '@hoist/chain';
import type { ActionContext } from '@hoist/kit';
import { getInputs, SECRET_INPUTS } from './inputs.js';
import { ACTIONS, InProcessRunner, stepSource } from './steps.js';

/** Stand-ins for what earlier steps hand on, so every step's inputs can be checked before the first one runs. */
const PLACEHOLDER_FLOW: Flow = {
  preflight: { registry: '000000000000.dkr.ecr.us-east-1.amazonaws.com', capabilities: '' },
  'cfn-validate': { capabilities: '' },
  'build-push-multiarch': {
    'image-uri': `000000000000.dkr.ecr.us-east-1.amazonaws.com/placeholder@sha256:${'0'.repeat(64)}`,
  },
};

/**
 * Every step's inputs, read by the step's own reader, before anything runs: a bad input to deploy-stack must not
 * surface after secrets were written and an image pushed. The error names the input as ship's `with:` has it.
 */
export function checkAllInputs(settings: ShipSettings): void {
  const steps: StepName[] = [...CHAIN.filter((s) => skipReason(s, settings) === undefined), 'rollback'];
  for (const step of steps) {
    ACTIONS[step].check(stepSource(step, stepInputs(step, settings, PLACEHOLDER_FLOW)));
  }
}

/** The ship action: the whole chain in one step, in the order and with the failure handling of the deploy workflow. */
export async function ship({ reporter, inputs: source, signal }: ActionContext): Promise<void> {
  const settings = getInputs(source);
  for (const name of SECRET_INPUTS) if (settings.pass[name]) reporter.setSecret(settings.pass[name]);
  checkAllInputs(settings);
  const { runChain } = await import('@hoist/chain');
  const runner = new InProcessRunner(reporter, signal, settings.pass['region']);
  const report = await runChain(settings, runner);

  if (report.imageUri) reporter.setOutput('image-uri', report.imageUri);
  if (report.stackId) reporter.setOutput('stack-id', report.stackId);
  reporter.setOutput('status', report.status);
  if (report.releaseId) reporter.setOutput('release-id', report.releaseId);
  if (report.rollbackStatus) reporter.setOutput('rollback-status', report.rollbackStatus);
  reporter.setOutput('report', reportJson(report));
  reporter.summary(renderSummary(report, settings));

  const line = headline(report, settings).replace(/`/g, '');
  if (report.ok) reporter.info(line);
  else reporter.fail(line);
}
