import { readFileSync } from 'node:fs';
import { exec, UserError, workspace } from '@hoist/kit';
import { COMMIT_SHAPE } from '@hoist/image';

export interface CommitContext {
  sha: string;
  ref: string | undefined;
  defaultBranch: string | undefined;
  /** https://github.com/owner/repo, for org.opencontainers.image.source. */
  source: string | undefined;
}

/**
 * The commit the image is for: GITHUB_SHA, or `git rev-parse HEAD` outside a runner; the default branch from
 * the input, else from the event payload (`repository.default_branch`).
 */
export async function commitContext(
  defaultBranchInput: string | undefined,
  signal: AbortSignal,
): Promise<CommitContext> {
  const env = process.env;
  let sha = env['GITHUB_SHA']?.trim().toLowerCase();
  if (!sha) {
    const result = await exec('git', ['rev-parse', 'HEAD'], { cwd: workspace(), signal }).catch(() => undefined);
    sha = result?.exitCode === 0 ? result.stdout.trim().toLowerCase() : undefined;
  }
  if (!sha || !COMMIT_SHAPE.test(sha)) {
    throw new UserError(
      `No full commit sha: GITHUB_SHA is ${env['GITHUB_SHA'] ? `'${env['GITHUB_SHA']}'` : 'not set'} and \`git rev-parse HEAD\` gave none.`,
      {
        code: 'no-commit',
        fix: 'run the step after actions/checkout, or set GITHUB_SHA to the 40-hex commit.',
      },
    );
  }
  const server = env['GITHUB_SERVER_URL'] || 'https://github.com';
  return {
    sha,
    ref: env['GITHUB_REF'] || undefined,
    defaultBranch: defaultBranchInput ?? eventDefaultBranch(env['GITHUB_EVENT_PATH']),
    source: env['GITHUB_REPOSITORY'] ? `${server}/${env['GITHUB_REPOSITORY']}` : undefined,
  };
}

function eventDefaultBranch(eventPath: string | undefined): string | undefined {
  if (!eventPath) return undefined;
  try {
    const event = JSON.parse(readFileSync(eventPath, 'utf8')) as { repository?: { default_branch?: string } };
    return event.repository?.default_branch || undefined;
  } catch {
    return undefined;
  }
}
