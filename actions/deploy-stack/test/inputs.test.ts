import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { getInputs } from '../src/inputs.js';

const dir = mkdtempSync(path.join(tmpdir(), 'hoist-inputs-'));
const template = path.join(dir, 'app.yaml');
writeFileSync(template, 'Resources: {}\n');

const source = (inputs: Record<string, string>) => (name: string) =>
  ({ 'stack-name': 'app', template, ...inputs })[name];

describe('deploy-stack inputs', () => {
  test('defaults', () => {
    const inputs = getInputs(source({}));
    expect(inputs).toMatchObject({
      'stack-name': 'app',
      template,
      capabilities: undefined,
      tags: {},
      'termination-protection': undefined,
      'timeout-minutes': 60 * 60_000,
      'on-replacement': 'fail',
      execute: true,
      'delete-preview': false,
      'force-new-deployment': { mode: 'none' },
      'updated-secrets': [],
      'recreate-failed': false,
      'health-check-timeout': 300_000,
    });
  });

  test.each([
    [{ 'stack-name': '9lives' }, "Input 'stack-name' is '9lives'"],
    [{ 'stack-name': 'a'.repeat(129) }, "Input 'stack-name'"],
    [{ 'role-arn': 'arn:aws:iam::123:role/x' }, "Input 'role-arn'"],
    [{ 'artifacts-bucket': 'Bad_Bucket' }, "Input 'artifacts-bucket'"],
    [{ 'change-set-id': 'not a change set' }, "Input 'change-set-id'"],
    [{ capabilities: 'CAPABILITY_ALL' }, "Input 'capabilities'"],
    [{ 'on-replacement': 'ignore' }, "Input 'on-replacement'"],
    [{ 'timeout-minutes': 'soon' }, "Input 'timeout-minutes'"],
    [{ 'health-check-url': 'ftp://x' }, "Input 'health-check-url'"],
    [{ 'stateful-types': 'RDS' }, "Input 'stateful-types'"],
    [{ 'updated-secrets': '{"a": ' }, "Input 'updated-secrets'"],
    [{ template: '' }, "Input 'template' is empty"],
  ])('%j is refused: %s', (inputs, message) => {
    expect(() => getInputs(source(inputs))).toThrow(message);
  });

  test('template is optional with change-set-id; delete-preview means preview only', () => {
    const arn = 'arn:aws:cloudformation:us-east-1:123456789012:changeSet/hoist-1/0d6b3c55-6ff5-4f4b-9e58-1b1c0a1f2f3e';
    expect(getInputs(source({ template: '', 'change-set-id': arn })).template).toBeUndefined();
    expect(getInputs(source({ 'delete-preview': 'true' })).execute).toBe(false);
  });

  test('tags as Key=Value lines or a mapping; timeout in minutes or a duration', () => {
    expect(getInputs(source({ tags: 'team=data\ncost-center=42\naws-cdk:x=y=z' })).tags).toEqual({
      team: 'data',
      'cost-center': '42',
      'aws-cdk:x': 'y=z',
    });
    expect(getInputs(source({ tags: 'team: data\nowner: "a,b"' })).tags).toEqual({ team: 'data', owner: 'a,b' });
    expect(getInputs(source({ 'timeout-minutes': '90' }))['timeout-minutes']).toBe(90 * 60_000);
    expect(getInputs(source({ 'timeout-minutes': '1h30m' }))['timeout-minutes']).toBe(90 * 60_000);
  });

  test('force-new-deployment and updated-secrets', () => {
    expect(getInputs(source({ 'force-new-deployment': 'auto' }))['force-new-deployment']).toEqual({ mode: 'auto' });
    expect(getInputs(source({ 'force-new-deployment': 'worker, head' }))['force-new-deployment']).toEqual({
      mode: 'services',
      services: ['worker', 'head'],
    });
    expect(getInputs(source({ 'updated-secrets': 'a, b' }))['updated-secrets']).toEqual(['a', 'b']);
    expect(getInputs(source({ 'updated-secrets': '{"a": "arn:a"}' }))['updated-secrets']).toEqual(['a', 'arn:a']);
  });
});
