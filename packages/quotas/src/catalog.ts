/**
 * The quotas hoist tracks: Service Quotas service and quota codes, names, and the AWS default values used only when
 * neither GetServiceQuota nor GetAWSDefaultServiceQuota answers. Facts, with their sources:
 * - VPC quotas: Amazon VPC User Guide, "Amazon VPC quotas" (docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html);
 *   the codes and defaults are also those moto 5.2.1 serves for ListAWSDefaultServiceQuotas(vpc).
 * - EC2 On-Demand vCPU quotas per instance family class and Elastic IPs: Amazon EC2 User Guide, "Amazon EC2 service
 *   quotas" (docs.aws.amazon.com/ec2/latest/instancetypes/ec2-instance-quotas.html) and the AWS CLI reference
 *   example of get-aws-default-service-quota (ec2, L-1216C47A, Value 5.0).
 * - Fargate: Amazon ECS Developer Guide, "AWS Fargate service quotas"
 *   (docs.aws.amazon.com/AmazonECS/latest/developerguide/service-quotas.html). New accounts often get a lower
 *   applied value than the default (6 vCPUs is common) — which is why the applied value is read first.
 * - Auto Scaling groups: Amazon EC2 Auto Scaling User Guide, "Quotas for Amazon EC2 Auto Scaling".
 * - ECS clusters and services per cluster: Amazon ECS Developer Guide, "Amazon ECS service quotas" (Clusters 10,000 per
 *   Region, Services per cluster 5,000, both adjustable); the codes are those Service Quotas gives for `ecs`.
 * docs/actions/quota-check-quotas.md renders this table for users.
 */

export type QuotaScope = 'region' | 'availability-zone' | 'cluster';

/** What hoist calls a tracked quota. */
export type QuotaKey =
  | 'vpcs'
  | 'internet-gateways'
  | 'nat-gateways'
  | 'elastic-ips'
  | 'security-groups'
  | 'auto-scaling-groups'
  | 'ec2-standard-vcpus'
  | 'ec2-g-vt-vcpus'
  | 'ec2-p-vcpus'
  | 'ec2-x-vcpus'
  | 'ec2-f-vcpus'
  | 'ec2-inf-vcpus'
  | 'ec2-trn-vcpus'
  | 'ec2-dl-vcpus'
  | 'ec2-hpc-vcpus'
  | 'fargate-on-demand-vcpus'
  | 'fargate-spot-vcpus'
  | 'ecs-clusters'
  | 'ecs-services-per-cluster'
  | 'log-groups'
  | 'secrets';

export interface QuotaDefinition {
  key: QuotaKey;
  /** Service Quotas service code (`vpc`, `ec2`, `fargate`, `autoscaling`, `ecs`). */
  serviceCode: string;
  /** Service Quotas quota code (`L-F678F1CE`). */
  quotaCode: string;
  /** The quota's name as Service Quotas shows it. */
  name: string;
  /** The AWS default value (the last fallback). */
  defaultValue: number;
  /** What is counted: `vCPUs`, or a resource in the plural. */
  unit: string;
  /** What to delete to make room, for the fix of a FAIL. */
  reclaim: string;
  /**
   * What one quota value limits: the Region, each Availability Zone (NAT gateways) or each ECS cluster (services).
   * A zone or cluster quota is compared zone by zone, or cluster by cluster, where the template says which.
   */
  scope: QuotaScope;
  source: string;
  /** Usage from the CloudWatch usage metric Service Quotas names, not from a probe of hoist's own. */
  usageFromMetric?: boolean;
}

const VPC_GUIDE = 'https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html';
const EC2_GUIDE = 'https://docs.aws.amazon.com/ec2/latest/instancetypes/ec2-instance-quotas.html';
const EIP_GUIDE =
  'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/elastic-ip-addresses-eip.html#using-instance-addressing-limit';
const FARGATE_GUIDE = 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-quotas.html';
const ASG_GUIDE = 'https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-quotas.html';
const ECS_GUIDE = FARGATE_GUIDE;

const ec2Vcpus = (key: QuotaKey, quotaCode: string, classes: string): QuotaDefinition => ({
  key,
  serviceCode: 'ec2',
  quotaCode,
  name: `Running On-Demand ${classes} instances`,
  defaultValue: key === 'ec2-standard-vcpus' ? 5 : 0,
  unit: 'vCPUs',
  reclaim: `stop or terminate unused ${classes} instances`,
  scope: 'region',
  source: EC2_GUIDE,
});

export const QUOTAS: readonly QuotaDefinition[] = [
  {
    key: 'vpcs',
    serviceCode: 'vpc',
    quotaCode: 'L-F678F1CE',
    name: 'VPCs per Region',
    defaultValue: 5,
    unit: 'VPCs',
    reclaim: 'delete unused VPCs',
    scope: 'region',
    source: VPC_GUIDE,
  },
  {
    key: 'internet-gateways',
    serviceCode: 'vpc',
    quotaCode: 'L-A4707A72',
    name: 'Internet gateways per Region',
    defaultValue: 5,
    unit: 'internet gateways',
    reclaim: 'delete unused internet gateways (detached ones first)',
    scope: 'region',
    source: VPC_GUIDE,
  },
  {
    key: 'nat-gateways',
    serviceCode: 'vpc',
    quotaCode: 'L-FE5A380F',
    name: 'NAT gateways per Availability Zone',
    defaultValue: 5,
    unit: 'NAT gateways',
    reclaim: 'delete unused NAT gateways',
    scope: 'availability-zone',
    source: VPC_GUIDE,
  },
  {
    key: 'elastic-ips',
    serviceCode: 'ec2',
    quotaCode: 'L-0263D0A3',
    name: 'EC2-VPC Elastic IPs',
    defaultValue: 5,
    unit: 'Elastic IPs',
    reclaim: 'release unassociated Elastic IPs',
    scope: 'region',
    source: EIP_GUIDE,
  },
  {
    key: 'security-groups',
    serviceCode: 'vpc',
    quotaCode: 'L-E79EC296',
    name: 'VPC security groups per Region',
    defaultValue: 2500,
    unit: 'security groups',
    reclaim: 'delete unused security groups',
    scope: 'region',
    source: VPC_GUIDE,
  },
  {
    key: 'auto-scaling-groups',
    serviceCode: 'autoscaling',
    quotaCode: 'L-CDE20ADC',
    name: 'Auto Scaling groups per region',
    defaultValue: 500,
    unit: 'Auto Scaling groups',
    reclaim: 'delete unused Auto Scaling groups',
    scope: 'region',
    source: ASG_GUIDE,
  },
  ec2Vcpus('ec2-standard-vcpus', 'L-1216C47A', 'Standard (A, C, D, H, I, M, R, T, Z)'),
  ec2Vcpus('ec2-g-vt-vcpus', 'L-DB2E81BA', 'G and VT'),
  ec2Vcpus('ec2-p-vcpus', 'L-417A185B', 'P'),
  ec2Vcpus('ec2-x-vcpus', 'L-7295265B', 'X'),
  ec2Vcpus('ec2-f-vcpus', 'L-74FC7D96', 'F'),
  ec2Vcpus('ec2-inf-vcpus', 'L-1945791B', 'Inf'),
  ec2Vcpus('ec2-trn-vcpus', 'L-2C3B7624', 'Trn'),
  ec2Vcpus('ec2-dl-vcpus', 'L-6E869C2A', 'DL'),
  ec2Vcpus('ec2-hpc-vcpus', 'L-F7808C92', 'HPC'),
  {
    key: 'fargate-on-demand-vcpus',
    serviceCode: 'fargate',
    quotaCode: 'L-3032A538',
    name: 'Fargate On-Demand vCPU resource count',
    defaultValue: 4000,
    unit: 'vCPUs',
    reclaim: 'scale down or stop unused Fargate tasks',
    scope: 'region',
    source: FARGATE_GUIDE,
  },
  {
    key: 'fargate-spot-vcpus',
    serviceCode: 'fargate',
    quotaCode: 'L-36FBB829',
    name: 'Fargate Spot vCPU resource count',
    defaultValue: 4000,
    unit: 'vCPUs',
    reclaim: 'scale down or stop unused Fargate Spot tasks',
    scope: 'region',
    source: FARGATE_GUIDE,
  },
  {
    key: 'ecs-clusters',
    serviceCode: 'ecs',
    quotaCode: 'L-21C621EB',
    name: 'Clusters per account',
    defaultValue: 10000,
    unit: 'clusters',
    reclaim: 'delete unused ECS clusters',
    scope: 'region',
    source: ECS_GUIDE,
  },
  {
    key: 'ecs-services-per-cluster',
    serviceCode: 'ecs',
    quotaCode: 'L-9EF96962',
    name: 'Services per cluster',
    defaultValue: 5000,
    unit: 'services',
    reclaim: 'delete unused services from the cluster',
    scope: 'cluster',
    source: ECS_GUIDE,
  },
  // No probe of hoist's own (listing every log group or secret of a Region can take thousands of calls): their usage
  // comes from the CloudWatch AWS/Usage metric Service Quotas names for them.
  {
    key: 'log-groups',
    serviceCode: 'logs',
    quotaCode: 'L-C7B9AAAB',
    name: 'Log groups',
    defaultValue: 1_000_000,
    unit: 'log groups',
    reclaim: 'delete unused log groups',
    scope: 'region',
    source: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch_limits_cwl.html',
    usageFromMetric: true,
  },
  {
    key: 'secrets',
    serviceCode: 'secretsmanager',
    quotaCode: 'L-2F66C23C',
    name: 'Secrets per Region',
    defaultValue: 500_000,
    unit: 'secrets',
    reclaim: 'delete unused secrets',
    scope: 'region',
    source: 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/reference_limits.html',
    usageFromMetric: true,
  },
];

export function quotaDefinition(key: QuotaKey): QuotaDefinition {
  const found = QUOTAS.find((q) => q.key === key);
  if (!found) throw new Error(`unknown quota ${key}`);
  return found;
}

export function findQuotaByCode(serviceCode: string, quotaCode: string): QuotaDefinition | undefined {
  return QUOTAS.find((q) => q.serviceCode === serviceCode && q.quotaCode === quotaCode);
}

/**
 * The On-Demand vCPU quota an instance type counts against, from its family's letters (`g5.xlarge` → G and VT,
 * `p4d.24xlarge` → P, `m7i.large` → Standard). Unknown families count as Standard (the broadest quota).
 */
export function instanceClassQuota(instanceType: string): QuotaKey {
  const family = /^([a-z]+)/.exec(instanceType.toLowerCase())?.[1] ?? '';
  if (family === 'g' || family === 'vt') return 'ec2-g-vt-vcpus';
  if (family === 'p') return 'ec2-p-vcpus';
  if (family === 'x') return 'ec2-x-vcpus';
  if (family === 'f') return 'ec2-f-vcpus';
  if (family === 'inf') return 'ec2-inf-vcpus';
  if (family === 'trn') return 'ec2-trn-vcpus';
  if (family === 'dl') return 'ec2-dl-vcpus';
  if (family === 'hpc') return 'ec2-hpc-vcpus';
  return 'ec2-standard-vcpus';
}

/** The Service Quotas console page of a quota, where an increase is requested. */
export function quotaConsoleUrl(q: Pick<QuotaDefinition, 'serviceCode' | 'quotaCode'>, region: string): string {
  return `https://${region}.console.aws.amazon.com/servicequotas/home/services/${q.serviceCode}/quotas/${q.quotaCode}`;
}
