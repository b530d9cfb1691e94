import type { AutoScalingGroup } from '@aws-sdk/client-auto-scaling';
import type { Service, TaskDefinition } from '@aws-sdk/client-ecs';
import { createClient, sleep as realSleep, waitFor, WaitTimeoutError, type AwsContext, type Sleep } from '@hoist/aws';
import type { Finding } from '@hoist/kit';
import type { StackResourceSummary } from './api.js';

/** The ECS calls verification and forced deployments make. */
export interface EcsApi {
  describeServices(cluster: string, services: readonly string[]): Promise<Service[]>;
  /** stoppedReason of the service's most recently stopped tasks (newest first). */
  stoppedTaskReasons(cluster: string, service: string, limit: number): Promise<string[]>;
  describeTaskDefinition(taskDefinition: string): Promise<TaskDefinition | undefined>;
  forceNewDeployment(cluster: string, service: string): Promise<void>;
}

/** The Auto Scaling (and EC2 launch template) calls verification and instance refreshes make. */
export interface AutoScalingApi {
  describeGroups(names: readonly string[]): Promise<AutoScalingGroup[]>;
  /** Resolves `$Latest` / `$Default` of a launch template to a version number. */
  launchTemplateVersion(id: string | undefined, name: string | undefined, version: string): Promise<string>;
  /** The launch template version's user data, decoded. */
  launchTemplateUserData(id: string | undefined, name: string | undefined, version: string): Promise<string>;
  startInstanceRefresh(group: string): Promise<string>;
}

export async function createEcsApi(aws: AwsContext): Promise<EcsApi> {
  const sdk = await import('@aws-sdk/client-ecs');
  const client = createClient(sdk.ECSClient, aws);
  return {
    async describeServices(cluster, services) {
      const out = await client.send(new sdk.DescribeServicesCommand({ cluster, services: [...services] }));
      return out.services ?? [];
    },
    async stoppedTaskReasons(cluster, service, limit) {
      const list = await client.send(
        new sdk.ListTasksCommand({ cluster, serviceName: service, desiredStatus: 'STOPPED', maxResults: limit }),
      );
      const arns = list.taskArns ?? [];
      if (arns.length === 0) return [];
      const tasks = await client.send(new sdk.DescribeTasksCommand({ cluster, tasks: arns }));
      return (tasks.tasks ?? [])
        .sort((a, b) => (b.stoppedAt?.getTime() ?? 0) - (a.stoppedAt?.getTime() ?? 0))
        .map((t) => {
          const container = t.containers?.find((c) => c.reason || (c.exitCode !== undefined && c.exitCode !== 0));
          const detail = container
            ? ` (container ${container.name}: ${container.reason ?? `exit code ${container.exitCode}`})`
            : '';
          return `${t.stoppedReason ?? 'stopped'}${detail}`;
        });
    },
    async describeTaskDefinition(taskDefinition) {
      const out = await client.send(new sdk.DescribeTaskDefinitionCommand({ taskDefinition }));
      return out.taskDefinition;
    },
    async forceNewDeployment(cluster, service) {
      await client.send(new sdk.UpdateServiceCommand({ cluster, service, forceNewDeployment: true }));
    },
  };
}

export async function createAutoScalingApi(aws: AwsContext): Promise<AutoScalingApi> {
  const [asg, ec2] = await Promise.all([import('@aws-sdk/client-auto-scaling'), import('@aws-sdk/client-ec2')]);
  const client = createClient(asg.AutoScalingClient, aws);
  const ec2Client = createClient(ec2.EC2Client, aws);
  const describeVersion = async (id: string | undefined, name: string | undefined, version: string) => {
    const out = await ec2Client.send(
      new ec2.DescribeLaunchTemplateVersionsCommand({
        ...(id ? { LaunchTemplateId: id } : { LaunchTemplateName: name }),
        Versions: [version],
      }),
    );
    return out.LaunchTemplateVersions?.[0];
  };
  return {
    async describeGroups(names) {
      const out = await client.send(new asg.DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [...names] }));
      return out.AutoScalingGroups ?? [];
    },
    async launchTemplateVersion(id, name, version) {
      if (/^\d+$/.test(version)) return version;
      return String((await describeVersion(id, name, version))?.VersionNumber ?? version);
    },
    async launchTemplateUserData(id, name, version) {
      const data = (await describeVersion(id, name, version))?.LaunchTemplateData?.UserData;
      return data ? Buffer.from(data, 'base64').toString('utf8') : '';
    },
    async startInstanceRefresh(group) {
      const out = await client.send(new asg.StartInstanceRefreshCommand({ AutoScalingGroupName: group }));
      return out.InstanceRefreshId ?? '';
    },
  };
}

/** An ECS service of the stack: cluster and name, told from its ARN (the cluster resource when the ARN is short). */
export interface StackService {
  logicalId: string;
  cluster: string;
  name: string;
}

export function stackServices(resources: readonly StackResourceSummary[]): StackService[] {
  const clusters = resources.filter((r) => r.ResourceType === 'AWS::ECS::Cluster' && r.PhysicalResourceId);
  const onlyCluster = clusters.length === 1 ? clusters[0]?.PhysicalResourceId : undefined;
  return resources
    .filter((r) => r.ResourceType === 'AWS::ECS::Service' && r.PhysicalResourceId)
    .map((r) => {
      const id = r.PhysicalResourceId ?? '';
      // arn:aws:ecs:region:account:service/cluster/name (long form) or …:service/name (old short form)
      const parts = id.startsWith('arn:') ? (id.split(':')[5] ?? '').split('/') : ['service', id];
      const name = parts[parts.length - 1] ?? id;
      const cluster = parts.length === 3 ? (parts[1] ?? 'default') : (onlyCluster?.split('/').pop() ?? 'default');
      return { logicalId: r.LogicalResourceId ?? '', cluster, name };
    });
}

export function stackGroups(resources: readonly StackResourceSummary[]): { logicalId: string; name: string }[] {
  return resources
    .filter((r) => r.ResourceType === 'AWS::AutoScaling::AutoScalingGroup' && r.PhysicalResourceId)
    .map((r) => ({ logicalId: r.LogicalResourceId ?? '', name: r.PhysicalResourceId ?? '' }));
}

export interface VerifyOptions {
  deadline: number;
  signal?: AbortSignal;
  sleep?: Sleep;
  intervalMs?: number;
}

/** A service is healthy when its PRIMARY deployment is COMPLETED and running = desired. */
export function serviceState(service: Service): { done: boolean; failed: boolean; detail: string } {
  const primary = service.deployments?.find((d) => d.status === 'PRIMARY');
  const running = service.runningCount ?? 0;
  const desired = service.desiredCount ?? 0;
  const rollout = primary?.rolloutState;
  const detail = `rollout ${rollout ?? 'unknown'}${primary?.rolloutStateReason ? ` (${primary.rolloutStateReason})` : ''}, running ${running} of ${desired}`;
  if (rollout === 'FAILED') return { done: true, failed: true, detail };
  const complete =
    (rollout === undefined || rollout === 'COMPLETED') &&
    running === desired &&
    (service.deployments?.length ?? 0) <= 1;
  return { done: complete, failed: false, detail };
}

/** Waits for each ECS service to finish its rollout; a failure names the stopped tasks' reasons and the service's events. */
export async function verifyEcsServices(
  api: EcsApi,
  services: readonly StackService[],
  options: VerifyOptions,
): Promise<Finding[]> {
  const findings: Finding[] = [];
  await Promise.all(
    services.map(async (s) => {
      const check = `ecs:${s.logicalId}`;
      let last: Service | undefined;
      try {
        const result = await waitFor(
          async () => {
            last = (await api.describeServices(s.cluster, [s.name]))[0];
            if (!last) return null;
            const state = serviceState(last);
            return state.done ? state : undefined;
          },
          {
            description: `ECS service ${s.name} to finish its rollout`,
            deadline: options.deadline,
            intervalMs: options.intervalMs ?? 1000,
            backoff: 1.5,
            maxIntervalMs: 15_000,
            ...(options.signal ? { signal: options.signal } : {}),
            ...(options.sleep ? { sleep: options.sleep } : {}),
          },
        );
        if (result === null) {
          findings.push({ check, status: 'fail', message: `service ${s.name} was not found in cluster ${s.cluster}` });
        } else if (!result.failed) {
          findings.push({ check, status: 'pass', message: `${s.name}: ${result.detail}` });
        } else {
          findings.push(await serviceFailure(api, s, check, result.detail, last));
        }
      } catch (error) {
        if (!(error instanceof WaitTimeoutError)) throw error;
        const detail = last ? serviceState(last).detail : 'never described';
        findings.push(await serviceFailure(api, s, check, `not stable by the deadline: ${detail}`, last));
      }
    }),
  );
  return findings.sort((a, b) => a.check.localeCompare(b.check));
}

async function serviceFailure(
  api: EcsApi,
  s: StackService,
  check: string,
  detail: string,
  service: Service | undefined,
): Promise<Finding> {
  let stopped: string[] = [];
  try {
    stopped = await api.stoppedTaskReasons(s.cluster, s.name, 5);
  } catch {
    // The reasons are a help; the failure is reported without them.
  }
  const events = (service?.events ?? []).slice(0, 5).map((e) => e.message ?? '');
  const lines = [`${s.name}: ${detail}`];
  if (stopped.length > 0) lines.push(`stopped tasks: ${[...new Set(stopped)].join('; ')}`);
  if (events.length > 0) lines.push(`service events: ${events.join(' | ')}`);
  return {
    check,
    status: 'fail',
    message: lines.join('\n'),
    fix: 'read the stopped reasons above (image pull, health check, secrets access), fix, and deploy again — or run the rollback action.',
  };
}

/** Each group's instances must be InService and Healthy on the group's launch template version, as many as desired. */
export async function verifyAutoScalingGroups(
  api: AutoScalingApi,
  groups: readonly { logicalId: string; name: string }[],
  options: VerifyOptions,
): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const g of groups) {
    const check = `asg:${g.logicalId}`;
    let detail = 'never described';
    try {
      const ok = await waitFor(
        async () => {
          const group = (await api.describeGroups([g.name]))[0];
          if (!group) return null;
          const state = await groupState(api, group);
          detail = state.detail;
          return state.done ? true : undefined;
        },
        {
          description: `Auto Scaling group ${g.name} to be healthy`,
          deadline: options.deadline,
          intervalMs: options.intervalMs ?? 2000,
          backoff: 1.5,
          maxIntervalMs: 15_000,
          ...(options.signal ? { signal: options.signal } : {}),
          ...(options.sleep ? { sleep: options.sleep } : {}),
        },
      );
      findings.push(
        ok === null
          ? { check, status: 'fail', message: `group ${g.name} was not found` }
          : { check, status: 'pass', message: `${g.name}: ${detail}` },
      );
    } catch (error) {
      if (!(error instanceof WaitTimeoutError)) throw error;
      findings.push({
        check,
        status: 'fail',
        message: `${g.name}: not healthy on the new launch template version by the deadline: ${detail}`,
        fix: 'an Unhealthy instance failed its EC2 or load balancer health check: read its system log and the group’s scaling activities. An updated launch template reaches running instances only through an UpdatePolicy or an instance refresh (force-new-deployment).',
      });
    }
  }
  return findings;
}

async function groupState(api: AutoScalingApi, group: AutoScalingGroup): Promise<{ done: boolean; detail: string }> {
  const spec = group.LaunchTemplate ?? group.MixedInstancesPolicy?.LaunchTemplate?.LaunchTemplateSpecification;
  const wanted = spec
    ? await api.launchTemplateVersion(spec.LaunchTemplateId, spec.LaunchTemplateName, spec.Version ?? '$Default')
    : undefined;
  const instances = group.Instances ?? [];
  // What keeps each instance from counting: not InService, not Healthy, or on another launch template version.
  const problems = instances.map((i) =>
    [
      i.LifecycleState === 'InService' ? '' : (i.LifecycleState ?? 'no lifecycle state'),
      i.HealthStatus === 'Healthy' ? '' : (i.HealthStatus ?? 'no health status'),
      wanted === undefined || i.LaunchTemplate?.Version === wanted
        ? ''
        : `on launch template version ${i.LaunchTemplate?.Version ?? 'unknown'}`,
    ]
      .filter((p) => p !== '')
      .join(', '),
  );
  const good = problems.filter((p) => p === '').length;
  const bad = instances.flatMap((i, n) => (problems[n] ? [`${i.InstanceId ?? '?'}: ${problems[n]}`] : []));
  const desired = group.DesiredCapacity ?? 0;
  const detail = `${good} of ${desired} instances InService and Healthy${wanted ? ` on launch template version ${wanted}` : ''} (${instances.length} in the group${bad.length > 0 ? `; ${bad.join('; ')}` : ''})`;
  return { done: good >= desired && bad.length === 0, detail };
}

/** GET the URL until it answers 200, or the deadline passes. */
export async function checkHealthUrl(
  url: string,
  options: VerifyOptions & { fetch?: typeof fetch; attemptTimeoutMs?: number },
): Promise<Finding> {
  const get = options.fetch ?? fetch;
  let last = 'no answer yet';
  try {
    await waitFor(
      async () => {
        try {
          const signals = [
            AbortSignal.timeout(options.attemptTimeoutMs ?? 10_000),
            ...(options.signal ? [options.signal] : []),
          ];
          const response = await get(url, { signal: AbortSignal.any(signals), redirect: 'follow' });
          await response.arrayBuffer().catch(() => undefined);
          last = `HTTP ${response.status}`;
          return response.status === 200 ? true : undefined;
        } catch (error) {
          if (options.signal?.aborted) throw error;
          last =
            (error as Error).cause instanceof Error
              ? ((error as Error).cause as Error).message
              : (error as Error).message;
          return undefined;
        }
      },
      {
        description: `${url} to answer HTTP 200`,
        deadline: options.deadline,
        intervalMs: options.intervalMs ?? 2000,
        backoff: 1.5,
        maxIntervalMs: 15_000,
        ...(options.signal ? { signal: options.signal } : {}),
        sleep: options.sleep ?? realSleep,
      },
    );
    return { check: 'health-check-url', status: 'pass', message: `${url} answered HTTP 200` };
  } catch (error) {
    if (!(error instanceof WaitTimeoutError)) throw error;
    return {
      check: 'health-check-url',
      status: 'fail',
      message: `${url} did not answer HTTP 200 by the deadline (last: ${last})`,
      fix: 'look at the service logs; raise health-check-timeout if it needs longer to start.',
    };
  }
}
