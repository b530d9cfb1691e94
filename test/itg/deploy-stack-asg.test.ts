import { afterAll, beforeAll, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { AutoScalingClient, DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import { GetParameterCommand } from '@aws-sdk/client-ssm';
import { describeAutoScalingGroupsAnswer, queryAnswer } from '../support/aws-shapes.js';
import { startMoto, type Moto } from '../support/moto.js';
import { runAction } from '../support/run-action.js';
import { respond, startScenarioProxy, type ProxyCall, type ScenarioProxy } from '../support/scenario-proxy.js';
import { REGION, clientsFor, runnerEnv, workspaceWith } from './deploy-stack-support.js';

jest.setTimeout(180_000);

/** An EC2 worker: a launch template whose user data reads a secret, and a group of one instance on it. */
const GROUP_TEMPLATE = `Parameters:
  ImageId:
    Type: String
    Default: ami-12c6146b
Resources:
  LaunchTemplate:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        ImageId: !Ref ImageId
        InstanceType: t3.micro
        UserData:
          Fn::Base64: |
            #!/bin/sh
            aws secretsmanager get-secret-value --secret-id worker/broker > /etc/celery/broker
  Group:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: '1'
      MaxSize: '2'
      DesiredCapacity: '1'
      AvailabilityZones: [us-east-1a]
      LaunchTemplate:
        LaunchTemplateId: !Ref LaunchTemplate
        Version: !GetAtt LaunchTemplate.LatestVersionNumber
`;

let moto: Moto;
let proxy: ScenarioProxy;
let aws: ReturnType<typeof clientsFor>;
let autoscaling: AutoScalingClient;
beforeAll(async () => {
  moto = await startMoto();
  proxy = await startScenarioProxy(moto.url);
  aws = clientsFor(moto.url);
  autoscaling = new AutoScalingClient({
    endpoint: moto.url,
    region: REGION,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing', sessionToken: 'testing' },
    maxAttempts: 1,
  });
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

async function releaseOutcomes(stack: string): Promise<string[]> {
  const out = await aws.ssm.send(new GetParameterCommand({ Name: `/hoist/${stack}/releases` }));
  return (JSON.parse(out.Parameter?.Value ?? '{}') as { releases: { outcome: string }[] }).releases.map(
    (r) => r.outcome,
  );
}

describe('deploy-stack: Auto Scaling verification and instance refresh', () => {
  test('a healthy group is verified (InService, Healthy, on the launch template version); a changed secret its user data reads starts an instance refresh', async () => {
    const cwd = workspaceWith({ 'worker.yaml': GROUP_TEMPLATE });
    const inputs = { 'stack-name': 'celery', template: 'worker.yaml' };
    const first = await deploy(inputs, cwd);
    expect(first.exitCode).toBe(0);
    expect(first.outputs['status']).toBe('deployed');
    const [group] = (await autoscaling.send(new DescribeAutoScalingGroupsCommand({}))).AutoScalingGroups ?? [];
    const name = group?.AutoScalingGroupName ?? '';
    expect(name).toMatch(/^celery-Group-/);
    expect(group?.Instances?.[0]?.LaunchTemplate?.Version).toBe('1');
    expect(first.log).toContain('Verifying 1 Auto Scaling group(s) until every instance is InService and Healthy.');
    expect(first.summary).toContain(
      `| ✅ PASS | asg:Group | ${name}: 1 of 1 instances InService and Healthy on launch template version 1 (1 in the group) |`,
    );
    expect(await releaseOutcomes('celery')).toEqual(['deployed']);

    // moto has no instance refreshes: the proxy answers StartInstanceRefresh as Auto Scaling does.
    const refreshId = '0f2b1c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    proxy.addRule({
      service: 'autoscaling',
      operation: 'StartInstanceRefresh',
      effect: respond(queryAnswer('autoscaling', 'StartInstanceRefresh', { InstanceRefreshId: refreshId })),
    });
    proxy.clear();
    const refreshed = await deploy(
      { ...inputs, 'force-new-deployment': 'auto', 'updated-secrets': 'worker/broker' },
      cwd,
    );
    expect(refreshed.exitCode).toBe(0);
    expect(refreshed.outputs['status']).toBe('no-changes');
    const refreshes = proxy.calls({ service: 'autoscaling', operation: 'StartInstanceRefresh' });
    expect(refreshes.map((c) => c.params['AutoScalingGroupName'])).toEqual([name]);
    expect(refreshed.log).toContain(
      `Started instance refresh ${refreshId} of Auto Scaling group ${name} (uses updated worker/broker).`,
    );

    // A secret the user data does not read refreshes nothing.
    proxy.clear();
    const other = await deploy({ ...inputs, 'force-new-deployment': 'auto', 'updated-secrets': 'worker/other' }, cwd);
    expect(other.exitCode).toBe(0);
    expect(other.outputs['status']).toBe('no-changes');
    expect(other.log).toContain('force-new-deployment: no service or group to roll.');
    expect(proxy.count({ service: 'autoscaling', operation: 'StartInstanceRefresh' })).toBe(0);
  });

  test('an Unhealthy instance and one on an older launch template version: status unhealthy, exit 1, each instance named', async () => {
    const cwd = workspaceWith({ 'worker.yaml': GROUP_TEMPLATE });
    // The group wants launch template version 2: one instance is on it but Unhealthy, the other Healthy on 1.
    const template = { LaunchTemplateId: 'lt-0a1b2c3d4e5f60718', LaunchTemplateName: 'celery-worker' };
    proxy.addRule({
      service: 'autoscaling',
      operation: 'DescribeAutoScalingGroups',
      effect: respond((call: ProxyCall) =>
        describeAutoScalingGroupsAnswer([
          {
            AutoScalingGroupName: String(call.params['AutoScalingGroupNames.member.1']),
            LaunchTemplate: { ...template, Version: '2' },
            Instances: [
              {
                InstanceId: 'i-0000000000000000a',
                LifecycleState: 'InService',
                HealthStatus: 'Unhealthy',
                LaunchTemplate: { ...template, Version: '2' },
              },
              {
                InstanceId: 'i-0000000000000000b',
                LifecycleState: 'InService',
                HealthStatus: 'Healthy',
                LaunchTemplate: { ...template, Version: '1' },
              },
            ],
          },
        ]),
      ),
    });
    const r = await deploy({ 'stack-name': 'celery', template: 'worker.yaml', 'timeout-minutes': '20s' }, cwd);
    expect(r.exitCode).toBe(1);
    expect(r.outputs['status']).toBe('unhealthy');
    expect(r.log).toContain('verification failed (asg:Group): the new release is running and unhealthy');
    expect(r.summary).toContain(
      'not healthy on the new launch template version by the deadline: 0 of 2 instances InService and Healthy on launch template version 2 (2 in the group; i-0000000000000000a: Unhealthy; i-0000000000000000b: on launch template version 1)',
    );
    expect(r.summary).toContain('an instance refresh (force-new-deployment)');
    expect(proxy.count({ service: 'autoscaling', operation: 'DescribeAutoScalingGroups' })).toBeGreaterThan(1);
    expect(await releaseOutcomes('celery')).toEqual(['unhealthy']);
    expect(r.outputs['release-id']).toMatch(/^\d{8}-\d{6}-0123456$/);
  });
});
