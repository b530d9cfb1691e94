/**
 * `ship` (issue 13) run as a runner runs it — `node actions/ship/dist/index.js` with INPUT_* — against moto (through
 * the scenario proxy) and a real registry with buildah: the happy path, a quota gate that stops before any write,
 * an unhealthy deploy that is rolled back, and a deploy CloudFormation rolled back itself (no rollback after it).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { CreateVpcCommand, DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { DescribeRepositoriesCommand, ECRClient } from '@aws-sdk/client-ecr';
import { ListSecretsCommand } from '@aws-sdk/client-secrets-manager';
import { GetParameterCommand } from '@aws-sdk/client-ssm';
import { describeServicesAnswer, describeStacksAnswer, jsonAnswer } from '../support/aws-shapes.js';
import { buildahEnv, requireBuildah, scratchContext } from '../support/buildah.js';
import { isWriteCall, startMoto, type Moto } from '../support/moto.js';
import { startRegistry, type TestRegistry } from '../support/registry.js';
import { runAction, type ActionResult } from '../support/run-action.js';
import { forward, respond, sequence, startScenarioProxy, type ScenarioProxy } from '../support/scenario-proxy.js';
import { registerTestSecret } from '../support/secrets-registry.js';
import { clientsFor, fargateWorkerTemplate, runnerEnv, workspaceWith } from './deploy-stack-support.js';

jest.setTimeout(300_000);

/** Not the documentation account (123456789012): cfn-validate rightly flags it inside a secret's ARN. */
const ACCOUNT = '210987654321';
const REGISTRY_HOST = `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com`;
const digestOf = (c: string) => `sha256:${c.repeat(64)}`;
const IMAGE_A = `${REGISTRY_HOST}/worker@${digestOf('a')}`;
const IMAGE_B = `${REGISTRY_HOST}/worker@${digestOf('b')}`;

const WORKER_TEMPLATE = fargateWorkerTemplate({ secretParameter: 'BrokerSecretArn', subnets: true });

/** A network stack: one more VPC than an account at its quota of 5 can take. */
const NETWORK_TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  ImageUri:
    Type: String
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.0.0.0/16 }
  ImageParam:
    Type: AWS::SSM::Parameter
    Properties:
      Type: String
      Value: !Ref ImageUri
`;

const SECRETS = 'ship-test/broker: { from-env: SHIP_BROKER_URL, parameter: BrokerSecretArn }';
const BROKER_URL = 'amqp://worker:s3cr3t-ship-broker-pw@broker.internal:5672//';

let moto: Moto;
let proxy: ScenarioProxy;
let aws: ReturnType<typeof clientsFor>;
beforeAll(async () => {
  moto = await startMoto({ MOTO_ACCOUNT_ID: ACCOUNT, MOTO_ECS_SERVICE_RUNNING: '1' });
  proxy = await startScenarioProxy(moto.url);
  aws = clientsFor(moto.url);
  registerTestSecret(BROKER_URL);
}, 60_000);
afterAll(async () => {
  await proxy?.close();
  await moto?.stop();
});
beforeEach(async () => {
  await moto.reset();
  proxy.clearRules();
  proxy.clear();
});

interface ShipReport {
  status: string;
  steps: { step: string; outcome: string; durationMs: number; note?: string; outputs: Record<string, string> }[];
}

const reportOf = (r: ActionResult): ShipReport => JSON.parse(r.outputs['report'] ?? '{}') as ShipReport;
const outcomes = (r: ActionResult) => reportOf(r).steps.map((s) => [s.step, s.outcome]);

function ship(inputs: Record<string, string>, cwd: string, env: Record<string, string> = {}): Promise<ActionResult> {
  return runAction('ship', inputs, {
    cwd,
    env: runnerEnv(proxy.env, { SHIP_BROKER_URL: BROKER_URL, ...env }),
    timeoutMs: 240_000,
  });
}

async function stackParameters(name: string): Promise<Record<string, string>> {
  const stack = (await aws.cfn.send(new DescribeStacksCommand({ StackName: name }))).Stacks?.[0];
  return Object.fromEntries((stack?.Parameters ?? []).map((p) => [p.ParameterKey ?? '', p.ParameterValue ?? '']));
}

async function releases(stack: string): Promise<{ id: string; outcome: string; kind: string }[]> {
  const out = await aws.ssm.send(new GetParameterCommand({ Name: `/hoist/${stack}/releases` }));
  return (
    JSON.parse(out.Parameter?.Value ?? '{"releases":[]}') as {
      releases: { id: string; outcome: string; kind: string }[];
    }
  ).releases;
}

describe('ship', () => {
  test('happy path: every step in order, the image built for two platforms and deployed by digest, one summary section per step', async () => {
    requireBuildah();
    const registry: TestRegistry = await startRegistry();
    try {
      const cwd = workspaceWith({
        'worker.yaml': WORKER_TEMPLATE,
        'parameters.json': JSON.stringify({ Parameters: {} }, null, 2),
      });
      const r = await ship(
        {
          'stack-name': 'ship-worker',
          template: 'worker.yaml',
          parameters: 'parameters.json',
          repository: 'team/worker',
          secrets: SECRETS,
          environment: 'staging',
          builder: 'buildah',
          registry: registry.host,
          'insecure-registry': 'true',
          context: scratchContext(),
          platforms: 'linux/amd64,linux/arm64',
          cache: 'none',
        },
        cwd,
        buildahEnv(),
      );
      expect({ code: r.exitCode, errors: r.annotations.filter((a) => a.level === 'error') }).toEqual({
        code: 0,
        errors: [],
      });
      expect(outcomes(r)).toEqual([
        ['preflight', 'success'],
        ['secrets-sync', 'success'],
        ['quota-check', 'success'],
        ['cfn-validate', 'success'],
        ['build-push-multiarch', 'success'],
        ['deploy-stack', 'success'],
      ]);
      const image = r.outputs['image-uri'] ?? '';
      expect(image).toMatch(new RegExp(`^${registry.host.replace(/[.]/g, '\\.')}/team/worker@sha256:[a-f0-9]{64}$`));
      expect(r.outputs['status']).toBe('deployed');
      expect(r.outputs['stack-id']).toContain(':stack/ship-worker/');
      expect(r.outputs['release-id']).toMatch(/^\d{8}-\d{6}-0123456/);
      expect(r.outputs['rollback-status']).toBeUndefined();
      const build = reportOf(r).steps.find((s) => s.step === 'build-push-multiarch');
      expect(build?.outputs['platforms']).toBe('linux/amd64,linux/arm64');

      // What flowed: the secret ARN into the runner's parameters file, the image and the ARN into the stack.
      const secretArn = JSON.parse(readFileSync(path.join(cwd, 'parameters.json'), 'utf8')).Parameters.BrokerSecretArn;
      expect(secretArn).toMatch(new RegExp(`^arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:ship-test/broker-`));
      expect(await stackParameters('ship-worker')).toEqual({
        ImageUri: image,
        BrokerSecretArn: secretArn,
        Subnets: 'subnet-0a1b2c3d4e5f67890',
      });
      const tags = (await aws.cfn.send(new DescribeStacksCommand({ StackName: 'ship-worker' }))).Stacks?.[0]?.Tags;
      expect(tags).toContainEqual({ Key: 'hoist:environment', Value: 'staging' });
      // cfn-validate's capabilities reached deploy-stack: the change set was made with them (none needed here).
      expect(proxy.count({ service: 'cloudformation', operation: 'ExecuteChangeSet' })).toBe(1);

      // The summary: what happened first, then one section per step, in the chain's order.
      const lines = r.summary.split('\n');
      expect(lines[0]).toMatch(/^✅ Shipped `.+@sha256:[a-f0-9]{64}` to stack `ship-worker` \(staging\), release `/);
      const sections = lines.filter((l) => /^## \d+\. /.test(l)).map((l) => l.replace(/ — .*/, ''));
      expect(sections).toEqual([
        '## 1. preflight',
        '## 2. secrets-sync',
        '## 3. quota-check',
        '## 4. cfn-validate',
        '## 5. build-push-multiarch',
        '## 6. deploy-stack',
      ]);
      // Each step's log is a group of ship's log, in order.
      const groups = [...r.log.matchAll(/::group::(\d+\. [a-z-]+)/g)].map((m) => m[1]);
      expect(groups).toEqual([
        '1. preflight',
        '2. secrets-sync',
        '3. quota-check',
        '4. cfn-validate',
        '5. build-push-multiarch',
        '6. deploy-stack',
      ]);
      // The secret value was masked as soon as it was read and never shown.
      expect(r.masked).toContain(BROKER_URL);
      for (const text of [r.raw.stdout.replace(/^::add-mask::.*$/gm, ''), r.raw.output, r.raw.summary])
        expect(text).not.toContain('s3cr3t-ship-broker-pw');
    } finally {
      await registry.stop();
    }
  });

  test('a failed quota gate stops the chain before any AWS write: no secret, no repository, no stack', async () => {
    const ec2 = new EC2Client({
      endpoint: moto.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    });
    const existing = (await ec2.send(new DescribeVpcsCommand({}))).Vpcs?.length ?? 0;
    for (let i = existing; i < 5; i++) await ec2.send(new CreateVpcCommand({ CidrBlock: `10.${i + 10}.0.0/16` }));
    await moto.startRecording();
    const cwd = workspaceWith({ 'network.yaml': NETWORK_TEMPLATE });
    const r = await ship(
      {
        'stack-name': 'ship-network',
        template: 'network.yaml',
        repository: 'team/network',
        secrets: SECRETS,
        builder: 'none',
        image: IMAGE_A,
      },
      cwd,
    );
    await moto.stopRecording();
    expect(r.exitCode).toBe(1);
    expect(r.outputs['status']).toBe('failed');
    expect(outcomes(r)).toEqual([
      ['preflight', 'failure'],
      ['secrets-sync', 'not-run'],
      ['quota-check', 'not-run'],
      ['cfn-validate', 'not-run'],
      ['build-push-multiarch', 'skipped'],
      ['deploy-stack', 'not-run'],
      ['rollback', 'not-run'],
    ]);
    const quota = r.annotations.find((a) => a.title === 'preflight: quotas' && a.level === 'error');
    expect(quota?.message).toContain('vpc/L-F678F1CE');
    expect(r.summary.split('\n')[0]).toMatch(/^❌ preflight failed, nothing was deployed to stack `ship-network`/);
    expect((await moto.recorded()).filter(isWriteCall)).toEqual([]);
    expect((await aws.secrets.send(new ListSecretsCommand({}))).SecretList ?? []).toEqual([]);
    const ecr = new ECRClient({
      endpoint: moto.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    });
    expect((await ecr.send(new DescribeRepositoriesCommand({}))).repositories ?? []).toEqual([]);
    await expect(aws.cfn.send(new DescribeStacksCommand({ StackName: 'ship-network' }))).rejects.toThrow(
      /does not exist/,
    );
  });

  test('an unhealthy deploy is rolled back: the previous release runs again, by digest, and ship fails', async () => {
    const cwd = workspaceWith({ 'worker.yaml': WORKER_TEMPLATE });
    const inputs = {
      'stack-name': 'ship-heal',
      template: 'worker.yaml',
      secrets: SECRETS,
      builder: 'none',
      'timeout-minutes': '2',
    };
    const first = await ship({ ...inputs, image: IMAGE_A }, cwd);
    expect(first.outputs['status']).toBe('deployed');
    expect(outcomes(first).map(([s]) => s)).not.toContain('rollback');

    // Release B's tasks never start; once the rollback's change set runs, the service is healthy again.
    let executes = 0;
    proxy.addRule({
      service: 'cloudformation',
      operation: 'ExecuteChangeSet',
      effect: () => {
        executes += 1;
        return forward();
      },
    });
    proxy.addRule({
      service: 'ecs',
      operation: 'DescribeServices',
      where: () => executes === 1,
      effect: respond(
        describeServicesAnswer([
          {
            serviceName: 'Worker',
            cluster: 'ship-heal-cluster',
            deployments: [
              {
                status: 'PRIMARY',
                rolloutState: 'FAILED',
                rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
                desiredCount: 1,
                runningCount: 0,
              },
            ],
            events: [{ message: '(service Worker) has started 0 tasks.' }],
          },
        ]),
      ),
    });
    proxy.addRule({
      service: 'ecs',
      operation: 'ListTasks',
      where: () => executes === 1,
      effect: respond(jsonAnswer({ taskArns: [] })),
    });
    const r = await ship({ ...inputs, image: IMAGE_B }, cwd, { GITHUB_SHA: 'b'.repeat(40) });
    expect(r.exitCode).toBe(1);
    expect(r.outputs['status']).toBe('unhealthy');
    expect(r.outputs['rollback-status']).toBe('restored');
    expect(outcomes(r).slice(-2)).toEqual([
      ['deploy-stack', 'failure'],
      ['rollback', 'success'],
    ]);
    expect(executes).toBe(2);
    expect((await stackParameters('ship-heal'))['ImageUri']).toBe(IMAGE_A);
    expect((await releases('ship-heal')).map((x) => [x.kind, x.outcome])).toEqual([
      ['rollback', 'deployed'],
      ['deploy', 'unhealthy'],
      ['deploy', 'deployed'],
    ]);
    expect(r.summary.split('\n')[0]).toMatch(
      /^❌ The new release of stack `ship-heal`.* is unhealthy\. rollback: restored/,
    );
    expect(r.summary).toMatch(/^## 7\. rollback — ✅ success/m);
  });

  test('a deploy CloudFormation rolled back itself is not rolled back again', async () => {
    const cwd = workspaceWith({ 'worker.yaml': WORKER_TEMPLATE });
    const inputs = { 'stack-name': 'ship-crb', template: 'worker.yaml', secrets: SECRETS, builder: 'none' };
    expect((await ship({ ...inputs, image: IMAGE_A }, cwd)).outputs['status']).toBe('deployed');

    let executed = false;
    proxy.addRule({
      service: 'cloudformation',
      operation: 'ExecuteChangeSet',
      effect: () => {
        executed = true;
        return forward();
      },
    });
    const params = await stackParameters('ship-crb');
    proxy.clear();
    proxy.addRule({
      service: 'cloudformation',
      operation: 'DescribeStacks',
      where: () => executed,
      effect: sequence(
        respond(
          describeStacksAnswer([{ StackName: 'ship-crb', StackStatus: 'UPDATE_IN_PROGRESS', Parameters: params }]),
        ),
        respond(
          describeStacksAnswer([
            { StackName: 'ship-crb', StackStatus: 'UPDATE_ROLLBACK_COMPLETE', Parameters: params },
          ]),
        ),
      ),
    });
    const r = await ship({ ...inputs, image: IMAGE_B }, cwd, { GITHUB_SHA: 'c'.repeat(40) });
    expect(r.exitCode).toBe(1);
    expect(r.outputs['status']).toBe('rolled-back');
    expect(r.outputs['rollback-status']).toBeUndefined();
    const rollback = reportOf(r).steps.at(-1);
    expect(rollback).toMatchObject({ step: 'rollback', outcome: 'skipped' });
    expect(rollback?.note).toContain('CloudFormation already rolled the update back');
    expect(proxy.count({ service: 'cloudformation', operation: 'ExecuteChangeSet' })).toBe(1);
    expect(r.summary.split('\n')[0]).toMatch(
      /^❌ The deploy to stack `ship-crb` failed and CloudFormation rolled it back/,
    );
  });

  test('a bad input to a later step is refused before the first step runs, naming the input', async () => {
    await moto.startRecording();
    const cwd = workspaceWith({ 'worker.yaml': WORKER_TEMPLATE });
    const r = await ship(
      {
        'stack-name': 'ship-bad',
        template: 'worker.yaml',
        secrets: SECRETS,
        builder: 'none',
        image: IMAGE_A,
        'on-replacement': 'sometimes',
      },
      cwd,
    );
    await moto.stopRecording();
    expect(r.exitCode).toBe(1);
    expect(r.annotations.filter((a) => a.level === 'error').map((a) => a.message)).toEqual([
      expect.stringMatching(/^Input 'on-replacement' is 'sometimes': expected /),
    ]);
    expect(r.log).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(await moto.recorded()).toEqual([]);
    expect(proxy.count()).toBe(0);
  });
});
