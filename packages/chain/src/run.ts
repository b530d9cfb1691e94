import { CHAIN, DEPLOY_STATUSES, shouldRollBack, type DeployStatus, type StepName } from './chain.js';
import { imageUri, skipReason, stepInputs, type Flow, type ShipSettings } from './plan.js';

/** What one step did, as the runner saw it. */
export interface StepResult {
  ok: boolean;
  outputs: Record<string, string>;
  /** The step's failure message when it failed. */
  failure?: string;
  /** The step's own job summary (markdown). */
  summary?: string;
}

/**
 * Runs one step: `ship` calls the action's code in-process with a StepReporter; the demo runs the action's bundle.
 * The chain decides what runs and with which inputs; the runner only carries it out.
 */
export interface StepRunner {
  run(step: StepName, inputs: Record<string, string>): Promise<StepResult>;
  /** The stack's status now (undefined when it does not exist): whether a failed deploy left it stuck. */
  stackStatus(stackName: string): Promise<string | undefined>;
  /** Called before a step starts (a heading in the log). */
  starting?(step: StepName, inputs: Record<string, string>): void;
}

export type StepOutcome = 'success' | 'failure' | 'skipped' | 'not-run';

export interface StepReport {
  step: StepName;
  outcome: StepOutcome;
  durationMs: number;
  /** Why it was skipped or not run, or the failure message. */
  note?: string;
  outputs: Record<string, string>;
  summary?: string;
}

/** `ship`'s overall status: deploy-stack's status, or `failed` when the chain stopped before it. */
export type ChainStatus = DeployStatus;

export interface ChainReport {
  ok: boolean;
  status: ChainStatus;
  /** The first step that failed. */
  failedStep?: StepName;
  imageUri?: string;
  stackId?: string;
  releaseId?: string;
  /** rollback's status when it ran (restored, recovered, nothing-to-do, failed). */
  rollbackStatus?: string;
  rollbackReleaseId?: string;
  durationMs: number;
  steps: StepReport[];
}

const now = (): number => performance.now();

/**
 * preflight → secrets-sync → quota-check → cfn-validate → build-push-multiarch → deploy-stack, and rollback when
 * deploy-stack reports `unhealthy`, or `failed` with the stack stuck. A failed step stops the chain: nothing after
 * it runs (so a failed gate leaves AWS untouched by what follows).
 */
export async function runChain(settings: ShipSettings, runner: StepRunner): Promise<ChainReport> {
  const started = now();
  const flow: Flow = {};
  const steps: StepReport[] = [];
  let failedStep: StepName | undefined;

  for (const step of CHAIN) {
    const skip = skipReason(step, settings);
    if (skip) {
      steps.push({ step, outcome: 'skipped', durationMs: 0, note: skip, outputs: {} });
      continue;
    }
    if (failedStep) {
      steps.push({ step, outcome: 'not-run', durationMs: 0, note: `${failedStep} failed`, outputs: {} });
      continue;
    }
    const report = await runStep(step, stepInputs(step, settings, flow), runner);
    flow[step] = report.outputs;
    steps.push(report);
    // deploy-stack fails with a status that may call for a rollback; any other failure ends the chain here.
    if (report.outcome === 'failure') failedStep = step;
  }

  const deploy = flow['deploy-stack'];
  const status = deployStatus(deploy, failedStep);
  let rollbackStatus: string | undefined;
  let rollbackReleaseId: string | undefined;
  if (failedStep === 'deploy-stack' && settings.rollback === 'auto' && settings.execute) {
    const stackStatus = status === 'failed' ? await runner.stackStatus(settings['stack-name']) : undefined;
    if (shouldRollBack(status, stackStatus)) {
      const report = await runStep('rollback', stepInputs('rollback', settings, flow), runner);
      steps.push(report);
      rollbackStatus = report.outputs['status'] || (report.outcome === 'success' ? 'restored' : 'failed');
      rollbackReleaseId = report.outputs['release-id'] || undefined;
    } else {
      const why =
        status === 'rolled-back'
          ? 'CloudFormation already rolled the update back: the previous release runs'
          : `status ${status}${stackStatus ? `, stack ${stackStatus}` : ''}: nothing to roll back`;
      steps.push({ step: 'rollback', outcome: 'skipped', durationMs: 0, note: why, outputs: {} });
    }
  } else if (failedStep && failedStep !== 'deploy-stack') {
    steps.push({ step: 'rollback', outcome: 'not-run', durationMs: 0, note: `${failedStep} failed`, outputs: {} });
  }

  const image = imageUri(settings, flow);
  return {
    ok: failedStep === undefined,
    status,
    ...(failedStep ? { failedStep } : {}),
    ...(image && deploy ? { imageUri: image } : {}),
    ...(deploy?.['stack-id'] ? { stackId: deploy['stack-id'] } : {}),
    ...(deploy?.['release-id'] ? { releaseId: deploy['release-id'] } : {}),
    ...(rollbackStatus ? { rollbackStatus } : {}),
    ...(rollbackReleaseId ? { rollbackReleaseId } : {}),
    durationMs: Math.round(now() - started),
    steps,
  };
}

async function runStep(step: StepName, inputs: Record<string, string>, runner: StepRunner): Promise<StepReport> {
  runner.starting?.(step, inputs);
  const started = now();
  let result: StepResult;
  try {
    result = await runner.run(step, inputs);
  } catch (error) {
    result = { ok: false, outputs: {}, failure: error instanceof Error ? error.message : String(error) };
  }
  return {
    step,
    outcome: result.ok ? 'success' : 'failure',
    durationMs: Math.round(now() - started),
    ...(result.failure ? { note: result.failure } : {}),
    outputs: result.outputs,
    ...(result.summary ? { summary: result.summary } : {}),
  };
}

function deployStatus(deploy: Record<string, string> | undefined, failedStep: StepName | undefined): ChainStatus {
  const status = DEPLOY_STATUSES.find((s) => s === deploy?.['status']);
  return status ?? (failedStep ? 'failed' : 'deployed');
}
