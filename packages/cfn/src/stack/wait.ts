import { classifyAwsError, waitFor, WaitTimeoutError, type Sleep } from '@hoist/aws';
import { UserError } from '@hoist/kit';
import type { CloudFormationApi, Stack } from './api.js';
import { isInProgress } from './status.js';

export interface StackWaitOptions {
  /** Absolute time (ms since epoch): `timeout-minutes` from the start of the run. */
  deadline: number;
  signal?: AbortSignal;
  intervalMs?: number;
  maxIntervalMs?: number;
  sleep?: Sleep;
  now?: () => number;
  /** The input that sets the deadline, for the fix of a timeout. */
  deadlineInput?: string;
}

/** Credentials ran out while hoist was waiting: says so, and what the stack was doing when last seen. */
export class CredentialsExpiredError extends UserError {
  override readonly name = 'CredentialsExpiredError';
}

/** Polls gently at first (1 s), then every 5 s — CloudFormation operations take minutes. */
const FIRST_INTERVAL_MS = 1000;
const MAX_INTERVAL_MS = 5000;

/**
 * Waits until the stack is no longer *_IN_PROGRESS, through the one `waitFor` (deadline, AbortSignal). Returns the
 * stack as last read, or undefined when it is gone (a delete finished).
 */
export async function waitForStack(
  api: Pick<CloudFormationApi, 'describeStack'>,
  stackName: string,
  options: StackWaitOptions,
): Promise<Stack | undefined> {
  let last: Stack | undefined;
  const described = (stack: Stack | undefined) =>
    stack ? `${stack.StackStatus}${stack.StackStatusReason ? ` (${stack.StackStatusReason})` : ''}` : 'unknown';
  try {
    const stack = await waitFor<Stack>(
      async () => {
        let current: Stack | undefined;
        try {
          current = await api.describeStack(stackName);
        } catch (error) {
          if (classifyAwsError(error).kind === 'auth') {
            throw new CredentialsExpiredError(
              `The AWS credentials expired while waiting for stack ${stackName} (${classifyAwsError(error).name}); its status when last read was ${described(last)}. CloudFormation carries on without hoist: the stack's own state is not affected.`,
              {
                code: 'credentials-expired',
                cause: error,
                fix: "lengthen the session: `role-duration-seconds` of aws-actions/configure-aws-credentials (up to the role's MaxSessionDuration, which you may need to raise), or lower timeout-minutes; then re-run to see the outcome.",
              },
            );
          }
          throw error;
        }
        if (!current || current.StackStatus === 'DELETE_COMPLETE') return null;
        last = current;
        return isInProgress(current.StackStatus) ? undefined : current;
      },
      {
        description: `stack ${stackName} to finish`,
        deadline: options.deadline,
        intervalMs: options.intervalMs ?? FIRST_INTERVAL_MS,
        backoff: 1.5,
        maxIntervalMs: options.maxIntervalMs ?? MAX_INTERVAL_MS,
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.sleep ? { sleep: options.sleep } : {}),
        ...(options.now ? { now: options.now } : {}),
      },
    );
    return stack ?? undefined;
  } catch (error) {
    if (error instanceof WaitTimeoutError) {
      throw new UserError(
        `Timed out waiting for stack ${stackName}: still ${described(last)} at the deadline. CloudFormation carries on; hoist stopped waiting.`,
        {
          code: 'timeout',
          cause: error,
          fix: `raise ${options.deadlineInput ?? 'timeout-minutes'} (and the job's timeout-minutes), or look at the stack's events in the CloudFormation console.`,
        },
      );
    }
    throw error;
  }
}
