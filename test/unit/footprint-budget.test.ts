/**
 * The footprint budget (issue 12): no action's bundle grows, nor its cold start slows, by more than 25% against the
 * committed baseline (test/bench/footprint-budget.json, written by `node test/bench/footprint.bench.mjs
 * --write-budget`). Bundle bytes are exact. Times are medians, judged relative to node starting an empty module on
 * the same machine at the same moment — a loaded machine slows both — and only past an absolute margin as well.
 */
import { readFileSync } from 'node:fs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, jest, test } from '@jest/globals';
// @ts-expect-error: a plain ESM script without types, shared with the benchmark.
import { BUDGET_FILE, ROOT, actionNames, distBytes, measure } from '../bench/footprint.bench.mjs';

jest.setTimeout(120_000);

interface Figures {
  bundleBytes: number;
  firstOutputMs: number;
  exitMs: number;
}
interface Budget {
  nodeAloneExitMs: number;
  actions: Record<string, Figures>;
}
interface Measured {
  firstOutputMs: number;
  exitMs: number;
}

const budget = JSON.parse(readFileSync(BUDGET_FILE, 'utf8')) as Budget;
const names = (actionNames as () => string[])();
const ALLOWED = 1.25;
/** Below this much slower, a time is never a regression: one scheduler hiccup on a shared machine. */
const TIME_MARGIN_MS = 150;
const RUNS = 3;

describe('bundle size', () => {
  test('every action has a budget', () => {
    expect(names.filter((n) => budget.actions[n] === undefined)).toEqual([]);
  });
  test.each(names)('%s: within 25%% of its budget', (name) => {
    const bytes = (distBytes as (dir: string) => number)(path.join(ROOT, 'actions', name, 'dist'));
    const allowed = Math.round((budget.actions[name]?.bundleBytes ?? 0) * ALLOWED);
    expect({ name, bytes: bytes <= allowed ? 'within budget' : bytes }).toEqual({ name, bytes: 'within budget' });
  });
});

describe('cold start', () => {
  test('each action answers a missing input within 25% of its budget, relative to node alone', async () => {
    const time = measure as (entry: string, runs: number) => Promise<Measured>;
    const empty = path.join(mkdtempSync(path.join(tmpdir(), 'hoist-empty-')), 'empty.mjs');
    writeFileSync(empty, '');
    const nodeAlone = (await time(empty, RUNS)).exitMs;
    const slow: string[] = [];
    for (const name of names) {
      const base = budget.actions[name];
      if (!base) continue;
      const now = await time(path.join(ROOT, 'actions', name, 'dist', 'index.js'), RUNS);
      const ratioNow = now.exitMs / nodeAlone;
      const ratioBudget = base.exitMs / budget.nodeAloneExitMs;
      const slower = ratioNow > ratioBudget * ALLOWED && now.exitMs > base.exitMs * ALLOWED + TIME_MARGIN_MS;
      if (slower) slow.push(`${name}: ${now.exitMs} ms (node alone ${nodeAlone} ms), budget ${base.exitMs} ms`);
    }
    expect(slow).toEqual([]);
  });
});
