import { DescribeAutoScalingGroupsCommand, type AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import {
  DescribeAddressesCommand,
  DescribeInstancesCommand,
  DescribeInstanceTypesCommand,
  DescribeInternetGatewaysCommand,
  DescribeNatGatewaysCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  type _InstanceType,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import {
  DescribeTasksCommand,
  ListClustersCommand,
  ListServicesCommand,
  ListTasksCommand,
  type ECSClient,
} from '@aws-sdk/client-ecs';
import { describeAwsError } from '@hoist/aws';
import { instanceClassQuota, type QuotaKey } from './catalog.js';
import { clusterName, taskVcpus } from './needs.js';

export interface UsageClients {
  ec2: EC2Client;
  ecs: ECSClient;
  autoScaling: AutoScalingClient;
}

/** Every page of a paginated call, following its NextToken. */
async function allPages<T>(
  fetchPage: (token: string | undefined) => Promise<{ items: T[] | undefined; next: string | undefined }>,
): Promise<T[]> {
  const out: T[] = [];
  let token: string | undefined;
  do {
    const page = await fetchPage(token);
    out.push(...(page.items ?? []));
    token = page.next;
  } while (token);
  return out;
}

/** vCPUs of each instance type, from DescribeInstanceTypes (types the region does not offer are absent). */
export async function instanceTypeVcpus(
  ec2: EC2Client,
  types: readonly string[],
  signal: AbortSignal,
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const unique = [...new Set(types)];
  for (const type of unique) {
    try {
      const answer = await ec2.send(new DescribeInstanceTypesCommand({ InstanceTypes: [type as _InstanceType] }), {
        abortSignal: signal,
      });
      const vcpus = answer.InstanceTypes?.[0]?.VCpuInfo?.DefaultVCpus;
      if (vcpus !== undefined) out.set(type, vcpus);
    } catch (error) {
      // An unknown type is refused with InvalidInstanceType: it is reported by the caller as not offered.
      if (signal.aborted || !/InvalidInstanceType/.test((error as Error).name)) throw error;
    }
  }
  return out;
}

const ACTIVE_NAT = ['pending', 'available'];

/**
 * What is in use now against the given quotas in the client's region. For a quota limited per Availability Zone
 * (NAT gateways) or per cluster (ECS services), `values` holds the fullest zone's or cluster's usage and `perScope`
 * each one's.
 */
export interface Usage {
  values: Map<QuotaKey, number>;
  /** Per zone (by name and by zone ID) or per cluster (by name). */
  perScope: Map<QuotaKey, Map<string, number>>;
  /** Quotas whose usage could not be measured, with the AWS error (e.g. AccessDenied). */
  errors: Map<QuotaKey, string>;
}

export async function measureUsage(
  clients: UsageClients,
  keys: ReadonlySet<QuotaKey>,
  signal: AbortSignal,
): Promise<Usage> {
  const { ec2, ecs, autoScaling } = clients;
  const usage = new Map<QuotaKey, number>();
  const perScope = new Map<QuotaKey, Map<string, number>>();
  const errors = new Map<QuotaKey, string>();
  const o = { abortSignal: signal };
  // Listed once for the cluster, service and Fargate measures (a promise local to this call, not a cache).
  let clusterList: Promise<string[]> | undefined;
  const clusters = () =>
    (clusterList ??= allPages((t) =>
      ecs.send(new ListClustersCommand({ nextToken: t }), o).then((a) => ({ items: a.clusterArns, next: a.nextToken })),
    ));
  const jobs: Promise<void>[] = [];
  // One call that fails (a missing permission) costs only the quotas it measures.
  const track = (covers: readonly QuotaKey[], job: Promise<void>) =>
    jobs.push(
      job.catch((error: unknown) => {
        if (signal.aborted) throw error;
        for (const key of covers) if (keys.has(key)) errors.set(key, describeAwsError(error));
      }),
    );
  const measure = (key: QuotaKey, count: () => Promise<number>) => {
    if (keys.has(key))
      track(
        [key],
        count().then((n) => void usage.set(key, n)),
      );
  };
  const measureScoped = (key: QuotaKey, count: () => Promise<Map<string, number>>) =>
    measure(key, async () => {
      const counts = await count();
      perScope.set(key, counts);
      return Math.max(0, ...counts.values());
    });
  measure(
    'vpcs',
    async () =>
      (
        await allPages((t) =>
          ec2.send(new DescribeVpcsCommand({ NextToken: t }), o).then((a) => ({ items: a.Vpcs, next: a.NextToken })),
        )
      ).length,
  );
  measure(
    'internet-gateways',
    async () =>
      (
        await allPages((t) =>
          ec2
            .send(new DescribeInternetGatewaysCommand({ NextToken: t }), o)
            .then((a) => ({ items: a.InternetGateways, next: a.NextToken })),
        )
      ).length,
  );
  measure(
    'elastic-ips',
    async () =>
      (await ec2.send(new DescribeAddressesCommand({ Filters: [{ Name: 'domain', Values: ['vpc'] }] }), o)).Addresses
        ?.length ?? 0,
  );
  measure(
    'security-groups',
    async () =>
      (
        await allPages((t) =>
          ec2
            .send(new DescribeSecurityGroupsCommand({ NextToken: t }), o)
            .then((a) => ({ items: a.SecurityGroups, next: a.NextToken })),
        )
      ).length,
  );
  measure(
    'auto-scaling-groups',
    async () =>
      (
        await allPages((t) =>
          autoScaling
            .send(new DescribeAutoScalingGroupsCommand({ NextToken: t }), o)
            .then((a) => ({ items: a.AutoScalingGroups, next: a.NextToken })),
        )
      ).length,
  );
  measureScoped('nat-gateways', async () => {
    const nats = await allPages((t) =>
      ec2
        .send(new DescribeNatGatewaysCommand({ NextToken: t, Filter: [{ Name: 'state', Values: ACTIVE_NAT }] }), o)
        .then((a) => ({ items: a.NatGateways, next: a.NextToken })),
    );
    const subnetIds = [...new Set(nats.map((n) => n.SubnetId).filter((s): s is string => s !== undefined))];
    const subnets =
      subnetIds.length > 0
        ? ((await ec2.send(new DescribeSubnetsCommand({ SubnetIds: subnetIds }), o)).Subnets ?? [])
        : [];
    const subnetOf = new Map(subnets.map((s) => [s.SubnetId, s]));
    const perZone = new Map<string, number>();
    for (const n of nats) {
      const subnet = subnetOf.get(n.SubnetId);
      // A template may name the zone or its ID: both are keys, the name first (it labels the fullest zone).
      for (const zone of [subnet?.AvailabilityZone ?? 'unknown', subnet?.AvailabilityZoneId])
        if (zone) perZone.set(zone, (perZone.get(zone) ?? 0) + 1);
    }
    return perZone;
  });
  measure('ecs-clusters', async () => (await clusters()).length);
  measureScoped('ecs-services-per-cluster', async () => {
    const perCluster = new Map<string, number>();
    for (const cluster of await clusters()) {
      const services = await allPages((t) =>
        ecs
          .send(new ListServicesCommand({ cluster, nextToken: t, maxResults: 100 }), o)
          .then((a) => ({ items: a.serviceArns, next: a.nextToken })),
      );
      perCluster.set(clusterName(cluster), services.length);
    }
    return perCluster;
  });
  const ec2Classes = [...keys].filter((k) => k.startsWith('ec2-') && k.endsWith('-vcpus'));
  if (ec2Classes.length > 0) {
    track(
      ec2Classes,
      instanceVcpuUsage(ec2, signal).then((m) => {
        for (const key of ec2Classes) usage.set(key, m.get(key) ?? 0);
      }),
    );
  }
  const fargate = (['fargate-on-demand-vcpus', 'fargate-spot-vcpus'] as const).filter((k) => keys.has(k));
  if (fargate.length > 0) {
    track(
      fargate,
      clusters()
        .then((list) => fargateVcpuUsage(ecs, list, signal))
        .then(({ onDemand, spot }) => {
          if (keys.has('fargate-on-demand-vcpus')) usage.set('fargate-on-demand-vcpus', onDemand);
          if (keys.has('fargate-spot-vcpus')) usage.set('fargate-spot-vcpus', spot);
        }),
    );
  }
  await Promise.all(jobs);
  return { values: usage, perScope, errors };
}

/** vCPUs of running and pending On-Demand instances, per instance family class. */
async function instanceVcpuUsage(ec2: EC2Client, signal: AbortSignal): Promise<Map<QuotaKey, number>> {
  const reservations = await allPages((t) =>
    ec2
      .send(
        new DescribeInstancesCommand({
          NextToken: t,
          Filters: [{ Name: 'instance-state-name', Values: ['pending', 'running'] }],
        }),
        { abortSignal: signal },
      )
      .then((a) => ({ items: a.Reservations, next: a.NextToken })),
  );
  const instances = reservations
    .flatMap((r) => r.Instances ?? [])
    .filter((i) => i.InstanceLifecycle !== 'spot' && i.InstanceType);
  const missing = instances
    .filter((i) => !(i.CpuOptions?.CoreCount && i.CpuOptions.ThreadsPerCore))
    .map((i) => i.InstanceType as string);
  const typeVcpus = missing.length > 0 ? await instanceTypeVcpus(ec2, missing, signal) : new Map<string, number>();
  const out = new Map<QuotaKey, number>();
  for (const i of instances) {
    const type = i.InstanceType as string;
    const vcpus =
      i.CpuOptions?.CoreCount && i.CpuOptions.ThreadsPerCore
        ? i.CpuOptions.CoreCount * i.CpuOptions.ThreadsPerCore
        : (typeVcpus.get(type) ?? 0);
    const key = instanceClassQuota(type);
    out.set(key, (out.get(key) ?? 0) + vcpus);
  }
  return out;
}

/** vCPUs of running Fargate tasks in every cluster of the region, On-Demand and Spot apart. */
async function fargateVcpuUsage(
  ecs: ECSClient,
  clusters: readonly string[],
  signal: AbortSignal,
): Promise<{ onDemand: number; spot: number }> {
  const o = { abortSignal: signal };
  let onDemand = 0;
  let spot = 0;
  for (const cluster of clusters) {
    const arns = await allPages((t) =>
      ecs
        .send(new ListTasksCommand({ cluster, desiredStatus: 'RUNNING', nextToken: t }), o)
        .then((a) => ({ items: a.taskArns, next: a.nextToken })),
    );
    for (let i = 0; i < arns.length; i += 100) {
      const tasks =
        (await ecs.send(new DescribeTasksCommand({ cluster, tasks: arns.slice(i, i + 100) }), o)).tasks ?? [];
      for (const task of tasks) {
        const provider = task.capacityProviderName;
        const fargate = task.launchType === 'FARGATE' || provider === 'FARGATE' || provider === 'FARGATE_SPOT';
        if (!fargate) continue;
        const vcpus = taskVcpus(task.cpu) ?? 0;
        if (provider === 'FARGATE_SPOT') spot += vcpus;
        else onDemand += vcpus;
      }
    }
  }
  return { onDemand, spot };
}
