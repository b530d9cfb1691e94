import { afterAll, beforeAll, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { GetParameterCommand, PutParameterCommand } from '@aws-sdk/client-ssm';
import { actionsFor } from '@hoist/aws';
import {
  describeServicesAnswer,
  describeStackEventsAnswer,
  describeStacksAnswer,
  queryAnswer,
  type StackAnswer,
  type StackEventAnswer,
} from '../support/aws-shapes.js';
import { startMoto, type Moto } from '../support/moto.js';
import { runAction } from '../support/run-action.js';
import { respond, sequence, startScenarioProxy, type Effect, type ScenarioProxy } from '../support/scenario-proxy.js';
import {
  IMAGE_A,
  IMAGE_B,
  clientsFor,
  fargateWorkerTemplate,
  runnerEnv,
  workspaceWith,
} from './deploy-stack-support.js';

// What moto cannot do — stacks stuck in UPDATE_ROLLBACK_FAILED, updates in progress, the recovery calls — is played
// by the scenario proxy: DescribeStacks answers a scripted status sequence, the recovery calls answer success.
// A rollback whose ECS verification fails: real deploys on moto, then the proxy makes the service's rollout fail.
jest.setTimeout(180_000);

let moto: Moto;
let proxy: ScenarioProxy;
beforeAll(async () => {
  // ECS deployments only settle in moto when it is told how many tasks run (the verification test deploys a service).
  moto = await startMoto({ MOTO_ECS_SERVICE_RUNNING: '1' });
  proxy = await startScenarioProxy(moto.url);
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

const rollback = (inputs: Record<string, string>, options: Parameters<typeof runAction>[2] = {}) =>
  runAction(
    'rollback',
    { 'stack-name': 'app', ...inputs },
    { env: runnerEnv(proxy.env), timeoutMs: 90_000, ...options },
  );

const stack = (StackStatus: StackAnswer['StackStatus'], extra: Partial<StackAnswer> = {}): Effect =>
  respond(describeStacksAnswer([{ StackName: 'app', StackStatus, Parameters: { ImageUri: IMAGE_A }, ...extra }]));

/** DescribeStacks answers `before` until `operation` has been called, then `after` (a sequence, its last repeated). */
function stackStatuses(before: Effect, operation: string | undefined, after: Effect[]): void {
  const then = sequence(...after);
  proxy.addRule({
    service: 'cloudformation',
    operation: 'DescribeStacks',
    effect: () => (operation !== undefined && proxy.count(operation) > 0 ? then : before),
  });
}

/** The recovery call answers success (moto does not implement it). */
function accept(operation: string): void {
  proxy.addRule({
    service: 'cloudformation',
    operation,
    effect: respond(queryAnswer('cloudformation', operation, {})),
  });
}

const event = (id: string, e: Omit<StackEventAnswer, 'EventId'>): StackEventAnswer => ({ EventId: id, ...e });

/** The failed update's events, then (once `operation` ran) the events of the recovery. */
function stackEvents(operation: string, recoveryEvents: StackEventAnswer[]): void {
  const failedUpdate = [
    event('old-3', {
      LogicalResourceId: 'app',
      ResourceType: 'AWS::CloudFormation::Stack',
      ResourceStatus: 'UPDATE_ROLLBACK_FAILED',
      Timestamp: new Date(Date.now() - 600_000),
    }),
    event('old-2', {
      LogicalResourceId: 'Queue',
      ResourceType: 'AWS::SQS::Queue',
      ResourceStatus: 'UPDATE_FAILED',
      ResourceStatusReason: 'Queue was deleted by hand',
      Timestamp: new Date(Date.now() - 610_000),
    }),
  ];
  proxy.addRule({
    service: 'cloudformation',
    operation: 'DescribeStackEvents',
    effect: () =>
      respond(
        describeStackEventsAnswer(
          'app',
          proxy.count(operation) > 0 ? [...recoveryEvents, ...failedUpdate] : failedUpdate,
        ),
      ),
  });
}

/** Every call that went through the proxy is declared in rollback's IAM manifest. */
function expectDeclaredCalls(): void {
  const declared = new Set(actionsFor('rollback').map((a) => a.toLowerCase()));
  const made = new Set(proxy.calls().map((c) => `${c.service}:${c.operation}`.toLowerCase()));
  expect([...made].filter((call) => !declared.has(call))).toEqual([]);
}

const writes = () =>
  proxy
    .calls()
    .filter((c) => !/^(Describe|Get|List)/.test(c.operation))
    .map((c) => c.operation);

describe('rollback recovers stuck stacks (scenario proxy)', () => {
  test('UPDATE_ROLLBACK_FAILED → ContinueUpdateRollback with the skip list, waited until UPDATE_ROLLBACK_COMPLETE → recovered', async () => {
    stackStatuses(
      stack('UPDATE_ROLLBACK_FAILED', { StackStatusReason: 'Queue: UPDATE_FAILED' }),
      'ContinueUpdateRollback',
      [stack('UPDATE_ROLLBACK_IN_PROGRESS'), stack('UPDATE_ROLLBACK_IN_PROGRESS'), stack('UPDATE_ROLLBACK_COMPLETE')],
    );
    accept('ContinueUpdateRollback');
    stackEvents('ContinueUpdateRollback', [
      event('new-2', {
        LogicalResourceId: 'app',
        ResourceType: 'AWS::CloudFormation::Stack',
        ResourceStatus: 'UPDATE_ROLLBACK_COMPLETE',
      }),
      event('new-1', {
        LogicalResourceId: 'Queue',
        ResourceType: 'AWS::SQS::Queue',
        ResourceStatus: 'UPDATE_COMPLETE',
        ResourceStatusReason: 'Resource skipped during UpdateRollback',
      }),
    ]);
    const r = await rollback({ 'resources-to-skip': 'Queue, Nested.Topic' });
    expect(r.log).toContain('Called ContinueUpdateRollback skipping Queue, Nested.Topic on stack app');
    expect(r.exitCode).toBe(0);
    expect(r.outputs['status']).toBe('recovered');
    expect(r.summary).toContain('rollback `app`: recovered');
    expect(r.summary).toContain('| Recovery | ContinueUpdateRollback skipping Queue, Nested.Topic |');

    const [call, ...more] = proxy.calls('ContinueUpdateRollback');
    expect(more).toEqual([]);
    expect(call?.params).toMatchObject({
      StackName: 'app',
      'ResourcesToSkip.member.1': 'Queue',
      'ResourcesToSkip.member.2': 'Nested.Topic',
    });
    // Waited: DescribeStacks was polled after the call until the rollback completed.
    const polls = proxy.calls('DescribeStacks').filter((c) => c.seq > (call?.seq ?? 0));
    expect(polls.length).toBeGreaterThanOrEqual(3);
    // The recovery's events are printed; the older ones of the failed update are not.
    expect(r.log).toMatch(/UPDATE_COMPLETE\s+AWS::SQS::Queue\s+Queue {2}Resource skipped during UpdateRollback/);
    expect(r.log).not.toContain('Queue was deleted by hand');
    expect(writes()).toEqual(['ContinueUpdateRollback']);
    expectDeclaredCalls();
  });

  test('UPDATE_IN_PROGRESS with cancel-in-progress → CancelUpdateStack, then waited → recovered', async () => {
    stackStatuses(stack('UPDATE_IN_PROGRESS'), 'CancelUpdateStack', [
      stack('UPDATE_ROLLBACK_IN_PROGRESS'),
      stack('UPDATE_ROLLBACK_COMPLETE'),
    ]);
    accept('CancelUpdateStack');
    stackEvents('CancelUpdateStack', []);
    const r = await rollback({ 'cancel-in-progress': 'true' });
    expect(r.exitCode).toBe(0);
    expect(r.outputs['status']).toBe('recovered');
    const [cancel] = proxy.calls('CancelUpdateStack');
    expect(cancel?.params).toMatchObject({ StackName: 'app' });
    expect(proxy.calls('DescribeStacks').filter((c) => c.seq > (cancel?.seq ?? 0)).length).toBeGreaterThanOrEqual(2);
    expect(r.log).toContain('Called CancelUpdateStack on stack app');
    expect(writes()).toEqual(['CancelUpdateStack']);
    expectDeclaredCalls();
  });

  test('UPDATE_IN_PROGRESS without cancel-in-progress: waits, cancels nothing; CloudFormation rolled it back → nothing-to-do', async () => {
    proxy.addRule({
      service: 'cloudformation',
      operation: 'DescribeStacks',
      effect: sequence(stack('UPDATE_IN_PROGRESS'), stack('UPDATE_IN_PROGRESS'), stack('UPDATE_ROLLBACK_COMPLETE')),
    });
    const r = await rollback({});
    expect(r.exitCode).toBe(0);
    expect(r.outputs['status']).toBe('nothing-to-do');
    expect(r.log).toContain('Stack app is UPDATE_IN_PROGRESS: waiting for it to finish.');
    expect(proxy.count('CancelUpdateStack')).toBe(0);
    expect(proxy.count('DescribeStacks')).toBeGreaterThanOrEqual(3);
    expect(writes()).toEqual([]);
  });

  test('still UPDATE_ROLLBACK_FAILED after ContinueUpdateRollback → failed, exit 1, the resource named, resources-to-skip suggested', async () => {
    stackStatuses(stack('UPDATE_ROLLBACK_FAILED'), 'ContinueUpdateRollback', [
      stack('UPDATE_ROLLBACK_IN_PROGRESS'),
      stack('UPDATE_ROLLBACK_FAILED'),
    ]);
    accept('ContinueUpdateRollback');
    stackEvents('ContinueUpdateRollback', [
      event('new-2', {
        LogicalResourceId: 'app',
        ResourceType: 'AWS::CloudFormation::Stack',
        ResourceStatus: 'UPDATE_ROLLBACK_FAILED',
      }),
      event('new-1', {
        LogicalResourceId: 'Cache',
        ResourceType: 'AWS::ElastiCache::CacheCluster',
        ResourceStatus: 'UPDATE_FAILED',
        ResourceStatusReason: 'Cache cluster not found',
      }),
    ]);
    const r = await rollback({});
    expect(r.exitCode).toBe(1);
    expect(r.outputs['status']).toBe('failed');
    expect(r.log).toContain(
      'Stack app is still UPDATE_ROLLBACK_FAILED after ContinueUpdateRollback. Root cause: Cache (AWS::ElastiCache::CacheCluster) UPDATE_FAILED: Cache cluster not found',
    );
    expect(r.log).toContain('`resources-to-skip`');
    expect(proxy.count('ContinueUpdateRollback')).toBe(1);
  });

  test('UPDATE_FAILED (rollback disabled) → RollbackStack, then waited → recovered', async () => {
    stackStatuses(stack('UPDATE_FAILED'), 'RollbackStack', [
      stack('UPDATE_ROLLBACK_IN_PROGRESS'),
      stack('UPDATE_ROLLBACK_COMPLETE'),
    ]);
    accept('RollbackStack');
    stackEvents('RollbackStack', []);
    const r = await rollback({});
    expect(r.exitCode).toBe(0);
    expect(r.outputs['status']).toBe('recovered');
    expect(writes()).toEqual(['RollbackStack']);
    expectDeclaredCalls();
  });

  test('ROLLBACK_COMPLETE after a failed first create: nothing to roll back to, said so, nothing written', async () => {
    stackStatuses(stack('ROLLBACK_COMPLETE'), undefined, []);
    const r = await rollback({});
    expect(r.exitCode).toBe(0);
    expect(r.outputs['status']).toBe('nothing-to-do');
    expect(r.log).toContain('Nothing to roll back to: stack app is ROLLBACK_COMPLETE: its first create failed');
    expect(r.log).toContain('recreate-failed: true');
    expect(writes()).toEqual([]);
  });

  test('dry-run on UPDATE_ROLLBACK_FAILED says what it would do and calls nothing that writes', async () => {
    stackStatuses(stack('UPDATE_ROLLBACK_FAILED'), 'ContinueUpdateRollback', [stack('UPDATE_ROLLBACK_COMPLETE')]);
    accept('ContinueUpdateRollback');
    const r = await rollback({ 'dry-run': 'true', 'resources-to-skip': 'Queue' });
    expect(r.exitCode).toBe(0);
    expect(r.outputs['status']).toBe('nothing-to-do');
    expect(r.summary).toContain(
      '| Would do | continue the failed rollback of stack app (ContinueUpdateRollback, skipping Queue), then wait |',
    );
    expect(writes()).toEqual([]);
  });

  test('after CloudFormation rolled a failed update back, the running release is the good one: nothing-to-do', async () => {
    const release = (id: string, outcome: string, image: string) => ({
      id,
      time: '2026-03-01T12:00:00.000Z',
      kind: 'deploy',
      outcome,
      gitSha: `${id.slice(-7)}${'0'.repeat(33)}`,
      templateSha256: 'f'.repeat(64),
      parameters: { ImageUri: image },
      noEcho: [],
      images: { ImageUri: image },
    });
    const history = {
      version: 1,
      stack: 'app',
      releases: [
        release('20260301-130000-bbbbbbb', 'rolled-back', IMAGE_A),
        release('20260301-120000-aaaaaaa', 'deployed', IMAGE_A),
      ],
    };
    await clientsFor(moto.url).ssm.send(
      new PutParameterCommand({ Name: '/hoist/app/releases', Value: JSON.stringify(history), Type: 'String' }),
    );
    stackStatuses(stack('UPDATE_ROLLBACK_COMPLETE'), undefined, []);
    const r = await rollback({});
    expect(r.exitCode).toBe(0);
    expect(r.outputs['status']).toBe('nothing-to-do');
    expect(r.outputs['release-id']).toBe('20260301-120000-aaaaaaa');
    expect(r.outputs['image-uri']).toBe(IMAGE_A);
    expect(r.log).toContain(
      'CloudFormation already rolled the failed update back (release 20260301-130000-bbbbbbb: rolled-back)',
    );
    expect(r.summary).toMatch(/\| ▶️ running \| `20260301-120000-aaaaaaa` \|/);
    expect(writes()).toEqual([]);
  });

  test('SIGTERM while waiting for an update in progress: exits within 10 s', async () => {
    stackStatuses(stack('UPDATE_IN_PROGRESS'), undefined, []);
    let terminatedAt = 0;
    const r = await rollback(
      {},
      {
        onSpawn: (child) => {
          const timer = setInterval(() => {
            if (proxy.count('DescribeStacks') < 2 || terminatedAt) return;
            clearInterval(timer);
            terminatedAt = Date.now();
            child.kill('SIGTERM');
          }, 100);
          child.on('close', () => clearInterval(timer));
        },
      },
    );
    expect(terminatedAt).toBeGreaterThan(0);
    expect(Date.now() - terminatedAt).toBeLessThan(10_000);
    expect(r.exitCode).not.toBe(0);
    expect(r.log).toContain('Received SIGTERM: cancelling.');
    expect(r.outputs['status']).toBe('failed');
  });
});

const WORKER_TEMPLATE = fargateWorkerTemplate();

describe('rollback verifies what it restored (moto, ECS made unhealthy by the scenario proxy)', () => {
  test('the restored release’s ECS rollout fails → failed, exit 1, said so, the rollback recorded as unhealthy', async () => {
    const cwd = workspaceWith({ 'worker.yaml': WORKER_TEMPLATE });
    const IMAGE_C = IMAGE_A.replace(/@sha256:.*/, `@sha256:${'c'.repeat(64)}`);
    const deploy = async (sha: string, image: string) => {
      const r = await runAction(
        'deploy-stack',
        { 'stack-name': 'app', template: 'worker.yaml', 'parameter-overrides': `ImageUri=${image}` },
        { cwd, env: runnerEnv(proxy.env, { GITHUB_SHA: sha }), timeoutMs: 120_000 },
      );
      expect({ status: r.outputs['status'], code: r.exitCode }).toEqual({ status: 'deployed', code: 0 });
      return r.outputs['release-id'] ?? '';
    };
    // Created by C first: moto compares a change set with the parameters the stack was created with, so restoring
    // the creating release would look like "no changes" (see rollback.test.ts).
    await deploy(`cccc${'0'.repeat(36)}`, IMAGE_C);
    const idA = await deploy(`aaaa${'0'.repeat(36)}`, IMAGE_A);
    await deploy(`bbbb${'0'.repeat(36)}`, IMAGE_B);

    // From now on the service's rollout fails: the circuit breaker stopped the restored release's tasks.
    proxy.addRule({
      service: 'ecs',
      operation: 'DescribeServices',
      effect: respond(
        describeServicesAnswer([
          {
            serviceName: 'Worker',
            cluster: 'app-cluster',
            deployments: [
              {
                status: 'PRIMARY',
                rolloutState: 'FAILED',
                rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
                desiredCount: 1,
                runningCount: 0,
              },
            ],
          },
        ]),
      ),
    });
    const r = await rollback({}, { timeoutMs: 120_000 });
    expect(r.exitCode).toBe(1);
    expect(r.outputs['status']).toBe('failed');
    expect(r.outputs['release-id']).toBe(idA);
    expect(r.outputs['image-uri']).toBe(IMAGE_A);
    expect(r.log).toMatch(
      new RegExp(
        `::error.*Release ${idA} is restored on stack app, but its verification failed: Stack app updated, but verification failed \\(ecs:Worker\\)`,
      ),
    );
    expect(r.summary).toContain('rollback `app`: failed');
    expect(r.summary).toContain('ECS deployment circuit breaker: tasks failed to start.');
    // The restore went through (the stack runs A's image again) and is on record as an unhealthy rollback.
    const aws = clientsFor(moto.url);
    const stacks = await aws.cfn.send(new DescribeStacksCommand({ StackName: 'app' }));
    expect(stacks.Stacks?.[0]?.Parameters?.find((p) => p.ParameterKey === 'ImageUri')?.ParameterValue).toBe(IMAGE_A);
    const history = await aws.ssm.send(new GetParameterCommand({ Name: '/hoist/app/releases' }));
    const [recorded] = (
      JSON.parse(history.Parameter?.Value ?? '{}') as {
        releases: { kind: string; outcome: string; restores?: string; images: Record<string, string> }[];
      }
    ).releases;
    expect(recorded).toMatchObject({
      kind: 'rollback',
      outcome: 'unhealthy',
      restores: idA,
      images: { ImageUri: IMAGE_A },
    });
  });
});
