import { describe, expect, test } from '@jest/globals';
import { parseTemplate } from '@hoist/cfn';
import {
  addInstanceNeeds,
  computeNeeds,
  instanceClassQuota,
  percentOf,
  rowFinding,
  splitTasks,
  taskVcpus,
  verdictOf,
  type QuotaKey,
  type QuotaRow,
  type TemplateNeeds,
} from '@hoist/quotas';

const REGION = 'us-east-1';

function needs(body: string, parameters: Record<string, string> = {}, existing?: Map<string, string>): TemplateNeeds {
  const template = parseTemplate(body);
  const given = Object.fromEntries(
    [...template.parameters.values()].map((p) => [p.name, parameters[p.name] ?? p.default ?? '']),
  );
  return computeNeeds(template, { parameters: given, region: REGION, ...(existing ? { existing } : {}) });
}

function amounts(result: TemplateNeeds): Partial<Record<QuotaKey, number>> {
  return Object.fromEntries([...result.needs.values()].map((n) => [n.key, n.amount]));
}

/** Only the Fargate vCPU needs (every service also counts against Services per cluster). */
function fargateAmounts(result: TemplateNeeds): Partial<Record<QuotaKey, number>> {
  return Object.fromEntries(Object.entries(amounts(result)).filter(([key]) => key.startsWith('fargate-')));
}

const service = (props: string, taskCpu = "'1024'") => `
Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      Cpu: ${taskCpu}
  Service:
    Type: AWS::ECS::Service
    Properties:
      TaskDefinition: !Ref Task
${props}
`;

describe('computeNeeds: network', () => {
  test('VPC, internet gateway, NAT gateway and the Elastic IP it takes, security groups', () => {
    const result = needs(`
Resources:
  Vpc: { Type: AWS::EC2::VPC }
  Igw: { Type: AWS::EC2::InternetGateway }
  EipA: { Type: AWS::EC2::EIP }
  EipB: { Type: AWS::EC2::EIP }
  NatA: { Type: AWS::EC2::NatGateway, Properties: { AllocationId: !GetAtt EipA.AllocationId } }
  NatB: { Type: AWS::EC2::NatGateway, Properties: { AllocationId: { 'Fn::GetAtt': [EipB, AllocationId] } } }
  Sg1: { Type: AWS::EC2::SecurityGroup }
  Sg2: { Type: AWS::EC2::SecurityGroup }
  Bucket: { Type: AWS::S3::Bucket }
`);
    expect(amounts(result)).toEqual({
      vpcs: 1,
      'internet-gateways': 1,
      'nat-gateways': 2,
      'elastic-ips': 2,
      'security-groups': 2,
    });
    expect(result.needs.get('elastic-ips')?.sources.map((s) => s.detail)).toEqual([
      'Elastic IP of NAT gateway NatA',
      'Elastic IP of NAT gateway NatB',
    ]);
  });

  test('resources whose condition is false are not counted; undecidable conditions are counted and noted', () => {
    const result = needs(
      `
Parameters:
  Env: { Type: String, Default: dev }
  Ha: { Type: String }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsNotProd: !Not [!Condition IsProd]
  Unknowable: !Equals [!GetAtt Vpc.CidrBlock, 10.0.0.0/16]
Resources:
  Vpc: { Type: AWS::EC2::VPC }
  ProdNat: { Type: AWS::EC2::NatGateway, Condition: IsProd }
  DevNat: { Type: AWS::EC2::NatGateway, Condition: IsNotProd }
  MaybeEip: { Type: AWS::EC2::EIP, Condition: Unknowable }
`,
      { Env: 'dev' },
    );
    expect(amounts(result)).toEqual({ vpcs: 1, 'nat-gateways': 1, 'elastic-ips': 1 });
    expect(result.needs.get('nat-gateways')?.sources[0]?.logicalId).toBe('DevNat');
    expect(result.notes).toEqual(['MaybeEip: condition Unknowable cannot be decided before the deploy; counted.']);
  });

  test('what an existing stack already has is not counted again', () => {
    const result = needs(
      'Resources:\n  Vpc: { Type: AWS::EC2::VPC }\n  Eip: { Type: AWS::EC2::EIP }\n',
      {},
      new Map([['Vpc', 'AWS::EC2::VPC']]),
    );
    expect(amounts(result)).toEqual({ 'elastic-ips': 1 });
    expect(result.existing).toEqual(['Vpc']);
  });
});

describe('computeNeeds: Fargate', () => {
  test('task CPU × desired count, with the rollout surge of MaximumPercent (default 200%)', () => {
    expect(fargateAmounts(needs(service('      LaunchType: FARGATE\n      DesiredCount: 2')))).toEqual({
      'fargate-on-demand-vcpus': 4,
    });
    const limited = needs(
      service(
        '      LaunchType: FARGATE\n      DesiredCount: 3\n      DeploymentConfiguration: { MaximumPercent: 150 }',
        "'2 vCPU'",
      ),
    );
    expect(fargateAmounts(limited)).toEqual({ 'fargate-on-demand-vcpus': 8 });
    expect(limited.needs.get('fargate-on-demand-vcpus')?.sources[0]?.detail).toBe(
      '4 task(s) × 2 vCPU — 3 task(s), up to 150% during a rollout',
    );
  });

  test('values from parameters, Fn::If and Fn::FindInMap', () => {
    const body = `
Parameters:
  Size: { Type: String, Default: small }
  Workers: { Type: Number, Default: 1 }
Conditions:
  Big: !Equals [!Ref Size, large]
Mappings:
  Cpu: { small: { units: '512' }, large: { units: '4096' } }
Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties: { RequiresCompatibilities: [FARGATE], Cpu: !FindInMap [Cpu, !Ref Size, units] }
  Service:
    Type: AWS::ECS::Service
    Properties:
      TaskDefinition: !Ref Task
      DesiredCount: !If [Big, !Ref Workers, 1]
      DeploymentConfiguration: { MaximumPercent: 100 }
`;
    expect(fargateAmounts(needs(body))).toEqual({ 'fargate-on-demand-vcpus': 0.5 });
    expect(fargateAmounts(needs(body, { Size: 'large', Workers: '3' }))).toEqual({ 'fargate-on-demand-vcpus': 12 });
  });

  test('On-Demand and Spot apart, from the capacity-provider strategy (Base first, then Weight)', () => {
    const result = needs(
      service(`      DesiredCount: 5
      DeploymentConfiguration: { MaximumPercent: 100 }
      CapacityProviderStrategy:
        - { CapacityProvider: FARGATE, Base: 1, Weight: 1 }
        - { CapacityProvider: FARGATE_SPOT, Weight: 3 }`),
    );
    expect(fargateAmounts(result)).toEqual({ 'fargate-on-demand-vcpus': 2, 'fargate-spot-vcpus': 3 });
  });

  test('an existing service adds only the surge of its next rollout; EC2-launch services add no Fargate vCPUs', () => {
    const existing = new Map([['Service', 'AWS::ECS::Service']]);
    expect(fargateAmounts(needs(service('      LaunchType: FARGATE\n      DesiredCount: 2'), {}, existing))).toEqual({
      'fargate-on-demand-vcpus': 2,
    });
    expect(fargateAmounts(needs(service('      LaunchType: EC2\n      DesiredCount: 2')))).toEqual({});
  });

  test('an unknown task CPU is noted, not guessed', () => {
    const result = needs(service('      LaunchType: FARGATE', '!GetAtt Something.Cpu'));
    expect(fargateAmounts(result)).toEqual({});
    expect(result.notes[0]).toContain("Service: the task definition's Cpu is not known before the deploy");
  });
});

describe('computeNeeds: EC2', () => {
  const vcpus = new Map([
    ['m5.large', 2],
    ['g5.xlarge', 4],
    ['g5.2xlarge', 8],
    ['p4d.24xlarge', 96],
  ]);

  test('Auto Scaling group: MaxSize plus the rolling update batch, vCPUs per instance family class', () => {
    const result = needs(`
Resources:
  Lt: { Type: AWS::EC2::LaunchTemplate, Properties: { LaunchTemplateData: { InstanceType: g5.xlarge } } }
  Gpu:
    Type: AWS::AutoScaling::AutoScalingGroup
    UpdatePolicy: { AutoScalingRollingUpdate: { MaxBatchSize: 2 } }
    Properties: { MaxSize: '3', LaunchTemplate: { LaunchTemplateId: !Ref Lt } }
  Head: { Type: AWS::EC2::Instance, Properties: { InstanceType: m5.large } }
`);
    addInstanceNeeds(result, vcpus);
    expect(amounts(result)).toEqual({ 'auto-scaling-groups': 1, 'ec2-g-vt-vcpus': 20, 'ec2-standard-vcpus': 2 });
  });

  test('a replacing update doubles the group; a mixed-instances group counts its largest type', () => {
    const result = needs(`
Resources:
  Workers:
    Type: AWS::AutoScaling::AutoScalingGroup
    UpdatePolicy: { AutoScalingReplacingUpdate: { WillReplace: true } }
    Properties:
      MaxSize: 2
      MixedInstancesPolicy:
        LaunchTemplate:
          Overrides: [{ InstanceType: g5.xlarge }, { InstanceType: g5.2xlarge }]
`);
    addInstanceNeeds(result, vcpus);
    expect(amounts(result)).toEqual({ 'auto-scaling-groups': 1, 'ec2-g-vt-vcpus': 32 });
  });

  test('an existing group adds only its rolling-update batch', () => {
    const result = needs(
      `
Resources:
  Lc: { Type: AWS::AutoScaling::LaunchConfiguration, Properties: { InstanceType: p4d.24xlarge } }
  Train:
    Type: AWS::AutoScaling::AutoScalingGroup
    UpdatePolicy: { AutoScalingRollingUpdate: {} }
    Properties: { MaxSize: 4, LaunchConfigurationName: !Ref Lc }
`,
      {},
      new Map([['Train', 'AWS::AutoScaling::AutoScalingGroup']]),
    );
    addInstanceNeeds(result, vcpus);
    expect(amounts(result)).toEqual({ 'ec2-p-vcpus': 96 });
  });

  test('an instance type the region does not offer is noted', () => {
    const result = needs('Resources:\n  Box: { Type: AWS::EC2::Instance, Properties: { InstanceType: zz9.huge } }\n');
    addInstanceNeeds(result, vcpus);
    expect(amounts(result)).toEqual({});
    expect(result.notes).toEqual([
      'Box: instance type zz9.huge is not offered in this region (DescribeInstanceTypes); not counted.',
    ]);
  });
});

describe('helpers', () => {
  test.each([
    ['m7i.large', 'ec2-standard-vcpus'],
    ['t3.micro', 'ec2-standard-vcpus'],
    ['g5.xlarge', 'ec2-g-vt-vcpus'],
    ['vt1.3xlarge', 'ec2-g-vt-vcpus'],
    ['p5.48xlarge', 'ec2-p-vcpus'],
    ['inf2.xlarge', 'ec2-inf-vcpus'],
    ['trn1.2xlarge', 'ec2-trn-vcpus'],
    ['x2idn.16xlarge', 'ec2-x-vcpus'],
    ['dl1.24xlarge', 'ec2-dl-vcpus'],
    ['hpc7g.4xlarge', 'ec2-hpc-vcpus'],
    ['f1.2xlarge', 'ec2-f-vcpus'],
  ])('%s counts against %s', (type, key) => {
    expect(instanceClassQuota(type)).toBe(key);
  });

  test('task CPU in units or vCPUs', () => {
    expect([
      taskVcpus('256'),
      taskVcpus('4096'),
      taskVcpus('1 vCPU'),
      taskVcpus('0.5 vcpu'),
      taskVcpus('lots'),
    ]).toEqual([0.25, 4, 1, 0.5, undefined]);
  });

  test('splitTasks gives Base first and rounds weighted shares up', () => {
    expect(
      Object.fromEntries(
        splitTasks(4, [
          { provider: 'FARGATE_SPOT', base: 0, weight: 1 },
          { provider: 'FARGATE', base: 0, weight: 1 },
        ]),
      ),
    ).toEqual({ FARGATE_SPOT: 2, FARGATE: 2 });
    expect(
      Object.fromEntries(
        splitTasks(1, [
          { provider: 'FARGATE', base: 2, weight: 0 },
          { provider: 'FARGATE_SPOT', base: 0, weight: 1 },
        ]),
      ),
    ).toEqual({ FARGATE: 1 });
  });

  test.each([
    [5, 4, 1, 80, 'warn', 100],
    [5, 3, 1, 80, 'pass', 80],
    [5, 5, 1, 80, 'fail', 120],
    [0, 0, 0, 80, 'pass', 0],
    [0, 0, 4, 80, 'fail', Infinity],
  ])('quota %d, usage %d, need %d, threshold %d: %s at %d%%', (quota, usage, need, threshold, verdict, percent) => {
    expect(verdictOf(quota, usage, need, threshold)).toBe(verdict);
    expect(percentOf(quota, usage, need)).toBe(percent);
  });

  test('unknown quota or usage is SKIP', () => {
    expect(verdictOf(undefined, 1, 1, 80)).toBe('skip');
    expect(verdictOf(5, undefined, 1, 80)).toBe('skip');
  });

  test('a FAIL says what to delete and which quota code to raise, with the console link', () => {
    const row: QuotaRow = {
      region: 'eu-west-1',
      serviceCode: 'vpc',
      quotaCode: 'L-F678F1CE',
      name: 'VPCs per Region',
      quota: 5,
      quotaSource: 'applied',
      usage: 5,
      need: 2,
      percent: 140,
      verdict: 'fail',
      unit: 'VPCs',
      sources: [],
    };
    const finding = rowFinding(row, 80, 'gate');
    expect(finding.message).toBe(
      'VPCs per Region (vpc/L-F678F1CE) in eu-west-1: 5/5 VPCs used, the deploy adds 2 → 7/5 (140%).',
    );
    expect(finding.fix).toContain('delete unused VPCs (2 more than the quota), or request an increase');
    expect(finding.fix).toContain('--quota-code L-F678F1CE --desired-value 7 --region eu-west-1');
    expect(finding.link).toBe(
      'https://eu-west-1.console.aws.amazon.com/servicequotas/home/services/vpc/quotas/L-F678F1CE',
    );
  });
});
