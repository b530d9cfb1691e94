import type { Sleep } from '@hoist/aws';

export interface RetryOptions {
  /** Attempts in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs?: number;
  signal?: AbortSignal;
  sleep: Sleep;
  /** Whether an error is worth another attempt; anything else is thrown at once. */
  retryable: (error: unknown) => boolean;
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
}

/** A bounded retry with exponential backoff; the caller decides which errors are transient. */
export async function withRetry<T>(attempt: (n: number) => Promise<T>, options: RetryOptions): Promise<T> {
  for (let n = 1; ; n++) {
    if (options.signal?.aborted) throw options.signal.reason;
    try {
      return await attempt(n);
    } catch (error) {
      if (n >= options.attempts || !options.retryable(error) || options.signal?.aborted) throw error;
      const delay = Math.min(options.baseDelayMs * 2 ** (n - 1), options.maxDelayMs ?? 10_000);
      options.onRetry?.(error, n, delay);
      await options.sleep(delay, options.signal);
    }
  }
}
