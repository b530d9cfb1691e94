import { markdownTable } from '@hoist/kit';
import type { Change, Parameter } from './api.js';

export type ReplacementKind = 'True' | 'Conditional' | 'False';

/** One resource change of a change set, as the preview shows it. */
export interface ResourceChangeRow {
  action: string;
  logicalId: string;
  type: string;
  physicalId: string | undefined;
  /** Only for Modify: whether the resource is replaced (True), may be (Conditional) or is not (False). */
  replacement: ReplacementKind | undefined;
  /** Properties whose change requires recreation (Always or Conditionally). */
  causes: string[];
  /** Every property (or other scope) the change touches. */
  changed: string[];
}

export interface ParameterChangeRow {
  name: string;
  before: string | undefined;
  after: string | undefined;
  noEcho: boolean;
}

/** What a change set will do, read from DescribeChangeSet (all pages): the model behind the summary table. */
export interface ChangeSetPreview {
  stackName: string;
  changeSetName: string;
  changeSetId: string;
  newStack: boolean;
  changes: ResourceChangeRow[];
  parameters: ParameterChangeRow[];
}

export function resourceChangeRows(changes: readonly Change[]): ResourceChangeRow[] {
  const rows: ResourceChangeRow[] = [];
  for (const change of changes) {
    const rc = change.ResourceChange;
    if (!rc) continue;
    const causes = new Set<string>();
    const changed = new Set<string>();
    for (const detail of rc.Details ?? []) {
      const target = detail.Target;
      if (!target) continue;
      const name = target.Attribute === 'Properties' ? (target.Name ?? 'Properties') : (target.Attribute ?? '');
      if (name) changed.add(name);
      if (target.RequiresRecreation === 'Always' || target.RequiresRecreation === 'Conditionally') causes.add(name);
    }
    if (changed.size === 0) for (const scope of rc.Scope ?? []) changed.add(scope);
    const replacement = rc.Action === 'Modify' && rc.Replacement ? (rc.Replacement as ReplacementKind) : undefined;
    rows.push({
      action: rc.Action ?? 'Unknown',
      logicalId: rc.LogicalResourceId ?? '',
      type: rc.ResourceType ?? '',
      physicalId: rc.PhysicalResourceId,
      replacement,
      causes: [...causes].sort(),
      changed: [...changed].sort(),
    });
  }
  return rows;
}

/** The parameters whose value changes: the stack's values before against the change set's. NoEcho values never shown. */
export function parameterChangeRows(
  before: readonly Parameter[] | undefined,
  after: readonly Parameter[],
  noEcho: ReadonlySet<string>,
): ParameterChangeRow[] {
  const old = new Map((before ?? []).map((p) => [p.ParameterKey ?? '', p.ParameterValue]));
  const rows: ParameterChangeRow[] = [];
  const seen = new Set<string>();
  for (const p of after) {
    const name = p.ParameterKey ?? '';
    seen.add(name);
    if (p.UsePreviousValue) continue;
    const hidden = noEcho.has(name);
    const was = old.get(name);
    // A NoEcho value comes back as **** and cannot be compared: it is listed as given.
    if (!hidden && was === p.ParameterValue) continue;
    rows.push({ name, before: was, after: p.ParameterValue, noEcho: hidden });
  }
  for (const [name, was] of old)
    if (!seen.has(name) && name !== '') rows.push({ name, before: was, after: undefined, noEcho: noEcho.has(name) });
  return rows.sort((a, b) => a.name.localeCompare(b.name));
}

/** Type patterns: `AWS::RDS::*` (a prefix) or an exact type name. */
export function matchesTypePattern(type: string, pattern: string): boolean {
  return pattern.endsWith('*') ? type.startsWith(pattern.slice(0, -1)) : type === pattern;
}

/** The stateful types whose replacement `on-replacement` guards by default: they hold data a replacement loses. */
export const DEFAULT_STATEFUL_TYPES: readonly string[] = [
  'AWS::RDS::DBInstance',
  'AWS::RDS::DBCluster',
  'AWS::DynamoDB::Table',
  'AWS::DynamoDB::GlobalTable',
  'AWS::S3::Bucket',
  'AWS::EFS::FileSystem',
  'AWS::ElastiCache::*',
  'AWS::Logs::LogGroup',
  'AWS::SecretsManager::Secret',
];

/** Modify changes that replace (or may replace) a resource of one of the given types. */
export function guardedReplacements(preview: ChangeSetPreview, patterns: readonly string[]): ResourceChangeRow[] {
  return preview.changes.filter(
    (row) =>
      row.action === 'Modify' &&
      (row.replacement === 'True' || row.replacement === 'Conditional') &&
      patterns.some((p) => matchesTypePattern(row.type, p)),
  );
}

const ACTION_ICON: Record<string, string> = { Add: '➕', Modify: '✏️', Remove: '➖', Import: '📥', Dynamic: '❔' };

export function describeChangeCounts(preview: ChangeSetPreview): string {
  const count = (action: string) => preview.changes.filter((c) => c.action === action).length;
  const replacements = preview.changes.filter(
    (c) => c.replacement === 'True' || c.replacement === 'Conditional',
  ).length;
  const parts = [`${count('Add')} to add`, `${count('Modify')} to modify`, `${count('Remove')} to remove`];
  if (count('Import') > 0) parts.push(`${count('Import')} to import`);
  return `${parts.join(', ')}${replacements > 0 ? ` (${replacements} replacement${replacements > 1 ? 's' : ''})` : ''}`;
}

/** The preview as markdown: the job summary section and the `change-set` output (for PR comments). */
export function renderPreview(preview: ChangeSetPreview): string {
  const parts: string[] = [];
  parts.push(`### Change set for \`${preview.stackName}\`${preview.newStack ? ' (new stack)' : ''}`);
  parts.push(`**${describeChangeCounts(preview)}** — change set \`${preview.changeSetName}\``);
  if (preview.changes.length > 0) {
    const rows = preview.changes.map((c) => [
      `${ACTION_ICON[c.action] ?? ''} ${c.action}`.trim(),
      c.logicalId,
      c.type,
      c.replacement === 'True'
        ? '**True**'
        : c.replacement === 'Conditional'
          ? 'Conditional'
          : c.action === 'Modify'
            ? 'False'
            : '',
      c.causes.join(', '),
      c.changed.join(', '),
    ]);
    parts.push(markdownTable(['Action', 'Logical ID', 'Type', 'Replacement', 'Caused by', 'Changed'], rows));
  } else {
    parts.push('No resource changes.');
  }
  if (preview.parameters.length > 0) {
    const show = (value: string | undefined, hidden: boolean) =>
      value === undefined ? '—' : hidden ? '(NoEcho)' : `\`${value}\``;
    const rows = preview.parameters.map((p) => [p.name, show(p.before, p.noEcho), show(p.after, p.noEcho)]);
    parts.push(markdownTable(['Parameter', 'Before', 'After'], rows));
  }
  return parts.join('\n\n') + '\n';
}
