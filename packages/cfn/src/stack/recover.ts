import { randomUUID } from 'node:crypto';
import { createClient, waitFor, WaitTimeoutError, type AwsContext } from '@hoist/aws';
import { UserError } from '@hoist/kit';
import type { CloudFormationApi, Stack, StackEvent } from './api.js';
import { describeRootCause, findRootCause } from './diagnosis.js';
import { StackEventMonitor } from './events.js';
import { stackPhase } from './status.js';
import { waitForStack, type StackWaitOptions } from './wait.js';

/**
 * Stuck-stack recovery: what gets a stack that is not stable back to a state a release can be deployed on —
 * ContinueUpdateRollback (skipping resources that cannot be rolled back), RollbackStack (a failed update made with
 * rollback disabled), CancelUpdateStack (an update still running), or waiting. The rollback action runs it first.
 */

/** The CloudFormation calls recovery makes beyond those of `CloudFormationApi`. */
export interface RecoveryCalls {
  continueUpdateRollback(
    stackName: string,
    resourcesToSkip: readonly string[],
    clientRequestToken: string,
  ): Promise<void>;
  rollbackStack(stackName: string, clientRequestToken: string): Promise<void>;
}

export type RecoveryApi = Pick<CloudFormationApi, 'describeStack' | 'cancelUpdateStack' | 'describeStackEvents'> &
  RecoveryCalls;

export async function createRecoveryCalls(aws: AwsContext, signal?: AbortSignal): Promise<RecoveryCalls> {
  const sdk = await import('@aws-sdk/client-cloudformation');
  const client = createClient(sdk.CloudFormationClient, aws);
  const options = signal ? { abortSignal: signal } : {};
  return {
    async continueUpdateRollback(stackName, resourcesToSkip, clientRequestToken) {
      await client.send(
        new sdk.ContinueUpdateRollbackCommand({
          StackName: stackName,
          ClientRequestToken: clientRequestToken,
          ...(resourcesToSkip.length > 0 ? { ResourcesToSkip: [...resourcesToSkip] } : {}),
        }),
        options,
      );
    },
    async rollbackStack(stackName, clientRequestToken) {
      await client.send(
        new sdk.RollbackStackCommand({ StackName: stackName, ClientRequestToken: clientRequestToken }),
        options,
      );
    },
  };
}

/** What to do about a stack, given its status. */
export type RecoveryStep =
  /** Stable: a release can be deployed on it. */
  | { kind: 'none' }
  | { kind: 'wait'; why: string }
  | { kind: 'cancel-update' }
  | { kind: 'continue-update-rollback'; resourcesToSkip: readonly string[] }
  | { kind: 'rollback-stack' }
  /** A failed first create (or a stack that was never created): no earlier state to go back to. */
  | { kind: 'nothing-to-roll-back'; why: string; fix: string }
  /** No CloudFormation call brings it back (a failed delete, a failed rollback of a first create). */
  | { kind: 'unrecoverable'; why: string; fix: string };

export interface RecoveryInput {
  /** `true`: an update still running is cancelled (CancelUpdateStack) instead of waited for. */
  cancelInProgress: boolean;
  /** Logical ids ContinueUpdateRollback skips (`NestedStack.LogicalId` for resources of nested stacks). */
  resourcesToSkip: readonly string[];
}

/** The next step for a stack in this status (the stack must exist). */
export function recoveryStep(stack: Stack, input: RecoveryInput): RecoveryStep {
  const status = stack.StackStatus ?? '';
  const name = stack.StackName ?? '';
  switch (status) {
    case 'UPDATE_IN_PROGRESS':
      return input.cancelInProgress
        ? { kind: 'cancel-update' }
        : { kind: 'wait', why: `an update is running (set cancel-in-progress: true to cancel it instead)` };
    case 'UPDATE_ROLLBACK_FAILED':
      return { kind: 'continue-update-rollback', resourcesToSkip: input.resourcesToSkip };
    case 'UPDATE_FAILED':
    case 'CREATE_FAILED':
      // Only a stack made or updated with rollback disabled stays in *_FAILED; RollbackStack finishes what
      // CloudFormation would have done.
      return { kind: 'rollback-stack' };
    case 'REVIEW_IN_PROGRESS':
      return {
        kind: 'nothing-to-roll-back',
        why: `stack ${name} is REVIEW_IN_PROGRESS: it holds only a change set, nothing was ever created`,
        fix: 'deploy it with deploy-stack (or delete the change set).',
      };
    case 'ROLLBACK_COMPLETE':
      return {
        kind: 'nothing-to-roll-back',
        why: `stack ${name} is ROLLBACK_COMPLETE: its first create failed, so there is no earlier release to go back to`,
        fix: 'fix the cause and deploy again with deploy-stack and `recreate-failed: true` (it deletes and creates the stack), or delete the stack.',
      };
    case 'ROLLBACK_FAILED':
      return {
        kind: 'unrecoverable',
        why: `stack ${name} is ROLLBACK_FAILED: the rollback of its failed first create failed, and such a stack can only be deleted`,
        fix: `delete it, retaining the resources that cannot be deleted: \`aws cloudformation delete-stack --stack-name ${name} --retain-resources <LogicalId>…\`, then deploy again.`,
      };
    case 'DELETE_FAILED':
      return {
        kind: 'unrecoverable',
        why: `stack ${name} is DELETE_FAILED: a delete failed, and a rollback cannot undo a delete`,
        fix: `delete it again, retaining the resources that cannot be deleted (\`aws cloudformation delete-stack --stack-name ${name} --retain-resources <LogicalId>…\`).`,
      };
    case 'IMPORT_ROLLBACK_FAILED':
      return {
        kind: 'unrecoverable',
        why: `stack ${name} is IMPORT_ROLLBACK_FAILED: the rollback of a resource import failed`,
        fix: 'look at the stack events, fix the resources named there by hand, then import again.',
      };
  }
  if (stackPhase(status) === 'in-progress') {
    const why = input.cancelInProgress
      ? `it is ${status}, and CancelUpdateStack only cancels UPDATE_IN_PROGRESS`
      : `it is ${status}`;
    return { kind: 'wait', why };
  }
  return { kind: 'none' };
}

/** One line saying what a step does (for logs, summaries and dry runs). */
export function describeRecoveryStep(step: RecoveryStep, stackName: string): string {
  switch (step.kind) {
    case 'none':
      return `stack ${stackName} is stable`;
    case 'wait':
      return `wait for stack ${stackName} to finish (${step.why})`;
    case 'cancel-update':
      return `cancel the update of stack ${stackName} (CancelUpdateStack), then wait while CloudFormation rolls it back`;
    case 'continue-update-rollback':
      return `continue the failed rollback of stack ${stackName} (ContinueUpdateRollback${step.resourcesToSkip.length > 0 ? `, skipping ${step.resourcesToSkip.join(', ')}` : ''}), then wait`;
    case 'rollback-stack':
      return `roll stack ${stackName} back to its last stable state (RollbackStack), then wait`;
    case 'nothing-to-roll-back':
    case 'unrecoverable':
      return step.why;
  }
}

export interface RecoverOptions extends RecoveryInput {
  /** Absolute time (ms since epoch) by which the stack must be stable. */
  deadline: number;
  signal?: AbortSignal;
  /** Describe what would be done, and do nothing. */
  dryRun?: boolean;
  log?: (message: string) => void;
  /** Prints the stack events of an operation recovery started. */
  printEvent?: (event: StackEvent) => void;
  /** Poll intervals (tests make them short). */
  intervalMs?: number;
  maxIntervalMs?: number;
  /** How long a stack may keep its status after a recovery call before hoist takes it that the call did nothing. */
  startGraceMs?: number;
}

export interface RecoveryResult {
  /**
   * `stable`: nothing needed doing (perhaps after waiting for an operation to end); `recovered`: hoist brought the
   * stack to a stable state; `nothing-to-roll-back`; `planned`: a dry run, `planned` holds what would be done.
   */
  outcome: 'stable' | 'recovered' | 'nothing-to-roll-back' | 'planned';
  /** The stack as last read. */
  stack: Stack;
  /** What hoist did, in order ("ContinueUpdateRollback skipping X"). */
  done: string[];
  /** Dry run: what would be done. */
  planned: string[];
  /** One line: the state of things. */
  message: string;
  /** For nothing-to-roll-back: what the user can do instead. */
  fix?: string;
}

/** Recovery calls hoist makes before it gives up (a cancel can end in UPDATE_ROLLBACK_FAILED, which needs a continue). */
const MAX_STEPS = 4;

/**
 * Brings a stack to a stable state: waits out an operation in progress (or cancels an update), continues a failed
 * rollback, rolls back a failed update made with rollback disabled. Throws a UserError when the stack does not
 * exist, cannot be recovered, or is still stuck after the recovery call (with the resource that failed).
 */
export async function recoverStack(
  api: RecoveryApi,
  stackName: string,
  options: RecoverOptions,
): Promise<RecoveryResult> {
  const log = options.log ?? (() => {});
  const waitOptions: StackWaitOptions = {
    deadline: options.deadline,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.intervalMs !== undefined ? { intervalMs: options.intervalMs } : {}),
    ...(options.maxIntervalMs !== undefined ? { maxIntervalMs: options.maxIntervalMs } : {}),
  };
  let stack = await existing(api, stackName);
  const done: string[] = [];
  for (let round = 0; ; round++) {
    const step = recoveryStep(stack, options);
    if (step.kind === 'none') {
      const outcome = done.length > 0 ? 'recovered' : 'stable';
      return { outcome, stack, done, planned: [], message: `Stack ${stackName} is ${stack.StackStatus}.` };
    }
    if (step.kind === 'nothing-to-roll-back') {
      // After RollbackStack on a failed first create the stack is stable (ROLLBACK_COMPLETE): recovered, though empty.
      return {
        outcome: done.length > 0 ? 'recovered' : 'nothing-to-roll-back',
        stack,
        done,
        planned: [],
        message: `Nothing to roll back to: ${step.why}.`,
        fix: step.fix,
      };
    }
    if (step.kind === 'unrecoverable') {
      throw new UserError(`${capitalised(step.why)}.`, { code: 'unrecoverable-stack', fix: step.fix });
    }
    if (step.kind === 'wait') {
      log(`Stack ${stackName} is ${stack.StackStatus}: waiting for it to finish.`);
      stack = await existingAfterWait(api, stackName, waitOptions);
      continue;
    }
    if (options.dryRun) {
      const line = describeRecoveryStep(step, stackName);
      return {
        outcome: 'planned',
        stack,
        done,
        planned: [line],
        message: `Stack ${stackName} is ${stack.StackStatus}; a run would ${line}.`,
      };
    }
    if (round >= MAX_STEPS || done.some((d) => d.startsWith(callName(step)))) {
      throw stillStuck(stackName, stack, done, undefined);
    }
    const before = stack;
    const monitor = await eventMonitor(api, stack, options);
    monitor?.start();
    try {
      const token = randomUUID();
      if (step.kind === 'cancel-update') await api.cancelUpdateStack(stackName, token);
      else if (step.kind === 'continue-update-rollback')
        await api.continueUpdateRollback(stackName, step.resourcesToSkip, token);
      else await api.rollbackStack(stackName, token);
      const skipping =
        step.kind === 'continue-update-rollback' && step.resourcesToSkip.length > 0
          ? ` skipping ${step.resourcesToSkip.join(', ')}`
          : '';
      done.push(`${callName(step)}${skipping}`);
      log(`Called ${done.at(-1)} on stack ${stackName}; waiting for it to finish.`);
      await operationStarted(api, stackName, before, options);
      stack = await existingAfterWait(api, stackName, waitOptions);
    } finally {
      await monitor?.stop();
    }
    const next = recoveryStep(stack, options);
    if (next.kind === 'continue-update-rollback' || next.kind === 'rollback-stack') {
      // The recovery call ran and the stack is stuck again: say which resource failed, not just the status.
      if (done.some((d) => d.startsWith(callName(next)))) {
        const cause = monitor ? findRootCause(monitor.events, stack.StackId ?? stackName) : undefined;
        throw stillStuck(stackName, stack, done, cause ? describeRootCause(cause) : undefined);
      }
    }
  }
}

function callName(step: RecoveryStep): string {
  return step.kind === 'cancel-update'
    ? 'CancelUpdateStack'
    : step.kind === 'continue-update-rollback'
      ? 'ContinueUpdateRollback'
      : 'RollbackStack';
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

async function existing(api: RecoveryApi, stackName: string): Promise<Stack> {
  const stack = await api.describeStack(stackName);
  if (!stack || stack.StackStatus === 'DELETE_COMPLETE') {
    throw new UserError(`Stack ${stackName} does not exist (in this account and region).`, {
      code: 'stack-not-found',
      fix: 'check `stack-name` and the region (AWS_REGION, or the `region` input).',
    });
  }
  return stack;
}

async function existingAfterWait(api: RecoveryApi, stackName: string, waitOptions: StackWaitOptions): Promise<Stack> {
  const stack = await waitForStack(api, stackName, waitOptions);
  if (!stack) {
    throw new UserError(`Stack ${stackName} was deleted while hoist waited for it.`, {
      code: 'stack-not-found',
      fix: 'deploy it again with deploy-stack.',
    });
  }
  return stack;
}

/**
 * CloudFormation may answer DescribeStacks with the old status for a moment after a call: waits (briefly) until the
 * status or the time of the last update changes, so the wait that follows does not end on the status from before.
 */
async function operationStarted(
  api: RecoveryApi,
  stackName: string,
  before: Stack,
  options: RecoverOptions,
): Promise<void> {
  const grace = options.startGraceMs ?? 20_000;
  const changed = (s: Stack | undefined) =>
    !s ||
    s.StackStatus !== before.StackStatus ||
    (s.LastUpdatedTime?.getTime() ?? 0) !== (before.LastUpdatedTime?.getTime() ?? 0);
  try {
    await waitFor(async () => (changed(await api.describeStack(stackName)) ? true : undefined), {
      description: `stack ${stackName} to leave ${before.StackStatus}`,
      deadline: Math.min(options.deadline, Date.now() + grace),
      intervalMs: Math.min(options.intervalMs ?? 1000, 1000),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    // The status did not move: the wait that follows reads it and recovery reports the stack as still stuck.
    if (!(error instanceof WaitTimeoutError)) throw error;
  }
}

/** A monitor of the events newer than the newest one now (CloudFormation's clock, not ours). */
async function eventMonitor(
  api: RecoveryApi,
  stack: Stack,
  options: RecoverOptions,
): Promise<StackEventMonitor | undefined> {
  const id = stack.StackId ?? stack.StackName ?? '';
  let newest: Date | undefined;
  try {
    newest = (await api.describeStackEvents(id)).events[0]?.Timestamp;
  } catch (error) {
    // Events are for display and diagnosis: recovery works without them.
    options.log?.(`(events) The stack events cannot be read (${(error as Error).name}); recovering without them.`);
    return undefined;
  }
  return new StackEventMonitor({
    api,
    stack: id,
    since: new Date((newest?.getTime() ?? Date.now() - 60_000) + 1),
    ...(options.printEvent ? { print: options.printEvent } : {}),
    onError: (message) => options.log?.(`(events) ${message}`),
    ...(options.intervalMs !== undefined ? { intervalMs: options.intervalMs } : {}),
  });
}

function stillStuck(stackName: string, stack: Stack, done: readonly string[], cause: string | undefined): UserError {
  const reason = cause ? ` Root cause: ${cause}.` : stack.StackStatusReason ? ` (${stack.StackStatusReason})` : '';
  const skipping = stack.StackStatus === 'UPDATE_ROLLBACK_FAILED';
  return new UserError(`Stack ${stackName} is still ${stack.StackStatus} after ${done.join(', then ')}.${reason}`, {
    code: 'still-stuck',
    fix: skipping
      ? 'add the logical ids of the resources that cannot be rolled back to `resources-to-skip` (they are left as they are: fix them by hand afterwards), then run rollback again.'
      : 'look at the stack events in the CloudFormation console, fix what they name, then run rollback again.',
  });
}
