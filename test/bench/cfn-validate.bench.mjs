#!/usr/bin/env node
// cfn-validate against cfn-lint on the same templates, in one run (issue 3's proof of speed):
// 1. cold, per template: a fresh `node24 actions/cfn-validate/dist/index.js` (as a runner starts it) vs a fresh
//    `cfn-lint <file>`, on a fixed sample of ~20 corpus templates; the median of the per-template ratios;
// 2. the whole corpus in one process each: cfn-validate with every file as its `template` input vs one cfn-lint
//    invocation over the same files.
// Prints the figures and writes them into docs/benchmarks.md (the cfn-validate section, between its markers).
// Exits 1 when a goal of the issue is missed (≥ 10× cold per template, ≥ 20× over the corpus), or when it cannot
// measure: no corpus (unlike the corpus tests, a benchmark without its templates proves nothing), no bundle, no
// cfn-lint, or a cfn-validate run that fails.
// Usage: node test/bench/cfn-validate.bench.mjs [--sample 20] [--no-write]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CORPUS = process.env.HOIST_CFN_CORPUS ?? path.resolve(ROOT, '..', 'shared', 'corpus', 'cfn');
const NODE24 = path.join(ROOT, 'node_modules', 'node', 'bin', 'node');
const ACTION = path.join(ROOT, 'actions', 'cfn-validate', 'dist', 'index.js');
const DOC = path.join(ROOT, 'docs', 'benchmarks.md');
const args = process.argv.slice(2);
const sampleSize = Number(args[args.indexOf('--sample') + 1]) || 20;
const write = !args.includes('--no-write');

if (!existsSync(path.join(CORPUS, 'cfn-lint-baseline.jsonl'))) {
  console.error(
    `corpus not found: ${path.join(CORPUS, 'cfn-lint-baseline.jsonl')} is missing, so there is nothing to measure. ` +
      'The benchmark needs ../shared/corpus/cfn (see ../shared/corpus/README.md) beside this repository; ' +
      'or set HOIST_CFN_CORPUS to a folder holding cfn-lint-baseline.jsonl, valid/ and ray/.',
  );
  process.exit(1);
}
if (!existsSync(ACTION)) {
  console.error('actions/cfn-validate/dist/index.js is missing: run `node scripts/bundle.mjs cfn-validate` first.');
  process.exit(1);
}
if (spawnSync('cfn-lint', ['--version'], { stdio: 'ignore' }).status !== 0) {
  console.error('cfn-lint is not on PATH (pip install cfn-lint==1.51.0).');
  process.exit(1);
}

const files = readFileSync(path.join(CORPUS, 'cfn-lint-baseline.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l).file)
  .sort();
const step = Math.max(1, Math.floor(files.length / sampleSize));
const sample = files.filter((_, i) => i % step === 0).slice(0, sampleSize);
const scratch = mkdtempSync(path.join(tmpdir(), 'hoist-bench-cfn-'));
// The runner creates these files before a step starts; @actions/core refuses to write outputs without them.
for (const f of ['output', 'summary']) writeFileSync(path.join(scratch, f), '');

function actionEnv(template) {
  return {
    PATH: process.env.PATH ?? '',
    // No credentials: remote-validation `auto` skips ValidateTemplate, as in a pull request from a fork.
    HOME: scratch,
    GITHUB_WORKSPACE: CORPUS,
    GITHUB_OUTPUT: path.join(scratch, 'output'),
    GITHUB_STEP_SUMMARY: path.join(scratch, 'summary'),
    INPUT_TEMPLATE: template,
    'INPUT_FAIL-ON': 'never',
  };
}

function timed(command, argv, options) {
  const started = performance.now();
  const result = spawnSync(command, argv, {
    ...options,
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  if (result.error) throw result.error;
  return { ms, status: result.status, stderr: result.stderr.toString() };
}

/** A cfn-validate run that failed (with `fail-on: never`) measured a crash, not the validator: stop there. */
function mustSucceed(run, what) {
  if (run.status === 0) return run;
  console.error(`cfn-validate exited ${run.status} on ${what}; the timing would not be a validation. Its stderr:`);
  console.error(run.stderr);
  process.exit(1);
}

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

// The machine is shared: the load when the run starts (1, 5 and 15 minutes, as /proc/loadavg) goes with the figures.
const load = loadavg()
  .map((l) => l.toFixed(2))
  .join('/');
console.log(
  `cfn-validate vs cfn-lint: ${sample.length} templates cold, then ${files.length} in one process each (${cpus().length} CPUs, 1/5/15-min load average ${load})`,
);
const rows = [];
for (const file of sample) {
  const absolute = path.join(CORPUS, file);
  const ours = mustSucceed(timed(NODE24, [ACTION], { env: actionEnv(absolute) }), file);
  const lint = timed('cfn-lint', [absolute], {});
  rows.push({ file, ours: ours.ms, lint: lint.ms, ratio: lint.ms / ours.ms });
  console.log(
    `  ${file.padEnd(70)} cfn-validate ${ours.ms.toFixed(0).padStart(5)} ms   cfn-lint ${lint.ms.toFixed(0).padStart(5)} ms   ${(lint.ms / ours.ms).toFixed(1)}×`,
  );
}
const cold = {
  ours: median(rows.map((r) => r.ours)),
  lint: median(rows.map((r) => r.lint)),
  ratio: median(rows.map((r) => r.ratio)),
};
console.log(
  `cold per template: median cfn-validate ${cold.ours.toFixed(0)} ms, cfn-lint ${cold.lint.toFixed(0)} ms; median ratio ${cold.ratio.toFixed(1)}×`,
);

const all = files.map((f) => path.join(CORPUS, f));
const oursCorpus = mustSucceed(timed(NODE24, [ACTION], { env: actionEnv(all.join('\n')) }), 'the whole corpus');
const lintCorpus = timed('cfn-lint', ['--', ...all], {});
const corpus = { ours: oursCorpus.ms, lint: lintCorpus.ms, ratio: lintCorpus.ms / oursCorpus.ms };
console.log(
  `whole corpus (${files.length} files): cfn-validate ${(corpus.ours / 1000).toFixed(2)} s, cfn-lint ${(corpus.lint / 1000).toFixed(2)} s; ${corpus.ratio.toFixed(1)}×`,
);
const missed = [
  ...(cold.ratio >= 10 ? [] : [`cold per template ${cold.ratio.toFixed(1)}× < 10×`]),
  ...(corpus.ratio >= 20 ? [] : [`whole corpus ${corpus.ratio.toFixed(1)}× < 20×`]),
];
console.log(missed.length === 0 ? 'goals met (≥ 10× cold, ≥ 20× corpus)' : `goal missed: ${missed.join('; ')}`);

if (write) {
  const section = [
    '<!-- cfn-validate:start -->',
    '## cfn-validate vs cfn-lint',
    '',
    `Measured by \`node test/bench/cfn-validate.bench.mjs\` on ${new Date().toISOString().slice(0, 10)} (${cpus().length} CPUs, 1/5/15-min load average ${load} at the start; cfn-lint ${spawnSync(
      'cfn-lint',
      ['--version'],
      { encoding: 'utf8' },
    )
      .stdout.trim()
      .replace(
        /^cfn-lint /,
        '',
      )}, node ${spawnSync(NODE24, ['--version'], { encoding: 'utf8' }).stdout.trim()} for cfn-validate). The corpus is ../shared/corpus/cfn (valid/ and ray/).`,
    '',
    '| | cfn-validate | cfn-lint | ratio | goal |',
    '|---|---|---|---|---|',
    `| cold, per template (median of ${sample.length}) | ${cold.ours.toFixed(0)} ms | ${cold.lint.toFixed(0)} ms | ${cold.ratio.toFixed(1)}× (median of per-template ratios) | ≥ 10× |`,
    `| whole corpus, one process each (${files.length} files) | ${(corpus.ours / 1000).toFixed(2)} s | ${(corpus.lint / 1000).toFixed(2)} s | ${corpus.ratio.toFixed(1)}× | ≥ 20× |`,
    '',
    missed.length === 0 ? '**Goals met.**' : `**Goal missed: ${missed.join('; ')}.**`,
    '',
    'Cold means a fresh process per template, as a runner starts the action: `node24 actions/cfn-validate/dist/index.js` with',
    '`INPUT_TEMPLATE` set and no AWS credentials (remote validation `auto` skips ValidateTemplate), against `cfn-lint <file>`.',
    'Node alone starts in about 0.1 s here and @actions/core adds about 0.1 s; the rest is parsing, the resource data (read',
    'once, decoded per resource type on first use) and the rules.',
    '<!-- cfn-validate:end -->',
  ].join('\n');
  const current = existsSync(DOC)
    ? readFileSync(DOC, 'utf8')
    : '# Benchmarks\n\nEach section is written by the benchmark named in it.\n';
  const marked = /<!-- cfn-validate:start -->[\s\S]*<!-- cfn-validate:end -->/;
  const next = marked.test(current) ? current.replace(marked, section) : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(DOC, next);
  console.log(`written: ${path.relative(ROOT, DOC)}`);
}
if (missed.length > 0) {
  console.error(`cfn-validate missed the issue's speed goal: ${missed.join('; ')}.`);
  process.exitCode = 1;
}
