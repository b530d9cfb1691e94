import { describe, expect, test } from '@jest/globals';
import type { ReleaseRecord } from '@hoist/cfn/stack';
import { historyTable, renderSummary, type RollbackReport } from '../src/report.js';

/** Release n (1 = oldest) of commit `n…`, running image `n…`. */
function release(n: number): ReleaseRecord {
  const hex = (n % 16).toString(16);
  const two = String(n).padStart(2, '0');
  return {
    id: `202603${two}-120000-${hex.repeat(7)}`,
    time: `2026-03-${two}T12:00:00.000Z`,
    kind: 'deploy',
    outcome: 'deployed',
    gitSha: `${hex.repeat(7)}${'0'.repeat(33)}`,
    templateSha256: 'f'.repeat(64),
    parameters: {},
    noEcho: [],
    images: { ImageUri: `123456789012.dkr.ecr.us-east-1.amazonaws.com/app@sha256:${hex.repeat(64)}` },
  };
}

/** Newest first, as the release history keeps them. */
const releases = (count: number) => Array.from({ length: count }, (_, i) => release(count - i));

/** The release ids in a markdown table's rows, in order. */
const idsIn = (table: string) => [...table.matchAll(/^\|[^|]*\| `(\d{8}-\d{6}-[0-9a-f]{7})` \|/gm)].map((m) => m[1]);

const report = (history: readonly ReleaseRecord[]): RollbackReport => ({
  stackName: 'app',
  status: 'restored',
  dryRun: false,
  message: 'Release restored.',
  releases: history,
  durationMs: 1000,
});

describe('the release history table', () => {
  test('shows the newest 10 of 12 releases, newest first; the two oldest are left out', () => {
    const all = releases(12);
    const table = historyTable(all, {});
    expect(idsIn(table)).toEqual(all.slice(0, 10).map((r) => r.id));
    expect(table).not.toContain(release(2).id);
    expect(table).not.toContain(release(1).id);
    // A header, its separator and ten rows.
    expect(table.trim().split('\n')).toHaveLength(12);
  });

  test('the summary says the history is cut: "last 10 of 12"', () => {
    const summary = renderSummary(report(releases(12)));
    expect(summary).toContain('#### Release history (last 10 of 12)');
    expect(idsIn(summary)).toHaveLength(10);
  });

  test('10 releases or fewer: all shown, no count in the heading', () => {
    for (const count of [3, 10]) {
      const summary = renderSummary(report(releases(count)));
      expect(summary).toContain('#### Release history\n');
      expect(summary).not.toContain('last 10 of');
      expect(idsIn(summary)).toEqual(releases(count).map((r) => r.id));
    }
  });
});
