import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const BUILDAH_INSTALL_HINT =
  'buildah was not found on PATH. Install it with: apt-get install buildah (Debian). CI installs it; these tests never skip without it.';

/** Fails loudly — never skips — when buildah is missing. */
export function requireBuildah(): void {
  const probe = spawnSync('buildah', ['--version'], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0) throw new Error(BUILDAH_INSTALL_HINT);
}

/**
 * Environment for a buildah run with its own storage: vfs and chroot isolation (what works without privileges
 * here), a private storage.conf (graphroot/runroot under `dir`), a private registries.conf.
 */
export function buildahEnv(dir: string = mkdtempSync(path.join(tmpdir(), 'hoist-buildah-'))): Record<string, string> {
  mkdirSync(dir, { recursive: true });
  const storageConf = path.join(dir, 'storage.conf');
  writeFileSync(
    storageConf,
    `[storage]\ndriver = "vfs"\ngraphroot = "${path.join(dir, 'root')}"\nrunroot = "${path.join(dir, 'runroot')}"\n`,
  );
  return {
    STORAGE_DRIVER: 'vfs',
    BUILDAH_ISOLATION: 'chroot',
    CONTAINERS_STORAGE_CONF: storageConf,
  };
}

/** A build context whose Dockerfile has no RUN step (`FROM scratch`, COPY): it builds for any platform without emulation. */
export function scratchContext(options: { content?: string; dockerfile?: string } = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hoist-context-'));
  writeFileSync(path.join(dir, 'hello.txt'), options.content ?? 'hello from hoist\n');
  writeFileSync(path.join(dir, 'Dockerfile'), options.dockerfile ?? 'FROM scratch\nCOPY hello.txt /hello.txt\n');
  return dir;
}

export interface FakeTool {
  /** Put first on PATH. */
  dir: string;
  /** Every invocation's arguments, in order. */
  calls(): string[][];
  /** What each invocation read on standard input. */
  inputs(): string[];
}

/**
 * A fake executable that records its arguments (one JSON line per call) and its standard input, then runs
 * `body` (shell) — e.g. to answer `buildx inspect`, or to exec the real tool.
 */
export function fakeTool(name: string, body = 'exit 0'): FakeTool {
  const dir = mkdtempSync(path.join(tmpdir(), `hoist-fake-${name}-`));
  const log = path.join(dir, 'calls.jsonl');
  const stdin = path.join(dir, 'stdin.jsonl');
  const recorder = path.join(dir, 'record.cjs');
  writeFileSync(
    recorder,
    [
      "const fs = require('fs');",
      `fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify(process.argv.slice(2)) + '\\n');`,
      "let input = '';",
      "if (process.argv[2] === 'login') { try { input = fs.readFileSync(0, 'utf8'); } catch {} }",
      `fs.appendFileSync(${JSON.stringify(stdin)}, JSON.stringify(input) + '\\n');`,
    ].join('\n'),
  );
  const script = path.join(dir, name);
  writeFileSync(script, `#!/bin/sh\n"${process.execPath}" "${recorder}" "$@"\n${body}\n`);
  chmodSync(script, 0o755);
  const read = (file: string) =>
    existsSync(file)
      ? readFileSync(file, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as unknown)
      : [];
  return { dir, calls: () => read(log) as string[][], inputs: () => read(stdin) as string[] };
}
