import { afterAll, beforeAll, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { GetParameterCommand } from '@aws-sdk/client-ssm';
import type { ProxyCall } from '../support/scenario-proxy.js';
import {
  describeStackEventsAnswer,
  describeStacksAnswer,
  queryAnswer,
  stackId,
  type StackAnswer,
  type StackEventAnswer,
} from '../support/aws-shapes.js';
import { startMoto, type Moto } from '../support/moto.js';
import { runAction } from '../support/run-action.js';
import {
  error,
  forward,
  respond,
  sequence,
  startScenarioProxy,
  throttle,
  type ScenarioProxy,
} from '../support/scenario-proxy.js';
import { APP_TEMPLATE, IMAGE_A, IMAGE_B, clientsFor, runnerEnv, workspaceWith } from './deploy-stack-support.js';

jest.setTimeout(180_000);

let moto: Moto;
let proxy: ScenarioProxy;
let aws: ReturnType<typeof clientsFor>;
beforeAll(async () => {
  moto = await startMoto();
  proxy = await startScenarioProxy(moto.url);
  aws = clientsFor(moto.url);
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

const deploy = (inputs: Record<string, string>, cwd: string, options: Parameters<typeof runAction>[2] = {}) =>
  runAction('deploy-stack', inputs, { cwd, env: runnerEnv(proxy.env), timeoutMs: 120_000, ...options });

/** Creates stack `name` from APP_TEMPLATE with image A (through the proxy, no rules yet). */
async function existingStack(name: string, cwd: string): Promise<void> {
  const r = await deploy(
    { 'stack-name': name, template: 'app.yaml', 'parameter-overrides': `ImageUri=${IMAGE_A}` },
    cwd,
  );
  expect(r.outputs['status']).toBe('deployed');
  proxy.clear();
}

/** Rules added with this only answer once ExecuteChangeSet went through: the stack "runs" from then on. */
function afterExecute(): { executed: () => boolean } {
  let executed = false;
  proxy.addRule({
    name: 'execute',
    service: 'cloudformation',
    operation: 'ExecuteChangeSet',
    effect: () => {
      executed = true;
      return forward();
    },
  });
  return { executed: () => executed };
}

interface RecordedRelease {
  id: string;
  outcome: string;
  changeSetId?: string;
  images: Record<string, string>;
}

/** The release history of a stack, newest first, read from moto directly (not through the proxy). */
async function releases(stack: string): Promise<RecordedRelease[]> {
  const out = await aws.ssm.send(new GetParameterCommand({ Name: `/hoist/${stack}/releases` }));
  return (JSON.parse(out.Parameter?.Value ?? '{}') as { releases: RecordedRelease[] }).releases;
}

/** The stack stays UPDATE_IN_PROGRESS once its change set is executed. */
function stuckUpdate(): { executed: () => boolean } {
  const gate = afterExecute();
  proxy.addRule({
    service: 'cloudformation',
    operation: 'DescribeStacks',
    where: gate.executed,
    effect: stackAnswer('app', 'UPDATE_IN_PROGRESS'),
  });
  return gate;
}

const stackAnswer = (name: string, status: StackAnswer['StackStatus'], extra: Partial<StackAnswer> = {}) =>
  respond(
    describeStacksAnswer([
      { StackName: name, StackStatus: status, Parameters: { ImageUri: IMAGE_A, Env: 'dev' }, ...extra },
    ]),
  );

describe('deploy-stack against the scenario proxy', () => {
  test('UPDATE_IN_PROGRESS → UPDATE_ROLLBACK_COMPLETE: status rolled-back, exit 1, the root cause named (not the cascade)', async () => {
    const cwd = workspaceWith({ 'app.yaml': APP_TEMPLATE });
    await existingStack('app', cwd);
    const gate = afterExecute();
    proxy.addRule({
      service: 'cloudformation',
      operation: 'DescribeStacks',
      where: gate.executed,
      effect: sequence(
        stackAnswer('app', 'UPDATE_IN_PROGRESS'),
        stackAnswer('app', 'UPDATE_IN_PROGRESS'),
        stackAnswer('app', 'UPDATE_ROLLBACK_COMPLETE'),
      ),
    });
    const stack = (id: string, status: StackEventAnswer['ResourceStatus'], reason?: string): StackEventAnswer => ({
      LogicalResourceId: 'app',
      ResourceType: 'AWS::CloudFormation::Stack',
      PhysicalResourceId: stackId('app'),
      ResourceStatus: status,
      ...(reason ? { ResourceStatusReason: reason } : {}),
      EventId: id,
    });
    const failure =
      'Resource handler returned message: "Parameter value is not a valid image reference" (HandlerErrorCode: InvalidRequest)';
    proxy.addRule({
      service: 'cloudformation',
      operation: 'DescribeStackEvents',
      where: gate.executed,
      // Newest first, all after the change set was made.
      effect: respond(() =>
        describeStackEventsAnswer(
          'app',
          [
            stack('e7', 'UPDATE_ROLLBACK_COMPLETE'),
            {
              LogicalResourceId: 'ImageParam',
              ResourceType: 'AWS::SSM::Parameter',
              ResourceStatus: 'UPDATE_COMPLETE',
              EventId: 'e6',
            },
            stack('e5', 'UPDATE_ROLLBACK_IN_PROGRESS', 'The following resource(s) failed to update: [ImageParam].'),
            {
              LogicalResourceId: 'ImageParam',
              ResourceType: 'AWS::SSM::Parameter',
              ResourceStatus: 'UPDATE_FAILED',
              ResourceStatusReason: failure,
              EventId: 'e4',
            },
            {
              LogicalResourceId: 'EnvParam',
              ResourceType: 'AWS::SSM::Parameter',
              ResourceStatus: 'UPDATE_FAILED',
              ResourceStatusReason: 'Resource update cancelled',
              EventId: 'e3',
            },
            {
              LogicalResourceId: 'ImageParam',
              ResourceType: 'AWS::SSM::Parameter',
              ResourceStatus: 'UPDATE_IN_PROGRESS',
              EventId: 'e2',
            },
            stack('e1', 'UPDATE_IN_PROGRESS', 'User Initiated'),
          ],
          { now: new Date(Date.now() + 60_000) },
        ),
      ),
    });
    const r = await deploy(
      { 'stack-name': 'app', template: 'app.yaml', 'parameter-overrides': `ImageUri=${IMAGE_B}` },
      cwd,
    );
    expect(r.exitCode).toBe(1);
    expect(r.outputs['status']).toBe('rolled-back');
    const rootCause = r.annotations.find((a) => a.title === 'root cause: ImageParam');
    expect(rootCause?.message).toContain('Parameter value is not a valid image reference');
    expect(r.log).toContain(
      '::error::The update of stack app failed and CloudFormation rolled it back (UPDATE_ROLLBACK_COMPLETE)',
    );
    expect(r.summary).toContain('| Root cause | ImageParam (AWS::SSM::Parameter): Resource handler returned message');
    // Every event printed once, in order, inside the group.
    expect(r.log).toContain('::group::CloudFormation events of app');
    expect(r.log.match(/UPDATE_FAILED\s+AWS::SSM::Parameter\s+ImageParam/g)).toHaveLength(1);
    expect(r.log.indexOf('UPDATE_IN_PROGRESS')).toBeLessThan(r.log.indexOf('UPDATE_ROLLBACK_COMPLETE'));
    expect(proxy.count('DescribeStacks')).toBeGreaterThanOrEqual(3);
  });

  test('a FAILED change set that "didn\'t contain changes" is deleted and reported no-changes, exit 0', async () => {
    const cwd = workspaceWith({ 'app.yaml': APP_TEMPLATE });
    await existingStack('app', cwd);
    proxy.addRule({
      service: 'cloudformation',
      operation: 'DescribeChangeSet',
      effect: respond((call: ProxyCall) =>
        queryAnswer('cloudformation', 'DescribeChangeSet', {
          ChangeSetId: String(call.params['ChangeSetName']),
          StackName: 'app',
          Status: 'FAILED',
          ExecutionStatus: 'UNAVAILABLE',
          StatusReason:
            "The submitted information didn't contain changes. Submit different information to create a change set.",
          CreationTime: new Date(),
          Changes: [],
        }),
      ),
    });
    const r = await deploy(
      { 'stack-name': 'app', template: 'app.yaml', 'parameter-overrides': `ImageUri=${IMAGE_B}` },
      cwd,
    );
    expect(r.exitCode).toBe(0);
    expect(r.outputs['status']).toBe('no-changes');
    expect(r.log).toContain('(the empty change set was deleted)');
    expect(proxy.count('DeleteChangeSet')).toBe(1);
    expect(proxy.count('ExecuteChangeSet')).toBe(0);
  });

  test('ROLLBACK_COMPLETE after a failed first create: refused without recreate-failed, deleted and created with it', async () => {
    const cwd = workspaceWith({ 'app.yaml': APP_TEMPLATE });
    const failedFirstCreate = () =>
      proxy.addRule({
        service: 'cloudformation',
        operation: 'DescribeStacks',
        nth: 1,
        effect: stackAnswer('fresh', 'ROLLBACK_COMPLETE'),
      });
    failedFirstCreate();
    const refused = await deploy(
      { 'stack-name': 'fresh', template: 'app.yaml', 'parameter-overrides': `ImageUri=${IMAGE_A}` },
      cwd,
    );
    expect(refused.exitCode).toBe(1);
    expect(refused.log).toContain('Stack fresh is ROLLBACK_COMPLETE: its first create failed');
    expect(refused.log).toContain('set `recreate-failed: true`');
    expect(proxy.count('CreateChangeSet')).toBe(0);

    proxy.clearRules();
    failedFirstCreate();
    proxy.addRule({
      service: 'cloudformation',
      operation: 'DeleteStack',
      effect: respond(queryAnswer('cloudformation', 'DeleteStack', {})),
    });
    const r = await deploy(
      {
        'stack-name': 'fresh',
        template: 'app.yaml',
        'parameter-overrides': `ImageUri=${IMAGE_A}`,
        'recreate-failed': 'true',
      },
      cwd,
    );
    expect(r.exitCode).toBe(0);
    expect(r.outputs['status']).toBe('deployed');
    expect(r.log).toContain('deleting it to create it again (recreate-failed)');
    expect(proxy.count('DeleteStack')).toBe(1);
    expect(proxy.calls('CreateChangeSet')[0]?.params['ChangeSetType']).toBe('CREATE');
  });

  test('replacing a DynamoDB table is blocked before execution (on-replacement: fail), allowed with warn', async () => {
    const table = (name: string) => `Resources:
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: ${name}
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
      KeySchema: [{AttributeName: id, KeyType: HASH}]
`;
    const cwd = workspaceWith({ 'v1.yaml': table('orders'), 'v2.yaml': table('orders-v2') });
    expect((await deploy({ 'stack-name': 'data', template: 'v1.yaml' }, cwd)).outputs['status']).toBe('deployed');
    proxy.clear();
    proxy.addRule({
      service: 'cloudformation',
      operation: 'DescribeChangeSet',
      effect: respond((call: ProxyCall) =>
        queryAnswer('cloudformation', 'DescribeChangeSet', {
          ChangeSetId: String(call.params['ChangeSetName']),
          ChangeSetName: 'hoist-x',
          StackName: 'data',
          Status: 'CREATE_COMPLETE',
          ExecutionStatus: 'AVAILABLE',
          CreationTime: new Date(),
          Changes: [
            {
              Type: 'Resource',
              ResourceChange: {
                Action: 'Modify',
                LogicalResourceId: 'Table',
                PhysicalResourceId: 'orders',
                ResourceType: 'AWS::DynamoDB::Table',
                Replacement: 'True',
                Scope: ['Properties'],
                Details: [
                  {
                    Target: { Attribute: 'Properties', Name: 'TableName', RequiresRecreation: 'Always' },
                    Evaluation: 'Static',
                    ChangeSource: 'DirectModification',
                  },
                ],
              },
            },
          ],
        }),
      ),
    });
    const blocked = await deploy({ 'stack-name': 'data', template: 'v2.yaml' }, cwd);
    expect(blocked.exitCode).toBe(1);
    expect(blocked.outputs['status']).toBe('failed');
    expect(blocked.log).toContain(
      'would replace stateful resources — their data would be lost: Table (AWS::DynamoDB::Table, replacement True because of TableName)',
    );
    expect(blocked.summary).toContain(
      '| ✏️ Modify | Table | AWS::DynamoDB::Table | **True** | TableName | TableName |',
    );
    expect(proxy.count('ExecuteChangeSet')).toBe(0);
    expect(proxy.count('DeleteChangeSet')).toBe(1);

    const warned = await deploy({ 'stack-name': 'data', template: 'v2.yaml', 'on-replacement': 'warn' }, cwd);
    expect(warned.exitCode).toBe(0);
    expect(warned.annotations.find((a) => a.title === 'replacement')?.level).toBe('warning');
  });

  test('throttled DescribeStackEvents: the monitor backs off and the deploy goes on', async () => {
    const cwd = workspaceWith({ 'app.yaml': APP_TEMPLATE });
    await existingStack('app', cwd);
    const gate = afterExecute();
    proxy.addRule({
      service: 'cloudformation',
      operation: 'DescribeStacks',
      where: gate.executed,
      times: 3,
      effect: stackAnswer('app', 'UPDATE_IN_PROGRESS'),
    });
    proxy.addRule({
      name: 'throttle-events',
      service: 'cloudformation',
      operation: 'DescribeStackEvents',
      times: 4,
      effect: throttle(),
    });
    const r = await deploy(
      { 'stack-name': 'app', template: 'app.yaml', 'parameter-overrides': `ImageUri=${IMAGE_B}` },
      cwd,
    );
    expect(r.exitCode).toBe(0);
    expect(r.outputs['status']).toBe('deployed');
    expect(r.log).toContain('(events) Stack events are throttled (Throttling)');
    expect(r.log).toMatch(/UPDATE_COMPLETE\s+AWS::CloudFormation::Stack\s+app/);
    expect(proxy.count({ rule: 'throttle-events' })).toBe(4);
  });

  test('deadline exceeded after the change set ran: a clear error naming the status and timeout-minutes; the release recorded as failed, once', async () => {
    const cwd = workspaceWith({ 'app.yaml': APP_TEMPLATE });
    await existingStack('app', cwd);
    stuckUpdate();
    const r = await deploy(
      {
        'stack-name': 'app',
        template: 'app.yaml',
        'parameter-overrides': `ImageUri=${IMAGE_B}`,
        'timeout-minutes': '6s',
      },
      cwd,
    );
    expect(r.exitCode).toBe(1);
    expect(r.outputs['status']).toBe('failed');
    expect(r.log).toContain('Timed out waiting for stack app: still UPDATE_IN_PROGRESS at the deadline.');
    expect(r.log).toContain('Fix: raise timeout-minutes');
    expect(r.durationMs).toBeLessThan(20_000);
    // The record does not replace the error: the timeout is still the one failure.
    const errors = r.annotations.filter((a) => a.level === 'error').map((a) => a.message);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('Timed out waiting for stack app');
    // The change set was executed, so rollback must know this release though the run never saw the stack settle.
    const [failed, previous, ...older] = await releases('app');
    expect(older).toEqual([]);
    expect([failed?.outcome, failed?.images['ImageUri']]).toEqual(['failed', IMAGE_B]);
    expect([previous?.outcome, previous?.images['ImageUri']]).toEqual(['deployed', IMAGE_A]);
    expect(failed?.id).toBe(r.outputs['release-id']);
    expect(failed?.changeSetId).toBe(r.outputs['change-set-id']);
    expect(r.log).toContain(
      `Release ${failed?.id} recorded (failed: the change set was executed, but the run ended before the stack settled).`,
    );
    expect(proxy.calls({ service: 'ssm', operation: 'PutParameter' })).toHaveLength(1);
  });

  test('deadline exceeded and the release record cannot be written: the timeout stays the error, the record a warning', async () => {
    const cwd = workspaceWith({ 'app.yaml': APP_TEMPLATE });
    await existingStack('app', cwd);
    stuckUpdate();
    proxy.addRule({
      service: 'ssm',
      operation: 'PutParameter',
      effect: error({
        status: 400,
        code: 'AccessDeniedException',
        message: 'User is not authorized to perform: ssm:PutParameter',
      }),
    });
    const r = await deploy(
      {
        'stack-name': 'app',
        template: 'app.yaml',
        'parameter-overrides': `ImageUri=${IMAGE_B}`,
        'timeout-minutes': '6s',
      },
      cwd,
    );
    expect(r.exitCode).toBe(1);
    expect(r.outputs['status']).toBe('failed');
    const errors = r.annotations.filter((a) => a.level === 'error').map((a) => a.message);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('Timed out waiting for stack app: still UPDATE_IN_PROGRESS at the deadline.');
    const warning = r.annotations.find((a) => a.title === 'release record');
    expect(warning?.level).toBe('warning');
    expect(warning?.message).toContain('AccessDeniedException');
    expect(warning?.message).toContain('rollback will not know this release');
    expect(r.outputs['release-id']).toBeUndefined();
    expect(proxy.count({ service: 'ssm', operation: 'PutParameter' })).toBeGreaterThanOrEqual(1);
    expect((await releases('app')).map((x) => x.outcome)).toEqual(['deployed']);
  });

  test('SIGTERM mid-wait: CancelUpdateStack (cancel-on-abort) and exit within 10 s', async () => {
    const cwd = workspaceWith({ 'app.yaml': APP_TEMPLATE });
    await existingStack('app', cwd);
    const gate = afterExecute();
    proxy.addRule({
      service: 'cloudformation',
      operation: 'DescribeStacks',
      where: gate.executed,
      effect: stackAnswer('app', 'UPDATE_IN_PROGRESS'),
    });
    proxy.addRule({
      service: 'cloudformation',
      operation: 'CancelUpdateStack',
      effect: respond(queryAnswer('cloudformation', 'CancelUpdateStack', {})),
    });
    let terminatedAt = 0;
    const r = await deploy(
      {
        'stack-name': 'app',
        template: 'app.yaml',
        'parameter-overrides': `ImageUri=${IMAGE_B}`,
        'cancel-on-abort': 'true',
      },
      cwd,
      {
        onSpawn: (child) => {
          const timer = setInterval(() => {
            if (!gate.executed() || terminatedAt) return;
            clearInterval(timer);
            setTimeout(() => {
              terminatedAt = Date.now();
              child.kill('SIGTERM');
            }, 2000);
          }, 100);
          child.on('close', () => clearInterval(timer));
        },
      },
    );
    const exitedAfter = Date.now() - terminatedAt;
    expect(terminatedAt).toBeGreaterThan(0);
    expect(exitedAfter).toBeLessThan(10_000);
    expect(r.exitCode).not.toBe(0);
    expect(r.log).toContain('Received SIGTERM: cancelling.');
    expect(r.log).toContain('Cancelled the update of stack app (cancel-on-abort)');
    expect(r.outputs['status']).toBe('failed');
    expect(proxy.count('CancelUpdateStack')).toBe(1);
    // Cancelled after the change set was executed: the release is recorded (failed) within the same 10 s.
    expect((await releases('app')).map((x) => x.outcome)).toEqual(['failed', 'deployed']);
  });

  test('stack Outputs become outputs; one named like an output of the action stays in `outputs`, with a warning', async () => {
    const cwd = workspaceWith({ 'app.yaml': APP_TEMPLATE });
    const gate = afterExecute();
    proxy.addRule({
      service: 'cloudformation',
      operation: 'DescribeStacks',
      where: gate.executed,
      effect: stackAnswer('outs', 'CREATE_COMPLETE', {
        Outputs: { ApiUrl: 'https://api.example.com', status: 'shadowed' },
      }),
    });
    const r = await deploy(
      { 'stack-name': 'outs', template: 'app.yaml', 'parameter-overrides': `ImageUri=${IMAGE_A}` },
      cwd,
    );
    expect(r.exitCode).toBe(0);
    expect(r.outputs['status']).toBe('deployed');
    expect(r.outputs['ApiUrl']).toBe('https://api.example.com');
    expect(JSON.parse(r.outputs['outputs'] ?? '{}')).toEqual({ ApiUrl: 'https://api.example.com', status: 'shadowed' });
    expect(r.annotations.find((a) => a.title === 'outputs')?.message).toContain(
      'Stack output status has the name of an output of deploy-stack itself',
    );
    expect(r.summary).toContain('| ApiUrl | https://api.example.com |');
  });

  test('a stack already UPDATE_IN_PROGRESS is waited for before the change set', async () => {
    const cwd = workspaceWith({ 'app.yaml': APP_TEMPLATE });
    await existingStack('app', cwd);
    proxy.addRule({
      service: 'cloudformation',
      operation: 'DescribeStacks',
      times: 2,
      effect: stackAnswer('app', 'UPDATE_IN_PROGRESS'),
    });
    const r = await deploy(
      { 'stack-name': 'app', template: 'app.yaml', 'parameter-overrides': `ImageUri=${IMAGE_B}` },
      cwd,
    );
    expect(r.exitCode).toBe(0);
    expect(r.log).toContain('Stack app is UPDATE_IN_PROGRESS: waiting for that operation to finish first.');
    const order = proxy.calls().map((c) => c.operation);
    expect(order.lastIndexOf('DescribeStacks', order.indexOf('CreateChangeSet'))).toBeGreaterThanOrEqual(2);
  });

  test('UPDATE_ROLLBACK_FAILED: stops before any change, with the rollback action to recover', async () => {
    const cwd = workspaceWith({ 'app.yaml': APP_TEMPLATE });
    await existingStack('app', cwd);
    proxy.addRule({
      service: 'cloudformation',
      operation: 'DescribeStacks',
      effect: stackAnswer('app', 'UPDATE_ROLLBACK_FAILED'),
    });
    const r = await deploy(
      { 'stack-name': 'app', template: 'app.yaml', 'parameter-overrides': `ImageUri=${IMAGE_B}` },
      cwd,
    );
    expect(r.exitCode).toBe(1);
    expect(r.outputs['status']).toBe('failed');
    expect(r.log).toContain('Stack app is UPDATE_ROLLBACK_FAILED');
    expect(r.log).toContain('hoist rollback --stack-name app');
    expect(proxy.count('CreateChangeSet')).toBe(0);
  });
});
