import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from '@jest/globals';
import { InputError, UserError } from '@hoist/kit';
import {
  classifyAwsError,
  describeAwsError,
  ecrRegistry,
  hasConfiguredCredentials,
  resolveRegion,
  waitFor,
  WaitTimeoutError,
} from '../src/index.js';

const awsError = (name: string, message = 'm', status?: number) =>
  Object.assign(new Error(message), { name, ...(status ? { $metadata: { httpStatusCode: status } } : {}) });

describe('classifyAwsError', () => {
  test.each([
    ['Throttling', 400, 'throttle'],
    ['ThrottlingException', 400, 'throttle'],
    ['TooManyRequestsException', 429, 'throttle'],
    ['RequestLimitExceeded', 503, 'throttle'],
    ['SlowDown', 503, 'throttle'],
    ['ExpiredToken', 403, 'auth'],
    ['InvalidClientTokenId', 403, 'auth'],
    ['CredentialsProviderError', undefined, 'auth'],
    ['AccessDenied', 403, 'permission'],
    ['AccessDeniedException', 400, 'permission'],
    ['UnauthorizedOperation', 403, 'permission'],
    ['ResourceNotFoundException', 400, 'not-found'],
    ['NoSuchBucket', 404, 'not-found'],
    ['ValidationError', 400, 'validation'],
    ['InternalFailure', 500, 'transient'],
    ['SomethingNew', 503, 'transient'],
    ['TimeoutError', undefined, 'transient'],
    ['SomethingElse', 400, 'validation'],
  ] as const)('%s (%s) → %s', (name, status, kind) => {
    const c = classifyAwsError(awsError(name, 'm', status));
    expect(c.kind).toBe(kind);
    expect(c.name).toBe(name);
  });

  test('a missing CloudFormation stack is not-found, other ValidationErrors are validation', () => {
    expect(classifyAwsError(awsError('ValidationError', 'Stack with id x does not exist')).kind).toBe('not-found');
    expect(classifyAwsError(awsError('ValidationError', 'Template format error')).kind).toBe('validation');
  });

  test('the AWS error name leads the description', () => {
    expect(describeAwsError(awsError('AccessDenied', 'not authorized'))).toBe('AccessDenied: not authorized');
  });
});

describe('resolveRegion', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });
  const clean = () => {
    for (const k of ['AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_PROFILE', 'AWS_CONFIG_FILE']) delete process.env[k];
    const dir = mkdtempSync(path.join(tmpdir(), 'hoist-region-'));
    process.env['AWS_CONFIG_FILE'] = path.join(dir, 'config');
    process.env['AWS_SHARED_CREDENTIALS_FILE'] = path.join(dir, 'credentials');
    return dir;
  };

  test('input > AWS_REGION > AWS_DEFAULT_REGION > profile', async () => {
    const dir = clean();
    writeFileSync(path.join(dir, 'config'), '[default]\nregion = eu-west-1\n[profile ops]\nregion = ap-south-1\n');
    expect(await resolveRegion(undefined)).toEqual({ region: 'eu-west-1', source: 'profile' });
    process.env['AWS_PROFILE'] = 'ops';
    expect(await resolveRegion(undefined)).toEqual({ region: 'ap-south-1', source: 'profile' });
    process.env['AWS_DEFAULT_REGION'] = 'us-west-2';
    expect(await resolveRegion(undefined)).toEqual({ region: 'us-west-2', source: 'AWS_DEFAULT_REGION' });
    process.env['AWS_REGION'] = 'us-east-2';
    expect(await resolveRegion(undefined)).toEqual({ region: 'us-east-2', source: 'AWS_REGION' });
    expect(await resolveRegion('eu-central-1')).toEqual({ region: 'eu-central-1', source: 'input' });
  });

  test('nothing set is a clear error; a malformed input names the input', async () => {
    clean();
    await expect(resolveRegion(undefined)).rejects.toThrow(UserError);
    await expect(resolveRegion(undefined)).rejects.toThrow(/No AWS region is set/);
    await expect(resolveRegion('US East')).rejects.toThrow(InputError);
    await expect(resolveRegion('US East')).rejects.toThrow(/Input 'region' is 'US East'/);
  });

  test('credentials are detected without a network probe', () => {
    clean();
    for (const k of [
      'AWS_ACCESS_KEY_ID',
      'AWS_SECRET_ACCESS_KEY',
      'AWS_WEB_IDENTITY_TOKEN_FILE',
      'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
      'AWS_CONTAINER_CREDENTIALS_FULL_URI',
    ])
      delete process.env[k];
    expect(hasConfiguredCredentials()).toBe(false);
    expect(hasConfiguredCredentials({ AWS_ACCESS_KEY_ID: 'a', AWS_SECRET_ACCESS_KEY: 'b' })).toBe(true);
    expect(hasConfiguredCredentials({ AWS_WEB_IDENTITY_TOKEN_FILE: '/t', AWS_ROLE_ARN: 'arn' })).toBe(true);
  });
});

describe('waitFor', () => {
  const clock = () => {
    let now = 0;
    const slept: number[] = [];
    return {
      now: () => now,
      sleep: async (ms: number) => {
        slept.push(ms);
        now += ms;
      },
      slept,
    };
  };

  test('polls until a value, backing off up to the maximum interval', async () => {
    const c = clock();
    let polls = 0;
    const value = await waitFor(async () => (++polls === 5 ? 'done' : undefined), {
      description: 'x',
      deadline: 1_000_000,
      intervalMs: 100,
      backoff: 2,
      maxIntervalMs: 500,
      sleep: c.sleep,
      now: c.now,
    });
    expect(value).toBe('done');
    expect(c.slept).toEqual([100, 200, 400, 500]);
  });

  test('null means gone', async () => {
    expect(await waitFor(async () => null, { description: 'x', deadline: 10 })).toBeNull();
  });

  test('fails at the deadline with a named timeout, after a last poll', async () => {
    const c = clock();
    let polls = 0;
    const wait = waitFor(
      async () => {
        polls++;
        return undefined;
      },
      {
        description: 'stack s',
        deadline: 250,
        intervalMs: 100,
        sleep: c.sleep,
        now: c.now,
        timeoutFix: 'raise timeout-minutes.',
      },
    );
    await expect(wait).rejects.toThrow(WaitTimeoutError);
    await expect(wait).rejects.toThrow('Timed out waiting for stack s.');
    expect(polls).toBe(4);
    expect(c.slept).toEqual([100, 100, 50]);
  });

  test('an abort ends the wait at once with the signal reason', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const wait = waitFor(async () => undefined, {
      description: 'x',
      deadline: Date.now() + 60_000,
      intervalMs: 30_000,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(new Error('cancelled')), 20);
    await expect(wait).rejects.toThrow('cancelled');
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

test('ecrRegistry', () => {
  expect(ecrRegistry('123456789012', 'us-east-1')).toBe('123456789012.dkr.ecr.us-east-1.amazonaws.com');
  expect(ecrRegistry('123456789012', 'cn-north-1')).toBe('123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn');
});
