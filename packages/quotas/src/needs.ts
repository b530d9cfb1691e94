import { get, intrinsic, type Node, type ResourceDef, type Template } from '@hoist/cfn';
import { instanceClassQuota, type QuotaKey } from './catalog.js';
import {
  evaluate,
  evaluateCondition,
  integerOf,
  stringOf,
  UNKNOWN,
  type EvaluationContext,
  type Value,
} from './evaluate.js';

/**
 * The Availability Zone or ECS cluster a resource lands in, for quotas limited per zone or per cluster.
 * - `named`: a zone (name or ID) or cluster the template names: its own usage counts.
 * - `new`: a cluster this deploy creates: nothing runs in it yet.
 * - `distinct`: a zone known only at deploy time but different from the other `distinct` ones (`!Select [1,
 *   !GetAZs '']`): the fullest zone's usage counts.
 */
export interface NeedScope {
  id: string;
  kind: 'named' | 'new' | 'distinct';
  /** For the report: `us-east-1a`, `zone 1 of Fn::GetAZs`, `cluster Workers (new)`. */
  label: string;
}

/** One resource's share of a need, for the report. */
export interface NeedSource {
  logicalId: string;
  amount: number;
  /** How the amount was reached, e.g. `2 tasks × 4 vCPUs, up to 200% during a rollout`. */
  detail: string;
  /** For a per-zone or per-cluster quota: where it lands; absent when the template does not say. */
  scope?: NeedScope;
}

/** What a deploy of the template adds against one quota. */
export interface QuotaNeed {
  key: QuotaKey;
  amount: number;
  sources: NeedSource[];
}

/** EC2 instances a resource may run; their vCPUs come from DescribeInstanceTypes. */
export interface InstanceDemand {
  logicalId: string;
  /** The instance types it may launch (a mixed-instances group has several: the largest is counted). */
  instanceTypes: string[];
  instances: number;
  detail: string;
}

export interface TemplateNeeds {
  needs: Map<QuotaKey, QuotaNeed>;
  instances: InstanceDemand[];
  /** Assumptions made where a value was unknown, one line each. */
  notes: string[];
  /** Logical ids that the stack already has: not counted again (only their rollout surge is). */
  existing: string[];
}

export interface NeedsOptions {
  parameters: Readonly<Record<string, string>>;
  region: string;
  stackName?: string;
  /** The stack's current resources, logical id → type (empty when the stack does not exist yet). */
  existing?: ReadonlyMap<string, string>;
  /** The stack's current resources, logical id → physical id (an existing cluster's name). */
  physicalIds?: ReadonlyMap<string, string>;
}

/** ECS runs up to MaximumPercent of the desired tasks during a deployment; 200 when the template says nothing. */
export const DEFAULT_MAXIMUM_PERCENT = 200;
/** CloudFormation's AutoScalingRollingUpdate replaces one instance at a time unless MaxBatchSize says otherwise. */
export const DEFAULT_MAX_BATCH_SIZE = 1;
/** What EC2 launches when RunInstances is given no instance type. */
export const DEFAULT_INSTANCE_TYPE = 'm1.small';

const COUNTED: Partial<Record<string, QuotaKey>> = {
  'AWS::EC2::VPC': 'vpcs',
  'AWS::EC2::InternetGateway': 'internet-gateways',
  'AWS::EC2::NatGateway': 'nat-gateways',
  'AWS::EC2::EIP': 'elastic-ips',
  'AWS::EC2::SecurityGroup': 'security-groups',
  'AWS::AutoScaling::AutoScalingGroup': 'auto-scaling-groups',
  'AWS::ECS::Cluster': 'ecs-clusters',
  'AWS::ECS::Service': 'ecs-services-per-cluster',
  'AWS::Logs::LogGroup': 'log-groups',
  'AWS::SecretsManager::Secret': 'secrets',
};

/**
 * What deploying `template` with these parameter values adds against each tracked quota. Resources the stack already
 * has are not counted again; a rollout's surge is (ECS MaximumPercent, Auto Scaling MaxBatchSize). Unknown values
 * are counted conservatively and said so in `notes`.
 */
export function computeNeeds(template: Template, options: NeedsOptions): TemplateNeeds {
  const context: EvaluationContext = {
    template,
    parameters: options.parameters,
    region: options.region,
    ...(options.stackName !== undefined ? { stackName: options.stackName } : {}),
  };
  const result: TemplateNeeds = { needs: new Map(), instances: [], notes: [], existing: [] };
  const natEips = natGatewayEips(template);
  for (const resource of template.resources.values()) {
    if (!resource.type) continue;
    if (resource.condition) {
      const on = evaluateCondition(resource.condition.name, context);
      if (on === false) continue;
      if (on === UNKNOWN)
        result.notes.push(
          `${resource.logicalId}: condition ${resource.condition.name} cannot be decided before the deploy; counted.`,
        );
    }
    const exists = options.existing?.get(resource.logicalId) === resource.type;
    if (exists) result.existing.push(resource.logicalId);
    const key = COUNTED[resource.type];
    if (key && !exists) {
      const nat = natEips.get(resource.logicalId);
      const scope =
        key === 'nat-gateways'
          ? natGatewayZone(resource, context)
          : key === 'ecs-services-per-cluster'
            ? serviceCluster(resource, context, options)
            : undefined;
      addNeed(result, key, {
        logicalId: resource.logicalId,
        amount: 1,
        detail: `${nat ? `Elastic IP of NAT gateway ${nat}` : resource.type}${scope ? ` in ${scope.label}` : ''}`,
        ...(scope ? { scope } : {}),
      });
    }
    if (resource.type === 'AWS::ECS::Service') ecsService(resource, exists, context, result);
    else if (resource.type === 'AWS::AutoScaling::AutoScalingGroup')
      autoScalingGroup(resource, exists, context, result);
    else if (resource.type === 'AWS::EC2::Instance' && !exists) ec2Instance(resource, context, result);
  }
  return result;
}

export function addNeed(result: Pick<TemplateNeeds, 'needs'>, key: QuotaKey, source: NeedSource): void {
  if (source.amount <= 0) return;
  const need = result.needs.get(key) ?? { key, amount: 0, sources: [] };
  need.amount += source.amount;
  need.sources.push(source);
  result.needs.set(key, need);
}

/** EIP logical id → the NAT gateway whose AllocationId takes it (`!GetAtt Eip.AllocationId` or `!Ref Eip`). */
function natGatewayEips(template: Template): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of template.resources.values()) {
    if (r.type !== 'AWS::EC2::NatGateway') continue;
    const allocation = get(r.properties, 'AllocationId');
    const target = referencedResource(allocation);
    if (target && template.resources.get(target)?.type === 'AWS::EC2::EIP') out.set(target, r.logicalId);
  }
  return out;
}

/** The logical id a `Ref` or `Fn::GetAtt` points at. */
function referencedResource(node: Node | undefined): string | undefined {
  if (node?.kind !== 'map' || node.entries.length !== 1) return undefined;
  const only = node.entries[0];
  if (!only) return undefined;
  if (only.key === 'Ref' && only.value.kind === 'scalar') return String(only.value.value);
  if (only.key === 'Fn::GetAtt') {
    const arg = only.value;
    if (arg.kind === 'seq' && arg.items[0]?.kind === 'scalar') return String(arg.items[0].value);
    if (arg.kind === 'scalar') return String(arg.value).split('.')[0];
  }
  return undefined;
}

/**
 * The zone of a NAT gateway, from its subnet's AvailabilityZone (a name, or `!Select [n, !GetAZs '']`) or
 * AvailabilityZoneId. Undefined when the subnet is not in the template or says no zone (AWS then picks one).
 */
function natGatewayZone(nat: ResourceDef, context: EvaluationContext): NeedScope | undefined {
  const subnetId = referencedResource(get(nat.properties, 'SubnetId'));
  const subnet = subnetId ? context.template.resources.get(subnetId) : undefined;
  if (subnet?.type !== 'AWS::EC2::Subnet') return undefined;
  const zoneNode = get(subnet.properties, 'AvailabilityZone');
  const zone = zoneNode ? evaluate(zoneNode, context) : evaluate(get(subnet.properties, 'AvailabilityZoneId'), context);
  if (typeof zone === 'string' && zone !== '') return { id: zone, kind: 'named', label: zone };
  const index = getAzsIndex(zoneNode, context);
  return index === undefined
    ? undefined
    : { id: `Fn::GetAZs[${index}]`, kind: 'distinct', label: `zone ${index} of Fn::GetAZs` };
}

/** n for `Fn::Select [n, Fn::GetAZs '']` (or of this region): the n-th zone, distinct from the others. */
function getAzsIndex(node: Node | undefined, context: EvaluationContext): number | undefined {
  const select = intrinsic(node);
  if (select?.name !== 'Fn::Select' || select.arg.kind !== 'seq') return undefined;
  const [indexNode, listNode] = select.arg.items;
  const azs = intrinsic(listNode);
  if (azs?.name !== 'Fn::GetAZs') return undefined;
  const region = evaluate(azs.arg, context);
  if (region !== '' && region !== null && region !== context.region) return undefined;
  return integerOf(evaluate(indexNode, context));
}

/**
 * The cluster of an ECS service: `default` when the template names none, a cluster the template creates (new, or
 * its name when the stack already has it), or a name or ARN. Undefined when it is known only at deploy time.
 */
function serviceCluster(
  service: ResourceDef,
  context: EvaluationContext,
  options: NeedsOptions,
): NeedScope | undefined {
  const node = get(service.properties, 'Cluster');
  if (node === undefined) return { id: 'default', kind: 'named', label: 'cluster default' };
  const target = referencedResource(node);
  if (target && context.template.resources.get(target)?.type === 'AWS::ECS::Cluster') {
    const physical =
      options.existing?.get(target) === 'AWS::ECS::Cluster' ? options.physicalIds?.get(target) : undefined;
    if (physical) return { id: clusterName(physical), kind: 'named', label: `cluster ${clusterName(physical)}` };
    if (options.existing?.get(target) === 'AWS::ECS::Cluster') return undefined;
    return { id: `new:${target}`, kind: 'new', label: `cluster ${target} (new)` };
  }
  const value = stringOf(evaluate(node, context));
  return value ? { id: clusterName(value), kind: 'named', label: `cluster ${clusterName(value)}` } : undefined;
}

/** `arn:aws:ecs:…:cluster/name` or `name` → `name`. */
export function clusterName(nameOrArn: string): string {
  return nameOrArn.startsWith('arn:') ? (nameOrArn.split(':cluster/')[1] ?? nameOrArn) : nameOrArn;
}

function property(resource: ResourceDef, path: string[], context: EvaluationContext): Value {
  let node: Node | undefined = resource.properties;
  for (const key of path) node = get(node, key);
  return node === undefined ? null : evaluate(node, context);
}

function countOf(value: Value, fallback: number, what: string, resource: ResourceDef, result: TemplateNeeds): number {
  if (value === null) return fallback;
  const n = integerOf(value);
  if (n !== undefined) return n;
  result.notes.push(`${resource.logicalId}: ${what} is not known before the deploy; counted as ${fallback}.`);
  return fallback;
}

// ---- ECS ----

interface StrategyItem {
  provider: string;
  base: number;
  weight: number;
}

/** Fargate vCPUs per task from the task definition's Cpu: CPU units (`1024`) or `1 vCPU`. */
export function taskVcpus(cpu: string | undefined): number | undefined {
  if (cpu === undefined) return undefined;
  const vcpu = /^\s*(\d+(?:\.\d+)?)\s*vcpu\s*$/i.exec(cpu);
  if (vcpu) return Number(vcpu[1]);
  return /^\s*\d+\s*$/.test(cpu) ? Number(cpu) / 1024 : undefined;
}

/**
 * How many of `tasks` ECS places on each capacity provider: each provider's Base first, in order, then the rest by
 * Weight. Shares are rounded up (a quota is checked against the most each may get).
 */
export function splitTasks(tasks: number, strategy: readonly StrategyItem[]): Map<string, number> {
  const out = new Map<string, number>();
  let remaining = tasks;
  for (const item of strategy) {
    const base = Math.min(item.base, remaining);
    if (base > 0) out.set(item.provider, (out.get(item.provider) ?? 0) + base);
    remaining -= base;
  }
  const weighted = strategy.filter((i) => i.weight > 0);
  const total = weighted.reduce((n, i) => n + i.weight, 0);
  for (const item of weighted) {
    const share = Math.ceil((remaining * item.weight) / total);
    if (share > 0) out.set(item.provider, (out.get(item.provider) ?? 0) + share);
  }
  return out;
}

function ecsService(resource: ResourceDef, exists: boolean, context: EvaluationContext, result: TemplateNeeds): void {
  const id = resource.logicalId;
  if (stringOf(property(resource, ['SchedulingStrategy'], context)) === 'DAEMON') return;
  const taskDefinitionId = referencedResource(get(resource.properties, 'TaskDefinition'));
  const taskDefinition = taskDefinitionId ? context.template.resources.get(taskDefinitionId) : undefined;
  const launchType = stringOf(property(resource, ['LaunchType'], context));
  const strategy = capacityProviderStrategy(property(resource, ['CapacityProviderStrategy'], context));
  const compatibilities = taskDefinition ? property(taskDefinition, ['RequiresCompatibilities'], context) : null;
  const fargateOnly =
    Array.isArray(compatibilities) && compatibilities.length > 0 && compatibilities.every((c) => c === 'FARGATE');
  let providers: StrategyItem[];
  if (strategy.length > 0) providers = strategy;
  else if (launchType === 'FARGATE' || (launchType === undefined && fargateOnly))
    providers = [{ provider: 'FARGATE', base: 0, weight: 1 }];
  else return;
  if (!providers.some((p) => p.provider === 'FARGATE' || p.provider === 'FARGATE_SPOT')) return;

  const cpuValue = taskDefinition ? property(taskDefinition, ['Cpu'], context) : UNKNOWN;
  const vcpus = taskVcpus(stringOf(cpuValue));
  if (vcpus === undefined) {
    result.notes.push(
      `${id}: the task definition's Cpu is not known before the deploy; its Fargate vCPUs are not counted.`,
    );
    return;
  }
  const desired = countOf(property(resource, ['DesiredCount'], context), 1, 'DesiredCount', resource, result);
  const maximumPercent = countOf(
    property(resource, ['DeploymentConfiguration', 'MaximumPercent'], context),
    DEFAULT_MAXIMUM_PERCENT,
    'MaximumPercent',
    resource,
    result,
  );
  const peak = Math.max(desired, Math.floor((desired * maximumPercent) / 100));
  const tasks = exists ? peak - desired : peak;
  if (tasks <= 0) return;
  const surge = peak > desired ? `, up to ${maximumPercent}% during a rollout` : '';
  const what = exists
    ? `rollout surge of the existing service: ${tasks} extra task(s) (${desired} desired, MaximumPercent ${maximumPercent})`
    : `${desired} task(s)${surge}`;
  for (const [provider, count] of splitTasks(tasks, providers)) {
    const key: QuotaKey | undefined =
      provider === 'FARGATE'
        ? 'fargate-on-demand-vcpus'
        : provider === 'FARGATE_SPOT'
          ? 'fargate-spot-vcpus'
          : undefined;
    if (!key) continue;
    const via = providers.length > 1 ? ` on ${provider}` : '';
    addNeed(result, key, {
      logicalId: id,
      amount: count * vcpus,
      detail: `${count} task(s)${via} × ${vcpus} vCPU — ${what}`,
    });
  }
}

function capacityProviderStrategy(value: Value): StrategyItem[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return [];
    const provider = stringOf(item['CapacityProvider'] ?? null);
    if (!provider) return [];
    return [{ provider, base: integerOf(item['Base'] ?? 0) ?? 0, weight: integerOf(item['Weight'] ?? 0) ?? 0 }];
  });
}

// ---- EC2 ----

function autoScalingGroup(
  resource: ResourceDef,
  exists: boolean,
  context: EvaluationContext,
  result: TemplateNeeds,
): void {
  const id = resource.logicalId;
  const max = countOf(property(resource, ['MaxSize'], context), 1, 'MaxSize', resource, result);
  const updatePolicy = get(resource.node, 'UpdatePolicy');
  const rolling = get(updatePolicy, 'AutoScalingRollingUpdate');
  const replacing = evaluate(get(get(updatePolicy, 'AutoScalingReplacingUpdate'), 'WillReplace'), context);
  let surge = 0;
  let how = '';
  if (replacing === true || replacing === 'true') {
    surge = max;
    how = 'a replacing update starts a whole new group';
  } else if (rolling) {
    surge = countOf(
      evaluate(get(rolling, 'MaxBatchSize'), context),
      DEFAULT_MAX_BATCH_SIZE,
      'MaxBatchSize',
      resource,
      result,
    );
    how = `a rolling update adds up to MaxBatchSize ${surge}`;
  }
  const instances = exists ? surge : max + surge;
  if (instances <= 0) return;
  const types = asgInstanceTypes(resource, context);
  if (types.length === 0) {
    result.notes.push(`${id}: the instance type is not known before the deploy; its EC2 vCPUs are not counted.`);
    return;
  }
  const detail = exists
    ? `rollout surge of the existing group: ${how}`
    : `MaxSize ${max}${surge > 0 ? ` + ${surge} (${how})` : ''}`;
  result.instances.push({ logicalId: id, instanceTypes: types, instances, detail });
}

function asgInstanceTypes(resource: ResourceDef, context: EvaluationContext): string[] {
  const fromLaunchTemplate = (spec: Node | undefined): string[] => {
    const target =
      referencedResource(get(spec, 'LaunchTemplateId')) ?? referencedResource(get(spec, 'LaunchTemplateName'));
    const lt = target ? context.template.resources.get(target) : undefined;
    const t = lt ? stringOf(property(lt, ['LaunchTemplateData', 'InstanceType'], context)) : undefined;
    return t ? [t] : [];
  };
  const mixed = get(resource.properties, 'MixedInstancesPolicy');
  if (mixed) {
    const overrides = property(resource, ['MixedInstancesPolicy', 'LaunchTemplate', 'Overrides'], context);
    const types = Array.isArray(overrides)
      ? overrides
          .flatMap((o) =>
            o !== null && typeof o === 'object' && !Array.isArray(o) ? [stringOf(o['InstanceType'] ?? null)] : [],
          )
          .filter((t): t is string => t !== undefined)
      : [];
    return types.length > 0
      ? types
      : fromLaunchTemplate(get(get(mixed, 'LaunchTemplate'), 'LaunchTemplateSpecification'));
  }
  const lt = get(resource.properties, 'LaunchTemplate');
  if (lt) return fromLaunchTemplate(lt);
  const lcId = referencedResource(get(resource.properties, 'LaunchConfigurationName'));
  const lc = lcId ? context.template.resources.get(lcId) : undefined;
  const t = lc ? stringOf(property(lc, ['InstanceType'], context)) : undefined;
  return t ? [t] : [];
}

function ec2Instance(resource: ResourceDef, context: EvaluationContext, result: TemplateNeeds): void {
  const value = property(resource, ['InstanceType'], context);
  const type = value === null ? DEFAULT_INSTANCE_TYPE : stringOf(value);
  if (!type) {
    result.notes.push(
      `${resource.logicalId}: the instance type is not known before the deploy; its EC2 vCPUs are not counted.`,
    );
    return;
  }
  result.instances.push({ logicalId: resource.logicalId, instanceTypes: [type], instances: 1, detail: 'one instance' });
}

/**
 * Turns instance demands into vCPU needs per instance family class, given each type's vCPUs (from
 * DescribeInstanceTypes). Of several possible types, the one with the most vCPUs is counted.
 */
export function addInstanceNeeds(result: TemplateNeeds, vcpusOf: ReadonlyMap<string, number>): void {
  for (const demand of result.instances) {
    const known = demand.instanceTypes.filter((t) => vcpusOf.has(t));
    if (known.length === 0) {
      result.notes.push(
        `${demand.logicalId}: instance type ${demand.instanceTypes.join(', ')} is not offered in this region (DescribeInstanceTypes); not counted.`,
      );
      continue;
    }
    const type = known.reduce((a, b) => ((vcpusOf.get(b) ?? 0) > (vcpusOf.get(a) ?? 0) ? b : a));
    const vcpus = vcpusOf.get(type) ?? 0;
    addNeed(result, instanceClassQuota(type), {
      logicalId: demand.logicalId,
      amount: demand.instances * vcpus,
      detail: `${demand.instances} × ${type} (${vcpus} vCPUs) — ${demand.detail}`,
    });
  }
}
