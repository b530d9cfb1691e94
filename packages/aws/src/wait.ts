import { UserError } from '@hoist/kit';

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** A sleep that ends early, rejecting with the signal's reason, when the signal aborts. */
export const sleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

export class WaitTimeoutError extends UserError {
  override readonly name = 'WaitTimeoutError';
}

export interface WaitOptions {
  /** What is being waited for, for the timeout message: "stack my-stack to finish UPDATE_IN_PROGRESS". */
  description: string;
  /** Absolute time (ms since epoch) after which the wait fails. */
  deadline: number;
  intervalMs?: number;
  maxIntervalMs?: number;
  /** Multiplier applied to the interval after each poll. */
  backoff?: number;
  signal?: AbortSignal;
  sleep?: Sleep;
  now?: () => number;
  /** How to fix a timeout (e.g. "raise timeout-minutes"). */
  timeoutFix?: string;
}

/**
 * The one poller. The provider returns `undefined` to keep polling, `null` when the thing is gone, or a value
 * when done. Fails with WaitTimeoutError at the deadline and with the signal's reason when aborted.
 */
export async function waitFor<T>(
  provider: () => Promise<T | null | undefined>,
  options: WaitOptions,
): Promise<T | null> {
  const pause = options.sleep ?? sleep;
  const now = options.now ?? Date.now;
  let interval = options.intervalMs ?? 5000;
  for (;;) {
    if (options.signal?.aborted) throw options.signal.reason;
    const result = await provider();
    if (result !== undefined) return result;
    const left = options.deadline - now();
    if (left <= 0) {
      throw new WaitTimeoutError(`Timed out waiting for ${options.description}.`, {
        code: 'timeout',
        ...(options.timeoutFix ? { fix: options.timeoutFix } : {}),
      });
    }
    await pause(Math.min(interval, left), options.signal);
    interval = Math.min(interval * (options.backoff ?? 1), options.maxIntervalMs ?? interval * (options.backoff ?? 1));
  }
}
