import { describe, expect, test } from '@jest/globals';
import type { StackEvent } from '@aws-sdk/client-cloudformation';
import { formatEvent, StackEventMonitor, type CloudFormationApi } from '../src/stack/index.js';

const ROOT = 'arn:aws:cloudformation:us-east-1:123456789012:stack/app/1';
const NESTED = 'arn:aws:cloudformation:us-east-1:123456789012:stack/app-Db-X/2';
const T0 = Date.parse('2026-01-01T00:00:00Z');

function ev(
  id: string,
  seconds: number,
  status: string,
  logicalId = 'Queue',
  extra: Partial<StackEvent> = {},
): StackEvent {
  return {
    EventId: id,
    StackId: ROOT,
    StackName: 'app',
    LogicalResourceId: logicalId,
    ResourceType: 'AWS::SQS::Queue',
    ResourceStatus: status as StackEvent['ResourceStatus'],
    Timestamp: new Date(T0 + seconds * 1000),
    ...extra,
  };
}

/** Events per stack, newest first, served in pages of two; `fail` makes the next calls throw. */
function fakeApi(
  events: Map<string, StackEvent[]>,
  fail: unknown[] = [],
): Pick<CloudFormationApi, 'describeStackEvents'> & { calls: number } {
  const api = {
    calls: 0,
    async describeStackEvents(stack: string, token?: string) {
      api.calls += 1;
      const error = fail.shift();
      if (error) throw error;
      const all = events.get(stack) ?? [];
      const start = token ? Number(token) : 0;
      const page = all.slice(start, start + 2);
      return { events: page, nextToken: start + 2 < all.length ? String(start + 2) : undefined };
    },
  };
  return api;
}

const noSleep = async () => {};

describe('stack event monitor', () => {
  test('new events only, oldest first, none before `since`, across pages; the last poll on stop', async () => {
    const events = new Map([
      [
        ROOT,
        [
          ev('c', 3, 'CREATE_COMPLETE'),
          ev('b', 2, 'CREATE_IN_PROGRESS'),
          ev('a', 1, 'CREATE_IN_PROGRESS', 'app'),
          ev('old', -10, 'UPDATE_COMPLETE'),
        ],
      ],
    ]);
    const printed: string[] = [];
    const monitor = new StackEventMonitor({
      api: fakeApi(events),
      stack: ROOT,
      since: new Date(T0),
      print: (e) => printed.push(e.EventId ?? ''),
      sleep: noSleep,
    });
    await monitor.poll();
    expect(printed).toEqual(['a', 'b', 'c']);
    events.set(ROOT, [ev('d', 4, 'UPDATE_IN_PROGRESS'), ...(events.get(ROOT) ?? [])]);
    await monitor.stop();
    expect(printed).toEqual(['a', 'b', 'c', 'd']);
    expect(monitor.events.map((e) => e.EventId)).toEqual(['a', 'b', 'c', 'd']);
  });

  test('throttling backs off; other errors are reported, never thrown', async () => {
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'Throttling' });
    const denied = Object.assign(new Error('not allowed'), { name: 'AccessDenied' });
    const api = fakeApi(new Map([[ROOT, [ev('a', 1, 'CREATE_COMPLETE')]]]), [throttled, denied]);
    const errors: string[] = [];
    const monitor = new StackEventMonitor({
      api,
      stack: ROOT,
      since: new Date(T0),
      onError: (m) => errors.push(m),
      intervalMs: 1000,
      sleep: noSleep,
    });
    await monitor.poll();
    await monitor.poll();
    await monitor.poll();
    expect(errors[0]).toBe('Stack events are throttled (Throttling); polling every 2s.');
    expect(errors[1]).toContain('AccessDenied: not allowed');
    expect(monitor.throttledPolls).toBe(1);
    expect(monitor.events).toHaveLength(1);
  });

  test('nested stacks are followed from their resource event', async () => {
    const events = new Map([
      [
        ROOT,
        [
          ev('n1', 1, 'CREATE_IN_PROGRESS', 'Db', {
            ResourceType: 'AWS::CloudFormation::Stack',
            PhysicalResourceId: NESTED,
          }),
        ],
      ],
      [
        NESTED,
        [
          ev('x1', 2, 'CREATE_FAILED', 'Bucket', {
            StackId: NESTED,
            StackName: 'app-Db-X',
            ResourceStatusReason: 'exists',
          }),
        ],
      ],
    ]);
    const monitor = new StackEventMonitor({ api: fakeApi(events), stack: ROOT, since: new Date(T0), sleep: noSleep });
    await monitor.poll();
    expect(monitor.events.map((e) => e.EventId)).toEqual(['n1', 'x1']);
    expect(formatEvent(monitor.events[1]!, 'app')).toMatch(
      /^00:00:02 {2}CREATE_FAILED\s+AWS::SQS::Queue\s+app-Db-X\/Bucket {2}exists$/,
    );
  });

  test('the polling loop runs until stopped', async () => {
    const api = fakeApi(new Map([[ROOT, []]]));
    const monitor = new StackEventMonitor({ api, stack: ROOT, since: new Date(T0), intervalMs: 5 });
    monitor.start();
    await new Promise((r) => setTimeout(r, 60));
    await monitor.stop();
    const calls = api.calls;
    expect(calls).toBeGreaterThan(2);
    await new Promise((r) => setTimeout(r, 30));
    expect(api.calls).toBe(calls);
  });
});
