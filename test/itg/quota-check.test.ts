import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CloudWatchClient, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { afterAll, beforeAll, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { CloudFormationClient, CreateStackCommand } from '@aws-sdk/client-cloudformation';
import {
  AllocateAddressCommand,
  CreateNatGatewayCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DeleteVpcCommand,
  DescribeVpcsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import {
  CreateClusterCommand,
  CreateServiceCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
} from '@aws-sdk/client-ecs';
import { actionsFor } from '@hoist/aws';
import { getServiceQuotaAnswer } from '../support/aws-shapes.js';
import {
  GITHUB_FAKE_READONLY_TOKEN,
  GITHUB_FAKE_TOKEN,
  pullRequestEventEnv,
  startGitHubFake,
  type GitHubFake,
} from '../support/github-fake.js';
import { isWriteCall, startMoto, type Moto } from '../support/moto.js';
import { runAction } from '../support/run-action.js';
import { error, respond, startScenarioProxy, type ScenarioProxy } from '../support/scenario-proxy.js';
import { registerTestSecret } from '../support/secrets-registry.js';

jest.setTimeout(60_000);

let moto: Moto;
let proxy: ScenarioProxy;
let github: GitHubFake;
beforeAll(async () => {
  moto = await startMoto();
  proxy = await startScenarioProxy(moto.url);
  github = await startGitHubFake({ repository: 'octo/infra' });
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
  // moto serves Service Quotas only for `vpc` and has no GetAWSDefaultServiceQuota: answer that at once (as AWS
  // does for a quota it does not know) so the fallback to hoist's table is quick.
  proxy.addRule({
    service: 'servicequotas',
    operation: 'GetAWSDefaultServiceQuota',
    where: (call) => call.params['ServiceCode'] !== 'vpc',
    effect: error({
      status: 400,
      code: 'NoSuchResourceException',
      message: 'The request failed because the specified service does not exist.',
    }),
  });
});

const ec2 = () =>
  new EC2Client({
    region: 'us-east-1',
    endpoint: moto.url,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
  });

/** Fills the region up to `count` VPCs (moto starts with the default VPC). */
async function useVpcs(count: number): Promise<void> {
  const client = ec2();
  const existing = (await client.send(new DescribeVpcsCommand({}))).Vpcs?.length ?? 0;
  for (let i = existing; i < count; i++) await client.send(new CreateVpcCommand({ CidrBlock: `10.${i + 10}.0.0/16` }));
}

function write(name: string, text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'hoist-quota-')), name);
  writeFileSync(file, text);
  return file;
}

const NETWORK_TEMPLATE = `
AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.0.0.0/16 }
  Gateway:
    Type: AWS::EC2::InternetGateway
  Subnet:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24 }
  NatAddress:
    Type: AWS::EC2::EIP
    Properties: { Domain: vpc }
  Nat:
    Type: AWS::EC2::NatGateway
    Properties:
      SubnetId: !Ref Subnet
      AllocationId: !GetAtt NatAddress.AllocationId
`;

interface ReportEntry {
  code: string;
  scope: string | null;
  name: string;
  quota: number | null;
  quotaSource: string | null;
  usage: number | null;
  need: number;
  percent: number | null;
  verdict: string;
}

/** Every AWS call that went through the proxy is one quota-check declares in the IAM manifest. */
function expectDeclaredCalls(): void {
  const declared = new Set(actionsFor('quota-check').map((a) => a.toLowerCase()));
  const made = new Set(proxy.calls().map((c) => `${c.service}:${c.operation}`.toLowerCase()));
  expect(made.size).toBeGreaterThan(0);
  expect([...made].filter((call) => !declared.has(call))).toEqual([]);
}

const ecs = () =>
  new ECSClient({
    region: 'us-east-1',
    endpoint: moto.url,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
  });

/** A cluster in moto with `count` services. */
async function clusterWithServices(name: string, count: number): Promise<void> {
  const client = ecs();
  await client.send(new CreateClusterCommand({ clusterName: name }));
  await client.send(
    new RegisterTaskDefinitionCommand({
      family: 'worker',
      containerDefinitions: [{ name: 'worker', image: 'worker:latest', memory: 512 }],
    }),
  );
  for (let i = 0; i < count; i++)
    await client.send(
      new CreateServiceCommand({
        cluster: name,
        serviceName: `${name}-${i}`,
        taskDefinition: 'worker',
        desiredCount: 0,
      }),
    );
}

/** The scenario proxy answers the applied value of one quota. */
function appliedQuota(serviceCode: string, quotaCode: string, name: string, value: number): void {
  proxy.addRule({
    service: 'servicequotas',
    operation: 'GetServiceQuota',
    params: { ServiceCode: serviceCode, QuotaCode: quotaCode },
    effect: respond(
      getServiceQuotaAnswer({ ServiceCode: serviceCode, QuotaCode: quotaCode, QuotaName: name, Value: value }),
    ),
  });
}

function report(outputs: Record<string, string>): ReportEntry[] {
  return JSON.parse(outputs['report'] ?? '[]') as ReportEntry[];
}

describe('quota-check gate mode', () => {
  test('5/5 VPCs used and a template that adds one: FAIL naming L-F678F1CE, the NAT gateway’s Elastic IP counted', async () => {
    await useVpcs(5);
    await moto.startRecording();
    const r = await runAction('quota-check', { template: write('network.yaml', NETWORK_TEMPLATE) }, { env: moto.env });
    expect(r.exitCode).toBe(1);
    expect(r.outputs['ok']).toBe('false');
    const rows = report(r.outputs);
    expect(rows.find((row) => row.code === 'L-F678F1CE')).toMatchObject({
      quota: 5,
      quotaSource: 'applied',
      usage: 5,
      need: 1,
      verdict: 'fail',
    });
    expect(rows.find((row) => row.code === 'L-0263D0A3')).toMatchObject({ need: 1, usage: 0, verdict: 'pass' });
    expect(rows.find((row) => row.code === 'L-A4707A72')).toMatchObject({ need: 1 });
    const vpc = r.annotations.find((a) => a.title === 'vpc/L-F678F1CE');
    expect(vpc?.level).toBe('error');
    expect(vpc?.message).toContain(
      'VPCs per Region (vpc/L-F678F1CE) in us-east-1: 5/5 VPCs used, the deploy adds 1 → 6/5',
    );
    expect(vpc?.message).toContain('Fix: delete unused VPCs (1 more than the quota), or request an increase');
    expect(vpc?.message).toContain(
      'https://us-east-1.console.aws.amazon.com/servicequotas/home/services/vpc/quotas/L-F678F1CE',
    );
    expect(r.summary).toContain('NatAddress: Elastic IP of NAT gateway Nat');
    // moto does not serve the Elastic IP quota: the table's default is used and said to be a default.
    const fallback = r.annotations.find((a) => a.title === 'ec2/L-0263D0A3');
    expect(fallback?.level).toBe('warning');
    expect(fallback?.message).toContain("5 is a default (hoist's table of AWS defaults)");
    expect(r.log).toContain('::error::Quota check: the deploy would not fit vpc/L-F678F1CE in us-east-1.');
    expect((await moto.recorded()).filter(isWriteCall)).toEqual([]);
  });

  test('room left: the same template passes and the outputs say ok', async () => {
    await useVpcs(2);
    const r = await runAction('quota-check', { template: write('network.yaml', NETWORK_TEMPLATE) }, { env: moto.env });
    expect(r.exitCode).toBe(0);
    expect(r.outputs['ok']).toBe('true');
    expect(report(r.outputs).find((row) => row.code === 'L-F678F1CE')).toMatchObject({
      usage: 2,
      need: 1,
      percent: 60,
      verdict: 'pass',
    });
  });

  test('above the threshold but within the quota: WARN, exit 0', async () => {
    await useVpcs(4);
    const r = await runAction(
      'quota-check',
      { template: write('network.yaml', NETWORK_TEMPLATE), threshold: '80%' },
      { env: moto.env },
    );
    expect(r.exitCode).toBe(0);
    expect(report(r.outputs).find((row) => row.code === 'L-F678F1CE')).toMatchObject({
      usage: 4,
      need: 1,
      percent: 100,
      verdict: 'warn',
    });
    expect(r.annotations.find((a) => a.title === 'vpc/L-F678F1CE')?.level).toBe('warning');
  });

  test('an existing stack: the VPC it already has is not counted again', async () => {
    const cfn = new CloudFormationClient({
      region: 'us-east-1',
      endpoint: moto.url,
      credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    });
    await cfn.send(new CreateStackCommand({ StackName: 'network', TemplateBody: NETWORK_TEMPLATE }));
    await useVpcs(5);
    const r = await runAction(
      'quota-check',
      { template: write('network.yaml', NETWORK_TEMPLATE), 'stack-name': 'network' },
      { env: moto.env },
    );
    expect(r.exitCode).toBe(0);
    expect(report(r.outputs).find((row) => row.code === 'L-F678F1CE')).toBeUndefined();
    expect(r.summary).toContain('Stack network exists: 5 of its resources are not counted again');
  });

  test('Fargate On-Demand vCPU quota 6 (served by the scenario proxy), a template needing 2 × 4 vCPUs: FAIL', async () => {
    proxy.addRule({
      service: 'servicequotas',
      operation: 'GetServiceQuota',
      params: { ServiceCode: 'fargate', QuotaCode: 'L-3032A538' },
      effect: respond(
        getServiceQuotaAnswer({
          ServiceCode: 'fargate',
          QuotaCode: 'L-3032A538',
          QuotaName: 'Fargate On-Demand vCPU resource count',
          Value: 6,
        }),
      ),
    });
    const template = write(
      'ecs.yaml',
      `
Parameters:
  Workers: { Type: Number, Default: 1 }
  WorkerCpu: { Type: String, Default: '1024', AllowedValues: ['1024', '4096'] }
Resources:
  Cluster: { Type: AWS::ECS::Cluster }
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      NetworkMode: awsvpc
      Cpu: !Ref WorkerCpu
      Memory: '16384'
      ContainerDefinitions: [{ Name: worker, Image: worker:latest }]
  Service:
    Type: AWS::ECS::Service
    Properties:
      Cluster: !Ref Cluster
      TaskDefinition: !Ref Task
      LaunchType: FARGATE
      DesiredCount: !Ref Workers
      DeploymentConfiguration: { MaximumPercent: 100, MinimumHealthyPercent: 50 }
`,
    );
    const parameters = write('parameters.json', JSON.stringify({ Parameters: { Workers: '2', WorkerCpu: '4096' } }));
    const r = await runAction('quota-check', { template, parameters }, { env: proxy.env });
    expect(r.exitCode).toBe(1);
    const row = report(r.outputs).find((e) => e.code === 'L-3032A538');
    expect(row).toMatchObject({ quota: 6, quotaSource: 'applied', usage: 0, need: 8, verdict: 'fail' });
    const annotation = r.annotations.find((a) => a.title === 'fargate/L-3032A538');
    expect(annotation?.message).toContain('0/6 vCPUs used, the deploy adds 8 → 8/6');
    expect(annotation?.message).toContain('--service-code fargate --quota-code L-3032A538 --desired-value 8');
    expect(r.summary).toContain('Service: 2 task(s) × 4 vCPU');
  });

  test('GPU workers on an Auto Scaling group count against the G and VT quota, rolling-update surge included', async () => {
    proxy.addRule({
      service: 'servicequotas',
      operation: 'GetServiceQuota',
      params: { ServiceCode: 'ec2', QuotaCode: 'L-DB2E81BA' },
      effect: respond(getServiceQuotaAnswer({ ServiceCode: 'ec2', QuotaCode: 'L-DB2E81BA', Value: 8 })),
    });
    const template = write(
      'gpu.yaml',
      `
Resources:
  GpuTemplate:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData: { InstanceType: g5.xlarge, ImageId: ami-12345678 }
  GpuWorkers:
    Type: AWS::AutoScaling::AutoScalingGroup
    UpdatePolicy:
      AutoScalingRollingUpdate: { MaxBatchSize: 1, MinInstancesInService: 1 }
    Properties:
      MinSize: '1'
      MaxSize: '2'
      AvailabilityZones: [us-east-1a]
      LaunchTemplate: { LaunchTemplateId: !Ref GpuTemplate, Version: !GetAtt GpuTemplate.LatestVersionNumber }
`,
    );
    const r = await runAction('quota-check', { template }, { env: proxy.env });
    expect(r.exitCode).toBe(1);
    expect(report(r.outputs).find((e) => e.code === 'L-DB2E81BA')).toMatchObject({
      quota: 8,
      need: 12,
      verdict: 'fail',
    });
    expect(r.summary).toContain('3 × g5.xlarge (4 vCPUs) — MaxSize 2 + 1 (a rolling update adds up to MaxBatchSize 1)');
    expectDeclaredCalls();
  });

  test('on a pull request with github-token, the table goes into hoist’s one PR comment', async () => {
    github.addPullRequest(4);
    await useVpcs(1);
    const env = { ...moto.env, ...github.env, ...pullRequestEventEnv(4, { repository: 'octo/infra' }) };
    const inputs = { template: write('network.yaml', NETWORK_TEMPLATE), 'github-token': GITHUB_FAKE_TOKEN };
    expect((await runAction('quota-check', inputs, { env })).exitCode).toBe(0);
    expect((await runAction('quota-check', inputs, { env })).exitCode).toBe(0);
    const comments = github.comments(4);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain('<!-- hoist:quota-check:start -->');
    expect(comments[0]?.body).toContain('vpc/L-F678F1CE');
  });
});

describe('quota-check: ECS services per cluster and NAT gateways per zone', () => {
  const ECS_TEMPLATE = (cluster: string) => `
Resources:
  Cluster: { Type: AWS::ECS::Cluster }
  Api: { Type: AWS::ECS::Service, Properties: { Cluster: !Ref Cluster, TaskDefinition: worker, LaunchType: EC2 } }
  Worker: { Type: AWS::ECS::Service, Properties: { Cluster: ${cluster}, TaskDefinition: worker, LaunchType: EC2 } }
`;

  test('services are compared with the cluster they go into: a full cluster fails, a full other cluster does not', async () => {
    appliedQuota('ecs', 'L-9EF96962', 'Services per cluster', 2);
    await clusterWithServices('shared', 2);
    await clusterWithServices('roomy', 0);
    const full = await runAction(
      'quota-check',
      { template: write('ecs.yaml', ECS_TEMPLATE('shared')) },
      { env: proxy.env },
    );
    expect(full.exitCode).toBe(1);
    const rows = report(full.outputs);
    expect(rows.find((row) => row.code === 'L-9EF96962')).toMatchObject({
      quota: 2,
      quotaSource: 'applied',
      usage: 2,
      need: 1,
      verdict: 'fail',
      scope: 'cluster shared',
    });
    // Two clusters now, one more from the template: the table's default (moto does not serve ecs quotas).
    expect(rows.find((row) => row.code === 'L-21C621EB')).toMatchObject({
      quota: 10000,
      quotaSource: 'table',
      usage: 2,
      need: 1,
      verdict: 'pass',
    });
    expect(full.annotations.find((a) => a.title === 'ecs/L-9EF96962')?.message).toContain(
      'Services per cluster (ecs/L-9EF96962) in us-east-1, cluster shared: 2/2 services used, the deploy adds 1 → 3/2',
    );
    expectDeclaredCalls();

    // The same services into the empty cluster: `shared` being full is not this deploy's problem.
    const roomy = await runAction(
      'quota-check',
      { template: write('ecs.yaml', ECS_TEMPLATE('roomy')) },
      { env: proxy.env },
    );
    expect(roomy.exitCode).toBe(0);
    expect(report(roomy.outputs).find((row) => row.code === 'L-9EF96962')).toMatchObject({
      usage: 0,
      need: 1,
      verdict: 'pass',
    });
  });

  /** NAT gateways in moto: `count` of them in a subnet of `zone`. */
  async function natGateways(zone: string, count: number): Promise<void> {
    const client = ec2();
    const vpc = await client.send(new CreateVpcCommand({ CidrBlock: '10.50.0.0/16' }));
    const subnet = await client.send(
      new CreateSubnetCommand({ VpcId: vpc.Vpc?.VpcId, CidrBlock: '10.50.1.0/24', AvailabilityZone: zone }),
    );
    for (let i = 0; i < count; i++) {
      const eip = await client.send(new AllocateAddressCommand({ Domain: 'vpc' }));
      await client.send(
        new CreateNatGatewayCommand({ SubnetId: subnet.Subnet?.SubnetId, AllocationId: eip.AllocationId }),
      );
    }
  }

  const NAT_TEMPLATE = (zones: string[]) =>
    `
Parameters:
  PublicSubnet: { Type: String, Default: subnet-12345678 }
Resources:
  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
` +
    zones
      .map((zone, i) => {
        const subnet =
          zone === 'parameter'
            ? '!Ref PublicSubnet'
            : `!Ref Subnet${i}\n  Subnet${i}:\n    Type: AWS::EC2::Subnet\n    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.${i}.0/24, AvailabilityZone: ${zone} }`;
        return `  Eip${i}: { Type: AWS::EC2::EIP }\n  Nat${i}:\n    Type: AWS::EC2::NatGateway\n    Properties:\n      AllocationId: !GetAtt Eip${i}.AllocationId\n      SubnetId: ${subnet}\n`;
      })
      .join('');

  test('NAT gateways spread over zones are compared zone by zone; one whose zone is unknown counts everywhere', async () => {
    appliedQuota('vpc', 'L-FE5A380F', 'NAT gateways per Availability Zone', 2);
    await natGateways('us-east-1a', 2);
    // us-east-1a is full (2/2); the template puts one NAT gateway in 1b and one in 1c: 1/2 in each, no FAIL.
    const spread = await runAction(
      'quota-check',
      { template: write('nat.yaml', NAT_TEMPLATE(['us-east-1b', 'us-east-1c'])) },
      { env: proxy.env },
    );
    expect(spread.exitCode).toBe(0);
    const row = report(spread.outputs).find((r) => r.code === 'L-FE5A380F');
    expect(row).toMatchObject({ quota: 2, usage: 0, need: 1, verdict: 'pass' });
    expect(['us-east-1b', 'us-east-1c']).toContain(row?.scope);
    expect(spread.summary).toContain('Nat0: AWS::EC2::NatGateway in us-east-1b');

    const unknown = await runAction(
      'quota-check',
      { template: write('nat.yaml', NAT_TEMPLATE(['us-east-1b', 'parameter'])) },
      { env: proxy.env },
    );
    expect(unknown.exitCode).toBe(1);
    expect(report(unknown.outputs).find((r) => r.code === 'L-FE5A380F')).toMatchObject({
      usage: 2,
      need: 1,
      verdict: 'fail',
      scope: 'Availability Zone us-east-1a, the fullest',
    });
    expect(unknown.annotations.find((a) => a.title === 'vpc/L-FE5A380F')?.message).toContain(
      'The template does not say the Availability Zone of Nat1: counted in every Availability Zone, the fullest included.',
    );
  });

  test('an extra quota code with a Service Quotas usage metric: SKIP that names the metric to read', async () => {
    proxy.addRule({
      service: 'servicequotas',
      operation: 'GetServiceQuota',
      params: { ServiceCode: 'ecs', QuotaCode: 'L-9B8C1EBB' },
      effect: respond(
        getServiceQuotaAnswer({
          ServiceCode: 'ecs',
          QuotaCode: 'L-9B8C1EBB',
          QuotaName: 'Tasks per service',
          Value: 5000,
          UsageMetric: {
            MetricNamespace: 'AWS/Usage',
            MetricName: 'ResourceCount',
            MetricDimensions: { Service: 'ECS', Type: 'Resource', Resource: 'TasksPerService', Class: 'None' },
            MetricStatisticRecommendation: 'Maximum',
          },
        }),
      ),
    });
    const r = await runAction('quota-check', { mode: 'audit', quotas: 'ecs/L-9B8C1EBB' }, { env: proxy.env });
    expect(r.exitCode).toBe(0);
    expect(report(r.outputs).find((e) => e.code === 'L-9B8C1EBB')).toMatchObject({
      quota: 5000,
      usage: null,
      verdict: 'skip',
    });
    expect(r.log).toContain(
      'Service Quotas names its usage metric: AWS/Usage ResourceCount {Service=ECS, Type=Resource, Resource=TasksPerService, Class=None}, statistic Maximum',
    );
  });
});

describe('quota-check: usage from the CloudWatch metric Service Quotas names', () => {
  const TASKS_PER_SERVICE = {
    Service: 'ECS',
    Type: 'Resource',
    Resource: 'TasksPerService',
    Class: 'None',
  };
  const quotaWithMetric = () =>
    proxy.addRule({
      service: 'servicequotas',
      operation: 'GetServiceQuota',
      params: { ServiceCode: 'ecs', QuotaCode: 'L-9B8C1EBB' },
      effect: respond(
        getServiceQuotaAnswer({
          ServiceCode: 'ecs',
          QuotaCode: 'L-9B8C1EBB',
          QuotaName: 'Tasks per service',
          Value: 5000,
          UsageMetric: {
            MetricNamespace: 'AWS/Usage',
            MetricName: 'ResourceCount',
            MetricDimensions: TASKS_PER_SERVICE,
            MetricStatisticRecommendation: 'Maximum',
          },
        }),
      ),
    });

  test('an extra quota code whose usage metric has data: measured, with its percentage', async () => {
    quotaWithMetric();
    const cloudWatch = new CloudWatchClient({
      endpoint: moto.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    });
    const now = Date.now();
    await cloudWatch.send(
      new PutMetricDataCommand({
        Namespace: 'AWS/Usage',
        MetricData: [3800, 4200].map((Value, i) => ({
          MetricName: 'ResourceCount',
          Dimensions: Object.entries(TASKS_PER_SERVICE).map(([Name, V]) => ({ Name, Value: V })),
          Timestamp: new Date(now - (2 - i) * 60_000),
          Value,
        })),
      }),
    );
    const r = await runAction(
      'quota-check',
      { mode: 'audit', quotas: 'ecs/L-9B8C1EBB', threshold: '80' },
      { env: proxy.env },
    );
    expect(r.exitCode).toBe(0);
    expect(report(r.outputs).find((e) => e.code === 'L-9B8C1EBB')).toMatchObject({
      quota: 5000,
      usage: 4200,
      verdict: 'warn',
    });
    expect(r.log).toContain('usage from CloudWatch: AWS/Usage ResourceCount');
    expect(proxy.count({ service: 'monitoring', operation: 'GetMetricStatistics' })).toBe(1);
  });
});

describe('quota-check: log groups and secrets a template adds', () => {
  test('log groups measured from their usage metric; secrets, with no metric named, a SKIP that says so', async () => {
    proxy.addRule({
      service: 'servicequotas',
      operation: 'GetServiceQuota',
      params: { ServiceCode: 'logs', QuotaCode: 'L-C7B9AAAB' },
      effect: respond(
        getServiceQuotaAnswer({
          ServiceCode: 'logs',
          QuotaCode: 'L-C7B9AAAB',
          QuotaName: 'Log groups',
          Value: 100,
          UsageMetric: {
            MetricNamespace: 'AWS/Usage',
            MetricName: 'ResourceCount',
            MetricDimensions: { Service: 'Logs', Type: 'Resource', Resource: 'LogGroups', Class: 'None' },
            MetricStatisticRecommendation: 'Maximum',
          },
        }),
      ),
    });
    proxy.addRule({
      service: 'servicequotas',
      operation: 'GetServiceQuota',
      params: { ServiceCode: 'secretsmanager', QuotaCode: 'L-2F66C23C' },
      effect: respond(
        getServiceQuotaAnswer({
          ServiceCode: 'secretsmanager',
          QuotaCode: 'L-2F66C23C',
          QuotaName: 'Secrets per Region',
          Value: 500000,
        }),
      ),
    });
    const cloudWatch = new CloudWatchClient({
      endpoint: moto.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    });
    await cloudWatch.send(
      new PutMetricDataCommand({
        Namespace: 'AWS/Usage',
        MetricData: [
          {
            MetricName: 'ResourceCount',
            Dimensions: [
              { Name: 'Service', Value: 'Logs' },
              { Name: 'Type', Value: 'Resource' },
              { Name: 'Resource', Value: 'LogGroups' },
              { Name: 'Class', Value: 'None' },
            ],
            Timestamp: new Date(Date.now() - 60_000),
            Value: 99,
          },
        ],
      }),
    );
    const template = write(
      'logs.yaml',
      [
        'Resources:',
        '  Head:',
        '    Type: AWS::Logs::LogGroup',
        '  Worker:',
        '    Type: AWS::Logs::LogGroup',
        '  ApiKey:',
        '    Type: AWS::SecretsManager::Secret',
        '',
      ].join('\n'),
    );
    const r = await runAction('quota-check', { template }, { env: proxy.env });
    expect(r.exitCode).toBe(1);
    const rows = report(r.outputs);
    expect(rows.find((e) => e.code === 'L-C7B9AAAB')).toMatchObject({
      quota: 100,
      usage: 99,
      need: 2,
      verdict: 'fail',
    });
    expect(rows.find((e) => e.code === 'L-2F66C23C')).toMatchObject({
      quota: 500000,
      usage: null,
      need: 1,
      verdict: 'skip',
    });
    expect(r.log).toContain('Service Quotas names no usage metric for it');
  });
});

describe('quota-check bad inputs', () => {
  test.each([
    [{ mode: 'gate' }, "Input 'template' is empty: expected the path of a CloudFormation template"],
    [{ template: 'missing.yaml' }, "Input 'template' is 'missing.yaml': expected an existing file"],
    [{ mode: 'audit', threshold: '180' }, "Input 'threshold' is '180': expected a percentage above 0 and at most 100"],
    [
      { mode: 'audit', quotas: 'ec2/1216C47A' },
      "Input 'quotas' is 'ec2/1216C47A': expected quota codes as service/L-XXXXXXXX",
    ],
    [{ mode: 'audit', regions: 'us-east-1, mars' }, "Input 'regions' is 'mars'"],
    [{ mode: 'inspect' }, "Input 'mode' is 'inspect': expected one of gate, audit"],
  ])('%j fails with one line naming the input, and calls no AWS API', async (inputs, message) => {
    await moto.startRecording();
    const r = await runAction('quota-check', inputs as Record<string, string>, { env: moto.env });
    expect(r.exitCode).toBe(1);
    expect(r.log).toContain(`::error::${message}`);
    expect(r.log).not.toMatch(/\n\s+at /);
    expect(await moto.recorded()).toEqual([]);
  });

  test('a template that is not YAML fails as a bad input before any AWS call', async () => {
    await moto.startRecording();
    const r = await runAction(
      'quota-check',
      { template: write('broken.yaml', 'Resources: [unclosed') },
      { env: moto.env },
    );
    expect(r.exitCode).toBe(1);
    expect(r.log).toMatch(
      /::error::Input 'template' is '.*broken\.yaml': expected a CloudFormation template in YAML or JSON \(line 1/,
    );
    expect(await moto.recorded()).toEqual([]);
  });
});

describe('quota-check audit mode', () => {
  const issueEnv = () => ({
    ...proxy.env,
    ...github.env,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '77',
  });

  test('one issue: opened when a quota is above the threshold, updated, then closed with a comment', async () => {
    const inputs = { mode: 'audit', 'github-token': GITHUB_FAKE_TOKEN };
    await useVpcs(5);
    const first = await runAction('quota-check', inputs, { env: issueEnv() });
    expect(first.exitCode).toBe(0);
    expect(first.outputs['ok']).toBe('false');
    expect(first.log).toContain('Quota audit issue: opened #1.');
    expect(report(first.outputs).find((e) => e.code === 'L-F678F1CE')).toMatchObject({
      usage: 5,
      quota: 5,
      percent: 100,
      verdict: 'warn',
    });
    const rows = report(first.outputs);
    // Sorted by use: the full VPC quota first.
    expect(first.summary.indexOf('L-F678F1CE')).toBeLessThan(first.summary.indexOf('L-A4707A72'));
    expect(rows.length).toBeGreaterThanOrEqual(17);
    let issues = github.issues({ label: 'hoist-quotas' });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ state: 'open', title: 'AWS quotas above 80%' });
    expect(issues[0]?.body).toContain('1 AWS quota(s) are above 80%');
    expect(issues[0]?.body).toContain('https://github.com/octo/infra/actions/runs/77');

    const client = ec2();
    for (let i = 0; i < 5; i++) await client.send(new AllocateAddressCommand({ Domain: 'vpc' }));
    const second = await runAction('quota-check', inputs, { env: issueEnv() });
    expect(second.log).toContain('Quota audit issue: updated #1.');
    issues = github.issues({ label: 'hoist-quotas' });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.body).toContain('2 AWS quota(s) are above 80%');

    const vpcs = (await client.send(new DescribeVpcsCommand({}))).Vpcs ?? [];
    for (const vpc of vpcs.filter((v) => !v.IsDefault).slice(0, 3))
      await client.send(new DeleteVpcCommand({ VpcId: vpc.VpcId }));
    const { ReleaseAddressCommand, DescribeAddressesCommand } = await import('@aws-sdk/client-ec2');
    for (const a of (await client.send(new DescribeAddressesCommand({}))).Addresses ?? [])
      await client.send(new ReleaseAddressCommand({ AllocationId: a.AllocationId }));
    const third = await runAction('quota-check', inputs, { env: issueEnv() });
    expect(third.outputs['ok']).toBe('true');
    expect(third.log).toContain('Quota audit issue: closed #1.');
    issues = github.issues({ label: 'hoist-quotas' });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.state).toBe('closed');
    expect(github.comments(1).map((c) => c.body)).toEqual([
      expect.stringContaining('All tracked quotas are at or below 80% again'),
    ]);
    // The token never shows.
    for (const run of [first, second, third])
      expect(run.raw.stdout + run.raw.stderr).not.toContain(`::debug::${GITHUB_FAKE_TOKEN}`);
    expect(first.masked).toContain(GITHUB_FAKE_TOKEN);
  });

  test('several regions in one table; quotas moto does not serve fall back to defaults with a WARN each', async () => {
    const r = await runAction('quota-check', { mode: 'audit', regions: 'us-east-1,eu-west-1' }, { env: proxy.env });
    expect(r.exitCode).toBe(0);
    const rows = report(r.outputs);
    expect(new Set(rows.map((e) => (e as unknown as { region: string }).region))).toEqual(
      new Set(['us-east-1', 'eu-west-1']),
    );
    expect(rows.find((e) => e.code === 'L-1216C47A')).toMatchObject({ quota: 5, quotaSource: 'table' });
    expect(
      r.annotations.some(
        (a) => a.title === 'fargate/L-3032A538' && a.level === 'warning' && a.message.includes('is a default'),
      ),
    ).toBe(true);
    expectDeclaredCalls();
  });

  test('a read-only token: the issue is skipped with a warning, the audit still reports', async () => {
    await useVpcs(5);
    const r = await runAction(
      'quota-check',
      { mode: 'audit', 'github-token': GITHUB_FAKE_READONLY_TOKEN },
      { env: issueEnv() },
    );
    expect(r.exitCode).toBe(0);
    expect(r.annotations.find((a) => a.title === 'GitHub issue')?.message).toContain('read-only token');
    expect(github.issues()).toEqual([]);
  });
});
