import { describe, expect, test } from '@jest/globals';
import {
  boundHistory,
  currentRelease,
  runContext,
  imageParameters,
  newReleaseId,
  readReleases,
  recordRelease,
  releasesParameterName,
  type ReleaseHistory,
  type ReleaseRecord,
  type ReleaseStoreApi,
} from '../src/stack/index.js';

function release(i: number, extra: Partial<ReleaseRecord> = {}): ReleaseRecord {
  return {
    id: `20260101-0000${String(i).padStart(2, '0')}-abcdef${i % 10}`,
    time: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
    kind: 'deploy',
    outcome: 'deployed',
    gitSha: `${String(i).padStart(2, '0')}${'0'.repeat(38)}`,
    templateSha256: 'f'.repeat(64),
    parameters: { ImageUri: `123456789012.dkr.ecr.us-east-1.amazonaws.com/app@sha256:${String(i).padStart(64, '0')}` },
    noEcho: [],
    images: {},
    ...extra,
  };
}

const history = (releases: ReleaseRecord[]): ReleaseHistory => ({ version: 1, stack: 'app', releases });

describe('release records', () => {
  test('the history is bounded by size (8 KB) and count, newest kept', () => {
    const many = history(Array.from({ length: 60 }, (_, i) => release(60 - i)));
    const bounded = boundHistory(many);
    expect(Buffer.byteLength(JSON.stringify(bounded))).toBeLessThanOrEqual(8192);
    expect(bounded.releases[0]?.id).toBe(many.releases[0]?.id);
    expect(bounded.releases.length).toBeGreaterThan(5);
    expect(bounded.releases.length).toBeLessThan(60);
    expect(boundHistory(many, 1_000_000, 30).releases).toHaveLength(30);
  });

  test('a newest release too large on its own keeps no parameter values, and lists them as kept', () => {
    const huge = release(1, { parameters: { Big: 'x'.repeat(10_000), ImageUri: 'a' } });
    const bounded = boundHistory(history([huge, release(0)]));
    expect(bounded.releases).toHaveLength(1);
    expect(bounded.releases[0]?.parameters).toEqual({});
    expect(bounded.releases[0]?.noEcho).toEqual(['Big', 'ImageUri']);
  });

  test('ids sort by time and name the commit', () => {
    expect(newReleaseId(new Date('2026-11-24T00:13:49.229Z'), '0123456789abcdef')).toBe('20261124-001349-0123456');
    expect(newReleaseId(new Date('2026-11-24T00:13:49Z'), undefined)).toMatch(/^20261124-001349-[0-9a-f]{7}$/);
  });

  test('the current release is the newest still running', () => {
    const h = history([release(3, { outcome: 'rolled-back' }), release(2, { outcome: 'unhealthy' }), release(1)]);
    expect(currentRelease(h)?.id).toBe(h.releases[1]?.id);
  });

  test('the run context comes from the runner variables', () => {
    expect(
      runContext({
        GITHUB_SHA: 'abc',
        GITHUB_ACTOR: 'me',
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_REPOSITORY: 'o/r',
        GITHUB_RUN_ID: '7',
      }),
    ).toEqual({ gitSha: 'abc', actor: 'me', runUrl: 'https://github.com/o/r/actions/runs/7' });
    expect(runContext({})).toEqual({});
  });

  test('image parameters are those holding a digest reference', () => {
    const digest = `repo@sha256:${'a'.repeat(64)}`;
    expect(imageParameters({ ImageUri: digest, Tagged: 'repo:latest', Env: 'prod' })).toEqual({ ImageUri: digest });
  });

  test('recordRelease puts the new release first in /hoist/<stack>/releases; an unreadable value starts over', async () => {
    const store = new Map<string, string>([[releasesParameterName('app'), 'not json']]);
    const api: ReleaseStoreApi = {
      getParameter: async (name) => store.get(name),
      putParameter: async (name, value) => void store.set(name, value),
    };
    const problems: string[] = [];
    await recordRelease(api, 'app', release(1), (m) => problems.push(m));
    await recordRelease(api, 'app', release(2));
    expect(problems[0]).toContain('cannot be read');
    const read = await readReleases(api, 'app');
    expect(read.releases.map((r) => r.id)).toEqual([release(2).id, release(1).id]);
    expect(releasesParameterName('app')).toBe('/hoist/app/releases');
  });
});
