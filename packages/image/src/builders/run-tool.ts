import { sleep } from '@hoist/aws';
import { ToolNotFoundError, UserError } from '@hoist/kit';
import { withRetry } from '../retry.js';
import type { BuilderDeps } from './builder.js';

const INSTALL_HINT: Record<string, string> = {
  buildah:
    'buildah is preinstalled on ubuntu runners; elsewhere install it (Debian/Ubuntu: apt-get install buildah), or use builder: buildx.',
  docker: 'use a runner with Docker and buildx (GitHub-hosted ubuntu runners have both), or builder: buildah.',
};

/** A tool that ran and exited non-zero; `output` holds its last lines, to decide whether another try can help. */
export class ToolExitError extends UserError {
  override readonly name = 'ToolExitError';
  constructor(
    message: string,
    readonly exitCode: number,
    readonly output: string,
  ) {
    super(message, { code: 'build-failed' });
  }
}

/**
 * Runs a builder tool with the run's cancel signal (SIGTERM on cancel kills it), streaming its output into the
 * log; a non-zero exit becomes an error that names the step and keeps the tool's last lines.
 */
export async function runTool(
  deps: BuilderDeps,
  tool: string,
  args: readonly string[],
  what: string,
  input?: string,
): Promise<string> {
  deps.reporter.info(`$ ${tool} ${args.map(shellQuote).join(' ')}`);
  let tail = '';
  try {
    const result = await deps.exec(tool, args, {
      signal: deps.signal,
      ...(deps.env ? { env: deps.env } : {}),
      ...(input !== undefined ? { input } : {}),
      onOutput: (chunk) => {
        tail = (tail + chunk).slice(-4000);
        for (const line of chunk.split('\n')) if (line.trim() !== '') deps.reporter.info(line);
      },
    });
    if (result.exitCode !== 0) {
      const last = tail.trim().split('\n').slice(-5).join(' | ');
      throw new ToolExitError(
        `${what} failed: ${tool} exited with ${result.exitCode}${last ? ` (${last})` : ''}.`,
        result.exitCode,
        tail,
      );
    }
    return result.stdout;
  } catch (error) {
    if (error instanceof ToolNotFoundError) {
      throw new UserError(`${what}: '${tool}' is not installed on this runner.`, {
        code: 'tool-missing',
        fix: INSTALL_HINT[tool] ?? `install ${tool}.`,
      });
    }
    if (deps.signal.aborted) throw deps.signal.reason;
    throw error;
  }
}

/** Login attempts in all; the delays between them are 1 s, then 2 s. */
export const LOGIN_ATTEMPTS = 3;
const LOGIN_BASE_DELAY_MS = 1_000;

/** The registry (or the way to it) failed, not the credentials: a 5xx or 429 answer, a dropped or slow connection. */
const TRANSIENT_LOGIN =
  /(?:status|HTTP)[^0-9\n]{0,12}(?:5\d\d|429)\b|internal server error|bad gateway|service unavailable|gateway time-?out|too ?many ?requests|connection (?:reset|refused)|ECONNRESET|ECONNREFUSED|i\/o timeout|TLS handshake timeout|timed out|unexpected EOF|temporary failure in name resolution/i;
/**
 * The registry refused the credentials. Tried again too: a token fresh from GetAuthorizationToken can be refused
 * for a moment; a wrong password keeps being refused, and is reported as such after the last attempt.
 */
const REFUSED_LOGIN =
  /unauthorized|authentication required|invalid username\/password|incorrect username or password|\b401\b|denied/i;

function loginFailure(error: unknown): 'transient' | 'refused' | undefined {
  if (!(error instanceof ToolExitError)) return undefined;
  if (TRANSIENT_LOGIN.test(error.output)) return 'transient';
  return REFUSED_LOGIN.test(error.output) ? 'refused' : undefined;
}

/**
 * `<tool> login` with the password on standard input (never on the command line), tried again with backoff when
 * the registry or the connection fails or the credentials are refused; any other failure (a missing tool, an
 * unknown flag) ends at once. After the last attempt the error says which of the two it was.
 */
export async function loginWithRetry(
  deps: BuilderDeps,
  tool: string,
  args: readonly string[],
  registry: string,
  password: string,
): Promise<void> {
  const what = `${tool} login to ${registry}`;
  try {
    await withRetry(() => runTool(deps, tool, args, what, `${password}\n`), {
      attempts: LOGIN_ATTEMPTS,
      baseDelayMs: LOGIN_BASE_DELAY_MS,
      sleep: deps.sleep ?? sleep,
      signal: deps.signal,
      retryable: (error) => loginFailure(error) !== undefined,
      onRetry: (error, attempt, delay) =>
        deps.reporter.info(
          `${what}: ${loginFailure(error) === 'refused' ? 'credentials refused' : 'the registry did not answer properly'} on attempt ${attempt} of ${LOGIN_ATTEMPTS}; trying again in ${delay} ms.`,
        ),
    });
  } catch (error) {
    const kind = loginFailure(error);
    if (!kind || !(error instanceof ToolExitError)) throw error;
    const last = error.output.trim().split('\n').slice(-1)[0]?.trim() ?? '';
    throw kind === 'refused'
      ? new UserError(
          `${what} was refused ${LOGIN_ATTEMPTS} times: the registry does not accept this user name and password (${last}).`,
          {
            code: 'registry-auth',
            cause: error,
            fix: 'for ECR, the token is for the registry in `registry` (same account and region); for another registry, check the username and password inputs.',
          },
        )
      : new UserError(
          `${what} failed ${LOGIN_ATTEMPTS} times; the registry or the connection to it kept failing (${last}).`,
          {
            code: 'registry-unavailable',
            cause: error,
            fix: 'check that the registry is up and reachable from this runner, then re-run the job.',
          },
        );
  }
}

function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
