import { UserError } from '@hoist/kit';
import { currentRelease, stackPhase, type ReleaseHistory, type ReleaseRecord, type Stack } from '@hoist/cfn/stack';
import type { ReleaseRef } from './inputs.js';

/** Which release to restore, and why — or why there is nothing to do. */
export type Choice =
  | { kind: 'restore'; target: ReleaseRecord; running: ReleaseRecord | undefined; why: string; warnings: string[] }
  | { kind: 'nothing-to-do'; running: ReleaseRecord | undefined; why: string; warnings: string[] };

/** The stack's parameter values as DescribeStacks shows them (NoEcho ones as `****`). */
export function stackParameterValues(stack: Pick<Stack, 'Parameters'>): Record<string, string> {
  return Object.fromEntries(
    (stack.Parameters ?? []).filter((p) => p.ParameterKey).map((p) => [p.ParameterKey ?? '', p.ParameterValue ?? '']),
  );
}

/** Every value the release recorded is the stack's value now (a release with no recorded values matches nothing). */
function matchesStack(release: ReleaseRecord, values: Readonly<Record<string, string>>): boolean {
  const recorded = Object.entries(release.parameters);
  return recorded.length > 0 && recorded.every(([key, value]) => values[key] === value);
}

const isLive = (r: ReleaseRecord) => r.outcome === 'deployed' || r.outcome === 'unhealthy';

/**
 * The release running now: the newest one whose deploy left it in place — checked against the stack's parameter
 * values, so a deploy whose record was never written (or a change made outside hoist) is not taken for it.
 */
export function runningRelease(
  history: ReleaseHistory,
  stack: Pick<Stack, 'Parameters'> & { StackStatus?: string | undefined },
): ReleaseRecord | undefined {
  const values = stackParameterValues(stack);
  const current = currentRelease(history);
  if (current && (matchesStack(current, values) || Object.keys(current.parameters).length === 0)) return current;
  // A deploy that gave up (deadline, cancel) after its change set ran is recorded `failed`; when the update went on
  // and completed, the stack holds its values: that release runs, unverified, and is not the good one.
  const newest = history.releases[0];
  if (newest?.outcome === 'failed' && stackPhase(stack.StackStatus) !== 'rolled-back' && matchesStack(newest, values))
    return newest;
  return history.releases.find((r) => isLive(r) && matchesStack(r, values)) ?? current;
}

/**
 * Releases a later rollback went back past ("rolled back by R"), and the release a running rollback restored:
 * none of them is "the last good release" when none is asked for.
 */
function supersededReleases(history: ReleaseHistory, running: ReleaseRecord | undefined): Map<string, string> {
  const reasons = new Map<string, string>();
  const releases = history.releases;
  releases.forEach((rollback, i) => {
    if (rollback.kind !== 'rollback' || !rollback.restores || rollback.outcome !== 'deployed') return;
    const restored = releases.findIndex((r, j) => j > i && r.id === rollback.restores);
    const end = restored === -1 ? releases.length : restored;
    for (const r of releases.slice(i + 1, end))
      if (!reasons.has(r.id)) reasons.set(r.id, `rolled back by ${rollback.id}`);
    if (rollback === running && restored !== -1)
      reasons.set(rollback.restores, `restored by ${rollback.id}, which is running`);
  });
  return reasons;
}

function describe(release: ReleaseRecord): string {
  const sha = release.gitSha ? `, commit ${release.gitSha.slice(0, 7)}` : '';
  const kind = release.kind === 'rollback' ? `, a rollback to ${release.restores ?? '?'}` : '';
  return `${release.id} (${release.outcome}${kind}${sha})`;
}

/**
 * Chooses the release to restore. `to`: that release (by id, or the one commit a sha prefix names). Without it:
 * the newest successful release other than the running one — unless CloudFormation already rolled a failed update
 * back, in which case the running release is the good one and there is nothing to do.
 */
export function chooseRelease(
  history: ReleaseHistory,
  stack: Pick<Stack, 'Parameters' | 'StackStatus' | 'StackName'>,
  to: ReleaseRef | undefined,
): Choice {
  const stackName = stack.StackName ?? history.stack;
  const running = runningRelease(history, stack);
  const warnings: string[] = [];
  if (history.releases.length === 0) {
    return {
      kind: 'nothing-to-do',
      running,
      why: `stack ${stackName} has no release records (SSM /hoist/${stackName}/releases): it was not deployed by hoist's deploy-stack, so hoist knows no release to go back to`,
      warnings,
    };
  }
  if (to) return chooseAsked(history, stackName, to, running, warnings);

  const newest = history.releases[0];
  const cloudFormationRolledBack =
    stackPhase(stack.StackStatus) === 'rolled-back' ||
    (newest !== undefined && newest !== running && (newest.outcome === 'rolled-back' || newest.outcome === 'failed'));
  if (running?.outcome === 'deployed' && cloudFormationRolledBack) {
    const failed = newest && newest !== running && !isLive(newest) ? ` (release ${newest.id}: ${newest.outcome})` : '';
    return {
      kind: 'nothing-to-do',
      running,
      why: `CloudFormation already rolled the failed update back${failed}: the release running, ${describe(running)}, is the last good one`,
      warnings,
    };
  }
  const superseded = supersededReleases(history, running);
  // Back in time from the running release (a newer record that is not running is not "back").
  const older = running ? history.releases.slice(history.releases.indexOf(running) + 1) : history.releases;
  const target = older.find((r) => r.outcome === 'deployed' && !superseded.has(r.id));
  if (!target) {
    return {
      kind: 'nothing-to-do',
      running,
      why: `there is no successful release before ${running ? `the running one, ${describe(running)}` : 'the current state'}`,
      warnings,
    };
  }
  const skipped = older
    .slice(0, older.indexOf(target))
    .filter((r) => superseded.has(r.id))
    .map((r) => `${r.id} (${superseded.get(r.id)})`);
  const from = running
    ? `the running release ${describe(running)}`
    : 'the current state (no release record matches the stack’s parameters)';
  return {
    kind: 'restore',
    target,
    running,
    why: `it is the newest successful release before ${from}${skipped.length > 0 ? `; skipped ${skipped.join(', ')}` : ''}`,
    warnings,
  };
}

function chooseAsked(
  history: ReleaseHistory,
  stackName: string,
  to: ReleaseRef,
  running: ReleaseRecord | undefined,
  warnings: string[],
): Choice {
  const known = history.releases
    .slice(0, 5)
    .map((r) => r.id)
    .join(', ');
  let target: ReleaseRecord | undefined;
  let asked: string;
  if (to.kind === 'release-id') {
    asked = `release ${to.id}`;
    target = history.releases.find((r) => r.id === to.id);
    if (!target) {
      throw new UserError(
        `Input 'to' is '${to.id}': stack ${stackName} has no such release (${history.releases.length} recorded).`,
        {
          code: 'unknown-release',
          fix: `pass one of the recorded release ids (newest first: ${known}), or a git sha prefix; the history is in the job summary.`,
        },
      );
    }
  } else {
    asked = `commit ${to.prefix}`;
    const matches = history.releases.filter((r) => r.gitSha?.toLowerCase().startsWith(to.prefix));
    const commits = [...new Set(matches.map((r) => r.gitSha?.toLowerCase()))];
    if (matches.length === 0) {
      throw new UserError(
        `Input 'to' is '${to.prefix}': no release of stack ${stackName} was deployed from a commit starting with it.`,
        {
          code: 'unknown-release',
          fix: `pass the sha of a deployed commit or a release id (newest first: ${known}); the history is in the job summary.`,
        },
      );
    }
    if (commits.length > 1) {
      throw new UserError(
        `Input 'to' is '${to.prefix}': it names ${commits.length} commits (${commits.map((c) => c?.slice(0, 12)).join(', ')}).`,
        {
          code: 'ambiguous-release',
          fix: 'give more characters of the sha, or a release id.',
        },
      );
    }
    // A commit may have several records (a deploy, a rollback to it, a failed attempt): the newest that ran.
    target =
      matches.find((r) => r.outcome === 'deployed') ?? matches.find((r) => r.outcome === 'unhealthy') ?? matches[0];
  }
  if (!target) throw new Error('unreachable: a release was matched');
  if (!isLive(target)) {
    throw new UserError(
      `Input 'to' names release ${target.id}, which never ran: its update ${target.outcome === 'rolled-back' ? 'was rolled back by CloudFormation' : 'failed'}, so there is nothing of it to restore.`,
      { code: 'release-never-ran', fix: `choose a release whose outcome is deployed (newest first: ${known}).` },
    );
  }
  if (target.outcome === 'unhealthy')
    warnings.push(
      `Release ${target.id} failed its verification when it was deployed (outcome unhealthy); restoring it as asked.`,
    );
  if (target === running) {
    return {
      kind: 'nothing-to-do',
      running,
      why: `${asked} is the release running now, ${describe(target)}`,
      warnings,
    };
  }
  return { kind: 'restore', target, running, why: `it is the release asked for (to: ${asked})`, warnings };
}
