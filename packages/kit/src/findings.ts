/** The outcome of one check: what every action reports and every summary renders. */
export type FindingStatus = 'pass' | 'warn' | 'fail' | 'skip';

export interface SourcePosition {
  /** Path relative to the workspace, as annotations want it. */
  file: string;
  line?: number;
  column?: number;
}

export interface Finding {
  /** The check or rule that produced it, e.g. `identity` or `E3012`. */
  check: string;
  status: FindingStatus;
  message: string;
  /** One line that says how to fix it. */
  fix?: string;
  /** A link to read more. */
  link?: string;
  position?: SourcePosition;
  /** Groups rows in the summary (e.g. the prerequisites guide's categories). */
  category?: string;
}

const ORDER: Record<FindingStatus, number> = { fail: 0, warn: 1, skip: 2, pass: 3 };

export function worst(findings: readonly Finding[]): FindingStatus {
  return findings.reduce<FindingStatus>((w, f) => (ORDER[f.status] < ORDER[w] ? f.status : w), 'pass');
}

export function countByStatus(findings: readonly Finding[]): Record<FindingStatus, number> {
  const counts: Record<FindingStatus, number> = { pass: 0, warn: 0, fail: 0, skip: 0 };
  for (const f of findings) counts[f.status] += 1;
  return counts;
}

export type FailOn = 'error' | 'warning' | 'never';

/** Whether the findings fail the step under the `fail-on` policy. */
export function failsOn(findings: readonly Finding[], failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return findings.some((f) => f.status === 'fail' || (failOn === 'warning' && f.status === 'warn'));
}

export const STATUS_LABEL: Record<FindingStatus, string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', skip: 'SKIP' };
