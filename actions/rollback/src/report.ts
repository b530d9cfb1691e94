import { markdownTable } from '@hoist/kit';
import type { ReleaseRecord } from '@hoist/cfn/stack';

export type RollbackStatus = 'restored' | 'recovered' | 'nothing-to-do' | 'failed';

/** `restored`, `recovered` and `nothing-to-do` end the step with exit code 0; `failed` with 1. */
export function isSuccess(status: RollbackStatus): boolean {
  return status !== 'failed';
}

const STATUS_ICON: Record<RollbackStatus, string> = {
  restored: '↩️',
  recovered: '🩹',
  'nothing-to-do': '✅',
  failed: '❌',
};

/** One row of the parameters table: what the stack has, and what the rollback gives it. */
export interface ParameterRow {
  name: string;
  current: string | undefined;
  restored: string;
  changed: boolean;
}

export interface RollbackReport {
  stackName: string;
  status: RollbackStatus;
  dryRun: boolean;
  /** One line: what happened (or would). */
  message: string;
  /** The release restored (or to be restored), and why it was chosen. */
  restored?: ReleaseRecord;
  why?: string;
  running?: ReleaseRecord;
  /** The rollback's own release record. */
  recorded?: ReleaseRecord;
  /** Where the template came from, one line. */
  template?: string;
  /** What recovery did, or would do in a dry run. */
  recovery?: string[];
  stackStatus?: string | undefined;
  parameters?: ParameterRow[];
  /** The change set preview (markdown), when one was made. */
  preview?: string;
  releases: readonly ReleaseRecord[];
  durationMs: number;
}

/** The image a release ran: its `ImageUri` parameter, else the first parameter holding an image by digest. */
export function releaseImage(release: ReleaseRecord | undefined): string | undefined {
  if (!release) return undefined;
  return release.images['ImageUri'] ?? Object.values(release.images)[0];
}

const code = (text: string) => `\`${text}\``;

function shortDigest(image: string): string {
  const digest = image.split('@')[1] ?? image;
  return digest.replace(/^(sha256:[0-9a-f]{12})[0-9a-f]+$/, '$1…');
}

function shownTime(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC');
}

/** The last 10 releases: id, time, sha, image digest, outcome; the running and the restored one marked. */
export function historyTable(
  releases: readonly ReleaseRecord[],
  marks: { running?: ReleaseRecord; restored?: ReleaseRecord; recorded?: ReleaseRecord },
): string {
  const rows = releases.slice(0, 10).map((r) => {
    const mark = [
      r.id === marks.recorded?.id ? '🆕 this rollback' : '',
      r.id === marks.restored?.id ? '↩️ restored' : '',
      r.id === marks.running?.id ? (marks.recorded ? '▶️ was running' : '▶️ running') : '',
    ]
      .filter(Boolean)
      .join(', ');
    const images = Object.values(r.images).map(shortDigest);
    const outcome = r.kind === 'rollback' ? `${r.outcome} (rollback to ${r.restores ?? '?'})` : r.outcome;
    return [
      mark,
      code(r.id),
      shownTime(r.time),
      r.gitSha ? code(r.gitSha.slice(0, 7)) : '—',
      images.length > 0 ? images.map(code).join(' ') : '—',
      outcome,
    ];
  });
  return markdownTable(['', 'Release', 'Time', 'Commit', 'Image digest', 'Outcome'], rows);
}

export function parametersTable(rows: readonly ParameterRow[]): string {
  return markdownTable(
    ['Parameter', 'Now', 'Restored'],
    rows.map((r) => [
      r.changed ? `**${r.name}**` : r.name,
      r.current === undefined ? '—' : code(r.current),
      r.restored.startsWith('kept') ? r.restored : code(r.restored),
    ]),
  );
}

export function renderSummary(report: RollbackReport): string {
  const title = `### ${STATUS_ICON[report.status]} rollback ${code(report.stackName)}: ${report.dryRun ? 'dry run' : report.status}`;
  const lines: string[] = [title, report.message];
  const facts: string[][] = [['Status', report.status]];
  if (report.stackStatus) facts.push(['Stack status', report.stackStatus]);
  if (report.restored)
    facts.push([
      report.dryRun ? 'Would restore' : 'Restored',
      `${code(report.restored.id)}${report.why ? ` — ${report.why}` : ''}`,
    ]);
  const image = releaseImage(report.restored);
  if (image) facts.push(['Image', code(image)]);
  if (report.template) facts.push(['Template', report.template]);
  if (report.recovery && report.recovery.length > 0)
    facts.push([report.dryRun ? 'Would do' : 'Recovery', report.recovery.join('; then ')]);
  if (report.recorded)
    facts.push(['Recorded as', `${code(report.recorded.id)} (rollback, ${report.recorded.outcome})`]);
  facts.push(['Duration', `${Math.round(report.durationMs / 1000)}s`]);
  lines.push(markdownTable(['', ''], facts));
  if (report.parameters && report.parameters.length > 0)
    lines.push('#### Parameters', parametersTable(report.parameters));
  if (report.preview) lines.push(report.preview);
  lines.push(
    report.releases.length > 10
      ? `#### Release history (last 10 of ${report.releases.length})`
      : '#### Release history',
    report.releases.length > 0
      ? historyTable(report.releases, {
          ...(report.running ? { running: report.running } : {}),
          ...(report.restored ? { restored: report.restored } : {}),
          ...(report.recorded ? { recorded: report.recorded } : {}),
        })
      : `No release records in SSM \`/hoist/${report.stackName}/releases\`.`,
  );
  return lines.join('\n\n') + '\n';
}
