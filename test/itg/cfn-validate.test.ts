import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { startMoto, type Moto } from '../support/moto.js';
import { runAction, type ActionResult } from '../support/run-action.js';

jest.setTimeout(60_000);

let moto: Moto;
beforeAll(async () => {
  moto = await startMoto();
});
afterAll(async () => {
  await moto.stop();
});
beforeEach(async () => {
  await moto.reset();
});

/** A workspace holding the given files; the action runs with it as GITHUB_WORKSPACE. */
function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hoist-cfn-'));
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), body);
  }
  return dir;
}

/** No credentials anywhere the SDK's default chain looks. */
function noCredentials(): Record<string, string | undefined> {
  const home = mkdtempSync(path.join(tmpdir(), 'hoist-home-'));
  return {
    HOME: home,
    AWS_ACCESS_KEY_ID: undefined,
    AWS_SECRET_ACCESS_KEY: undefined,
    AWS_PROFILE: undefined,
    AWS_REGION: 'us-east-1',
  };
}

async function validate(
  files: Record<string, string>,
  inputs: Record<string, string>,
  env: Record<string, string | undefined> = noCredentials(),
): Promise<ActionResult> {
  const cwd = workspace(files);
  return runAction('cfn-validate', inputs, { cwd, env });
}

const QUEUE = 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: q\n';

/** One template per class of finding: [class, template, rule, line, annotation level]. */
const CLASS_ROWS: [string, string, string, number, 'error' | 'warning' | 'notice'][] = [
  ['syntax', 'Resources:\n  Queue:\n\tType: AWS::SQS::Queue\n', 'H1001', 3, 'error'],
  [
    'duplicate key',
    'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Type: AWS::SQS::Queue\n',
    'H1002',
    4,
    'error',
  ],
  ['reference', `${QUEUE}Outputs:\n  Arn:\n    Value: !GetAtt Queu.Arn\n`, 'H2002', 8, 'error'],
  [
    'resource data',
    'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      DelaySecond: 3\n',
    'H3002',
    5,
    'error',
  ],
  [
    'parameters',
    'Parameters:\n  Env:\n    Type: String\n    Default: Dev\n    AllowedValues: [dev, prod]\nResources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties: {QueueName: !Ref Env}\n',
    'H4001',
    4,
    'error',
  ],
  ['limits', `Description: ${'x'.repeat(52_000)}\n${QUEUE}`, 'H5001', 1, 'warning'],
  [
    'capabilities',
    'Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      RoleName: app\n      AssumeRolePolicyDocument: {}\n',
    'H5010',
    2,
    'notice',
  ],
  [
    'security',
    'Resources:\n  Vol:\n    Type: AWS::EC2::Volume\n    Properties: {AvailabilityZone: us-east-1a, Size: 1}\n',
    'H6003',
    2,
    'warning',
  ],
  [
    'literal value',
    'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: Ray_Pipeline_Bucket\n',
    'H7001',
    5,
    'error',
  ],
];

const CLASSES = CLASS_ROWS.map(([name, body, rule, line, level]) => ({ name, body, rule, line, level }));

describe('cfn-validate: one run per class of finding', () => {
  test.each(CLASSES)('$name → $rule at line $line', async ({ body, rule, line, level }) => {
    const result = await validate({ 'infra/template.yaml': body }, { template: 'infra/template.yaml' });
    const annotation = result.annotations.find((a) => a.title === rule);
    expect(annotation).toMatchObject({ level, file: 'infra/template.yaml', line });
    expect(annotation?.column).toBeGreaterThanOrEqual(1);
    expect(result.exitCode).toBe(level === 'error' ? 1 : 0);
    const report = JSON.parse(result.outputs['report'] ?? '[]') as {
      rule: string;
      file: string;
      line: number;
      level: string;
    }[];
    expect(report).toContainEqual(expect.objectContaining({ rule, file: 'infra/template.yaml', line }));
    expect(result.summary).toContain(rule);
  });
});

describe('cfn-validate: outputs and fail-on', () => {
  const files = {
    'a.yaml':
      'Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties: {AssumeRolePolicyDocument: {}}\n  Vol:\n    Type: AWS::EC2::Volume\n    Properties: {AvailabilityZone: us-east-1a, Size: 1}\n',
    'b.json': '{"Transform": "AWS::Serverless-2016-10-31", "Resources": {"Q": {"Type": "AWS::SQS::Queue"}}}',
  };

  test('a glob over two templates: capabilities are the union, counts and report cover both', async () => {
    const result = await validate(files, { template: '*.{yaml,json}' });
    expect(result.exitCode).toBe(0);
    expect(result.outputs['capabilities']).toBe('CAPABILITY_IAM,CAPABILITY_AUTO_EXPAND');
    expect(result.outputs['errors']).toBe('0');
    expect(Number(result.outputs['warnings'])).toBeGreaterThan(0);
    const report = JSON.parse(result.outputs['report'] ?? '[]') as { file: string }[];
    expect(new Set(report.map((f) => f.file))).toEqual(new Set(['a.yaml', 'b.json']));
  });

  test.each([
    ['error', 0],
    ['warning', 1],
    ['never', 0],
  ])('warnings only, fail-on %s → exit %d', async (failOn, exitCode) => {
    const result = await validate(files, { template: 'a.yaml', 'fail-on': failOn });
    expect(result.exitCode).toBe(exitCode);
  });

  test('errors with fail-on never → exit 0, still annotated', async () => {
    const result = await validate(
      { 't.yaml': 'Resources:\n  Q:\n    Type: AWS::SQS::Queu\n' },
      { template: 't.yaml', 'fail-on': 'never' },
    );
    expect(result.exitCode).toBe(0);
    expect(result.outputs['errors']).toBe('1');
    expect(result.annotations.find((a) => a.title === 'H3001')).toMatchObject({
      level: 'error',
      file: 't.yaml',
      line: 3,
      column: 11,
    });
  });

  test('ignore skips rules; an unknown rule id is an input error', async () => {
    const ignored = await validate(files, { template: 'a.yaml', ignore: 'H6003, H5010', 'fail-on': 'warning' });
    expect(ignored.annotations.filter((a) => a.title === 'H6003' || a.title === 'H5010')).toEqual([]);
    const bad = await validate(files, { template: 'a.yaml', ignore: 'E3012' });
    expect(bad.exitCode).toBe(1);
    expect(bad.log).toContain("Input 'ignore' is 'E3012'");
  });

  test('a glob that matches nothing, and a missing path, are input errors', async () => {
    const none = await validate(files, { template: 'templates/**/*.yaml' });
    expect(none.exitCode).toBe(1);
    expect(none.log).toMatch(
      /Input 'template' is 'templates\/\*\*\/\*\.yaml': expected a path or a glob that matches at least one file/,
    );
    const missing = await validate(files, { template: 'nope.yaml' });
    expect(missing.exitCode).toBe(1);
    expect(missing.log).toContain("Input 'template' is 'nope.yaml'");
  });
});

describe('cfn-validate: parameters file', () => {
  test('each format is read; unknown keys, placeholders and missing values are annotated in the right file', async () => {
    const template =
      'Parameters:\n  Bucket: {Type: String}\n  ImageUri: {Type: String}\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Ref Bucket\n      Tags: [{Key: image, Value: !Ref ImageUri}]\n';
    const result = await validate(
      {
        'stack.yaml': template,
        'params.json':
          '[\n  {"ParameterKey": "Bucket", "ParameterValue": "your-bucket-name-here"},\n  {"ParameterKey": "Extra", "ParameterValue": "x"}\n]\n',
      },
      { template: 'stack.yaml', parameters: 'params.json', 'deferred-parameters': 'ImageUri' },
    );
    expect(result.exitCode).toBe(1);
    const where = result.annotations
      .filter((a) => a.title?.startsWith('H4'))
      .map((a) => `${a.title} ${a.file}:${a.line} ${a.level}`);
    expect(where).toEqual(
      expect.arrayContaining(['H4013 params.json:2 error', 'H4010 params.json:3 error', 'H4012 stack.yaml:3 notice']),
    );
  });

  test('a parameters file with a duplicate key fails with its line', async () => {
    const result = await validate(
      { 'stack.yaml': QUEUE, 'params.yaml': 'Parameters:\n  A: 1\n  A: 2\n' },
      { template: 'stack.yaml', parameters: 'params.yaml' },
    );
    expect(result.exitCode).toBe(1);
    expect(result.log).toMatch(/params\.yaml:3:3: Duplicate key 'A'/);
  });
});

describe('cfn-validate: remote validation', () => {
  test('auto without credentials: a notice, no delay, local rules only', async () => {
    const result = await validate({ 't.yaml': QUEUE }, { template: 't.yaml' });
    expect(result.exitCode).toBe(0);
    expect(result.annotations).toContainEqual(
      expect.objectContaining({ level: 'notice', message: expect.stringContaining('ValidateTemplate was skipped') }),
    );
    expect(result.durationMs).toBeLessThan(5_000);
  });

  test('true against moto: ValidateTemplate is called and accepts a valid template', async () => {
    await moto.startRecording();
    const result = await validate({ 't.yaml': QUEUE }, { template: 't.yaml', 'remote-validation': 'true' }, moto.env);
    await moto.stopRecording();
    expect(result.exitCode).toBe(0);
    expect(result.log).toContain('ValidateTemplate accepted the template');
    expect((await moto.recorded()).map((c) => c.operation)).toContain('ValidateTemplate');
  });

  test('true against moto: a rejection is an H9001 error at the template level', async () => {
    const result = await validate(
      { 't.yaml': 'Description: no resources\n' },
      { template: 't.yaml', 'remote-validation': 'true' },
      moto.env,
    );
    expect(result.exitCode).toBe(1);
    expect(result.annotations.find((a) => a.title === 'H9001')).toMatchObject({
      level: 'error',
      file: 't.yaml',
      line: 1,
    });
  });

  test('true without credentials fails clearly', async () => {
    const result = await validate(
      { 't.yaml': QUEUE },
      { template: 't.yaml', 'remote-validation': 'true' },
      { ...noCredentials(), AWS_ENDPOINT_URL: moto.url },
    );
    expect(result.exitCode).toBe(1);
    expect(result.log).toMatch(/remote-validation: ValidateTemplate could not be called/);
  });
});
