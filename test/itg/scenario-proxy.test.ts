import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, jest, test } from '@jest/globals';
import {
  CloudFormationClient,
  CreateStackCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  ListStacksCommand,
} from '@aws-sdk/client-cloudformation';
import { DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { DescribeServicesCommand, ECSClient, ListClustersCommand } from '@aws-sdk/client-ecs';
import {
  CreateBucketCommand,
  GetObjectCommand,
  ListBucketsCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import {
  GetAWSDefaultServiceQuotaCommand,
  GetServiceQuotaCommand,
  ServiceQuotasClient,
} from '@aws-sdk/client-service-quotas';
import { GetParameterCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { classifyAwsError, createClient, type ClientSettings } from '@hoist/aws';
import {
  describeServicesAnswer,
  describeStackEventsAnswer,
  describeStacksAnswer,
  getAwsDefaultServiceQuotaAnswer,
  getServiceQuotaAnswer,
} from '../support/aws-shapes.js';
import { startMoto, type Moto } from '../support/moto.js';
import {
  delay,
  error,
  faultPlan,
  faults,
  forward,
  reset,
  respond,
  sequence,
  serverError,
  startScenarioProxy,
  throttle,
  type FaultModel,
  type ScenarioProxy,
} from '../support/scenario-proxy.js';

// Retries back off for real (throttling: 500 ms base) and moto needs a few seconds to start on a busy machine.
jest.setTimeout(30_000);

let moto: Moto;
let proxy: ScenarioProxy;
const savedEnv = { ...process.env };

beforeAll(async () => {
  moto = await startMoto();
  proxy = await startScenarioProxy(moto.url);
  // The SDK reads AWS_ENDPOINT_URL and the credentials from the environment, as in an action.
  Object.assign(process.env, proxy.env);
});
afterAll(async () => {
  await proxy.close();
  await moto.stop();
  process.env = savedEnv;
});
beforeEach(async () => {
  await moto.reset();
});
afterEach(() => {
  proxy.clearRules();
  proxy.clear();
});

/** A client exactly as hoist makes it (createClient), with the retry budget and request timeout a test needs. */
function client<C>(
  Client: new (config: ClientSettings) => C,
  options: { maxAttempts?: number; requestTimeoutMs?: number } = {},
): C {
  const previous = {
    attempts: process.env['HOIST_AWS_MAX_ATTEMPTS'],
    timeout: process.env['HOIST_AWS_REQUEST_TIMEOUT_MS'],
  };
  process.env['HOIST_AWS_MAX_ATTEMPTS'] = String(options.maxAttempts ?? 3);
  if (options.requestTimeoutMs) process.env['HOIST_AWS_REQUEST_TIMEOUT_MS'] = String(options.requestTimeoutMs);
  try {
    return createClient(Client, { region: 'us-east-1', action: 'scenario-proxy-test' });
  } finally {
    restoreEnv('HOIST_AWS_MAX_ATTEMPTS', previous.attempts);
    restoreEnv('HOIST_AWS_REQUEST_TIMEOUT_MS', previous.timeout);
  }
}

function restoreEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

/** Runs a call that must fail and returns what the SDK threw. */
async function failure(
  call: () => Promise<unknown>,
): Promise<Error & { code?: string; $metadata?: { httpStatusCode?: number } }> {
  try {
    await call();
  } catch (thrown) {
    return thrown as Error;
  }
  throw new Error('the call succeeded; it was expected to fail');
}

const TEMPLATE = JSON.stringify({
  Parameters: { Env: { Type: 'String', Default: 'dev' } },
  Resources: { Topic: { Type: 'AWS::SNS::Topic' } },
  Outputs: { TopicArn: { Value: { Ref: 'Topic' } } },
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('forwarding', () => {
  test('STS and CloudFormation answer through the proxy as moto answers them', async () => {
    const sts = client(STSClient);
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    expect(identity.Account).toBe('123456789012');

    const cfn = client(CloudFormationClient);
    await cfn.send(
      new CreateStackCommand({
        StackName: 'app',
        TemplateBody: TEMPLATE,
        Parameters: [{ ParameterKey: 'Env', ParameterValue: 'prod' }],
      }),
    );
    const { Stacks } = await cfn.send(new DescribeStacksCommand({ StackName: 'app' }));
    expect(Stacks?.[0]?.StackStatus).toBe('CREATE_COMPLETE');
    expect(Stacks?.[0]?.Parameters).toEqual([{ ParameterKey: 'Env', ParameterValue: 'prod' }]);

    expect(proxy.calls().map((c) => [c.service, c.operation, c.status, c.effect, c.rule])).toEqual([
      ['sts', 'GetCallerIdentity', 200, 'forward', undefined],
      ['cloudformation', 'CreateStack', 200, 'forward', undefined],
      ['cloudformation', 'DescribeStacks', 200, 'forward', undefined],
    ]);
    expect(proxy.calls('CreateStack')[0]?.params).toMatchObject({
      StackName: 'app',
      'Parameters.member.1.ParameterValue': 'prod',
    });
    expect(proxy.countByOperation()).toEqual({
      'sts:GetCallerIdentity': 1,
      'cloudformation:CreateStack': 1,
      'cloudformation:DescribeStacks': 1,
    });
  });

  test('a JSON protocol call keeps its body and names its operation from X-Amz-Target', async () => {
    const ssm = client(SSMClient);
    await ssm.send(new PutParameterCommand({ Name: '/app/greeting', Value: 'héllo ✓', Type: 'String' }));
    const { Parameter } = await ssm.send(new GetParameterCommand({ Name: '/app/greeting' }));
    expect(Parameter?.Value).toBe('héllo ✓');
    expect(proxy.calls({ service: 'ssm' }).map((c) => c.operation)).toEqual(['PutParameter', 'GetParameter']);
    expect(proxy.calls('PutParameter')[0]?.params).toMatchObject({ Name: '/app/greeting' });
  });

  test('S3 PUT of binary bodies, buffered and streamed (chunked), arrive byte for byte', async () => {
    const s3 = client(S3Client);
    await s3.send(new CreateBucketCommand({ Bucket: 'artifacts' }));
    const binary = Buffer.concat([Buffer.from([0, 255, 13, 10, 0x1f, 0x8b]), randomBytes(300_000)]);
    await s3.send(new PutObjectCommand({ Bucket: 'artifacts', Key: 'buffered.bin', Body: binary }));
    await s3.send(
      new PutObjectCommand({
        Bucket: 'artifacts',
        Key: 'streamed.bin',
        Body: Readable.from([binary.subarray(0, 100_000), binary.subarray(100_000)]),
        ContentLength: binary.length,
      }),
    );
    for (const key of ['buffered.bin', 'streamed.bin']) {
      const object = await s3.send(new GetObjectCommand({ Bucket: 'artifacts', Key: key }));
      expect(sha256(await object.Body!.transformToByteArray())).toBe(sha256(binary));
    }
    expect(proxy.count({ service: 's3', operation: 'PUT /artifacts/streamed.bin' })).toBe(1);
    expect(proxy.calls({ service: 's3' }).every((c) => c.status === 200)).toBe(true);
  });
});

describe('error effects', () => {
  test('throttling is retried by the SDK (same invocation id) and then succeeds', async () => {
    proxy.addRule({ service: 'cloudformation', operation: 'ListStacks', times: 2, effect: throttle() });
    const cfn = client(CloudFormationClient, { maxAttempts: 3 });
    await expect(cfn.send(new ListStacksCommand({}))).resolves.toHaveProperty('StackSummaries');
    const calls = proxy.calls('ListStacks');
    expect(calls.map((c) => [c.status, c.errorCode, c.attempt])).toEqual([
      [400, 'Throttling', 1],
      [400, 'Throttling', 2],
      [200, undefined, 3],
    ]);
    expect(new Set(calls.map((c) => c.invocationId)).size).toBe(1);
  });

  // One service per protocol: query (STS), EC2, JSON (ECS, Service Quotas), REST-XML (S3).
  const throttled: [string, string, string, number, () => Promise<unknown>][] = [
    [
      'sts',
      'GetCallerIdentity',
      'Throttling',
      400,
      () => client(STSClient, { maxAttempts: 1 }).send(new GetCallerIdentityCommand({})),
    ],
    [
      'ec2',
      'DescribeVpcs',
      'RequestLimitExceeded',
      503,
      () => client(EC2Client, { maxAttempts: 1 }).send(new DescribeVpcsCommand({})),
    ],
    [
      'ecs',
      'ListClusters',
      'ThrottlingException',
      400,
      () => client(ECSClient, { maxAttempts: 1 }).send(new ListClustersCommand({})),
    ],
    [
      'servicequotas',
      'GetServiceQuota',
      'TooManyRequestsException',
      429,
      () =>
        client(ServiceQuotasClient, { maxAttempts: 1 }).send(
          new GetServiceQuotaCommand({ ServiceCode: 'vpc', QuotaCode: 'L-F678F1CE' }),
        ),
    ],
    ['s3', 'GET /', 'SlowDown', 503, () => client(S3Client, { maxAttempts: 1 }).send(new ListBucketsCommand({}))],
  ];
  test.each(throttled)(
    'with one attempt, %s %s surfaces %s (HTTP %i)',
    async (service, operation, name, status, call) => {
      proxy.addRule({ service, operation, effect: throttle() });
      const thrown = await failure(call);
      expect(thrown.name).toBe(name);
      expect(thrown.$metadata?.httpStatusCode).toBe(status);
      expect(classifyAwsError(thrown).kind).toBe('throttle');
      expect(proxy.calls({ service, operation }).map((c) => [c.status, c.errorCode, c.effect])).toEqual([
        [status, name, 'error'],
      ]);
    },
  );

  test('a 500 is retried; with one attempt the SDK names the protocol error and status', async () => {
    proxy.addRule({ service: 'cloudformation', operation: 'DescribeStacks', nth: 1, effect: serverError(500) });
    const cfn = client(CloudFormationClient, { maxAttempts: 2 });
    await cfn.send(new CreateStackCommand({ StackName: 'app', TemplateBody: TEMPLATE }));
    const { Stacks } = await cfn.send(new DescribeStacksCommand({ StackName: 'app' }));
    expect(Stacks?.[0]?.StackName).toBe('app');
    expect(proxy.calls('DescribeStacks').map((c) => c.status)).toEqual([500, 200]);

    proxy.addRule({ service: 's3', effect: serverError(503) });
    const thrown = await failure(() => client(S3Client, { maxAttempts: 1 }).send(new ListBucketsCommand({})));
    expect([thrown.name, thrown.$metadata?.httpStatusCode]).toEqual(['ServiceUnavailable', 503]);
  });

  test('error() answers any AWS error as given, which the SDK does not retry when it is not transient', async () => {
    proxy.addRule({
      service: 'cloudformation',
      operation: 'DescribeStacks',
      effect: error({ status: 400, code: 'ValidationError', message: 'Stack with id app does not exist' }),
    });
    const thrown = await failure(() =>
      client(CloudFormationClient, { maxAttempts: 3 }).send(new DescribeStacksCommand({ StackName: 'app' })),
    );
    expect([thrown.name, thrown.message]).toEqual(['ValidationError', 'Stack with id app does not exist']);
    expect(proxy.count('DescribeStacks')).toBe(1);
  });

  test('a connection reset is retried; with one attempt the SDK surfaces ECONNRESET', async () => {
    proxy.addRule({ service: 'sts', times: 1, effect: reset() });
    const identity = await client(STSClient, { maxAttempts: 2 }).send(new GetCallerIdentityCommand({}));
    expect(identity.Account).toBe('123456789012');
    expect(proxy.calls('GetCallerIdentity').map((c) => [c.status, c.effect])).toEqual([
      [0, 'reset'],
      [200, 'forward'],
    ]);

    proxy.addRule({ service: 'sts', effect: reset() });
    const thrown = await failure(() => client(STSClient, { maxAttempts: 1 }).send(new GetCallerIdentityCommand({})));
    // Under jest's VM realm the SDK wraps socket errors from node core ("AWS SDK error wrapper for …: read ECONNRESET").
    expect(thrown.code ?? thrown.message).toMatch(/ECONNRESET/);
  });
});

describe('delay', () => {
  test('an answer slower than the request timeout is retried, and the abandoned request never reaches moto', async () => {
    proxy.addRule({ service: 'ssm', operation: 'PutParameter', times: 1, effect: delay(1500) });
    const ssm = client(SSMClient, { maxAttempts: 2, requestTimeoutMs: 300 });
    // Without Overwrite a second PutParameter that reached moto would fail with ParameterAlreadyExists.
    const put = await ssm.send(new PutParameterCommand({ Name: '/slow', Value: 'v', Type: 'String' }));
    expect(put.Version).toBe(1);
    await new Promise((r) => setTimeout(r, 1400));
    const calls = proxy.calls('PutParameter');
    expect(calls.map((c) => [c.effect, c.status, c.clientGone])).toEqual([
      ['delay', 0, true],
      ['forward', 200, false],
    ]);

    proxy.addRule({ service: 'sts', effect: delay(1000) });
    const thrown = await failure(() =>
      client(STSClient, { maxAttempts: 1, requestTimeoutMs: 300 }).send(new GetCallerIdentityCommand({})),
    );
    expect(thrown.name).toBe('TimeoutError');
  });

  test('a delay below the timeout only slows the answer; processed: true lets the late call take effect', async () => {
    proxy.addRule({ service: 'sts', effect: delay(400) });
    const started = Date.now();
    await client(STSClient).send(new GetCallerIdentityCommand({}));
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);

    proxy.addRule({ service: 'ssm', operation: 'PutParameter', times: 1, effect: delay(1000, { processed: true }) });
    const ssm = client(SSMClient, { maxAttempts: 2, requestTimeoutMs: 300 });
    const thrown = await failure(() =>
      ssm.send(new PutParameterCommand({ Name: '/late', Value: 'v', Type: 'String' })),
    );
    // The first attempt was applied although its answer came too late: the retry finds the parameter.
    expect(thrown.name).toBe('ParameterAlreadyExists');
  });
});

describe('scripted answers parse with the real SDK clients', () => {
  test('DescribeStacks: status, parameters, outputs; DescribeStackEvents: resource events', async () => {
    proxy.addRule({
      service: 'cloudformation',
      operation: 'DescribeStacks',
      effect: respond(
        describeStacksAnswer([
          {
            StackName: 'app',
            StackStatus: 'UPDATE_ROLLBACK_COMPLETE',
            StackStatusReason: 'The following resource(s) failed to update: [Service]. ',
            Parameters: { Env: 'prod', Image: 'repo@sha256:abc' },
            Outputs: { ServiceName: 'app-svc' },
            Tags: [{ Key: 'owner', Value: 'team <a&b>' }],
          },
        ]),
      ),
    });
    const created = new Date('2025-01-02T03:04:05.000Z');
    proxy.addRule({
      service: 'cloudformation',
      operation: 'DescribeStackEvents',
      effect: respond(
        describeStackEventsAnswer('app', [
          {
            LogicalResourceId: 'app',
            ResourceType: 'AWS::CloudFormation::Stack',
            ResourceStatus: 'UPDATE_ROLLBACK_COMPLETE',
          },
          {
            LogicalResourceId: 'Service',
            ResourceType: 'AWS::ECS::Service',
            ResourceStatus: 'UPDATE_FAILED',
            ResourceStatusReason: 'Resource handler returned message: "Circuit breaker triggered"',
            Timestamp: created,
          },
        ]),
      ),
    });
    const cfn = client(CloudFormationClient);
    const stack = (await cfn.send(new DescribeStacksCommand({ StackName: 'app' }))).Stacks?.[0];
    expect(stack).toMatchObject({
      StackName: 'app',
      StackStatus: 'UPDATE_ROLLBACK_COMPLETE',
      StackStatusReason: 'The following resource(s) failed to update: [Service]. ',
      Parameters: [
        { ParameterKey: 'Env', ParameterValue: 'prod' },
        { ParameterKey: 'Image', ParameterValue: 'repo@sha256:abc' },
      ],
      Outputs: [{ OutputKey: 'ServiceName', OutputValue: 'app-svc' }],
      Tags: [{ Key: 'owner', Value: 'team <a&b>' }],
    });
    expect(stack?.CreationTime).toBeInstanceOf(Date);
    expect(stack?.StackId).toMatch(/^arn:aws:cloudformation:us-east-1:123456789012:stack\/app\//);

    const events = (await cfn.send(new DescribeStackEventsCommand({ StackName: 'app' }))).StackEvents ?? [];
    expect(events.map((e) => [e.LogicalResourceId, e.ResourceType, e.ResourceStatus])).toEqual([
      ['app', 'AWS::CloudFormation::Stack', 'UPDATE_ROLLBACK_COMPLETE'],
      ['Service', 'AWS::ECS::Service', 'UPDATE_FAILED'],
    ]);
    expect(events[1]?.ResourceStatusReason).toBe('Resource handler returned message: "Circuit breaker triggered"');
    expect(events[1]?.Timestamp?.toISOString()).toBe(created.toISOString());
    expect(events[0]?.StackName).toBe('app');
    expect(proxy.calls({ service: 'cloudformation' }).every((c) => c.effect === 'respond' && c.status === 200)).toBe(
      true,
    );
  });

  test('GetServiceQuota and GetAWSDefaultServiceQuota', async () => {
    proxy.addRule({
      service: 'servicequotas',
      operation: 'GetServiceQuota',
      effect: respond(getServiceQuotaAnswer({ ServiceCode: 'fargate', QuotaCode: 'L-3032A538', Value: 6 })),
    });
    proxy.addRule({
      service: 'servicequotas',
      operation: 'GetAWSDefaultServiceQuota',
      effect: respond(
        getAwsDefaultServiceQuotaAnswer({ ServiceCode: 'fargate', QuotaCode: 'L-3032A538', Value: 4000 }),
      ),
    });
    const quotas = client(ServiceQuotasClient);
    const applied = await quotas.send(new GetServiceQuotaCommand({ ServiceCode: 'fargate', QuotaCode: 'L-3032A538' }));
    const defaults = await quotas.send(
      new GetAWSDefaultServiceQuotaCommand({ ServiceCode: 'fargate', QuotaCode: 'L-3032A538' }),
    );
    expect(applied.Quota).toMatchObject({
      ServiceCode: 'fargate',
      QuotaCode: 'L-3032A538',
      Value: 6,
      Adjustable: true,
    });
    expect(defaults.Quota?.Value).toBe(4000);
  });

  test('ECS DescribeServices: deployments with rollout state and counts, service events', async () => {
    const eventTime = new Date('2025-03-04T05:06:07.000Z');
    proxy.addRule({
      service: 'ecs',
      operation: 'DescribeServices',
      effect: respond(
        describeServicesAnswer([
          {
            serviceName: 'worker',
            cluster: 'prod',
            taskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/worker:8',
            deployments: [
              { status: 'PRIMARY', rolloutState: 'IN_PROGRESS', desiredCount: 2, runningCount: 1, failedTasks: 1 },
              { status: 'ACTIVE', rolloutState: 'COMPLETED', desiredCount: 2, runningCount: 2 },
            ],
            events: [{ message: '(service worker) has started 1 tasks: (task 1234).', createdAt: eventTime }],
          },
        ]),
      ),
    });
    const ecs = client(ECSClient);
    const { services, failures } = await ecs.send(
      new DescribeServicesCommand({ cluster: 'prod', services: ['worker'] }),
    );
    const service = services?.[0];
    expect(service).toMatchObject({
      serviceName: 'worker',
      serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/prod/worker',
      desiredCount: 2,
      runningCount: 1,
    });
    expect(
      service?.deployments?.map((d) => [d.status, d.rolloutState, d.runningCount, d.desiredCount, d.failedTasks]),
    ).toEqual([
      ['PRIMARY', 'IN_PROGRESS', 1, 2, 1],
      ['ACTIVE', 'COMPLETED', 2, 2, 0],
    ]);
    expect(service?.deployments?.[0]?.createdAt).toBeInstanceOf(Date);
    expect(service?.events?.[0]?.message).toBe('(service worker) has started 1 tasks: (task 1234).');
    expect(service?.events?.[0]?.createdAt?.toISOString()).toBe(eventTime.toISOString());
    expect(failures).toEqual([]);
  });
});

describe('sequence and call selection', () => {
  const stackIn = (StackStatus: 'UPDATE_IN_PROGRESS' | 'UPDATE_ROLLBACK_COMPLETE') =>
    respond(describeStacksAnswer([{ StackName: 'app', StackStatus }]));
  const statuses = async (cfn: CloudFormationClient, n: number) => {
    const seen: (string | undefined)[] = [];
    for (let i = 0; i < n; i++)
      seen.push((await cfn.send(new DescribeStacksCommand({ StackName: 'app' }))).Stacks?.[0]?.StackStatus);
    return seen;
  };

  test('a sequence answers one effect per call and then repeats its last', async () => {
    proxy.addRule({
      service: 'cloudformation',
      operation: 'DescribeStacks',
      effect: sequence(
        stackIn('UPDATE_IN_PROGRESS'),
        stackIn('UPDATE_IN_PROGRESS'),
        stackIn('UPDATE_ROLLBACK_COMPLETE'),
      ),
    });
    expect(await statuses(client(CloudFormationClient), 4)).toEqual([
      'UPDATE_IN_PROGRESS',
      'UPDATE_IN_PROGRESS',
      'UPDATE_ROLLBACK_COMPLETE',
      'UPDATE_ROLLBACK_COMPLETE',
    ]);
  });

  test('a sequence ending in forward() hands the call back to moto', async () => {
    const cfn = client(CloudFormationClient);
    await cfn.send(new CreateStackCommand({ StackName: 'app', TemplateBody: TEMPLATE }));
    proxy.addRule({
      service: 'cloudformation',
      operation: 'DescribeStacks',
      effect: sequence(stackIn('UPDATE_IN_PROGRESS'), forward()),
    });
    expect(await statuses(cfn, 3)).toEqual(['UPDATE_IN_PROGRESS', 'CREATE_COMPLETE', 'CREATE_COMPLETE']);
  });

  test('nth, times and nth+times pick exactly the calls they name', async () => {
    const denied = error({ status: 403, code: 'AccessDenied', message: 'denied' });
    const outcomes = async (rule: { nth?: number; times?: number }) => {
      proxy.clearRules();
      // AccessDenied, not throttling: the adaptive retry strategy would slow every later call down.
      proxy.addRule({ service: 'sts', operation: 'GetCallerIdentity', ...rule, effect: denied });
      const sts = client(STSClient, { maxAttempts: 1 });
      const seen: string[] = [];
      for (let i = 0; i < 4; i++)
        seen.push(
          await sts.send(new GetCallerIdentityCommand({})).then(
            () => 'ok',
            (e: Error) => e.name,
          ),
        );
      return seen;
    };
    expect(await outcomes({ nth: 2 })).toEqual(['ok', 'AccessDenied', 'ok', 'ok']);
    expect(await outcomes({ times: 2 })).toEqual(['AccessDenied', 'AccessDenied', 'ok', 'ok']);
    expect(await outcomes({ nth: 2, times: 2 })).toEqual(['ok', 'AccessDenied', 'AccessDenied', 'ok']);
    expect(await outcomes({})).toEqual(['AccessDenied', 'AccessDenied', 'AccessDenied', 'AccessDenied']);
  });

  test('params and where select calls by their request; the first rule added wins', async () => {
    const cfn = client(CloudFormationClient, { maxAttempts: 1 });
    await cfn.send(new CreateStackCommand({ StackName: 'app', TemplateBody: TEMPLATE }));
    await cfn.send(new CreateStackCommand({ StackName: 'other', TemplateBody: TEMPLATE }));
    proxy.addRule({
      name: 'other-gone',
      operation: 'DescribeStacks',
      params: { StackName: 'other' },
      effect: error({ status: 400, code: 'ValidationError', message: 'gone' }),
    });
    proxy.addRule({
      name: 'shadowed',
      operation: 'DescribeStacks',
      params: { StackName: 'other' },
      effect: throttle(),
    });
    proxy.addRule({
      name: 'by-body',
      where: (call) => call.body.includes('StackName=app'),
      effect: stackIn('UPDATE_IN_PROGRESS'),
    });

    expect(await statuses(cfn, 1)).toEqual(['UPDATE_IN_PROGRESS']);
    const thrown = await failure(() => cfn.send(new DescribeStacksCommand({ StackName: 'other' })));
    expect(thrown.name).toBe('ValidationError');
    expect(proxy.calls('DescribeStacks').map((c) => c.rule)).toEqual(['by-body', 'other-gone']);
  });
});

describe('fault model', () => {
  const model: FaultModel = {
    probability: 0.5,
    seed: 7,
    kinds: ['throttle', '5xx', 'reset', 'slow'],
    maxConsecutive: 2,
    slowMs: 900,
  };

  test('the plan is a pure function of the seed', () => {
    const labels = (m: FaultModel) =>
      Array.from({ length: 40 }, (_, i) =>
        faultPlan(m, 'sts', 'GetCallerIdentity', i + 1)
          .map((e) => e.label)
          .join('+'),
      );
    expect(labels(model)).toEqual(labels({ ...model }));
    expect(labels(model)).not.toEqual(labels({ ...model, seed: 8 }));
    const failing = labels(model).filter((l) => l !== '');
    expect(failing.length).toBeGreaterThan(8);
    expect(failing.length).toBeLessThan(32);
    expect(failing.every((l) => l.split('+').length <= 2)).toBe(true);
    expect(() => faults({ ...model, slowMs: undefined as unknown as number })).toThrow(/slowMs/);
  });

  test('with a fixed seed, calls meet one or two transient failures and every call succeeds', async () => {
    proxy.addRule(faults(model));
    const options = { maxAttempts: 4, requestTimeoutMs: 400 };
    const sts = client(STSClient, options);
    const cfn = client(CloudFormationClient, options);
    const ssm = client(SSMClient, options);
    const s3 = client(S3Client, options);
    const ec2 = client(EC2Client, options);
    const calls: (() => Promise<unknown>)[] = [];
    for (let i = 0; i < 6; i++) {
      calls.push(
        () => sts.send(new GetCallerIdentityCommand({})),
        () => cfn.send(new ListStacksCommand({})),
        () =>
          ssm.send(
            new PutParameterCommand({ Name: `/faults/${i}`, Value: String(i), Type: 'String', Overwrite: true }),
          ),
        () => s3.send(new ListBucketsCommand({})),
        () => ec2.send(new DescribeVpcsCommand({})),
      );
    }
    for (const call of calls) await call();
    // Let the abandoned slow requests finish so that their log records are final.
    await new Promise((r) => setTimeout(r, (model.slowMs ?? 0) + 200));

    const log = proxy.calls();
    const byInvocation = new Map<string, typeof log>();
    for (const record of log)
      byInvocation.set(record.invocationId ?? '', [...(byInvocation.get(record.invocationId ?? '') ?? []), record]);
    expect(byInvocation.size).toBe(calls.length);
    const ordinals = new Map<string, number>();
    for (const attempts of byInvocation.values()) {
      const first = attempts[0]!;
      const key = `${first.service}:${first.operation}`;
      const ordinal = (ordinals.get(key) ?? 0) + 1;
      ordinals.set(key, ordinal);
      // Each logical call met exactly the failures its seeded plan says, then one forwarded success.
      const planned = faultPlan(model, first.service, first.operation, ordinal).map((e) => e.label);
      expect(attempts.map((a) => a.label)).toEqual([...planned, undefined]);
      expect(attempts.at(-1)).toMatchObject({ effect: 'forward', status: 200 });
    }
    const injected = log.filter((r) => r.rule === 'faults' && r.label !== undefined);
    expect(new Set(injected.map((r) => r.label))).toEqual(new Set(['throttle', '5xx', 'reset', 'slow']));
    expect(injected.filter((r) => r.label === 'slow').every((r) => r.clientGone && r.status === 0)).toBe(true);
    // Each service throttles with its own error code.
    const throttleCodes: Record<string, string> = {
      sts: 'Throttling',
      cloudformation: 'Throttling',
      ssm: 'ThrottlingException',
      s3: 'SlowDown',
      ec2: 'RequestLimitExceeded',
    };
    for (const r of injected.filter((i) => i.label === 'throttle')) expect(r.errorCode).toBe(throttleCodes[r.service]);
    expect(injected.filter((r) => r.label === '5xx').every((r) => r.status === 500 || r.status === 503)).toBe(true);
  }, 120_000);
});
