#!/usr/bin/env node
// Bundles every action (actions/<name>/src/main.ts) with ncc into actions/<name>/dist, committed. Type checking is
// `npm run typecheck`'s job; ncc only transpiles.
// `--check` bundles into a temporary folder and fails when the committed dist differs (stale bundle).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const check = process.argv.includes('--check');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const ncc = path.join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');

const actions = readdirSync(path.join(root, 'actions')).filter(
  (name) =>
    existsSync(path.join(root, 'actions', name, 'src', 'main.ts')) && (only.length === 0 || only.includes(name)),
);

function files(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => statSync(path.join(dir, f)).isFile())
    .sort();
}

let stale = [];
for (const name of actions) {
  const dir = path.join(root, 'actions', name);
  // Built aside and swapped in only on success, so a failed build never leaves an action without its dist.
  const out = mkdtempSync(path.join(tmpdir(), `hoist-dist-${name}-`));
  const started = Date.now();
  const result = spawnSync(
    process.execPath,
    [
      ncc,
      'build',
      path.join(dir, 'src', 'main.ts'),
      '-o',
      out,
      '--minify',
      '--license',
      'licenses.txt',
      '--target',
      'es2022',
      '--transpile-only',
      '--quiet',
    ],
    { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (result.status !== 0) {
    console.error(`bundle: ncc failed for ${name}`);
    process.exit(1);
  }
  const committed = path.join(dir, 'dist');
  if (!check) {
    rmSync(committed, { recursive: true, force: true });
    cpSync(out, committed, { recursive: true });
  } else {
    const a = files(committed);
    const b = files(out);
    const differs =
      a.join('\n') !== b.join('\n') ||
      a.some((f) => !readFileSync(path.join(committed, f)).equals(readFileSync(path.join(out, f))));
    if (differs) stale.push(name);
  }
  rmSync(out, { recursive: true, force: true });
  console.log(`bundle: ${name} ${check ? 'checked' : 'built'} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}
if (stale.length > 0) {
  console.error(
    `check-dist: the committed dist of ${stale.join(', ')} differs from a fresh build. Run \`npm run build\` and commit actions/*/dist.`,
  );
  process.exit(1);
}
