import { markdownTable, type Finding, type FindingStatus } from '@hoist/kit';
import { findQuotaByCode, quotaConsoleUrl } from './catalog.js';
import type { QuotaSource } from './applied.js';
import type { NeedSource } from './needs.js';

/** One quota's line of the report (the `report` output is a JSON array of these). */
export interface QuotaRow {
  region: string;
  serviceCode: string;
  quotaCode: string;
  name: string;
  /** The quota value; undefined when nothing answered and hoist has no default for it. */
  quota: number | undefined;
  quotaSource: QuotaSource | undefined;
  /** In use now; undefined for a quota hoist does not measure (an extra `quotas` code). */
  usage: number | undefined;
  /** What the deploy adds (0 in audit mode). */
  need: number;
  /** (usage + need) / quota, in percent, rounded to one decimal. */
  percent: number | undefined;
  verdict: FindingStatus;
  unit: string;
  sources: NeedSource[];
  /** For a per-zone or per-cluster quota: the zone or cluster the figures are of (the fullest after the deploy). */
  scope?: string;
  /** Said after the figures: what could not be placed in a zone or cluster and how it was counted. */
  note?: string;
  /** For a quota hoist does not measure: the CloudWatch usage metric Service Quotas names for it. */
  usageMetric?: string;
}

/**
 * PASS when usage + need fits and stays at or below `threshold` percent; WARN above the threshold; FAIL above the
 * quota. SKIP when the quota or the usage is unknown.
 */
export function verdictOf(
  quota: number | undefined,
  usage: number | undefined,
  need: number,
  threshold: number,
): FindingStatus {
  if (quota === undefined || usage === undefined) return 'skip';
  const total = usage + need;
  if (total > quota) return 'fail';
  if (quota === 0) return 'pass';
  return (total / quota) * 100 > threshold ? 'warn' : 'pass';
}

export function percentOf(quota: number | undefined, usage: number | undefined, need: number): number | undefined {
  if (quota === undefined || usage === undefined) return undefined;
  if (quota === 0) return usage + need === 0 ? 0 : Infinity;
  return Math.round(((usage + need) / quota) * 1000) / 10;
}

function n(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/\.?0+$/, '');
}

/** The finding for one row: what is used, what the deploy adds, and for a FAIL the exact fix. */
export function rowFinding(row: QuotaRow, threshold: number, mode: 'gate' | 'audit'): Finding {
  const check = `${row.serviceCode}/${row.quotaCode}`;
  const title = `${row.name} (${check})`;
  const where = `in ${row.region}${row.scope ? `, ${row.scope}` : ''}`;
  if (row.verdict === 'skip') {
    const why =
      row.quota === undefined
        ? 'the quota value could not be read'
        : `hoist does not measure its usage${
            row.usageMetric
              ? ` (Service Quotas names its usage metric: ${row.usageMetric}; ${(row.note ?? 'it could not be read').replace(/\.$/, '')})`
              : row.note
                ? ` (${row.note.replace(/\.$/, '')})`
                : ''
          }`;
    return {
      check,
      status: 'skip',
      message: `${title} ${where}: ${why}${row.quota !== undefined ? ` (quota ${n(row.quota)})` : ''}.`,
    };
  }
  const quota = row.quota ?? 0;
  const usage = row.usage ?? 0;
  const total = usage + row.need;
  const added = mode === 'gate' ? `, the deploy adds ${n(row.need)} → ${n(total)}/${n(quota)}` : '';
  const measured = row.usageMetric ? ` (usage from CloudWatch: ${row.usageMetric})` : '';
  const message = `${title} ${where}: ${n(usage)}/${n(quota)} ${row.unit} used${measured}${added} (${row.percent === Infinity ? '∞' : n(row.percent ?? 0)}%).${row.note ? ` ${row.note}` : ''}`;
  const finding: Finding = { check, status: row.verdict, message };
  if (row.verdict === 'fail' || row.verdict === 'warn') {
    const link = quotaConsoleUrl(row, row.region);
    const target = row.verdict === 'fail' ? total : Math.ceil((total * 100) / threshold);
    const request = `request an increase of '${row.name}' (service ${row.serviceCode}, quota code ${row.quotaCode}) to at least ${n(target)}: ${link} or \`aws service-quotas request-service-quota-increase --service-code ${row.serviceCode} --quota-code ${row.quotaCode} --desired-value ${n(target)} --region ${row.region}\``;
    finding.fix =
      row.verdict === 'fail'
        ? `${reclaimOf(row)} (${n(total - quota)} more than the quota), or ${request}.`
        : `to stay under ${threshold}%, ${request}.`;
    finding.link = link;
  }
  return finding;
}

function reclaimOf(row: QuotaRow): string {
  return findQuotaByCode(row.serviceCode, row.quotaCode)?.reclaim ?? `free some ${row.unit}`;
}

/** A fallback to a default value: a WARN that says the figure is a default, not the account's. */
export function fallbackFinding(row: QuotaRow, reason: string | undefined): Finding {
  const check = `${row.serviceCode}/${row.quotaCode}`;
  const figure =
    row.quotaSource === 'aws-default'
      ? 'the AWS default from GetAWSDefaultServiceQuota'
      : "hoist's table of AWS defaults";
  return {
    check,
    status: 'warn',
    message: `${row.name} (${check}) in ${row.region}: the account's applied value could not be read${reason ? ` (${reason})` : ''}; ${n(row.quota ?? 0)} is a default (${figure}), not necessarily this account's quota.`,
    fix: 'allow servicequotas:GetServiceQuota to the role, or check the value in the Service Quotas console.',
  };
}

const ORDER: Record<FindingStatus, number> = { fail: 0, warn: 1, pass: 2, skip: 3 };

/** The summary table: one line per quota, the most used first. */
export function renderQuotaTable(rows: readonly QuotaRow[], mode: 'gate' | 'audit'): string {
  const sorted = [...rows].sort((a, b) => ORDER[a.verdict] - ORDER[b.verdict] || (b.percent ?? -1) - (a.percent ?? -1));
  const icon: Record<FindingStatus, string> = { pass: '✅ PASS', warn: '⚠️ WARN', fail: '❌ FAIL', skip: '⏭️ SKIP' };
  const headers = [
    'Status',
    'Region',
    'Quota',
    'Code',
    'Quota value',
    'In use',
    ...(mode === 'gate' ? ['Deploy adds'] : []),
    'Use %',
  ];
  const body = sorted.map((r) => [
    icon[r.verdict],
    r.region,
    r.scope ? `${r.name} (${r.scope})` : r.name,
    `${r.serviceCode}/${r.quotaCode}`,
    r.quota === undefined ? '?' : `${n(r.quota)}${r.quotaSource && r.quotaSource !== 'applied' ? ' (default)' : ''}`,
    r.usage === undefined ? '?' : n(r.usage),
    ...(mode === 'gate'
      ? [
          r.sources.length > 0
            ? `${n(r.need)} (${r.sources.map((s) => `${s.logicalId}: ${s.detail}`).join('; ')})`
            : n(r.need),
        ]
      : []),
    r.percent === undefined ? '?' : r.percent === Infinity ? '∞' : `${n(r.percent)}%`,
  ]);
  return markdownTable(headers, body);
}
