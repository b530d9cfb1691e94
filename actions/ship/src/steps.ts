import { createClient, resolveRegion } from '@hoist/aws';
import { STEP_DEFAULTS, STEPS, type StepName, type StepResult, type StepRunner } from '@hoist/chain';
import { reportFailure, StepReporter, type ActionMain, type InputSource, type Reporter } from '@hoist/kit';
import { getInputs as buildPushInputs } from '../../build-push-multiarch/src/inputs.js';
import { getInputs as cfnValidateInputs } from '../../cfn-validate/src/inputs.js';
import { getInputs as deployStackInputs } from '../../deploy-stack/src/inputs.js';
import { getInputs as preflightInputs } from '../../preflight/src/inputs.js';
import { getInputs as quotaCheckInputs } from '../../quota-check/src/inputs.js';
import { getInputs as rollbackInputs } from '../../rollback/src/inputs.js';
import { getInputs as secretsSyncInputs } from '../../secrets-sync/src/inputs.js';

/**
 * Each step's code and its input reader: ship runs the actions' own code, not their bundles. The code is loaded
 * when its step starts, so a bad input is answered before any of it loads.
 */
export const ACTIONS: Record<StepName, { main: ActionMain; check: (source: InputSource) => unknown }> = {
  preflight: {
    main: async (c) => (await import('../../preflight/src/preflight.js')).preflight(c),
    check: preflightInputs,
  },
  'secrets-sync': {
    main: async (c) => (await import('../../secrets-sync/src/sync.js')).secretsSync(c),
    check: secretsSyncInputs,
  },
  'quota-check': {
    main: async (c) => (await import('../../quota-check/src/quota-check.js')).quotaCheck(c),
    check: quotaCheckInputs,
  },
  'cfn-validate': {
    main: async (c) => (await import('../../cfn-validate/src/cfn-validate.js')).cfnValidate(c),
    check: cfnValidateInputs,
  },
  'build-push-multiarch': {
    main: async (c) => (await import('../../build-push-multiarch/src/build-push.js')).buildPush(c),
    check: buildPushInputs,
  },
  'deploy-stack': {
    main: async (c) => (await import('../../deploy-stack/src/deploy-stack.js')).deployStackAction(c),
    check: deployStackInputs,
  },
  rollback: {
    main: async (c) => (await import('../../rollback/src/rollback.js')).rollbackAction(c),
    check: rollbackInputs,
  },
};

/** A step's inputs as a runner gives them: what the chain planned, else the default its action.yml declares. */
export function stepSource(step: StepName, inputs: Record<string, string>): InputSource {
  return (name) => inputs[name] ?? STEP_DEFAULTS[step]?.[name];
}

/** Runs each step's action in this process, its log and annotations in ship's, its outputs and summary kept. */
export class InProcessRunner implements StepRunner {
  constructor(
    private readonly reporter: Reporter,
    private readonly signal: AbortSignal,
    private readonly region: string | undefined,
  ) {}

  async run(step: StepName, inputs: Record<string, string>): Promise<StepResult> {
    const reporter = new StepReporter(this.reporter, step);
    // Numbered by the step's place in the chain, as the summary's sections are.
    await this.reporter.group(`${STEPS.indexOf(step) + 1}. ${step}`, async () => {
      try {
        if (this.signal.aborted) throw this.signal.reason;
        await ACTIONS[step].main({ reporter, inputs: stepSource(step, inputs), signal: this.signal });
      } catch (error) {
        reportFailure(reporter, this.signal.aborted ? this.signal.reason : error);
      }
    });
    const summary = reporter.summaries.join('\n');
    return {
      ok: reporter.failure === undefined,
      outputs: Object.fromEntries(reporter.outputs),
      ...(reporter.failure !== undefined ? { failure: reporter.failure } : {}),
      ...(summary.trim() !== '' ? { summary } : {}),
    };
  }

  async stackStatus(stackName: string): Promise<string | undefined> {
    try {
      const { region } = await resolveRegion(this.region);
      const { CloudFormationClient, DescribeStacksCommand } = await import('@aws-sdk/client-cloudformation');
      const cfn = createClient(CloudFormationClient, { region, action: 'ship' });
      const out = await cfn.send(new DescribeStacksCommand({ StackName: stackName }), { abortSignal: this.signal });
      return out.Stacks?.[0]?.StackStatus;
    } catch {
      // A stack that cannot be described is not one rollback can help with.
      return undefined;
    }
  }
}
