import {
  GetAWSDefaultServiceQuotaCommand,
  GetServiceQuotaCommand,
  type ServiceQuotasClient,
} from '@aws-sdk/client-service-quotas';
import { classifyAwsError } from '@hoist/aws';

/** Where a quota's value came from: the account's applied value, AWS's default, or hoist's table of defaults. */
export type QuotaSource = 'applied' | 'aws-default' | 'table';

export interface AppliedQuota {
  value: number;
  source: QuotaSource;
  /** The quota's name as Service Quotas gave it. */
  name?: string;
  /** Why a fallback was used (the AWS error of each attempt), for the WARN. */
  fallbackReason?: string;
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
    if (answer.Quota?.Value !== undefined)
      return {
        value: answer.Quota.Value,
        source: 'applied',
        ...(answer.Quota.QuotaName ? { name: answer.Quota.QuotaName } : {}),
      };
    reasons.push('GetServiceQuota gave no value');
  } catch (error) {
    if (signal.aborted) throw error;
    reasons.push(`GetServiceQuota: ${classifyAwsError(error).name}`);
  }
  try {
    const answer = await client.send(new GetAWSDefaultServiceQuotaCommand(input), { abortSignal: signal });
    if (answer.Quota?.Value !== undefined) {
      return {
        value: answer.Quota.Value,
        source: 'aws-default',
        fallbackReason: reasons.join('; '),
        ...(answer.Quota.QuotaName ? { name: answer.Quota.QuotaName } : {}),
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
