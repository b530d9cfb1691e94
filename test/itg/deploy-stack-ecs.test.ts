import { afterAll, beforeAll, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { CreateSecretCommand } from '@aws-sdk/client-secrets-manager';
import { GetParameterCommand } from '@aws-sdk/client-ssm';
import { describeServicesAnswer, jsonAnswer } from '../support/aws-shapes.js';
import { startMoto, type Moto } from '../support/moto.js';
import { runAction } from '../support/run-action.js';
import { respond, startScenarioProxy, type ScenarioProxy } from '../support/scenario-proxy.js';
import {
  IMAGE_A,
  IMAGE_B,
  clientsFor,
  fargateWorkerTemplate,
  runnerEnv,
  workspaceWith,
} from './deploy-stack-support.js';

jest.setTimeout(180_000);

const WORKER_TEMPLATE = fargateWorkerTemplate({ secretParameter: 'SecretArn' });

// ECS deployments only progress in moto when it is told how many tasks run.
let moto: Moto;
let proxy: ScenarioProxy;
let aws: ReturnType<typeof clientsFor>;
beforeAll(async () => {
  moto = await startMoto({ MOTO_ECS_SERVICE_RUNNING: '1' });
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

const deploy = (inputs: Record<string, string>, cwd: string) =>
  runAction('deploy-stack', inputs, { cwd, env: runnerEnv(proxy.env), timeoutMs: 120_000 });

async function secret(name: string): Promise<string> {
  const out = await aws.secrets.send(new CreateSecretCommand({ Name: name, SecretString: 'amqp://guest@broker' }));
  return out.ARN ?? '';
}

describe('deploy-stack: ECS verification and forced deployments', () => {
  test('ECS service verified (rollout COMPLETED, running = desired); a changed secret rolls the service with no stack changes', async () => {
    const arn = await secret('worker/broker');
    const cwd = workspaceWith({ 'worker.yaml': WORKER_TEMPLATE });
    const inputs = {
      'stack-name': 'worker',
      template: 'worker.yaml',
      'parameter-overrides': `ImageUri=${IMAGE_A}\nSecretArn=${arn}`,
    };
    const first = await deploy(inputs, cwd);
    expect(first.exitCode).toBe(0);
    expect(first.outputs['status']).toBe('deployed');
    expect(first.summary).toContain('### Verification');
    expect(first.summary).toMatch(/\| ✅ PASS \| ecs:Worker \| .*rollout COMPLETED.*running 1 of 1 \|/);

    proxy.clear();
    const rolled = await deploy({ ...inputs, 'force-new-deployment': 'auto', 'updated-secrets': 'worker/broker' }, cwd);
    expect(rolled.exitCode).toBe(0);
    expect(rolled.outputs['status']).toBe('no-changes');
    expect(rolled.log).toContain('(uses updated worker/broker)');
    const updates = proxy.calls({ service: 'ecs', operation: 'UpdateService' });
    expect(updates).toHaveLength(1);
    expect(updates[0]?.params['forceNewDeployment']).toBe(true);

    // A secret the worker does not use rolls nothing.
    proxy.clear();
    const other = await deploy({ ...inputs, 'force-new-deployment': 'auto', 'updated-secrets': 'other/secret' }, cwd);
    expect(other.outputs['status']).toBe('no-changes');
    expect(proxy.count({ service: 'ecs', operation: 'UpdateService' })).toBe(0);
  });

  test('a failing rollout: status unhealthy, exit 1, the stopped reasons and service events surfaced, release recorded as unhealthy', async () => {
    const arn = await secret('worker/broker');
    const cwd = workspaceWith({ 'worker.yaml': WORKER_TEMPLATE });
    const inputs = {
      'stack-name': 'worker',
      template: 'worker.yaml',
      'parameter-overrides': `ImageUri=${IMAGE_A}\nSecretArn=${arn}`,
    };
    expect((await deploy(inputs, cwd)).outputs['status']).toBe('deployed');

    const taskArn = 'arn:aws:ecs:us-east-1:123456789012:task/worker-cluster/0123456789abcdef';
    proxy.addRule({
      service: 'ecs',
      operation: 'DescribeServices',
      effect: respond(
        describeServicesAnswer([
          {
            serviceName: 'Worker',
            cluster: 'worker-cluster',
            deployments: [
              {
                status: 'PRIMARY',
                rolloutState: 'FAILED',
                rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
                desiredCount: 1,
                runningCount: 0,
              },
            ],
            events: [
              {
                message:
                  '(service Worker) was unable to place a task because no container instance met all of its requirements.',
              },
            ],
          },
        ]),
      ),
    });
    proxy.addRule({ service: 'ecs', operation: 'ListTasks', effect: respond(jsonAnswer({ taskArns: [taskArn] })) });
    proxy.addRule({
      service: 'ecs',
      operation: 'DescribeTasks',
      effect: respond(
        jsonAnswer({
          tasks: [
            {
              taskArn,
              stoppedReason: 'Essential container in task exited',
              stoppedAt: new Date(),
              containers: [
                { name: 'worker', exitCode: 1, reason: 'ResourceInitializationError: unable to pull secrets' },
              ],
            },
          ],
          failures: [],
        }),
      ),
    });
    const r = await deploy({ ...inputs, 'parameter-overrides': `ImageUri=${IMAGE_B}\nSecretArn=${arn}` }, cwd);
    expect(r.exitCode).toBe(1);
    expect(r.outputs['status']).toBe('unhealthy');
    expect(r.log).toContain('verification failed (ecs:Worker): the new release is running and unhealthy');
    expect(r.summary).toContain(
      'stopped tasks: Essential container in task exited (container worker: ResourceInitializationError: unable to pull secrets)',
    );
    expect(r.summary).toContain('was unable to place a task');
    const history = await aws.ssm.send(new GetParameterCommand({ Name: '/hoist/worker/releases' }));
    const releases = (JSON.parse(history.Parameter?.Value ?? '{}') as { releases: { id: string; outcome: string }[] })
      .releases;
    expect(releases.map((x) => x.outcome)).toEqual(['unhealthy', 'deployed']);
    expect(releases[0]?.id).toBe(r.outputs['release-id']);
  });
});
