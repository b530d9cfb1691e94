import type { Template } from '@hoist/cfn';
import type { AwsContext } from '@hoist/aws';
import type { Finding } from '@hoist/kit';
import { findQuotaByCode, QUOTAS, type QuotaDefinition, type QuotaKey } from './catalog.js';
import { computeNeeds, addInstanceNeeds, type TemplateNeeds } from './needs.js';
import { fallbackFinding, percentOf, rowFinding, verdictOf, type QuotaRow } from './report.js';

/** A quota named by the user (`quotas` input: `service/L-XXXXXXXX`). */
export interface QuotaCodeRef {
  serviceCode: string;
  quotaCode: string;
}

export interface QuotaCheckOptions {
  aws: AwsContext;
  /** Percent of a quota above which a WARN is given. */
  threshold: number;
  /** Extra quotas to watch. Those hoist tracks are checked like the others; the rest get their value only. */
  extraQuotas?: readonly QuotaCodeRef[];
  signal: AbortSignal;
}

export interface TemplateQuotaOptions extends QuotaCheckOptions {
  template: Template;
  parameters: Readonly<Record<string, string>>;
  /** When the stack exists, the resources it already has are not counted again. */
  stackName?: string;
}

export interface QuotaCheckResult {
  rows: QuotaRow[];
  findings: Finding[];
  /** Assumptions and what was left out, one line each. */
  notes: string[];
  /** Whether `stackName` named an existing stack. */
  stackExists?: boolean;
}

/** The clients quota checks use, made once per region through packages/aws. */
async function clientsFor(aws: AwsContext) {
  const [
    { createClient },
    { EC2Client },
    { ECSClient },
    { AutoScalingClient },
    { ServiceQuotasClient },
    { CloudFormationClient },
    { CloudWatchClient },
  ] = await Promise.all([
    import('@hoist/aws'),
    import('@aws-sdk/client-ec2'),
    import('@aws-sdk/client-ecs'),
    import('@aws-sdk/client-auto-scaling'),
    import('@aws-sdk/client-service-quotas'),
    import('@aws-sdk/client-cloudformation'),
    import('@aws-sdk/client-cloudwatch'),
  ]);
  return {
    ec2: createClient(EC2Client, aws),
    ecs: createClient(ECSClient, aws),
    autoScaling: createClient(AutoScalingClient, aws),
    serviceQuotas: createClient(ServiceQuotasClient, aws),
    cloudFormation: createClient(CloudFormationClient, aws),
    cloudWatch: createClient(CloudWatchClient, aws),
  };
}

type Clients = Awaited<ReturnType<typeof clientsFor>>;

/** Gate mode: what deploying the template adds, against applied quotas and current usage. */
export async function checkTemplateQuotas(options: TemplateQuotaOptions): Promise<QuotaCheckResult> {
  const { aws, signal } = options;
  const clients = await clientsFor(aws);
  const { stackResources } = await import('./stack.js');
  const existing = options.stackName
    ? await stackResources(clients.cloudFormation, options.stackName, signal)
    : undefined;
  const needs: TemplateNeeds = computeNeeds(options.template, {
    parameters: options.parameters,
    region: aws.region,
    ...(options.stackName !== undefined ? { stackName: options.stackName } : {}),
    ...(existing ? { existing: existing.types, physicalIds: existing.physicalIds } : {}),
  });
  if (needs.instances.length > 0) {
    const { instanceTypeVcpus } = await import('./usage.js');
    addInstanceNeeds(
      needs,
      await instanceTypeVcpus(
        clients.ec2,
        needs.instances.flatMap((d) => d.instanceTypes),
        signal,
      ),
    );
  }
  const keys = new Set<QuotaKey>([...needs.needs.values()].filter((n) => n.amount > 0).map((n) => n.key));
  const result = await evaluate(clients, keys, needs, options, 'gate');
  if (existing && needs.existing.length > 0)
    result.notes.unshift(
      `Stack ${options.stackName} exists: ${needs.existing.length} of its resources are not counted again (only the surge of their rollouts is).`,
    );
  return { ...result, notes: [...result.notes, ...needs.notes], stackExists: existing !== undefined };
}

/** Audit mode: every tracked quota's usage in the region, no template. */
export async function auditQuotas(options: QuotaCheckOptions): Promise<QuotaCheckResult> {
  const clients = await clientsFor(options.aws);
  const keys = new Set<QuotaKey>(QUOTAS.map((q) => q.key));
  return evaluate(clients, keys, undefined, options, 'audit');
}

async function evaluate(
  clients: Clients,
  keys: Set<QuotaKey>,
  needs: TemplateNeeds | undefined,
  options: QuotaCheckOptions,
  mode: 'gate' | 'audit',
): Promise<QuotaCheckResult> {
  const { aws, signal, threshold } = options;
  const untracked: QuotaCodeRef[] = [];
  for (const ref of options.extraQuotas ?? []) {
    const known = findQuotaByCode(ref.serviceCode, ref.quotaCode);
    if (known) keys.add(known.key);
    else if (!untracked.some((u) => u.serviceCode === ref.serviceCode && u.quotaCode === ref.quotaCode))
      untracked.push(ref);
  }
  const { readAppliedQuota, readUsageMetric, describeUsageMetric } = await import('./applied.js');
  const { worstScope } = await import('./scope.js');
  const { measureUsage } = await import('./usage.js');
  const tracked = QUOTAS.filter((q) => keys.has(q.key));
  const [applied, usage, extra] = await Promise.all([
    Promise.all(tracked.map((q) => readAppliedQuota(clients.serviceQuotas, q, signal))),
    measureUsage(clients, keys, signal),
    Promise.all(untracked.map((q) => readAppliedQuota(clients.serviceQuotas, q, signal))),
  ]);
  // Quotas hoist has no probe for: their usage from the CloudWatch metric Service Quotas names, where there is one.
  const fromMetric = (value: (typeof extra)[number]) =>
    value?.usageMetric ? readUsageMetric(clients.cloudWatch, value.usageMetric, signal) : undefined;
  const [metered, trackedMetered] = await Promise.all([
    Promise.all(extra.map(fromMetric)),
    Promise.all(tracked.map((q, i) => (q.usageFromMetric ? fromMetric(applied[i]) : undefined))),
  ]);
  const rows: QuotaRow[] = [];
  const findings: Finding[] = [];
  const notes: string[] = [];
  const addRow = (
    definition: Pick<QuotaDefinition, 'serviceCode' | 'quotaCode' | 'name' | 'unit'> & Partial<QuotaDefinition>,
    key: QuotaKey | undefined,
    value: Awaited<ReturnType<typeof readAppliedQuota>>,
    metric?: Awaited<ReturnType<typeof readUsageMetric>>,
  ) => {
    const sources = key ? (needs?.needs.get(key)?.sources ?? []) : [];
    let need = key ? (needs?.needs.get(key)?.amount ?? 0) : 0;
    let used = key ? (usage.values.get(key) ?? metric?.value) : metric?.value;
    let scoped: ReturnType<typeof worstScope> | undefined;
    // A per-zone or per-cluster quota is compared where the template puts things, not against the total.
    if (key && used !== undefined && definition.scope && definition.scope !== 'region') {
      scoped = worstScope(definition.scope, sources, used, usage.perScope.get(key));
      need = scoped.need;
      used = scoped.usage;
    }
    const row: QuotaRow = {
      region: aws.region,
      serviceCode: definition.serviceCode,
      quotaCode: definition.quotaCode,
      name: value?.name ?? definition.name,
      quota: value?.value,
      quotaSource: value?.source,
      usage: used,
      need,
      percent: percentOf(value?.value, used, need),
      verdict: verdictOf(value?.value, used, need, threshold),
      unit: definition.unit,
      sources,
      ...(scoped?.scope ? { scope: scoped.scope } : {}),
      ...(scoped?.note ? { note: scoped.note } : {}),
      ...(metric && value?.usageMetric ? { usageMetric: describeUsageMetric(value.usageMetric) } : {}),
      ...(metric && metric.value === undefined ? { note: `${metric.reason}.` } : {}),
      ...(key && definition.usageFromMetric && !value?.usageMetric
        ? { note: 'Service Quotas names no usage metric for it.' }
        : {}),
    };
    rows.push(row);
    if (value && value.source !== 'applied') findings.push(fallbackFinding(row, value.fallbackReason));
    const usageError = key ? usage.errors.get(key) : undefined;
    if (usageError) {
      findings.push({
        check: `${row.serviceCode}/${row.quotaCode}`,
        status: need > 0 ? 'fail' : 'warn',
        message: `${row.name} in ${aws.region}: the usage could not be measured (${usageError}).`,
        fix: 'allow the read-only calls listed in docs/iam/quota-check.json to the role.',
      });
    } else {
      findings.push(rowFinding(row, threshold, mode));
    }
  };
  tracked.forEach((q, i) => addRow(q, q.key, applied[i], trackedMetered[i]));
  untracked.forEach((q, i) =>
    addRow({ ...q, name: `${q.serviceCode}/${q.quotaCode}`, unit: 'units' }, undefined, extra[i], metered[i]),
  );
  const unmeasured = untracked.filter((_, i) => metered[i]?.value === undefined);
  if (unmeasured.length > 0)
    notes.push(
      `hoist reports the value of ${unmeasured.map((q) => `${q.serviceCode}/${q.quotaCode}`).join(', ')} but could not measure its usage (no probe of its own, and no usable CloudWatch usage metric).`,
    );
  return { rows, findings, notes };
}
