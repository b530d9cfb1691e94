import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { workspace, type Exec, type Finding } from '@hoist/kit';
import { isBinary, scanText } from '../secret-scan.js';
import { findingsOf, type Check } from './check.js';

const f = findingsOf('committed-secrets');

/** Larger files are not scanned (minified bundles, data): keys live in small config files. */
export const MAX_FILE_BYTES = 1024 * 1024;
const CONCURRENCY = 16;
/** Findings listed one by one; the rest are counted. */
const MAX_LISTED = 25;
const ENV_FILES = ['**/.env*'];
const NEVER_WALKED = ['**/node_modules/**', '**/.git/**'];

type Tracking = 'tracked' | 'untracked' | 'ignored';

interface ScanTarget {
  file: string;
  tracking: Tracking;
}

/**
 * The gaps analysis' first critical finding (a `.env.production` with real keys committed): git-tracked files and
 * `.env*` files of the workspace, scanned for live-looking keys. Files are read one at a time in a small pool;
 * binaries and files over 1 MB are skipped and counted.
 */
export const committedSecretsCheck: Check = {
  id: 'committed-secrets',
  category: 'Local environment',
  needsAws: false,
  async run({ exec, signal }) {
    const root = workspace();
    const tracked = await gitFiles(exec, root, ['ls-files', '-z', '--cached'], signal);
    const envFiles = await findEnvFiles(root);
    const targets = new Map<string, ScanTarget>();
    for (const file of tracked ?? []) targets.set(file, { file, tracking: 'tracked' });
    const untrackedEnv = envFiles.filter((file) => !targets.has(file));
    const ignored = new Set(
      tracked && untrackedEnv.length > 0 ? await checkIgnored(exec, root, untrackedEnv, signal) : [],
    );
    for (const file of untrackedEnv)
      targets.set(file, { file, tracking: tracked && ignored.has(file) ? 'ignored' : 'untracked' });

    const counts = { scanned: 0, binary: 0, large: 0 };
    const findings: Finding[] = [];
    const queue = [...targets.values()];
    const worker = async () => {
      for (let target = queue.shift(); target; target = queue.shift()) {
        if (signal.aborted) throw signal.reason;
        const result = await scanFile(root, target.file);
        if (result === 'binary' || result === 'large' || result === 'unreadable') {
          if (result !== 'unreadable') counts[result] += 1;
          continue;
        }
        counts.scanned += 1;
        for (const hit of result) findings.push(hitFinding(target, hit.kind, hit.line));
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    const scope = tracked
      ? `${counts.scanned} files (git-tracked and .env*)`
      : `${counts.scanned} .env* files (the workspace is not a git repository: only .env* files were scanned)`;
    const skipped = `; skipped ${counts.binary} binary and ${counts.large} larger than 1 MB`;
    if (findings.length === 0) return [f.pass(`no live-looking keys in ${scope}${skipped}.`)];
    findings.sort(
      (a, b) =>
        (a.position?.file ?? '').localeCompare(b.position?.file ?? '') ||
        (a.position?.line ?? 0) - (b.position?.line ?? 0),
    );
    const shown = findings.slice(0, MAX_LISTED);
    if (findings.length > MAX_LISTED)
      shown.push(f.fail(`… and ${findings.length - MAX_LISTED} more live-looking keys in ${scope}.`));
    return shown;
  },
};

function hitFinding(target: ScanTarget, kind: string, line: number): Finding {
  const where = { position: { file: target.file, line } };
  const name = path.posix.basename(target.file);
  if (target.tracking === 'ignored') {
    return f.warn(
      `${target.file}:${line}: a live-looking ${kind} in a git-ignored file of the workspace (not committed).`,
      'keep it out of git; better, keep keys in GitHub secrets and let secrets-sync store them in Secrets Manager.',
      where,
    );
  }
  const state = target.tracking === 'tracked' ? 'is committed' : 'is in a file git would commit (not ignored)';
  return f.fail(
    `${target.file}:${line}: a live-looking ${kind} ${state}.`,
    target.tracking === 'tracked'
      ? `revoke and rotate the key at its provider now (it is in the git history), then \`git rm --cached ${target.file}\`, add ${name} to .gitignore, and keep the key in a GitHub secret that secrets-sync stores in Secrets Manager.`
      : `add ${name} to .gitignore, and keep the key in a GitHub secret that secrets-sync stores in Secrets Manager.`,
    where,
  );
}

/** Paths relative to `root` from a `git … -z` listing, or undefined when this is not a git work tree. */
async function gitFiles(
  exec: Exec,
  root: string,
  args: readonly string[],
  signal: AbortSignal,
): Promise<string[] | undefined> {
  try {
    const result = await exec('git', ['-C', root, ...args], { signal });
    if (result.exitCode !== 0) return undefined;
    return result.stdout.split('\0').filter((p) => p !== '');
  } catch (error) {
    if (signal.aborted) throw error;
    return undefined;
  }
}

async function checkIgnored(exec: Exec, root: string, files: readonly string[], signal: AbortSignal) {
  // check-ignore exits 1 when none is ignored: that is an answer, not a failure.
  try {
    const result = await exec('git', ['-C', root, 'check-ignore', '-z', '--stdin'], {
      signal,
      input: files.join('\0'),
    });
    return result.stdout.split('\0').filter((p) => p !== '');
  } catch (error) {
    if (signal.aborted) throw error;
    return [];
  }
}

async function findEnvFiles(root: string): Promise<string[]> {
  const { glob } = await import('tinyglobby');
  const files = await glob(ENV_FILES, { cwd: root, dot: true, onlyFiles: true, ignore: NEVER_WALKED });
  return [...new Set(files.map((file) => file.split(path.sep).join('/')))];
}

/** The hits of one file, or why it was not scanned. */
async function scanFile(root: string, file: string) {
  const full = path.join(root, file);
  let handle;
  try {
    const info = await stat(full);
    if (!info.isFile()) return 'unreadable' as const;
    if (info.size > MAX_FILE_BYTES) return 'large' as const;
    handle = await open(full, 'r');
    const buffer = await handle.readFile();
    if (isBinary(buffer)) return 'binary' as const;
    return scanText(buffer.toString('utf8'));
  } catch {
    // A tracked file deleted from the work tree, a dangling link: nothing to scan.
    return 'unreadable' as const;
  } finally {
    await handle?.close();
  }
}
