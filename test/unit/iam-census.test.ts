import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, jest, test } from '@jest/globals';
import { hoistActionOf, iamAction } from '../support/iam-census.js';
// @ts-expect-error: a plain ESM script without types, run by the integration tests' global teardown.
import { checkCensus } from '../support/iam-census-check.mjs';

jest.setTimeout(60_000);

describe('the least-privilege census', () => {
  test('the action comes from the User-Agent hoist/<version> <action>; other clients are not hoist', () => {
    expect(hoistActionOf('aws-sdk-js/3.1169.0 ua/2.1 os/linux hoist/0.1.0 deploy-stack')).toBe('deploy-stack');
    expect(hoistActionOf('hoist/0.1.0 quota-check md/nodejs#24')).toBe('quota-check');
    expect(hoistActionOf('aws-sdk-js/3.1169.0 ua/2.1 os/linux')).toBeUndefined();
    expect(hoistActionOf(undefined)).toBeUndefined();
  });

  test('calls map to IAM actions: CloudWatch signs as monitoring, S3 by method and sub-resource', () => {
    const call = (service: string, operation: string, method = 'POST', p = '/', params = {}) =>
      iamAction({ service, operation, method, path: p, params });
    expect(call('monitoring', 'GetMetricStatistics')).toBe('cloudwatch:GetMetricStatistics');
    expect(call('cloudformation', 'CreateChangeSet')).toBe('cloudformation:CreateChangeSet');
    expect(call('s3', 'PUT /b', 'PUT', '/b', { versioning: '' })).toBe('s3:PutBucketVersioning');
  });

  test('a call outside the action’s policy is named; ship may call what any action may', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hoist-census-'));
    const lines = [
      { action: 'secrets-sync', iam: 'secretsmanager:CreateSecret' },
      { action: 'secrets-sync', iam: 'ec2:RunInstances' },
      { action: 'ship', iam: 'cloudformation:DescribeStacks' },
      { action: 'preflight', iam: 'sts:GetCallerIdentity' },
    ];
    writeFileSync(path.join(dir, 'aws-calls-1.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const result = checkCensus(dir) as {
      calls: number;
      outside: Record<string, string[]>;
      unexercised: Record<string, string[]>;
    };
    expect(result.calls).toBe(4);
    expect(result.outside).toEqual({ 'secrets-sync': ['ec2:RunInstances'] });
    // What the policy allows and no call used is listed.
    expect(result.unexercised['secrets-sync']).toContain('secretsmanager:PutSecretValue');
    expect(result.unexercised['secrets-sync']).not.toContain('secretsmanager:CreateSecret');
  });
});
