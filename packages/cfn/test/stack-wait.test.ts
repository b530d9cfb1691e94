import { describe, expect, test } from '@jest/globals';
import type { Stack } from '@aws-sdk/client-cloudformation';
import { waitForStack } from '../src/stack/index.js';

const stack = (status: string): Stack => ({
  StackName: 'app',
  StackStatus: status as Stack['StackStatus'],
  CreationTime: new Date(),
});

function fakeClock() {
  let now = 0;
  return { now: () => now, sleep: async (ms: number) => void (now += ms) };
}

describe('waitForStack', () => {
  test('polls until the stack is no longer in progress', async () => {
    const answers = [
      stack('UPDATE_IN_PROGRESS'),
      stack('UPDATE_COMPLETE_CLEANUP_IN_PROGRESS'),
      stack('UPDATE_COMPLETE'),
    ];
    const clock = fakeClock();
    const result = await waitForStack({ describeStack: async () => answers.shift() }, 'app', {
      deadline: 60_000,
      ...clock,
    });
    expect(result?.StackStatus).toBe('UPDATE_COMPLETE');
  });

  test('a deadline names the status last read and timeout-minutes', async () => {
    const clock = fakeClock();
    const waiting = waitForStack({ describeStack: async () => stack('UPDATE_IN_PROGRESS') }, 'app', {
      deadline: 10_000,
      ...clock,
    });
    await expect(waiting).rejects.toThrow('Timed out waiting for stack app: still UPDATE_IN_PROGRESS at the deadline.');
    await expect(waiting).rejects.toMatchObject({ fix: expect.stringContaining('raise timeout-minutes') });
  });

  test('credentials expiring mid-wait are explained, with the last status', async () => {
    const answers: (Stack | Error)[] = [
      stack('UPDATE_IN_PROGRESS'),
      Object.assign(new Error('The security token included in the request is expired'), { name: 'ExpiredToken' }),
    ];
    const clock = fakeClock();
    const describeStack = async () => {
      const next = answers.shift();
      if (next instanceof Error) throw next;
      return next;
    };
    const waiting = waitForStack({ describeStack }, 'app', { deadline: 60_000, ...clock });
    await expect(waiting).rejects.toThrow(
      'The AWS credentials expired while waiting for stack app (ExpiredToken); its status when last read was UPDATE_IN_PROGRESS.',
    );
    await expect(waiting).rejects.toMatchObject({ fix: expect.stringContaining('role-duration-seconds') });
  });

  test('a deleted stack ends the wait with undefined', async () => {
    const clock = fakeClock();
    const answers = [stack('DELETE_IN_PROGRESS'), undefined];
    expect(
      await waitForStack({ describeStack: async () => answers.shift() }, 'app', { deadline: 60_000, ...clock }),
    ).toBeUndefined();
  });
});
