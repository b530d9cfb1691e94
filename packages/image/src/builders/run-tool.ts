import { ToolNotFoundError, UserError } from '@hoist/kit';
import type { BuilderDeps } from './builder.js';

const INSTALL_HINT: Record<string, string> = {
  buildah:
    'buildah is preinstalled on ubuntu runners; elsewhere install it (Debian/Ubuntu: apt-get install buildah), or use builder: buildx.',
  docker: 'use a runner with Docker and buildx (GitHub-hosted ubuntu runners have both), or builder: buildah.',
};

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
      throw new UserError(`${what} failed: ${tool} exited with ${result.exitCode}${last ? ` (${last})` : ''}.`, {
        code: 'build-failed',
      });
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

function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
