import { describe, expect, test } from '@jest/globals';
import { UserError } from '@hoist/kit';
import type { Stack, StackEvent } from '../src/stack/api.js';
import { recoverStack, recoveryStep, type RecoveryApi } from '../src/stack/recover.js';

const STACK_ID = 'arn:aws:cloudformation:us-east-1:123456789012:stack/app/1';

const stack = (StackStatus: string, extra: Partial<Stack> = {}): Stack =>
  ({ StackName: 'app', StackId: STACK_ID, StackStatus, CreationTime: new Date(0), ...extra }) as Stack;

/**
 * A CloudFormation double: `describeStack` answers `before` until a recovery call was made, then each of `after` in
 * turn (the last one repeated). Records every call.
 */
function fakeApi(before: Stack | undefined, after: Stack[] = [], events: StackEvent[] = []) {
  const calls: string[] = [];
  let reads = 0;
  const acted = () => calls.some((c) => !c.startsWith('describe'));
  const api: RecoveryApi = {
    async describeStack() {
      calls.push('describeStack');
      if (!acted()) return before;
      return after[Math.min(reads++, after.length - 1)];
    },
    async describeStackEvents() {
      calls.push('describeStackEvents');
      return { events: acted() ? events : [], nextToken: undefined };
    },
    async cancelUpdateStack(name) {
      calls.push(`CancelUpdateStack ${name}`);
    },
    async continueUpdateRollback(name, skip) {
      calls.push(`ContinueUpdateRollback ${name} [${skip.join(',')}]`);
    },
    async rollbackStack(name) {
      calls.push(`RollbackStack ${name}`);
    },
  };
  return { api, calls, writes: () => calls.filter((c) => !c.startsWith('describe')) };
}

const fast = { deadline: Date.now() + 60_000, intervalMs: 1, maxIntervalMs: 1, startGraceMs: 50 };
const none = { cancelInProgress: false, resourcesToSkip: [] };

describe('recoveryStep', () => {
  test.each([
    ['UPDATE_COMPLETE', false, 'none'],
    ['UPDATE_ROLLBACK_COMPLETE', false, 'none'],
    ['CREATE_COMPLETE', false, 'none'],
    ['UPDATE_IN_PROGRESS', false, 'wait'],
    ['UPDATE_IN_PROGRESS', true, 'cancel-update'],
    // CancelUpdateStack only cancels UPDATE_IN_PROGRESS: anything else in progress is waited for.
    ['UPDATE_ROLLBACK_IN_PROGRESS', true, 'wait'],
    ['CREATE_IN_PROGRESS', true, 'wait'],
    ['UPDATE_ROLLBACK_FAILED', false, 'continue-update-rollback'],
    ['UPDATE_FAILED', false, 'rollback-stack'],
    ['CREATE_FAILED', false, 'rollback-stack'],
    ['ROLLBACK_COMPLETE', false, 'nothing-to-roll-back'],
    ['REVIEW_IN_PROGRESS', false, 'nothing-to-roll-back'],
    ['ROLLBACK_FAILED', false, 'unrecoverable'],
    ['DELETE_FAILED', false, 'unrecoverable'],
  ] as const)('%s, cancel-in-progress %s → %s', (status, cancelInProgress, kind) => {
    expect(recoveryStep(stack(status), { cancelInProgress, resourcesToSkip: [] }).kind).toBe(kind);
  });

  test('the skip list goes to ContinueUpdateRollback', () => {
    expect(
      recoveryStep(stack('UPDATE_ROLLBACK_FAILED'), {
        cancelInProgress: false,
        resourcesToSkip: ['Queue', 'Nested.Topic'],
      }),
    ).toEqual({
      kind: 'continue-update-rollback',
      resourcesToSkip: ['Queue', 'Nested.Topic'],
    });
  });
});

describe('recoverStack', () => {
  test('UPDATE_ROLLBACK_FAILED: ContinueUpdateRollback with the skip list, waits until UPDATE_ROLLBACK_COMPLETE → recovered', async () => {
    const { api, calls, writes } = fakeApi(stack('UPDATE_ROLLBACK_FAILED'), [
      stack('UPDATE_ROLLBACK_IN_PROGRESS'),
      stack('UPDATE_ROLLBACK_IN_PROGRESS'),
      stack('UPDATE_ROLLBACK_COMPLETE'),
    ]);
    const result = await recoverStack(api, 'app', { ...fast, cancelInProgress: false, resourcesToSkip: ['Queue'] });
    expect(result.outcome).toBe('recovered');
    expect(result.stack.StackStatus).toBe('UPDATE_ROLLBACK_COMPLETE');
    expect(result.done).toEqual(['ContinueUpdateRollback skipping Queue']);
    expect(writes()).toEqual(['ContinueUpdateRollback app [Queue]']);
    // Read until the rollback completed, after the call.
    expect(
      calls.slice(calls.indexOf('ContinueUpdateRollback app [Queue]')).filter((c) => c === 'describeStack').length,
    ).toBeGreaterThanOrEqual(3);
  });

  test('UPDATE_IN_PROGRESS with cancelInProgress: CancelUpdateStack, then waits → recovered', async () => {
    const { api, writes } = fakeApi(stack('UPDATE_IN_PROGRESS'), [
      stack('UPDATE_ROLLBACK_IN_PROGRESS'),
      stack('UPDATE_ROLLBACK_COMPLETE'),
    ]);
    const result = await recoverStack(api, 'app', { ...fast, cancelInProgress: true, resourcesToSkip: [] });
    expect(result.outcome).toBe('recovered');
    expect(writes()).toEqual(['CancelUpdateStack app']);
  });

  test('a cancel that ends in UPDATE_ROLLBACK_FAILED is continued', async () => {
    const { api, writes } = fakeApi(stack('UPDATE_IN_PROGRESS'), [
      stack('UPDATE_ROLLBACK_IN_PROGRESS'),
      stack('UPDATE_ROLLBACK_FAILED'),
      stack('UPDATE_ROLLBACK_IN_PROGRESS'),
      stack('UPDATE_ROLLBACK_COMPLETE'),
    ]);
    const result = await recoverStack(api, 'app', { ...fast, cancelInProgress: true, resourcesToSkip: [] });
    expect(result.outcome).toBe('recovered');
    expect(writes()).toEqual(['CancelUpdateStack app', 'ContinueUpdateRollback app []']);
  });

  test('UPDATE_FAILED (rollback disabled): RollbackStack', async () => {
    const { api, writes } = fakeApi(stack('UPDATE_FAILED'), [stack('UPDATE_ROLLBACK_COMPLETE')]);
    const result = await recoverStack(api, 'app', { ...fast, ...none });
    expect(result.outcome).toBe('recovered');
    expect(writes()).toEqual(['RollbackStack app']);
  });

  test('CREATE_FAILED (rollback disabled): RollbackStack to ROLLBACK_COMPLETE → recovered, with nothing to roll back to', async () => {
    const { api, writes } = fakeApi(stack('CREATE_FAILED'), [
      stack('ROLLBACK_IN_PROGRESS'),
      stack('ROLLBACK_COMPLETE'),
    ]);
    const result = await recoverStack(api, 'app', { ...fast, ...none });
    expect(result.outcome).toBe('recovered');
    expect(result.stack.StackStatus).toBe('ROLLBACK_COMPLETE');
    expect(result.fix).toContain('recreate-failed: true');
    expect(writes()).toEqual(['RollbackStack app']);
  });

  test('an update in progress without cancelInProgress is waited for, nothing called → stable', async () => {
    let reads = 0;
    const statuses = ['UPDATE_IN_PROGRESS', 'UPDATE_IN_PROGRESS', 'UPDATE_COMPLETE'];
    const { api, writes } = fakeApi(undefined);
    api.describeStack = async () => stack(statuses[Math.min(reads++, statuses.length - 1)] ?? '');
    const result = await recoverStack(api, 'app', { ...fast, ...none });
    expect(result.outcome).toBe('stable');
    expect(result.stack.StackStatus).toBe('UPDATE_COMPLETE');
    expect(reads).toBe(3);
    expect(writes()).toEqual([]);
  });

  test('still stuck after ContinueUpdateRollback: a UserError naming the failed resource and resources-to-skip', async () => {
    const failure: StackEvent = {
      StackId: STACK_ID,
      StackName: 'app',
      EventId: 'e1',
      LogicalResourceId: 'Cache',
      ResourceType: 'AWS::ElastiCache::CacheCluster',
      ResourceStatus: 'UPDATE_FAILED',
      ResourceStatusReason: 'Cache cluster not found',
      Timestamp: new Date(),
    };
    const { api, writes } = fakeApi(
      stack('UPDATE_ROLLBACK_FAILED'),
      [stack('UPDATE_ROLLBACK_IN_PROGRESS'), stack('UPDATE_ROLLBACK_FAILED')],
      [failure],
    );
    const error = await recoverStack(api, 'app', { ...fast, ...none }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe(
      'Stack app is still UPDATE_ROLLBACK_FAILED after ContinueUpdateRollback. Root cause: Cache (AWS::ElastiCache::CacheCluster) UPDATE_FAILED: Cache cluster not found.',
    );
    expect((error as UserError).fix).toContain('`resources-to-skip`');
    // Not called again and again.
    expect(writes()).toEqual(['ContinueUpdateRollback app []']);
  });

  test('dry run: says what it would do, calls nothing', async () => {
    const { api, writes } = fakeApi(stack('UPDATE_ROLLBACK_FAILED'));
    const result = await recoverStack(api, 'app', {
      ...fast,
      cancelInProgress: false,
      resourcesToSkip: ['Queue'],
      dryRun: true,
    });
    expect(result.outcome).toBe('planned');
    expect(result.planned).toEqual([
      'continue the failed rollback of stack app (ContinueUpdateRollback, skipping Queue), then wait',
    ]);
    expect(writes()).toEqual([]);
  });

  test('ROLLBACK_COMPLETE: nothing to roll back to, with the way on', async () => {
    const { api, writes } = fakeApi(stack('ROLLBACK_COMPLETE'));
    const result = await recoverStack(api, 'app', { ...fast, ...none });
    expect(result.outcome).toBe('nothing-to-roll-back');
    expect(result.message).toContain('its first create failed, so there is no earlier release to go back to');
    expect(result.fix).toContain('recreate-failed: true');
    expect(writes()).toEqual([]);
  });

  test('a missing stack and an unrecoverable one are UserErrors', async () => {
    await expect(recoverStack(fakeApi(undefined).api, 'app', { ...fast, ...none })).rejects.toThrow(
      'Stack app does not exist',
    );
    await expect(recoverStack(fakeApi(stack('DELETE_FAILED')).api, 'app', { ...fast, ...none })).rejects.toThrow(
      'Stack app is DELETE_FAILED',
    );
  });

  test('an abort while waiting ends the wait with the signal’s reason', async () => {
    const { api } = fakeApi(stack('UPDATE_IN_PROGRESS'));
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('cancelled')), 20);
    await expect(
      recoverStack(api, 'app', { ...fast, ...none, signal: controller.signal, intervalMs: 5, maxIntervalMs: 5 }),
    ).rejects.toThrow('cancelled');
  });
});
