import { setMaxListeners } from 'node:events';
import { GitHubReporter } from './github-reporter.js';
import { describeError, isUserError } from './errors.js';
import { envInputs, type InputSource } from './inputs.js';
import type { Reporter } from './reporter.js';
import { TerminalReporter } from './terminal-reporter.js';

export interface ActionContext {
  reporter: Reporter;
  inputs: InputSource;
  /** Aborted when the runner cancels the job (SIGTERM) or on Ctrl-C (SIGINT). */
  signal: AbortSignal;
}

export type ActionMain = (context: ActionContext) => Promise<void>;

export interface RunOptions {
  post?: ActionMain;
  reporter?: Reporter;
  inputs?: InputSource;
  /** After a cancel, the process is ended this long later if it has not finished by itself. */
  cancelGraceMs?: number;
}

const IS_POST = 'isPost';

/** The runner cancelled the job; waits and AWS calls in flight are aborted with this reason. */
export class CancelledError extends Error {
  override readonly name = 'CancelledError';
}

/**
 * Runs an action's main (or its post step): owns the try/catch, turns an error into one clear failure line and
 * `process.exitCode = 1`, and turns the runner's SIGTERM into an AbortSignal.
 */
export async function run(main: ActionMain, options: RunOptions = {}): Promise<void> {
  const reporter = options.reporter ?? defaultReporter();
  const controller = new AbortController();
  // Every AWS call and wait listens to this one signal; many run at once (preflight's checks, ship's steps).
  setMaxListeners(256, controller.signal);
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) return;
    reporter.info(`Received ${signal}: cancelling.`);
    controller.abort(new CancelledError(`The run was cancelled (${signal}).`));
    // Whatever is not listening to the signal must not keep the runner waiting.
    setTimeout(() => process.exit(1), options.cancelGraceMs ?? 8000).unref();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  const isPost = options.post !== undefined && reporter.getState(IS_POST) === 'true';
  try {
    if (options.post && !isPost) reporter.saveState(IS_POST, 'true');
    const step = isPost && options.post ? options.post : main;
    await step({ reporter, inputs: options.inputs ?? envInputs, signal: controller.signal });
  } catch (error) {
    // After a cancel, what the step throws (the SDK's AbortError, a killed tool) is the cancel: say that, clearly.
    reportFailure(reporter, controller.signal.aborted ? controller.signal.reason : error);
  } finally {
    reporter.close?.();
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
  }
}

/** On a runner, the GitHub reporter; `HOIST_REPORTER=terminal` (the hoist CLI) gives the terminal one. */
function defaultReporter(): Reporter {
  if (process.env['HOIST_REPORTER'] !== 'terminal') return new GitHubReporter();
  return new TerminalReporter({
    json: process.env['HOIST_OUTPUT'] === 'json',
    verbose: process.env['HOIST_VERBOSE'] === 'true',
  });
}

export function reportFailure(reporter: Reporter, error: unknown): void {
  if (isUserError(error) || error instanceof CancelledError) {
    reporter.fail(describeError(error));
    return;
  }
  // Not a user mistake: keep the error's name (an AWS error code is the most useful part) and the stack in debug.
  const name = error instanceof Error && error.name && error.name !== 'Error' ? `${error.name}: ` : '';
  if (error instanceof Error && error.stack) reporter.debug(error.stack);
  reporter.fail(`${name}${describeError(error)}`);
}
