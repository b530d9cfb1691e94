/**
 * The bad-input table (issue 12): every action, given a wrong input or a hostile file, exits 1 with one clear
 * `::error` line that names the input (or the file) and how to fix it, prints no stack trace, and writes nothing to
 * AWS (moto's recorder shows zero write calls). One moto for the whole table; each case is one run of the bundle.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { isWriteCall, startMoto, type Moto } from '../support/moto.js';
import { runAction } from '../support/run-action.js';
import { APP_TEMPLATE, runnerEnv } from './deploy-stack-support.js';

jest.setTimeout(60_000);

interface BadInput {
  action: string;
  /** What is wrong, as the table reads. */
  what: string;
  inputs: Record<string, string>;
  /** What the one error line must say: the input's (or the file's) name, at least. */
  names: RegExp;
  env?: Record<string, string>;
  /**
   * A validator's finding: cfn-validate reports what is wrong inside a template as one annotation on the file, then
   * fails the step with a one-line count. Both are asserted; nothing else may be printed as an error.
   */
  finding?: true;
}

/** One line of 10 MB: a template CloudFormation would refuse (its limit is 1 MB even through S3). */
const TEN_MB_TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Description: ${'x'.repeat(10 * 1024 * 1024)}
Resources:
  P:
    Type: AWS::SSM::Parameter
    Properties: { Type: String, Value: v }
`;

/** Nine levels of nine aliases: 9^9 strings if a parser expanded them. */
const BILLION_LAUGHS = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'.split('').map((level, i) => {
    const previous = 'abcdefghi'[i] ?? 'a';
    return `${level}: &${level} [${Array(9).fill(`*${previous}`).join(',')}]`;
  }),
  'Resources:',
  '  P:',
  '    Type: AWS::SSM::Parameter',
  '    Properties: { Type: String, Value: *i }',
].join('\n');

const FILES: Record<string, string | Buffer> = {
  'app.yaml': APP_TEMPLATE,
  'params.json': JSON.stringify({ Parameters: { ImageUri: 'x' } }),
  'dup-params.json': '{ "Parameters": { "Env": "dev", "ImageUri": "a", "Env": "prod" } }\n',
  'broken-params.json': '{ "Parameters": { "Env": "dev",\n',
  'laughs.yaml': BILLION_LAUGHS,
  'huge.yaml': TEN_MB_TEMPLATE,
  'garbage.yaml': randomBytes(64 * 1024),
  'ctx/Dockerfile': 'FROM scratch\n',
};

const SECRET = 'app/api-key: { from-env: BAD_INPUT_KEY }';

const CASES: BadInput[] = [
  // preflight
  { action: 'preflight', what: 'wrong enum in a list', inputs: { checks: 'identity,telepathy' }, names: /'checks'/ },
  { action: 'preflight', what: 'wrong enum', inputs: { builder: 'podman' }, names: /'builder'/ },
  { action: 'preflight', what: 'nonexistent path', inputs: { template: 'no/such.yaml' }, names: /'template'/ },
  { action: 'preflight', what: 'invalid region', inputs: { region: 'us-middle-9' }, names: /region/ },
  {
    action: 'preflight',
    what: 'invalid account id',
    inputs: { 'allowed-account-ids': '12345' },
    names: /'allowed-account-ids'/,
  },
  { action: 'preflight', what: 'invalid ARN', inputs: { 'role-arn': 'arn:aws:iam::role/deploy' }, names: /'role-arn'/ },
  { action: 'preflight', what: 'invalid stack name', inputs: { 'stack-name': '1-bad_name' }, names: /'stack-name'/ },
  {
    action: 'preflight',
    what: 'invalid repository name',
    inputs: { repository: 'Team/Worker' },
    names: /'repository'/,
  },
  { action: 'preflight', what: 'negative timeout', inputs: { 'check-timeout': '-5s' }, names: /'check-timeout'/ },
  {
    action: 'preflight',
    what: 'unknown hoist action',
    inputs: { for: 'deploy-stack,deploy-everything' },
    names: /'for'/,
  },
  // secrets-sync
  { action: 'secrets-sync', what: 'missing required', inputs: {}, names: /'secrets'/ },
  { action: 'secrets-sync', what: 'wrong enum', inputs: { secrets: SECRET, mode: 'overwrite' }, names: /'mode'/ },
  {
    action: 'secrets-sync',
    what: 'malformed YAML mapping',
    inputs: { secrets: 'app/key: { from-env: [' },
    names: /'secrets'/,
  },
  {
    action: 'secrets-sync',
    what: 'secret name with a space',
    inputs: { secrets: 'my key: { from-env: BAD_INPUT_KEY }' },
    names: /secrets|my key/,
  },
  {
    action: 'secrets-sync',
    what: 'nonexistent path',
    inputs: { secrets: SECRET, 'parameters-file': 'nope.json' },
    names: /'parameters-file'/,
  },
  {
    action: 'secrets-sync',
    what: 'parameters file with duplicate keys',
    inputs: {
      secrets: 'app/api-key: { from-env: BAD_INPUT_KEY, parameter: ApiKeyArn }',
      'parameters-file': 'dup-params.json',
    },
    names: /dup-params\.json|Env/,
  },
  {
    action: 'secrets-sync',
    what: 'malformed JSON parameters file',
    inputs: {
      secrets: 'app/api-key: { from-env: BAD_INPUT_KEY, parameter: ApiKeyArn }',
      'parameters-file': 'broken-params.json',
    },
    names: /broken-params\.json/,
  },
  {
    action: 'secrets-sync',
    what: 'not a boolean',
    inputs: { secrets: SECRET, 'restore-deleted': 'maybe' },
    names: /'restore-deleted'/,
  },
  {
    action: 'secrets-sync',
    what: 'invalid name prefix',
    inputs: { secrets: SECRET, 'name-prefix': 'team prefix!' },
    names: /'name-prefix'/,
  },
  { action: 'secrets-sync', what: 'invalid region', inputs: { secrets: SECRET, region: 'moon-1' }, names: /region/ },
  {
    action: 'secrets-sync',
    what: 'value variable not set',
    inputs: { secrets: 'app/api-key: { from-env: NOT_SET_ANYWHERE }' },
    names: /NOT_SET_ANYWHERE/,
    env: { BAD_INPUT_KEY: '' },
  },
  // quota-check
  { action: 'quota-check', what: 'wrong enum', inputs: { mode: 'strict', template: 'app.yaml' }, names: /'mode'/ },
  {
    action: 'quota-check',
    what: 'threshold above 100',
    inputs: { template: 'app.yaml', threshold: '150' },
    names: /'threshold'/,
  },
  {
    action: 'quota-check',
    what: 'negative threshold',
    inputs: { template: 'app.yaml', threshold: '-10' },
    names: /'threshold'/,
  },
  {
    action: 'quota-check',
    what: 'malformed quota code',
    inputs: { template: 'app.yaml', quotas: 'ec2/L-XYZ' },
    names: /'quotas'/,
  },
  {
    action: 'quota-check',
    what: 'invalid region in a list',
    inputs: { mode: 'audit', regions: 'us-east-1,narnia' },
    names: /'regions'/,
  },
  { action: 'quota-check', what: 'nonexistent path', inputs: { template: 'missing.yaml' }, names: /'template'/ },
  {
    action: 'quota-check',
    what: 'billion-laughs template',
    inputs: { template: 'laughs.yaml' },
    names: /laughs\.yaml|template/,
  },
  // cfn-validate
  { action: 'cfn-validate', what: 'missing required', inputs: {}, names: /'template'/ },
  {
    action: 'cfn-validate',
    what: 'glob matching nothing',
    inputs: { template: 'templates/**/*.yaml' },
    names: /'template'/,
  },
  {
    action: 'cfn-validate',
    what: 'billion-laughs template',
    inputs: { template: 'laughs.yaml' },
    names: /laughs\.yaml/,
    finding: true,
  },
  {
    action: 'cfn-validate',
    what: '10 MB template',
    inputs: { template: 'huge.yaml' },
    names: /huge\.yaml/,
    finding: true,
  },
  {
    action: 'cfn-validate',
    what: 'binary garbage as a template',
    inputs: { template: 'garbage.yaml' },
    names: /garbage\.yaml/,
    finding: true,
  },
  {
    action: 'cfn-validate',
    what: 'wrong enum',
    inputs: { template: 'app.yaml', 'fail-on': 'always' },
    names: /'fail-on'/,
  },
  {
    action: 'cfn-validate',
    what: 'unknown rule id',
    inputs: { template: 'app.yaml', ignore: 'X9999' },
    names: /'ignore'/,
  },
  {
    action: 'cfn-validate',
    what: 'wrong enum (boolean-ish)',
    inputs: { template: 'app.yaml', 'remote-validation': 'yes' },
    names: /'remote-validation'/,
  },
  {
    action: 'cfn-validate',
    what: 'parameters file with duplicate keys',
    inputs: { template: 'app.yaml', parameters: 'dup-params.json' },
    names: /dup-params\.json|Env/,
  },
  // build-push-multiarch
  { action: 'build-push-multiarch', what: 'missing required', inputs: { context: 'ctx' }, names: /'repository'/ },
  {
    action: 'build-push-multiarch',
    what: 'platform linux/amd65',
    inputs: { repository: 'team/worker', context: 'ctx', platforms: 'linux/amd65' },
    names: /'platforms'/,
  },
  {
    action: 'build-push-multiarch',
    what: 'tag with a space',
    inputs: { repository: 'team/worker', context: 'ctx', tags: 'v1 beta' },
    names: /'tags'/,
  },
  {
    action: 'build-push-multiarch',
    what: 'invalid repository name',
    inputs: { repository: 'Team/Worker', context: 'ctx' },
    names: /'repository'/,
  },
  {
    action: 'build-push-multiarch',
    what: 'wrong enum',
    inputs: { repository: 'team/worker', context: 'ctx', builder: 'kaniko' },
    names: /'builder'/,
  },
  {
    action: 'build-push-multiarch',
    what: 'nonexistent directory',
    inputs: { repository: 'team/worker', context: 'no-such-dir' },
    names: /'context'/,
  },
  {
    action: 'build-push-multiarch',
    what: 'build arg without =',
    inputs: { repository: 'team/worker', context: 'ctx', 'build-args': 'NOEQUALS' },
    names: /'build-args'/,
  },
  {
    action: 'build-push-multiarch',
    what: 'secret env not set',
    inputs: { repository: 'team/worker', context: 'ctx', 'secret-envs': 'UNSET_SECRET_XYZ' },
    names: /'secret-envs'/,
  },
  {
    action: 'build-push-multiarch',
    what: 'username without password',
    inputs: { repository: 'team/worker', context: 'ctx', username: 'bot' },
    names: /'password'/,
  },
  {
    action: 'build-push-multiarch',
    what: 'invalid registry',
    inputs: { repository: 'team/worker', context: 'ctx', registry: 'not a registry' },
    names: /'registry'/,
  },
  // deploy-stack
  { action: 'deploy-stack', what: 'missing required', inputs: { template: 'app.yaml' }, names: /'stack-name'/ },
  {
    action: 'deploy-stack',
    what: 'nonexistent path',
    inputs: { 'stack-name': 'app', template: 'missing.yaml' },
    names: /'template'/,
  },
  {
    action: 'deploy-stack',
    what: 'wrong enum in a list',
    inputs: { 'stack-name': 'app', template: 'app.yaml', capabilities: 'CAPABILITY_ROOT' },
    names: /'capabilities'/,
  },
  {
    action: 'deploy-stack',
    what: 'negative timeout',
    inputs: { 'stack-name': 'app', template: 'app.yaml', 'timeout-minutes': '-5' },
    names: /'timeout-minutes'/,
  },
  {
    action: 'deploy-stack',
    what: 'malformed YAML mapping',
    inputs: { 'stack-name': 'app', template: 'app.yaml', tags: '{ team: [' },
    names: /'tags'/,
  },
  {
    action: 'deploy-stack',
    what: 'invalid bucket name',
    inputs: { 'stack-name': 'app', template: 'app.yaml', 'artifacts-bucket': 'Bad_Bucket' },
    names: /'artifacts-bucket'/,
  },
  {
    action: 'deploy-stack',
    what: 'not an http URL',
    inputs: { 'stack-name': 'app', template: 'app.yaml', 'health-check-url': 'ftp://example.com/health' },
    names: /'health-check-url'/,
  },
  {
    action: 'deploy-stack',
    what: 'malformed JSON list',
    inputs: { 'stack-name': 'app', template: 'app.yaml', 'updated-secrets': '["a", ' },
    names: /'updated-secrets'/,
  },
  {
    action: 'deploy-stack',
    what: 'billion-laughs template',
    inputs: { 'stack-name': 'app', template: 'laughs.yaml' },
    names: /laughs\.yaml/,
  },
  {
    action: 'deploy-stack',
    what: 'binary garbage as a template',
    inputs: { 'stack-name': 'app', template: 'garbage.yaml' },
    names: /garbage\.yaml/,
  },
  {
    action: 'deploy-stack',
    what: 'parameters file with duplicate keys',
    inputs: { 'stack-name': 'app', template: 'app.yaml', parameters: 'dup-params.json' },
    names: /dup-params\.json|Env/,
  },
  // rollback
  { action: 'rollback', what: 'missing required', inputs: {}, names: /'stack-name'/ },
  { action: 'rollback', what: 'sha prefix too short', inputs: { 'stack-name': 'app', to: 'abc' }, names: /'to'/ },
  {
    action: 'rollback',
    what: 'negative timeout',
    inputs: { 'stack-name': 'app', 'timeout-minutes': '-1' },
    names: /'timeout-minutes'/,
  },
  {
    action: 'rollback',
    what: 'invalid logical id',
    inputs: { 'stack-name': 'app', 'resources-to-skip': 'My Table' },
    names: /'resources-to-skip'/,
  },
  {
    action: 'rollback',
    what: 'not a boolean',
    inputs: { 'stack-name': 'app', 'dry-run': 'perhaps' },
    names: /'dry-run'/,
  },
  // ship: its own inputs, and those it hands on, checked by each step's reader before the first step runs
  { action: 'ship', what: 'missing required', inputs: { template: 'app.yaml' }, names: /'stack-name'/ },
  {
    action: 'ship',
    what: 'no repository and no image',
    inputs: { 'stack-name': 'app', template: 'app.yaml' },
    names: /'repository'/,
  },
  {
    action: 'ship',
    what: 'image by tag, not by digest',
    inputs: { 'stack-name': 'app', template: 'app.yaml', image: 'ray-worker:latest' },
    names: /'image'/,
  },
  {
    action: 'ship',
    what: 'wrong enum (rollback)',
    inputs: { 'stack-name': 'app', template: 'app.yaml', repository: 'app', rollback: 'sometimes' },
    names: /'rollback'/,
  },
  {
    action: 'ship',
    what: 'a build input for build-push-multiarch (platforms)',
    inputs: { 'stack-name': 'app', template: 'app.yaml', repository: 'app', platforms: 'linux/sparc' },
    names: /'platforms'/,
  },
  {
    action: 'ship',
    what: 'a deploy input for deploy-stack (timeout-minutes)',
    inputs: {
      'stack-name': 'app',
      template: 'app.yaml',
      image: `210987654321.dkr.ecr.us-east-1.amazonaws.com/app@sha256:${'a'.repeat(64)}`,
      builder: 'none',
      'timeout-minutes': 'soon',
    },
    names: /'timeout-minutes'/,
  },
  {
    action: 'ship',
    what: 'malformed secrets mapping',
    inputs: { 'stack-name': 'app', template: 'app.yaml', repository: 'app', secrets: 'a: { from-env: [' },
    names: /'secrets'/,
  },
  {
    action: 'preflight',
    what: 'no region anywhere',
    inputs: { checks: 'identity' },
    // Empty is unset to the region resolver; no config file, so no profile region either.
    env: { AWS_REGION: '', AWS_DEFAULT_REGION: '', AWS_PROFILE: '', AWS_CONFIG_FILE: '/nonexistent/hoist/aws-config' },
    names: /No AWS region is set\..*'region' input/,
  },
];

let moto: Moto;
let workspace: string;
beforeAll(async () => {
  moto = await startMoto();
  workspace = mkdtempSync(path.join(tmpdir(), 'hoist-bad-inputs-'));
  for (const [name, content] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(workspace, name)), { recursive: true });
    writeFileSync(path.join(workspace, name), content);
  }
}, 60_000);
afterAll(async () => {
  await moto?.stop();
});

test('the table covers every action (ship too) and at least 40 bad inputs', () => {
  expect(CASES.length).toBeGreaterThanOrEqual(40);
  expect(new Set(CASES.map((c) => c.action))).toEqual(
    new Set([
      'preflight',
      'secrets-sync',
      'quota-check',
      'cfn-validate',
      'build-push-multiarch',
      'deploy-stack',
      'rollback',
      'ship',
    ]),
  );
});

describe.each(CASES.map((c) => [`${c.action}: ${c.what}`, c] as const))('%s', (_name, c) => {
  test('exit 1, one ::error naming the input and the fix, no stack trace, no AWS write', async () => {
    await moto.startRecording();
    const r = await runAction(c.action, c.inputs, {
      cwd: workspace,
      env: runnerEnv(moto.env, { BAD_INPUT_KEY: 'not-a-real-key-value', ...(c.env ?? {}) }),
      timeoutMs: 45_000,
    });
    const writes = (await moto.recorded()).filter(isWriteCall).map((call) => `${call.service}:${call.operation}`);
    const errors = r.annotations.filter((a) => a.level === 'error');
    const expected = c.finding ? 2 : 1;
    expect({ exitCode: r.exitCode, errors: errors.length, writes }).toEqual({
      exitCode: 1,
      errors: expected,
      writes: [],
    });
    const message = errors[0]?.message ?? '';
    if (c.finding) {
      expect(errors[0]?.file).toMatch(c.names);
      expect(errors[1]?.message).toMatch(/^cfn-validate: 1 errors? and 0 warnings/);
    } else {
      expect(message).toMatch(c.names);
    }
    // The fix: what was expected, or a `Fix:` sentence.
    expect(message).toMatch(/expected|Fix:/);
    expect(r.log).not.toMatch(/\n\s+at /);
    // One line, and short enough to read: a 10 MB value is never echoed back whole.
    expect(message.length).toBeLessThan(1000);
  });
});
