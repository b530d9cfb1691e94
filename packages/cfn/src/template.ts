import { readFileSync } from 'node:fs';
import { UserError } from '@hoist/kit';
import {
  intrinsic,
  isMap,
  positionInString,
  text,
  toPlain,
  type MapEntry,
  type MapNode,
  type Node,
  type PathSegment,
  type Position,
} from './nodes.js';
import { parseText, type ParseProblem } from './parse.js';

export const PSEUDO_PARAMETERS: ReadonlySet<string> = new Set([
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::NoValue',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
]);

export const TOP_LEVEL_SECTIONS = [
  'AWSTemplateFormatVersion',
  'Description',
  'Metadata',
  'Parameters',
  'Rules',
  'Mappings',
  'Conditions',
  'Transform',
  'Resources',
  'Outputs',
] as const;

export interface NameAt {
  name: string;
  pos: Position;
}

export interface ParameterDef {
  name: string;
  /** The parameter's key in the Parameters section. */
  pos: Position;
  node: Node;
  type: string | undefined;
  default: string | undefined;
  defaultNode: Node | undefined;
  allowedValues: string[] | undefined;
  allowedPattern: string | undefined;
  minLength: number | undefined;
  maxLength: number | undefined;
  minValue: number | undefined;
  maxValue: number | undefined;
  noEcho: boolean;
}

export interface ResourceDef {
  logicalId: string;
  /** The logical id's key. */
  pos: Position;
  node: Node;
  type: string | undefined;
  typeNode: Node | undefined;
  properties: Node | undefined;
  dependsOn: NameAt[];
  condition: NameAt | undefined;
}

export interface OutputDef {
  name: string;
  pos: Position;
  node: Node;
  value: Node | undefined;
  condition: NameAt | undefined;
}

export interface Template {
  file: string | undefined;
  text: string;
  /** UTF-8 size of the body, as CloudFormation counts it against its limits. */
  bytes: number;
  format: 'json' | 'yaml';
  /** Undefined when the text could not be parsed (see `problems`). */
  root: MapNode | undefined;
  problems: ParseProblem[];
  parameters: Map<string, ParameterDef>;
  mappings: Map<string, MapEntry>;
  conditions: Map<string, MapEntry>;
  resources: Map<string, ResourceDef>;
  outputs: Map<string, OutputDef>;
  /** Template-level transforms (`Transform: AWS::Serverless-2016-10-31` or a list). */
  transforms: NameAt[];
}

export function readTemplate(path: string): Template {
  let body: string;
  try {
    body = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UserError(
      `Template ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`,
      {
        fix: 'check the path of the template.',
      },
    );
  }
  return parseTemplate(body, { file: path });
}

/** Parses a template body (YAML or JSON) into the model every rule, and deploy-stack and quota-check, read. */
export function parseTemplate(body: string, options: { file?: string } = {}): Template {
  const parsed = parseText(body);
  const root = isMap(parsed.root) ? parsed.root : undefined;
  const template: Template = {
    file: options.file,
    text: body,
    bytes: Buffer.byteLength(body, 'utf8'),
    format: parsed.format,
    root,
    problems: parsed.problems,
    parameters: new Map(),
    mappings: new Map(),
    conditions: new Map(),
    resources: new Map(),
    outputs: new Map(),
    transforms: [],
  };
  if (!root) return template;
  for (const e of entriesOf(root, 'Parameters')) template.parameters.set(e.key, parameterDef(e));
  for (const e of entriesOf(root, 'Mappings')) template.mappings.set(e.key, e);
  for (const e of entriesOf(root, 'Conditions')) template.conditions.set(e.key, e);
  for (const e of entriesOf(root, 'Resources')) template.resources.set(e.key, resourceDef(e));
  for (const e of entriesOf(root, 'Outputs')) {
    template.outputs.set(e.key, {
      name: e.key,
      pos: e.keyPos,
      node: e.value,
      value: section(e.value, 'Value'),
      condition: nameAt(section(e.value, 'Condition')),
    });
  }
  const transform = root.byKey.get('Transform');
  if (transform) {
    const v = transform.value;
    const items = v.kind === 'seq' ? v.items : [v];
    for (const item of items) {
      const name = text(item) ?? text(section(item, 'Name'));
      if (name) template.transforms.push({ name, pos: item.pos });
    }
  }
  return template;
}

function entriesOf(root: MapNode, name: string): MapEntry[] {
  const v = root.byKey.get(name)?.value;
  return v?.kind === 'map' ? v.entries : [];
}

function section(node: Node | undefined, key: string): Node | undefined {
  return node?.kind === 'map' ? node.byKey.get(key)?.value : undefined;
}

function nameAt(node: Node | undefined): NameAt | undefined {
  const name = text(node);
  return name !== undefined && node ? { name, pos: node.pos } : undefined;
}

function numberOf(node: Node | undefined): number | undefined {
  const t = text(node);
  if (t === undefined || t.trim() === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

function parameterDef(e: MapEntry): ParameterDef {
  const n = e.value;
  const allowed = section(n, 'AllowedValues');
  const defaultNode = section(n, 'Default');
  return {
    name: e.key,
    pos: e.keyPos,
    node: n,
    type: text(section(n, 'Type')),
    default: defaultNode?.kind === 'seq' ? defaultNode.items.map((i) => text(i) ?? '').join(',') : text(defaultNode),
    defaultNode,
    allowedValues: allowed?.kind === 'seq' ? allowed.items.map((i) => text(i) ?? '') : undefined,
    allowedPattern: text(section(n, 'AllowedPattern')),
    minLength: numberOf(section(n, 'MinLength')),
    maxLength: numberOf(section(n, 'MaxLength')),
    minValue: numberOf(section(n, 'MinValue')),
    maxValue: numberOf(section(n, 'MaxValue')),
    noEcho: text(section(n, 'NoEcho')) === 'true',
  };
}

function resourceDef(e: MapEntry): ResourceDef {
  const n = e.value;
  const typeNode = section(n, 'Type');
  const depends = section(n, 'DependsOn');
  const dependsOn: NameAt[] = [];
  for (const d of depends?.kind === 'seq' ? depends.items : depends ? [depends] : []) {
    const at = nameAt(d);
    if (at) dependsOn.push(at);
  }
  return {
    logicalId: e.key,
    pos: e.keyPos,
    node: n,
    type: text(typeNode),
    typeNode,
    properties: section(n, 'Properties'),
    dependsOn,
    condition: nameAt(section(n, 'Condition')),
  };
}

/** Parameter types whose Ref is a list. */
export function isListParameterType(type: string | undefined): boolean {
  if (!type) return false;
  return (
    type === 'CommaDelimitedList' ||
    type.startsWith('List<') ||
    /^AWS::SSM::Parameter::Value<List<|^AWS::SSM::Parameter::Value<CommaDelimitedList>/.test(type)
  );
}

/** A Ref, a GetAtt or a `${}` variable of a Sub, with where it is written. */
export interface Reference {
  kind: 'Ref' | 'GetAtt' | 'Sub';
  target: string;
  /** GetAtt's attribute (`Endpoint.Address`), or the part after the first dot of `${X.Y}`. */
  attribute?: string;
  /** GetAtt's attribute given by an intrinsic function (not checkable). */
  dynamicAttribute?: boolean;
  pos: Position;
  path: readonly PathSegment[];
}

/**
 * Every Ref, GetAtt and Sub variable under `node`. Variables defined by a Sub's own variable map are not
 * references; `${!Literal}` is text.
 */
export function collectReferences(node: Node, path: readonly PathSegment[] = []): Reference[] {
  const out: Reference[] = [];
  const visit = (n: Node, p: readonly PathSegment[], locals: ReadonlySet<string>): void => {
    const fn = intrinsic(n);
    if (fn) {
      const argPath = [...p, fn.name];
      if (fn.name === 'Ref') {
        const target = text(fn.arg);
        if (target !== undefined) out.push({ kind: 'Ref', target, pos: fn.arg.pos, path: argPath });
        else visit(fn.arg, argPath, locals);
        return;
      }
      if (fn.name === 'Fn::GetAtt') {
        const ref = getAttReference(fn.arg, argPath);
        if (ref) out.push(ref);
        if (fn.arg.kind === 'seq') fn.arg.items.slice(1).forEach((item, i) => visit(item, [...argPath, i + 1], locals));
        return;
      }
      if (fn.name === 'Fn::Sub') {
        const [body, vars] = fn.arg.kind === 'seq' ? [fn.arg.items[0], fn.arg.items[1]] : [fn.arg, undefined];
        const defined = new Set(locals);
        if (vars?.kind === 'map') {
          for (const v of vars.entries) {
            defined.add(v.key);
            visit(v.value, [...argPath, 1, v.key], locals);
          }
        }
        if (body?.kind === 'scalar' && typeof body.value === 'string') {
          for (const v of subVariables(body.value)) {
            if (defined.has(v.name)) continue;
            const dot = v.name.indexOf('.');
            const target = dot < 0 ? v.name : v.name.slice(0, dot);
            if (defined.has(target)) continue;
            out.push({
              kind: 'Sub',
              target,
              ...(dot < 0 ? {} : { attribute: v.name.slice(dot + 1) }),
              pos: positionInString(body, v.index),
              path: argPath,
            });
          }
        } else if (body) visit(body, argPath, locals);
        return;
      }
    }
    if (n.kind === 'map') for (const e of n.entries) visit(e.value, [...p, e.key], locals);
    else if (n.kind === 'seq') n.items.forEach((item, i) => visit(item, [...p, i], locals));
  };
  visit(node, path, new Set());
  return out;
}

function getAttReference(arg: Node, path: readonly PathSegment[]): Reference | undefined {
  if (arg.kind === 'scalar') {
    // The long form with a dotted string: `"Fn::GetAtt": "Resource.Attribute"` is accepted by CloudFormation in YAML.
    const value = text(arg);
    if (!value) return undefined;
    const dot = value.indexOf('.');
    return dot < 0
      ? { kind: 'GetAtt', target: value, pos: arg.pos, path }
      : { kind: 'GetAtt', target: value.slice(0, dot), attribute: value.slice(dot + 1), pos: arg.pos, path };
  }
  if (arg.kind !== 'seq') return undefined;
  const [first, second] = arg.items;
  const target = text(first);
  if (target === undefined || !first) return undefined;
  const attribute = text(second);
  if (attribute !== undefined) return { kind: 'GetAtt', target, attribute, pos: first.pos, path };
  return { kind: 'GetAtt', target, dynamicAttribute: second !== undefined, pos: first.pos, path };
}

/** `${Name}` and `${Name.Attr}` variables of a Sub string, with their index; `${!Literal}` skipped. */
export function subVariables(body: string): { name: string; index: number }[] {
  const out: { name: string; index: number }[] = [];
  const re = /\$\{([^}]*)\}/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const name = (m[1] ?? '').trim();
    if (name.startsWith('!')) continue;
    out.push({ name, index: m.index });
  }
  return out;
}

export interface ResolvedParameters {
  /** Parameter name → value: the parameters file first, then the Default. */
  values: Record<string, string>;
  /** Parameters with neither a value in the file nor a Default. */
  missing: string[];
}

/** The value each parameter will have: the one given (a parameters file, overrides), else its Default. */
export function resolveParameterValues(
  template: Template,
  given: Readonly<Record<string, string>> = {},
): ResolvedParameters {
  const values: Record<string, string> = {};
  const missing: string[] = [];
  for (const p of template.parameters.values()) {
    const v = Object.hasOwn(given, p.name) ? given[p.name] : p.default;
    if (v === undefined) missing.push(p.name);
    else values[p.name] = v;
  }
  return { values, missing };
}

/** The plain value of a resource's properties (for callers that want data, not positions). */
export function plainProperties(resource: ResourceDef): Record<string, unknown> {
  const plain = toPlain(resource.properties);
  return plain !== null && typeof plain === 'object' && !Array.isArray(plain) ? (plain as Record<string, unknown>) : {};
}
