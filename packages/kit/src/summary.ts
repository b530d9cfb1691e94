import { STATUS_LABEL, countByStatus, type Finding } from './findings.js';

/** Escape a value for a markdown table cell. */
export function cell(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(headers), `|${headers.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

const ICON = { pass: '✅', warn: '⚠️', fail: '❌', skip: '⏭️' } as const;

/**
 * The one renderer for findings: a table (status, check, detail, fix), grouped by category when findings have
 * one, failures first within a group.
 */
export function renderFindings(
  findings: readonly Finding[],
  options: { title?: string; categories?: readonly string[] } = {},
): string {
  const counts = countByStatus(findings);
  const parts: string[] = [];
  if (options.title) parts.push(`### ${options.title}`);
  parts.push(`**${counts.fail} failed, ${counts.warn} warnings, ${counts.pass} passed, ${counts.skip} skipped**`);
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = f.category ?? '';
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const order = [...(options.categories ?? []), ...groups.keys()].filter(
    (k, i, all) => groups.has(k) && all.indexOf(k) === i,
  );
  for (const category of order) {
    if (category) parts.push(`#### ${category}`);
    const rows = (groups.get(category) ?? []).map((f) => [
      `${ICON[f.status]} ${STATUS_LABEL[f.status]}`,
      f.check,
      f.position ? `${f.message} (${formatPosition(f.position)})` : f.message,
      [f.fix ?? '', f.link ? `[docs](${f.link})` : ''].filter(Boolean).join(' '),
    ]);
    parts.push(markdownTable(['Status', 'Check', 'Detail', 'Fix'], rows));
  }
  return parts.join('\n\n') + '\n';
}

export function formatPosition(p: { file: string; line?: number; column?: number }): string {
  return [p.file, p.line, p.line !== undefined ? p.column : undefined].filter((x) => x !== undefined).join(':');
}
