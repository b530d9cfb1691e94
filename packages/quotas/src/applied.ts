import {
  GetAWSDefaultServiceQuotaCommand,
  GetServiceQuotaCommand,
  type ServiceQuota,
  type ServiceQuotasClient,
} from '@aws-sdk/client-service-quotas';
import { GetMetricStatisticsCommand, type CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { classifyAwsError, describeAwsError } from '@hoist/aws';

/** Where a quota's value came from: the account's applied value, AWS's default, or hoist's table of defaults. */
export type QuotaSource = 'applied' | 'aws-default' | 'table';

export interface AppliedQuota {
  value: number;
  source: QuotaSource;
  /** The quota's name as Service Quotas gave it. */
  name?: string;
  /** Why a fallback was used (the AWS error of each attempt), for the WARN. */
  fallbackReason?: string;
  /** The CloudWatch metric Service Quotas names for the quota's usage, when it has one. */
  usageMetric?: UsageMetricRef;
}

/** A quota's usage metric as GetServiceQuota gives it (`AWS/Usage` `ResourceCount`, its dimensions, a statistic). */
export interface UsageMetricRef {
  namespace: string;
  name: string;
  dimensions: Record<string, string>;
  statistic: string | undefined;
}

/** `AWS/Usage ResourceCount {Service=ECS, Type=Resource}, statistic Maximum`. */
export function describeUsageMetric(metric: UsageMetricRef): string {
  const dimensions = Object.entries(metric.dimensions).map(([k, v]) => `${k}=${v}`);
  return `${metric.namespace} ${metric.name}${dimensions.length > 0 ? ` {${dimensions.join(', ')}}` : ''}${metric.statistic ? `, statistic ${metric.statistic}` : ''}`;
}

function usageMetricOf(quota: ServiceQuota | undefined): UsageMetricRef | undefined {
  const metric = quota?.UsageMetric;
  if (!metric?.MetricNamespace || !metric.MetricName) return undefined;
  return {
    namespace: metric.MetricNamespace,
    name: metric.MetricName,
    dimensions: { ...metric.MetricDimensions },
    statistic: metric.MetricStatisticRecommendation,
  };
}

export interface QuotaRef {
  serviceCode: string;
  quotaCode: string;
  /** hoist's table value, when hoist knows the quota. */
  defaultValue?: number;
}

/**
 * The account's value of a quota: GetServiceQuota (applied), else GetAWSDefaultServiceQuota, else the table's
 * default. Undefined when nothing answered and hoist has no default for it.
 */
export async function readAppliedQuota(
  client: ServiceQuotasClient,
  quota: QuotaRef,
  signal: AbortSignal,
): Promise<AppliedQuota | undefined> {
  const input = { ServiceCode: quota.serviceCode, QuotaCode: quota.quotaCode };
  const reasons: string[] = [];
  try {
    const answer = await client.send(new GetServiceQuotaCommand(input), { abortSignal: signal });
    const usageMetric = usageMetricOf(answer.Quota);
    if (answer.Quota?.Value !== undefined)
      return {
        value: answer.Quota.Value,
        source: 'applied',
        ...(answer.Quota.QuotaName ? { name: answer.Quota.QuotaName } : {}),
        ...(usageMetric ? { usageMetric } : {}),
      };
    reasons.push('GetServiceQuota gave no value');
  } catch (error) {
    if (signal.aborted) throw error;
    reasons.push(`GetServiceQuota: ${classifyAwsError(error).name}`);
  }
  try {
    const answer = await client.send(new GetAWSDefaultServiceQuotaCommand(input), { abortSignal: signal });
    const usageMetric = usageMetricOf(answer.Quota);
    if (answer.Quota?.Value !== undefined) {
      return {
        value: answer.Quota.Value,
        source: 'aws-default',
        fallbackReason: reasons.join('; '),
        ...(answer.Quota.QuotaName ? { name: answer.Quota.QuotaName } : {}),
        ...(usageMetric ? { usageMetric } : {}),
      };
    }
    reasons.push('GetAWSDefaultServiceQuota gave no value');
  } catch (error) {
    if (signal.aborted) throw error;
    reasons.push(`GetAWSDefaultServiceQuota: ${classifyAwsError(error).name}`);
  }
  if (quota.defaultValue === undefined) return undefined;
  return { value: quota.defaultValue, source: 'table', fallbackReason: reasons.join('; ') };
}

/** What the usage metric said: its newest value in the last two hours, or why there is none. */
export type MetricUsage = { value: number } | { value: undefined; reason: string };

/**
 * The newest datapoint of a quota's usage metric (AWS/Usage, published every minute or so), over the last two hours
 * in 5-minute periods with the statistic Service Quotas recommends. For quotas hoist has no probe of its own.
 */
export async function readUsageMetric(
  cloudWatch: CloudWatchClient,
  metric: UsageMetricRef,
  signal: AbortSignal,
  now: Date = new Date(),
): Promise<MetricUsage> {
  const statistic = (['Maximum', 'Average', 'Sum', 'Minimum', 'SampleCount'] as const).find(
    (s) => s === metric.statistic,
  );
  try {
    const answer = await cloudWatch.send(
      new GetMetricStatisticsCommand({
        Namespace: metric.namespace,
        MetricName: metric.name,
        Dimensions: Object.entries(metric.dimensions).map(([Name, Value]) => ({ Name, Value })),
        StartTime: new Date(now.getTime() - 2 * 60 * 60_000),
        EndTime: now,
        Period: 300,
        Statistics: [statistic ?? 'Maximum'],
      }),
      { abortSignal: signal },
    );
    const newest = [...(answer.Datapoints ?? [])]
      .filter((d) => d.Timestamp !== undefined)
      .sort((a, b) => (b.Timestamp?.getTime() ?? 0) - (a.Timestamp?.getTime() ?? 0))[0];
    const value = newest?.[statistic ?? 'Maximum'];
    if (value === undefined)
      return { value: undefined, reason: 'the usage metric has no datapoint in the last two hours' };
    return { value };
  } catch (error) {
    return { value: undefined, reason: `the usage metric could not be read (${describeAwsError(error)})` };
  }
}
