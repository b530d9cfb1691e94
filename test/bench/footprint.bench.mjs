#!/usr/bin/env node
// Footprint of each action: its bundle (the bytes of actions/<name>/dist, what a runner downloads and node parses)
// and its cold start (node 24 on dist/index.js with no inputs — a missing required input or no region — time to the
// first byte of output and to exit, median of several runs). With --anchors, the same for the published dist of
// aws-actions/amazon-ecr-login and aws-actions/aws-cloudformation-github-deploy, read from local git mirrors
// (HOIST_ANCHOR_MIRRORS, default /work/.mirror) into a temporary folder and deleted after: never copied into hoist.
//
//   node test/bench/footprint.bench.mjs [--runs 7] [--anchors] [--json] [--write-budget]
//
// --write-budget records the figures as test/bench/footprint-budget.json, the baseline the budget test holds
// the actions to (test/unit/footprint-budget.test.ts).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const NODE24 = path.join(ROOT, 'node_modules', 'node', 'bin', 'node');
export const BUDGET_FILE = path.join(ROOT, 'test', 'bench', 'footprint-budget.json');
const ANCHORS = ['aws-actions/amazon-ecr-login', 'aws-actions/aws-cloudformation-github-deploy'];

export function actionNames() {
  return readdirSync(path.join(ROOT, 'actions'))
    .filter((name) => existsSync(path.join(ROOT, 'actions', name, 'dist', 'index.js')))
    .sort();
}

/** Every file of a dist folder, summed: the entry, its lazily loaded chunks, data files and licenses. */
export function distBytes(dist) {
  return readdirSync(dist, { recursive: true })
    .map((f) => path.join(dist, String(f)))
    .filter((f) => statSync(f).isFile())
    .reduce((sum, f) => sum + statSync(f).size, 0);
}

/** One cold start: ms to the first byte on stdout or stderr, ms to exit, the exit code and the first line. */
export function coldStart(entry, cwd = path.dirname(entry)) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const ms = () => Number(process.hrtime.bigint() - started) / 1e6;
    // What a runner sets, and nothing that would give the action an input, a region or credentials.
    const env = { PATH: process.env['PATH'] ?? '', GITHUB_ACTIONS: 'true', AWS_EC2_METADATA_DISABLED: 'true' };
    const child = spawn(NODE24, [entry], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let firstMs;
    let output = '';
    const onData = (chunk) => {
      firstMs ??= ms();
      output += chunk;
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (code) => {
      const exitMs = ms();
      resolve({ firstMs: firstMs ?? exitMs, exitMs, code, firstLine: output.split('\n')[0] ?? '' });
    });
  });
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** `runs` cold starts of one entry (after one unmeasured start that warms the file cache). */
export async function measure(entry, runs) {
  await coldStart(entry);
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await coldStart(entry));
  return {
    firstOutputMs: Math.round(median(samples.map((s) => s.firstMs))),
    exitMs: Math.round(median(samples.map((s) => s.exitMs))),
    exitCode: samples[0]?.code,
    firstLine: samples[0]?.firstLine.slice(0, 160),
  };
}

/** The published dist of an anchor, from its local mirror, into a temporary folder (removed by the caller). */
function anchorDist(repo) {
  const mirrors = process.env['HOIST_ANCHOR_MIRRORS'] ?? '/work/.mirror';
  const gitDir = path.join(mirrors, repo.replace('/', '+'), 'repo');
  if (!existsSync(gitDir)) return undefined;
  const commit = spawnSync('git', ['--git-dir', gitDir, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).stdout.trim();
  const dir = mkdtempSync(path.join(tmpdir(), 'hoist-anchor-'));
  const archive = spawnSync('git', ['--git-dir', gitDir, 'archive', '--format=tar', 'HEAD', 'dist'], {
    maxBuffer: 1 << 30,
  });
  if (archive.status !== 0) return undefined;
  spawnSync('tar', ['-x', '-C', dir], { input: archive.stdout });
  return { dir: path.join(dir, 'dist'), root: dir, commit };
}

export async function runBench({ runs = 7, anchors = false } = {}) {
  const actions = {};
  for (const name of actionNames()) {
    const dist = path.join(ROOT, 'actions', name, 'dist');
    actions[name] = { bundleBytes: distBytes(dist), ...(await measure(path.join(dist, 'index.js'), runs)) };
  }
  const anchorFigures = {};
  if (anchors) {
    for (const repo of ANCHORS) {
      const copy = anchorDist(repo);
      if (!copy) {
        anchorFigures[repo] = { unavailable: 'no local mirror (fetch github:' + repo + ')' };
        continue;
      }
      try {
        anchorFigures[repo] = {
          commit: copy.commit,
          bundleBytes: distBytes(copy.dir),
          ...(await measure(path.join(copy.dir, 'index.js'), runs)),
        };
      } finally {
        rmSync(copy.root, { recursive: true, force: true });
      }
    }
  }
  // node alone, for scale: an empty module.
  const empty = path.join(mkdtempSync(path.join(tmpdir(), 'hoist-empty-')), 'empty.mjs');
  writeFileSync(empty, '');
  const nodeItself = await measure(empty, runs);
  rmSync(path.dirname(empty), { recursive: true, force: true });
  return {
    node: spawnSync(NODE24, ['--version'], { encoding: 'utf8' }).stdout.trim(),
    runs,
    actions,
    ...(anchors ? { anchors: anchorFigures } : {}),
    nodeAloneExitMs: nodeItself.exitMs,
  };
}

function table(result) {
  const rows = [
    ...Object.entries(result.actions).map(([name, f]) => [name, f]),
    ...Object.entries(result.anchors ?? {}).map(([name, f]) => [`${name} (anchor)`, f]),
  ];
  const lines = ['| action | bundle (kB) | first output (ms) | exit (ms) |', '|---|---:|---:|---:|'];
  for (const [name, f] of rows) {
    if (f.unavailable) lines.push(`| ${name} | — | — | — (${f.unavailable}) |`);
    else lines.push(`| ${name} | ${(f.bundleBytes / 1000).toFixed(0)} | ${f.firstOutputMs} | ${f.exitMs} |`);
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 7;
  const result = await runBench({ runs, anchors: args.includes('--anchors') });
  if (args.includes('--json')) console.log(JSON.stringify(result, null, 2));
  else {
    console.log(
      `node ${result.node}, median of ${result.runs} cold starts; node alone exits in ${result.nodeAloneExitMs} ms`,
    );
    console.log(table(result));
  }
  if (args.includes('--write-budget')) {
    const budget = {
      note: 'Baseline for test/unit/footprint-budget.test.ts: bundle bytes exact, times medians on the machine that wrote it. Regenerate with `node test/bench/footprint.bench.mjs --write-budget` after a deliberate change.',
      node: result.node,
      nodeAloneExitMs: result.nodeAloneExitMs,
      actions: Object.fromEntries(
        Object.entries(result.actions).map(([name, f]) => [
          name,
          { bundleBytes: f.bundleBytes, firstOutputMs: f.firstOutputMs, exitMs: f.exitMs },
        ]),
      ),
    };
    writeFileSync(BUDGET_FILE, JSON.stringify(budget, null, 2) + '\n');
    console.log(`budget written to ${path.relative(ROOT, BUDGET_FILE)}`);
  }
}
