import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { CreateVpcCommand, DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateRepositoryCommand, ECRClient } from '@aws-sdk/client-ecr';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateSecretCommand, DeleteSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { actionsFor } from '@hoist/aws';
import { queryAnswer } from '../support/aws-shapes.js';
import {
  GITHUB_FAKE_READONLY_TOKEN,
  GITHUB_FAKE_TOKEN,
  pullRequestEventEnv,
  startGitHubFake,
  type GitHubFake,
} from '../support/github-fake.js';
import { isWriteCall, startMoto, type Moto } from '../support/moto.js';
import { runAction, type ActionResult } from '../support/run-action.js';
import { error, respond, startScenarioProxy, type ScenarioProxy } from '../support/scenario-proxy.js';
import { registerTestSecret } from '../support/secrets-registry.js';

jest.setTimeout(90_000);

let moto: Moto;
let proxy: ScenarioProxy;
let github: GitHubFake;
beforeAll(async () => {
  moto = await startMoto();
  proxy = await startScenarioProxy(moto.url);
  github = await startGitHubFake({ repository: 'octo/app' });
  registerTestSecret(GITHUB_FAKE_TOKEN);
  registerTestSecret(GITHUB_FAKE_READONLY_TOKEN);
});
afterAll(async () => {
  await github.close();
  await proxy.close();
  await moto.stop();
});
beforeEach(async () => {
  await moto.reset();
  proxy.clearRules();
  proxy.clear();
  github.reset();
  // moto serves Service Quotas only for `vpc` and has no GetAWSDefaultServiceQuota: answered at once, as AWS does
  // for a quota it does not know, so the quotas check falls back to hoist's table quickly.
  proxy.addRule({
    service: 'servicequotas',
    operation: 'GetAWSDefaultServiceQuota',
    where: (call) => call.params['ServiceCode'] !== 'vpc',
    effect: error({ status: 400, code: 'NoSuchResourceException', message: 'The specified service does not exist.' }),
  });
});

const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };
const setup = { region: 'us-east-1', endpoint: '', credentials };
const client = <C>(Client: new (config: typeof setup & { forcePathStyle?: boolean }) => C): C =>
  new Client({ ...setup, endpoint: moto.url, forcePathStyle: true });

/** A git work tree in a temporary directory, its files staged (`git ls-files` lists them): the GITHUB_WORKSPACE. */
function gitWorkspace(files: Record<string, string>, untracked: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hoist-preflight-ws-'));
  execFileSync('git', ['init', '-q', dir]);
  const write = (entries: Record<string, string>) => {
    for (const [name, text] of Object.entries(entries)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
  };
  write(files);
  if (Object.keys(files).length > 0) execFileSync('git', ['-C', dir, 'add', '.']);
  write(untracked);
  return dir;
}

/** A key-shaped, random-looking value made at run time (no such literal sits in the repository). */
function fakeOpenAiKey(seed: string): string {
  const body = createHash('sha256')
    .update(seed)
    .digest('base64url')
    .replace(/[^A-Za-z0-9]/g, '');
  return registerTestSecret(`sk-proj-${body}${body.slice(0, 20)}Q7z`);
}

const TEMPLATE = `
AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  S3BucketName:
    Type: String
  ImageUri:
    Type: String
  OpenAISecretArn:
    Type: String
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Ref S3BucketName
  Vpc:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.0.0.0/16 }
  TaskRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Service: ecs-tasks.amazonaws.com }
            Action: sts:AssumeRole
  TargetGroup:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties:
      VpcId: !Ref Vpc
      Port: 8000
      Protocol: HTTP
      HealthCheckPath: /api/v1/health
Outputs:
  Image:
    Value: !Ref ImageUri
  Secret:
    Value: !Ref OpenAISecretArn
`;

interface ReportEntry {
  check: string;
  status: string;
  message: string;
  fix?: string;
  position?: { file: string; line?: number };
}

function report(r: ActionResult): ReportEntry[] {
  return JSON.parse(r.outputs['report'] ?? '[]') as ReportEntry[];
}

function statuses(r: ActionResult, check: string): string[] {
  return report(r)
    .filter((f) => f.check === check)
    .map((f) => f.status);
}

function only(r: ActionResult, check: string, status?: string): ReportEntry {
  const found = report(r).filter((f) => f.check === check && (status === undefined || f.status === status));
  expect(found.map((f) => `${f.status}: ${f.message}`)).toHaveLength(1);
  return found[0] as ReportEntry;
}

/** The IAM action each call through the proxy needs (S3's REST calls are named by method and path). */
function iamActionOf(call: { service: string; operation: string }): string {
  if (call.service === 's3') return call.operation.startsWith('HEAD ') ? 's3:ListBucket' : 's3:ListAllMyBuckets';
  return `${call.service}:${call.operation}`;
}

const env = () => ({ ...proxy.env, HOIST_AWS_MAX_ATTEMPTS: '1' });

async function useVpcs(count: number): Promise<void> {
  const ec2 = client(EC2Client);
  const existing = (await ec2.send(new DescribeVpcsCommand({}))).Vpcs?.length ?? 0;
  for (let i = existing; i < count; i++) await ec2.send(new CreateVpcCommand({ CidrBlock: `10.${i + 10}.0.0/16` }));
}

describe('preflight: every check against moto', () => {
  test('a full run with every check: the findings, the outputs, and not one AWS write', async () => {
    await client(SecretsManagerClient).send(
      new CreateSecretCommand({ Name: 'ray-pipeline-openai', SecretString: 'v' }),
    );
    await client(ECRClient).send(
      new CreateRepositoryCommand({ repositoryName: 'ray/worker', imageScanningConfiguration: { scanOnPush: true } }),
    );
    const workspace = gitWorkspace({
      'infra/template.yaml': TEMPLATE,
      'infra/parameters.json': JSON.stringify({ Parameters: { S3BucketName: 'ray-pipeline-acme-prod-us-east-1' } }),
      '.env.example': 'OPENAI_API_KEY=sk-your-key-here\n',
      'src/app.py': 'print("hello")\n',
    });
    await moto.startRecording();
    const r = await runAction(
      'preflight',
      {
        builder: 'none',
        template: 'infra/template.yaml',
        parameters: 'infra/parameters.json',
        'deferred-parameters': 'ImageUri, OpenAISecretArn',
        'stack-name': 'ray-pipeline',
        repository: 'ray/worker',
        secrets: 'ray-pipeline-openai: { from-env: OPENAI_API_KEY, parameter: OpenAISecretArn }',
        'bucket-parameter': 'S3BucketName',
        'health-check-path': '/api/v1/health',
        'allowed-account-ids': '123456789012',
        for: 'preflight, secrets-sync, quota-check, cfn-validate',
      },
      { env: env(), cwd: workspace },
    );
    const byCheck = Object.fromEntries(
      ['identity', 'region', 'tools', 'permissions', 'secrets', 'bucket', 'repository', 'template']
        .concat(['parameters', 'quotas', 'committed-secrets', 'health-check'])
        .map((c) => [c, statuses(r, c)]),
    );
    expect(byCheck).toEqual({
      identity: ['pass'],
      region: ['pass'],
      tools: ['pass'],
      // moto has no policy simulation (HTTP 500): read-only probes, reported as unverified.
      permissions: ['warn'],
      secrets: ['pass'],
      bucket: ['pass'],
      repository: ['pass'],
      template: ['pass'],
      parameters: ['pass'],
      quotas: expect.arrayContaining(['pass']),
      'committed-secrets': ['pass'],
      'health-check': ['pass'],
    });
    expect(r.exitCode).toBe(0);
    expect(r.outputs['capabilities']).toBe('CAPABILITY_IAM');
    expect(r.outputs['account-id']).toBe('123456789012');
    expect(only(r, 'permissions').message).toMatch(
      /^unverified: iam:SimulatePrincipalPolicy is unavailable \(HTTP 500\)\. Read-only probes answered for /,
    );
    expect(only(r, 'bucket').message).toBe(
      "'ray-pipeline-acme-prod-us-east-1' (parameter S3BucketName in infra/parameters.json) is free: CloudFormation will create it.",
    );
    expect(only(r, 'committed-secrets').message).toMatch(
      /^no live-looking keys in 4 files \(git-tracked and \.env\*\)/,
    );
    expect(only(r, 'template').message).toContain('capabilities: CAPABILITY_IAM');
    expect(r.summary).toContain('#### Resource provisioning');
    expect(r.summary).toContain('#### Capacity planning');
    // No AWS writes: safe as a pull-request gate.
    const calls = await moto.recorded();
    expect(calls.length).toBeGreaterThan(10);
    expect(calls.filter(isWriteCall)).toEqual([]);
    // Every call preflight made is one its IAM manifest declares (docs/iam/preflight.json).
    const declared = new Set(actionsFor('preflight').map((a) => a.toLowerCase()));
    const made = [...new Set(proxy.calls().map((c) => iamActionOf(c).toLowerCase()))];
    expect(made.filter((a) => !declared.has(a))).toEqual([]);
  });

  test('aws: optional without credentials: AWS checks SKIP, the local checks still judge the files', async () => {
    const workspace = gitWorkspace({
      'template.yaml': TEMPLATE,
      'parameters.json': JSON.stringify({ Parameters: { S3BucketName: 'Ray_Pipeline_Bucket' } }),
    });
    const r = await runAction(
      'preflight',
      { aws: 'optional', builder: 'none', template: 'template.yaml', parameters: 'parameters.json' },
      {
        env: { AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined, AWS_REGION: 'us-east-1' },
        cwd: workspace,
      },
    );
    expect(statuses(r, 'identity')).toEqual(['skip']);
    expect(statuses(r, 'permissions')).toEqual(['skip']);
    expect(statuses(r, 'quotas')).toEqual(['skip']);
    expect(statuses(r, 'committed-secrets')).toEqual(['pass']);
    expect(statuses(r, 'template')).toContain('fail');
    const parameters = report(r).filter((f) => f.check === 'parameters');
    expect(parameters.map((f) => [f.status, /^H4011: Parameter (\w+) has no Default/.exec(f.message)?.[1]])).toEqual([
      ['fail', 'ImageUri'],
      ['fail', 'OpenAISecretArn'],
    ]);
    expect(r.exitCode).toBe(1);
  });
});

describe('bucket', () => {
  test('the placeholder from the prerequisites guide fails, with the line of the parameters file', async () => {
    const workspace = gitWorkspace({
      'template.yaml': TEMPLATE,
      'cloudformation-parameters.json':
        '{\n  "Parameters": {\n    "S3BucketName": "your-unique-bucket-name-here"\n  }\n}\n',
    });
    const r = await runAction(
      'preflight',
      {
        checks: 'bucket, parameters',
        template: 'template.yaml',
        parameters: 'cloudformation-parameters.json',
        'bucket-parameter': 'S3BucketName',
        'deferred-parameters': 'ImageUri, OpenAISecretArn',
      },
      { env: env(), cwd: workspace },
    );
    expect(r.exitCode).toBe(1);
    const bucket = only(r, 'bucket');
    expect(bucket.status).toBe('fail');
    expect(bucket.message).toContain("'your-unique-bucket-name-here'");
    expect(bucket.message).toContain('is a placeholder');
    expect(bucket.position).toEqual({ file: 'cloudformation-parameters.json', line: 3, column: 21 });
    expect(only(r, 'parameters').message).toContain('looks like a placeholder');
    const annotation = r.annotations.find((a) => a.title === 'bucket');
    expect(annotation).toMatchObject({ level: 'error', file: 'cloudformation-parameters.json', line: 3 });
    // A placeholder is never asked of AWS.
    expect(proxy.count({ service: 's3' })).toBe(0);
  });

  test.each([
    ['Ray_Pipeline_Bucket', 'it has uppercase letters (only lowercase allowed)', 'ray-pipeline-bucket'],
    ['ray..pipeline', "it has two adjacent dots '..'", 'ray.pipeline'],
    ['192.168.10.20', 'it is formatted as an IP address', undefined],
    ['xn--ray-pipeline', 'it starts with a reserved prefix', 'ray-pipeline'],
    ['ray-pipeline-s3alias', 'it ends with a reserved suffix', 'ray-pipeline'],
  ])('%s breaks the naming rules: FAIL, no AWS call', async (name, problem, suggestion) => {
    const r = await runAction('preflight', { checks: 'bucket', 'bucket-name': name }, { env: env() });
    expect(r.exitCode).toBe(1);
    const bucket = only(r, 'bucket', 'fail');
    expect(bucket.message).toContain(`'${name}' (bucket-name) is not a valid S3 bucket name: ${problem}`);
    if (suggestion) expect(bucket.fix).toContain(`'${suggestion}'`);
    expect(proxy.count({ service: 's3' })).toBe(0);
  });

  test('HeadBucket: 200 yours (PASS), 403 taken by another account (FAIL)', async () => {
    await client(S3Client).send(new CreateBucketCommand({ Bucket: 'ray-pipeline-mine' }));
    const mine = await runAction('preflight', { checks: 'bucket', 'bucket-name': 'ray-pipeline-mine' }, { env: env() });
    expect(mine.exitCode).toBe(0);
    expect(only(mine, 'bucket', 'pass').message).toContain('exists and this account can use it');

    proxy.addRule({
      service: 's3',
      operation: 'HEAD /ray-pipeline-taken/',
      effect: respond({ status: 403, headers: { 'content-type': 'application/xml' }, body: '' }),
    });
    const taken = await runAction(
      'preflight',
      { checks: 'bucket', 'bucket-name': 'ray-pipeline-taken' },
      { env: env() },
    );
    expect(taken.exitCode).toBe(1);
    const bucket = only(taken, 'bucket', 'fail');
    expect(bucket.message).toContain('is taken: it exists in another AWS account (HeadBucket answered 403)');
    expect(bucket.fix).toContain('choose another name');
  });
});

describe('quotas', () => {
  test('5/5 VPCs used and a template that adds one: FAIL with the quota and the fix', async () => {
    await useVpcs(5);
    const workspace = gitWorkspace({ 'template.yaml': TEMPLATE });
    const r = await runAction(
      'preflight',
      { checks: 'quotas', template: 'template.yaml' },
      { env: env(), cwd: workspace },
    );
    expect(r.exitCode).toBe(1);
    const vpc = report(r).find((f) => f.check === 'quotas' && f.status === 'fail');
    expect(vpc?.message).toContain(
      'VPCs per Region (vpc/L-F678F1CE) in us-east-1: 5/5 VPCs used, the deploy adds 1 → 6/5',
    );
    expect(vpc?.fix).toContain('delete unused VPCs');
    expect(r.log).toContain('::error::Preflight found problems in: quotas.');
  });
});

describe('secrets', () => {
  test('missing → FAIL with the secrets-sync step; deferred → WARN "will be created"; scheduled for deletion → FAIL with restore', async () => {
    const sm = client(SecretsManagerClient);
    await sm.send(new CreateSecretCommand({ Name: 'ray-pipeline-pinecone', SecretString: 'v' }));
    await sm.send(new DeleteSecretCommand({ SecretId: 'ray-pipeline-pinecone', RecoveryWindowInDays: 7 }));
    await sm.send(new CreateSecretCommand({ Name: 'ray-pipeline-celery', SecretString: 'v' }));
    await moto.startRecording();
    const r = await runAction(
      'preflight',
      {
        checks: 'secrets',
        secrets: [
          'ray-pipeline-openai: OPENAI_API_KEY',
          'ray-pipeline-pinecone: PINECONE_API_KEY',
          'ray-pipeline-celery: CELERY_BROKER_URL',
          'ray-pipeline-anthropic: { from-env: ANTHROPIC_API_KEY, parameter: AnthropicSecretArn }',
        ].join('\n'),
        'deferred-parameters': 'AnthropicSecretArn',
      },
      { env: env() },
    );
    expect(r.exitCode).toBe(1);
    const messages = report(r).map((f) => [f.status, f.message, f.fix ?? '']);
    expect(messages).toEqual([
      [
        'fail',
        'ray-pipeline-openai does not exist in Secrets Manager.',
        expect.stringContaining('run secrets-sync before the deploy to create it'),
      ],
      [
        'fail',
        expect.stringMatching(/^ray-pipeline-pinecone is scheduled for deletion on \d{4}-\d\d-\d\d/),
        'restore it: `aws secretsmanager restore-secret --secret-id ray-pipeline-pinecone --region us-east-1`.',
      ],
      ['pass', expect.stringMatching(/^ray-pipeline-celery exists/), ''],
      [
        'warn',
        'ray-pipeline-anthropic does not exist yet: it will be created by secrets-sync, which supplies AnthropicSecretArn (in deferred-parameters).',
        '',
      ],
    ]);
    // Described only: no value is ever read.
    const operations = (await moto.recorded()).map((c) => c.operation);
    expect(new Set(operations)).toEqual(new Set(['DescribeSecret']));
  });
});

describe('committed-secrets', () => {
  test('an .env with an sk- key in a git repository: FAIL naming the file and line, never the value', async () => {
    const key = fakeOpenAiKey('committed-openai');
    const workspace = gitWorkspace(
      {
        '.env.production': `# production\nPINECONE_ENVIRONMENT=us-east-1\nOPENAI_API_KEY=${key}\n`,
        '.env.example': 'OPENAI_API_KEY=sk-your-openai-key-here\n',
        'README.md': '# app\n',
        'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]).toString('latin1'),
      },
      { '.env.local': `OPENAI_API_KEY=${key}\n`, '.gitignore': '.env.local\n' },
    );
    const r = await runAction('preflight', { checks: 'committed-secrets' }, { env: env(), cwd: workspace });
    expect(r.exitCode).toBe(1);
    const findings = report(r).map((f) => [f.status, f.message, f.position]);
    expect(findings).toEqual([
      [
        'warn',
        '.env.local:1: a live-looking OpenAI API key (sk-…) in a git-ignored file of the workspace (not committed).',
        { file: '.env.local', line: 1 },
      ],
      [
        'fail',
        '.env.production:3: a live-looking OpenAI API key (sk-…) is committed.',
        { file: '.env.production', line: 3 },
      ],
    ]);
    expect(r.annotations.find((a) => a.level === 'error')).toMatchObject({ file: '.env.production', line: 3 });
    for (const text of [r.raw.stdout, r.raw.stderr, r.raw.summary, r.raw.output]) expect(text).not.toContain(key);
    expect(r.masked).not.toContain(key);
  });

  test('a large tree: every tracked file is scanned, binaries and files over 1 MB are skipped and counted', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 2000; i++) files[`src/module-${i}.ts`] = `export const value${i} = ${i};\n`.repeat(20);
    files['assets/big.json'] = 'x'.repeat(1024 * 1024 + 1);
    files['assets/image.bin'] = '\u0000binary';
    const workspace = gitWorkspace(files);
    const r = await runAction('preflight', { checks: 'committed-secrets' }, { env: env(), cwd: workspace });
    expect(r.exitCode).toBe(0);
    expect(only(r, 'committed-secrets', 'pass').message).toBe(
      'no live-looking keys in 2000 files (git-tracked and .env*); skipped 1 binary and 1 larger than 1 MB.',
    );
    expect(r.durationMs).toBeLessThan(15_000);
  });
});

describe('repository', () => {
  test('missing → WARN with what build-push-multiarch will create; existing → its settings', async () => {
    const missing = await runAction('preflight', { checks: 'repository', repository: 'ray/worker' }, { env: env() });
    expect(missing.exitCode).toBe(0);
    expect(only(missing, 'repository', 'warn').message).toContain(
      'ray/worker does not exist in us-east-1: build-push-multiarch will create it (scan on push on',
    );

    await client(ECRClient).send(
      new CreateRepositoryCommand({
        repositoryName: 'ray/worker',
        imageTagMutability: 'IMMUTABLE',
        imageScanningConfiguration: { scanOnPush: false },
      }),
    );
    const existing = await runAction('preflight', { checks: 'repository', repository: 'ray/worker' }, { env: env() });
    expect(report(existing).map((f) => [f.status, f.message])).toEqual([
      [
        'pass',
        '123456789012.dkr.ecr.us-east-1.amazonaws.com/ray/worker: scan on push off, IMMUTABLE tags, no lifecycle policy (build-push-multiarch will add one that expires untagged images).',
      ],
      ['warn', 'ray/worker does not scan images on push: vulnerabilities in pushed images go unreported.'],
    ]);
  });
});

describe('template, parameters, health-check', () => {
  test('a template error fails with its line; a health-check path mismatch fails at the property', async () => {
    const broken = TEMPLATE.replace('VpcId: !Ref Vpc', 'VpcId: !Ref Vcp').replace(
      'HealthCheckPath: /api/v1/health',
      'HealthCheckPath: /health',
    );
    const workspace = gitWorkspace({
      'template.yaml': broken,
      'parameters.json': JSON.stringify({ Parameters: { S3BucketName: 'ray-pipeline-acme', Extra: 'x' } }),
    });
    const r = await runAction(
      'preflight',
      {
        checks: 'template, parameters, health-check',
        template: 'template.yaml',
        parameters: 'parameters.json',
        'deferred-parameters': 'ImageUri, OpenAISecretArn',
        'health-check-path': '/api/v1/health',
      },
      { env: env(), cwd: workspace },
    );
    expect(r.exitCode).toBe(1);
    const template = report(r).filter((f) => f.check === 'template');
    expect(template[0]?.message).toMatch(
      /^template\.yaml: 4 resources, 3 parameters; 1 errors, 0 warnings; capabilities: CAPABILITY_IAM\.$/,
    );
    const lineOf = (text: string) => broken.split('\n').findIndex((l) => l.includes(text)) + 1;
    expect(template[1]).toMatchObject({
      status: 'fail',
      position: { file: 'template.yaml', line: lineOf('!Ref Vcp') },
    });
    expect(template[1]?.message).toContain('H2001');
    expect(only(r, 'parameters').message).toContain(
      "H4010: The parameters file sets 'Extra', which the template does not declare.",
    );
    const health = only(r, 'health-check');
    expect(health).toMatchObject({
      status: 'fail',
      position: { file: 'template.yaml', line: lineOf('HealthCheckPath: /health') },
    });
    expect(health.message).toBe(
      'TargetGroup checks /health, but the service answers health checks on /api/v1/health: targets will be marked unhealthy and replaced in a loop.',
    );
    expect(r.outputs['capabilities']).toBe('CAPABILITY_IAM');
  });
});

describe('permissions', () => {
  /** SimulatePrincipalPolicy as IAM answers it: every asked action allowed, except `denied`. */
  function simulation(denied: readonly string[]) {
    return respond((call) => {
      const actions = Object.entries(call.params)
        .filter(([k]) => k.startsWith('ActionNames.member.'))
        .map(([, v]) => String(v));
      return queryAnswer('iam', 'SimulatePrincipalPolicy', {
        EvaluationResults: actions.map((action) => ({
          EvalActionName: action,
          EvalResourceName: '*',
          EvalDecision: denied.includes(action) ? 'implicitDeny' : 'allowed',
        })),
        IsTruncated: false,
      });
    });
  }

  test('simulation with denied actions: FAIL listing them and the least-privilege statement that fixes it', async () => {
    proxy.addRule({
      service: 'iam',
      operation: 'SimulatePrincipalPolicy',
      effect: simulation(['secretsmanager:CreateSecret', 'secretsmanager:PutSecretValue']),
    });
    const r = await runAction('preflight', { checks: 'permissions', for: 'secrets-sync, quota-check' }, { env: env() });
    expect(r.exitCode).toBe(1);
    const denied = only(r, 'permissions', 'fail');
    expect(denied.message).toBe(
      'secrets-sync needs secretsmanager:CreateSecret, secretsmanager:PutSecretValue, which arn:aws:iam::123456789012:user/moto may not call (no policy allows them).',
    );
    const statement = JSON.parse(/(\{.*\})$/.exec(denied.fix ?? '')?.[1] ?? '{}') as Record<string, unknown>;
    expect(statement).toEqual({
      Sid: 'WriteSecrets',
      Effect: 'Allow',
      Action: ['secretsmanager:CreateSecret', 'secretsmanager:PutSecretValue'],
      Resource: ['arn:aws:secretsmanager:*:*:secret:*'],
    });
    // The principal simulated is the caller's; resource-scoped statements are simulated on their resources.
    const asked = proxy.calls({ operation: 'SimulatePrincipalPolicy' });
    expect(asked.every((c) => c.params['PolicySourceArn'] === 'arn:aws:iam::123456789012:user/moto')).toBe(true);
    expect(
      asked.some((c) => c.params['ResourceArns.member.1'] === 'arn:aws:secretsmanager:us-east-1:123456789012:secret:*'),
    ).toBe(true);
  });

  test('simulation allows everything: PASS; a service role that trusts CloudFormation: PASS, per-type needs SKIP', async () => {
    proxy.addRule({ service: 'iam', operation: 'SimulatePrincipalPolicy', effect: simulation([]) });
    await client(IAMClient).send(
      new CreateRoleCommand({
        RoleName: 'cfn-deploy',
        AssumeRolePolicyDocument: JSON.stringify({
          Statement: [
            { Effect: 'Allow', Principal: { Service: 'cloudformation.amazonaws.com' }, Action: 'sts:AssumeRole' },
          ],
        }),
      }),
    );
    const r = await runAction(
      'preflight',
      { checks: 'permissions', for: 'quota-check', 'role-arn': 'arn:aws:iam::123456789012:role/cfn-deploy' },
      { env: env() },
    );
    expect(r.exitCode).toBe(0);
    expect(report(r).map((f) => [f.status, f.message])).toEqual([
      [
        'pass',
        `arn:aws:iam::123456789012:user/moto may call all ${actionsFor('quota-check').length + 1} AWS actions needed by quota-check and the role-arn (policy simulation).`,
      ],
      ['pass', 'role-arn: cfn-deploy exists and trusts cloudformation.amazonaws.com.'],
      ['skip', expect.stringContaining("is not checked — hoist's resource data does not list the IAM permissions")],
    ]);
    expect(
      proxy
        .calls({ operation: 'SimulatePrincipalPolicy' })
        .some((c) => c.params['ActionNames.member.1'] === 'iam:PassRole'),
    ).toBe(true);
  });

  test('simulation denied to the caller: read-only probes, WARN unverified; a denied probe FAILs', async () => {
    proxy.addRule({
      service: 'iam',
      operation: 'SimulatePrincipalPolicy',
      effect: error({
        status: 403,
        code: 'AccessDenied',
        message: 'not authorized to perform: iam:SimulatePrincipalPolicy',
      }),
    });
    proxy.addRule({
      service: 'ecs',
      operation: 'ListClusters',
      effect: error({
        status: 400,
        code: 'AccessDeniedException',
        message: 'not authorized to perform: ecs:ListClusters',
      }),
    });
    const r = await runAction('preflight', { checks: 'permissions', for: 'quota-check' }, { env: env() });
    expect(r.exitCode).toBe(1);
    expect(only(r, 'permissions', 'fail').message).toContain('ecs: the read-only probe ecs:ListClusters was denied');
    expect(only(r, 'permissions', 'warn').message).toMatch(
      /^unverified: iam:SimulatePrincipalPolicy is denied to the caller\. Read-only probes answered for /,
    );
  });
});

describe('pull request comment', () => {
  const inputs = { checks: 'bucket', 'bucket-name': 'ray-pipeline-acme-prod', 'github-token': GITHUB_FAKE_TOKEN };

  test('one hoist comment with the preflight section, updated in place on the next run', async () => {
    github.addPullRequest(7);
    const prEnv = { ...env(), ...github.env, ...pullRequestEventEnv(7) };
    const first = await runAction('preflight', inputs, { env: prEnv });
    expect(first.exitCode).toBe(0);
    const second = await runAction('preflight', { ...inputs, 'bucket-name': 'Ray_Pipeline_Bucket' }, { env: prEnv });
    expect(second.exitCode).toBe(1);
    const comments = github.comments(7);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain('<!-- hoist:preflight:start -->');
    expect(comments[0]?.body).toContain('| ❌ FAIL | bucket |');
    expect(second.log).not.toContain(GITHUB_FAKE_TOKEN);
    expect(second.masked).toContain(GITHUB_FAKE_TOKEN);
  });

  test("a fork's read-only token: a line in the log, no comment", async () => {
    github.addPullRequest(8);
    const r = await runAction(
      'preflight',
      { ...inputs, 'github-token': GITHUB_FAKE_READONLY_TOKEN },
      { env: { ...env(), ...github.env, ...pullRequestEventEnv(8, { headRepository: 'stranger/app' }) } },
    );
    expect(r.exitCode).toBe(0);
    expect(r.log).toContain('Pull request #8 comes from a fork: its token is read-only');
    expect(github.writes()).toEqual([]);
    expect(github.comments(8)).toEqual([]);
  });
});

describe('inputs', () => {
  test.each([
    [
      { checks: 'template' },
      "Input 'checks' is 'template': expected a check whose inputs are given (template needs `template`).",
    ],
    [{ for: 'deploy' }, "Input 'for' is 'deploy': expected each item to be one of preflight, secrets-sync"],
    [{ repository: 'Ray/Worker' }, "Input 'repository' is 'Ray/Worker': expected a repository name"],
    [
      { 'bucket-parameter': 'S3BucketName' },
      "Input 'bucket-parameter' is 'S3BucketName': expected a parameter of the `parameters` file",
    ],
    [{ 'health-check-path': 'health' }, "Input 'health-check-path' is 'health': expected a URL path starting with /"],
    [{ 'role-arn': 'cfn-deploy' }, "Input 'role-arn' is 'cfn-deploy': expected an IAM role ARN"],
  ])('bad input %j: one clear line, exit 1, no AWS call', async (given, message) => {
    const r = await runAction('preflight', given, { env: env() });
    expect(r.exitCode).toBe(1);
    const errors = r.log.split('\n').filter((l) => l.startsWith('::error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(message);
    expect(proxy.count()).toBe(0);
  });
});
