/** 1-based line and column of a node in its source text. */
export interface Position {
  line: number;
  column: number;
}

export type Node = ScalarNode | MapNode | SeqNode;

export interface ScalarNode {
  kind: 'scalar';
  value: string | number | boolean | null;
  /** The source text of a non-string scalar (`1.10` stays `1.10`, not 1.1). */
  raw?: string;
  /** A YAML block scalar (`|` or `>`): its text starts on the line after `pos`. */
  block?: boolean;
  pos: Position;
}

export interface MapEntry {
  key: string;
  keyPos: Position;
  value: Node;
}

export interface MapNode {
  kind: 'map';
  entries: MapEntry[];
  /** The last entry of each key (CloudFormation keeps the last of duplicated keys). */
  byKey: Map<string, MapEntry>;
  pos: Position;
  /** The YAML short-form tag this map was written as (`!GetAtt`), normalised to its long form. */
  tag?: string;
}

export interface SeqNode {
  kind: 'seq';
  items: Node[];
  pos: Position;
  tag?: string;
}

export function scalar(value: ScalarNode['value'], pos: Position, raw?: string): ScalarNode {
  return raw === undefined ? { kind: 'scalar', value, pos } : { kind: 'scalar', value, raw, pos };
}

export function mapNode(entries: MapEntry[], pos: Position, tag?: string): MapNode {
  const byKey = new Map<string, MapEntry>();
  for (const e of entries) byKey.set(e.key, e);
  return tag === undefined ? { kind: 'map', entries, byKey, pos } : { kind: 'map', entries, byKey, pos, tag };
}

export function isMap(node: Node | undefined): node is MapNode {
  return node?.kind === 'map';
}

export function isSeq(node: Node | undefined): node is SeqNode {
  return node?.kind === 'seq';
}

export function isScalar(node: Node | undefined): node is ScalarNode {
  return node?.kind === 'scalar';
}

/** The value under `key` of a mapping node. */
export function get(node: Node | undefined, key: string): Node | undefined {
  return node?.kind === 'map' ? node.byKey.get(key)?.value : undefined;
}

export function entry(node: Node | undefined, key: string): MapEntry | undefined {
  return node?.kind === 'map' ? node.byKey.get(key) : undefined;
}

/** The text of a scalar as CloudFormation sees it (numbers and booleans as written), or undefined. */
export function text(node: Node | undefined): string | undefined {
  if (node?.kind !== 'scalar' || node.value === null) return undefined;
  if (typeof node.value === 'string') return node.value;
  return node.raw ?? String(node.value);
}

/** A plain JavaScript value (as JSON.parse would give) for a node. */
export function toPlain(node: Node | undefined): unknown {
  if (node === undefined) return undefined;
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map(toPlain);
  const out: Record<string, unknown> = {};
  for (const e of node.entries) out[e.key] = toPlain(e.value);
  return out;
}

/** Intrinsic functions and condition functions, by their long-form key. */
export const INTRINSIC_KEYS = new Set([
  'Ref',
  'Condition',
  'Fn::Base64',
  'Fn::Cidr',
  'Fn::FindInMap',
  'Fn::GetAtt',
  'Fn::GetAZs',
  'Fn::ImportValue',
  'Fn::Join',
  'Fn::Select',
  'Fn::Split',
  'Fn::Sub',
  'Fn::Transform',
  'Fn::If',
  'Fn::Equals',
  'Fn::And',
  'Fn::Or',
  'Fn::Not',
  'Fn::ToJsonString',
  'Fn::Length',
  'Fn::Contains',
  'Fn::EachMemberEquals',
  'Fn::EachMemberIn',
  'Fn::RefAll',
  'Fn::ValueOf',
  'Fn::ValueOfAll',
  'Fn::Implies',
]);

/**
 * `{"Fn::X": …}` (one key, an intrinsic function): its name and argument; otherwise undefined. `Condition` counts
 * only with a name (an IAM policy's `Condition: {…}` block is not the condition function).
 */
export function intrinsic(node: Node | undefined): { name: string; arg: Node; keyPos: Position } | undefined {
  if (node?.kind !== 'map' || node.entries.length !== 1) return undefined;
  const only = node.entries[0];
  if (!only || !(INTRINSIC_KEYS.has(only.key) || only.key.startsWith('Fn::ForEach::'))) return undefined;
  if (only.key === 'Condition' && only.value.kind !== 'scalar') return undefined;
  return { name: only.key, arg: only.value, keyPos: only.keyPos };
}

/** `{"Rain::Embed": …}`, `{"Fn::Rain::Module": …}`: a directive of the rain CLI, replaced before deploy. */
export function rainDirective(node: Node | undefined): string | undefined {
  if (node?.kind !== 'map' || node.entries.length !== 1) return undefined;
  const key = node.entries[0]?.key ?? '';
  return /^(Fn::)?Rain::/.test(key) ? key : undefined;
}

/** The position of character `index` of a string scalar's value (exact on one line and in literal blocks). */
export function positionInString(node: ScalarNode, index: number): Position {
  const value = typeof node.value === 'string' ? node.value : '';
  const before = value.slice(0, index);
  const newlines = before.split('\n').length - 1;
  if (newlines === 0 && !node.block) return { line: node.pos.line, column: node.pos.column + index + 1 };
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: node.pos.line + newlines + (node.block ? 1 : 0), column: index - lineStart + 1 };
}

/** One step of a path from the template root: a mapping key or a sequence index. */
export type PathSegment = string | number;

export interface Visit {
  node: Node;
  path: readonly PathSegment[];
}

/** Every node under `node` (itself included), depth first. `enter` returning false skips the node's children. */
export function walk(node: Node, enter: (node: Node) => boolean | void): void {
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const n = stack.pop() as Node;
    if (enter(n) === false) continue;
    if (n.kind === 'map') for (let i = n.entries.length - 1; i >= 0; i--) stack.push((n.entries[i] as MapEntry).value);
    else if (n.kind === 'seq') for (let i = n.items.length - 1; i >= 0; i--) stack.push(n.items[i] as Node);
  }
}

/** Like `walk`, with each node's path from `path` (slower: use it when the path is wanted). */
export function walkWithPaths(node: Node, path: readonly PathSegment[], enter: (visit: Visit) => boolean | void): void {
  const stack: Visit[] = [{ node, path }];
  while (stack.length > 0) {
    const visit = stack.pop() as Visit;
    if (enter(visit) === false) continue;
    const n = visit.node;
    if (n.kind === 'map') {
      for (let i = n.entries.length - 1; i >= 0; i--) {
        const e = n.entries[i] as MapEntry;
        stack.push({ node: e.value, path: [...visit.path, e.key] });
      }
    } else if (n.kind === 'seq') {
      for (let i = n.items.length - 1; i >= 0; i--) stack.push({ node: n.items[i] as Node, path: [...visit.path, i] });
    }
  }
}
