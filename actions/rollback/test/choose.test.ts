import { describe, expect, test } from '@jest/globals';
import { UserError } from '@hoist/kit';
import type { ReleaseHistory, ReleaseRecord, Stack } from '@hoist/cfn/stack';
import { chooseRelease, runningRelease } from '../src/choose.js';

const image = (c: string) => `123456789012.dkr.ecr.us-east-1.amazonaws.com/app@sha256:${c.repeat(64)}`;

/** A release of commit `c…` running image `c…`; `extra` overrides. */
function release(id: string, c: string, extra: Partial<ReleaseRecord> = {}): ReleaseRecord {
  return {
    id,
    time: '2026-03-01T12:00:00.000Z',
    kind: 'deploy',
    outcome: 'deployed',
    gitSha: `${c.repeat(7)}${'0'.repeat(33)}`,
    templateSha256: 'f'.repeat(64),
    parameters: { ImageUri: image(c) },
    noEcho: [],
    images: { ImageUri: image(c) },
    ...extra,
  };
}

const history = (...releases: ReleaseRecord[]): ReleaseHistory => ({ version: 1, stack: 'app', releases });
const stackRunning = (c: string, StackStatus = 'UPDATE_COMPLETE'): Stack =>
  ({ StackName: 'app', StackStatus, Parameters: [{ ParameterKey: 'ImageUri', ParameterValue: image(c) }] }) as Stack;

const A = release('20260301-100000-aaaaaaa', 'a');
const B = release('20260301-110000-bbbbbbb', 'b');
const C = release('20260301-120000-ccccccc', 'c');

const target = (choice: ReturnType<typeof chooseRelease>) =>
  choice.kind === 'restore' ? choice.target.id : `nothing: ${choice.why}`;

describe('chooseRelease without `to`', () => {
  test('restores the newest successful release before the running one', () => {
    const choice = chooseRelease(history(C, B, A), stackRunning('c'), undefined);
    expect(target(choice)).toBe(B.id);
    expect(choice.running?.id).toBe(C.id);
    expect(choice.why).toBe(
      `it is the newest successful release before the running release ${C.id} (deployed, commit ccccccc)`,
    );
  });

  test('an unhealthy running release is rolled back; unhealthy and failed releases are never the target', () => {
    const unhealthy = { ...C, outcome: 'unhealthy' as const };
    const failed = release('20260301-115000-bbbbbbb', 'b', { outcome: 'failed' });
    expect(
      target(
        chooseRelease(history(unhealthy, failed, { ...B, outcome: 'unhealthy' }, A), stackRunning('c'), undefined),
      ),
    ).toBe(A.id);
  });

  test('a deploy recorded failed whose update completed anyway is running: it is rolled back, not taken for rolled back', () => {
    const lateD = release('20260301-130000-ddddddd', 'd', { outcome: 'failed' });
    const choice = chooseRelease(history(lateD, C, B), stackRunning('d'), undefined);
    expect(choice.running?.id).toBe(lateD.id);
    expect(target(choice)).toBe(C.id);
    // The same record after CloudFormation rolled the update back: C runs, nothing to do.
    expect(chooseRelease(history(lateD, C, B), stackRunning('c', 'UPDATE_ROLLBACK_COMPLETE'), undefined).kind).toBe(
      'nothing-to-do',
    );
  });

  test('after CloudFormation rolled a failed update back, the running release is the good one: nothing to do', () => {
    const rolledBack = release('20260301-130000-ddddddd', 'd', {
      outcome: 'rolled-back',
      parameters: { ImageUri: image('c') },
    });
    const choice = chooseRelease(history(rolledBack, C, B), stackRunning('c', 'UPDATE_ROLLBACK_COMPLETE'), undefined);
    expect(choice.kind).toBe('nothing-to-do');
    expect(choice.running?.id).toBe(C.id);
    expect(choice.why).toContain('CloudFormation already rolled the failed update back');
  });

  test('one release: nothing to do', () => {
    const choice = chooseRelease(history(A), stackRunning('a'), undefined);
    expect(target(choice)).toBe(
      `nothing: there is no successful release before the running one, ${A.id} (deployed, commit aaaaaaa)`,
    );
  });

  test('no records: nothing to do, and why', () => {
    expect(target(chooseRelease(history(), stackRunning('a'), undefined))).toContain('has no release records');
  });

  test('after a rollback, the next one goes further back: past the releases rolled back and the one restored', () => {
    const rollback = release('20260301-130000-bbbbbbb', 'b', { kind: 'rollback', restores: B.id });
    // C was rolled back from (to B): the next step back from B is A.
    const choice = chooseRelease(history(rollback, C, B, A), stackRunning('b'), undefined);
    expect(choice.running?.id).toBe(rollback.id);
    expect(target(choice)).toBe(A.id);
    expect(choice.why).toContain(`skipped ${C.id} (rolled back by ${rollback.id})`);
  });

  test('the running release is the one matching the stack, and the step back is from it', () => {
    // C's deploy was recorded, but the stack runs B (changed outside hoist since): back from B is A, not C.
    expect(runningRelease(history(C, B, A), stackRunning('b'))?.id).toBe(B.id);
    expect(target(chooseRelease(history(C, B, A), stackRunning('b'), undefined))).toBe(A.id);
  });
});

describe('chooseRelease with `to`', () => {
  test('a release id', () => {
    const choice = chooseRelease(history(C, B, A), stackRunning('c'), { kind: 'release-id', id: A.id });
    expect(target(choice)).toBe(A.id);
    expect(choice.why).toBe(`it is the release asked for (to: release ${A.id})`);
  });

  test('a git sha prefix: the newest record of that commit that ran', () => {
    const failedA = release('20260301-125000-aaaaaaa', 'a', { outcome: 'rolled-back' });
    expect(
      target(chooseRelease(history(failedA, C, B, A), stackRunning('c'), { kind: 'git-sha', prefix: 'aaaaaaa0' })),
    ).toBe(A.id);
  });

  test('a sha prefix naming two commits is refused', () => {
    const other = release('20260301-090000-aaaaaaa', 'a', { gitSha: `aaaaaaa1${'0'.repeat(32)}` });
    expect(() =>
      chooseRelease(history(B, A, other), stackRunning('b'), { kind: 'git-sha', prefix: 'aaaaaaa' }),
    ).toThrow(/it names 2 commits/);
  });

  test('unknown ids and shas are refused, listing what there is', () => {
    const unknown = () =>
      chooseRelease(history(B, A), stackRunning('b'), { kind: 'release-id', id: '20990101-000000-0000000' });
    expect(unknown).toThrow(UserError);
    expect(unknown).toThrow("Input 'to' is '20990101-000000-0000000': stack app has no such release (2 recorded).");
    expect(() => chooseRelease(history(B, A), stackRunning('b'), { kind: 'git-sha', prefix: 'deadbee' })).toThrow(
      /no release of stack app was deployed from a commit starting with it/,
    );
  });

  test('a release that never ran is refused; an unhealthy one is restored with a warning', () => {
    const rolledBack = release('20260301-130000-ddddddd', 'd', { outcome: 'rolled-back' });
    expect(() =>
      chooseRelease(history(rolledBack, B, A), stackRunning('b'), { kind: 'release-id', id: rolledBack.id }),
    ).toThrow(/which never ran/);
    const unhealthy = { ...A, outcome: 'unhealthy' as const };
    const choice = chooseRelease(history(B, unhealthy), stackRunning('b'), { kind: 'release-id', id: A.id });
    expect(target(choice)).toBe(A.id);
    expect(choice.warnings).toEqual([
      `Release ${A.id} failed its verification when it was deployed (outcome unhealthy); restoring it as asked.`,
    ]);
  });

  test('the running release: nothing to do', () => {
    const choice = chooseRelease(history(B, A), stackRunning('b'), { kind: 'git-sha', prefix: 'bbbbbbb' });
    expect(choice.kind).toBe('nothing-to-do');
    expect(choice.why).toBe(`commit bbbbbbb is the release running now, ${B.id} (deployed, commit bbbbbbb)`);
  });
});
