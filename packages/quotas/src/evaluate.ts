import { intrinsic, text, toPlain, type Node, type Template } from '@hoist/cfn';

/** A value that cannot be known before the deploy (a GetAtt, an unresolved parameter): counted conservatively. */
export const UNKNOWN = Symbol('unknown');
export type Value = string | number | boolean | null | Value[] | { [key: string]: Value } | typeof UNKNOWN;

export interface EvaluationContext {
  template: Template;
  /** Parameter values (file, then Default). */
  parameters: Readonly<Record<string, string>>;
  region: string;
  stackName?: string;
}

/**
 * The value a node will have at deploy time, as far as it can be known without AWS: Ref to parameters and pseudo
 * parameters, Fn::If with its condition, Fn::FindInMap, Fn::Select, Fn::Join, Fn::Sub, Fn::Split. Anything else
 * (GetAtt, Ref to a resource, GetAZs) is UNKNOWN.
 */
export function evaluate(node: Node | undefined, context: EvaluationContext): Value {
  if (node === undefined) return null;
  const fn = intrinsic(node);
  if (fn) return evaluateFunction(fn.name, fn.arg, context);
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map((item) => evaluate(item, context));
  const out: Record<string, Value> = {};
  for (const e of node.entries) out[e.key] = evaluate(e.value, context);
  return out;
}

function evaluateFunction(name: string, arg: Node, context: EvaluationContext): Value {
  const args = arg.kind === 'seq' ? arg.items : [];
  switch (name) {
    case 'Ref':
      return ref(text(arg), context);
    case 'Fn::If': {
      const condition = evaluateCondition(text(args[0]), context);
      if (condition === UNKNOWN) return UNKNOWN;
      return evaluate(condition ? args[1] : args[2], context);
    }
    case 'Fn::FindInMap': {
      const [map, top, second] = args.map((a) => evaluate(a, context));
      if (typeof map !== 'string' || top === undefined || second === undefined || !isKey(top) || !isKey(second))
        return UNKNOWN;
      const plain = toPlain(context.template.mappings.get(map)?.value) as
        Record<string, Record<string, unknown>> | undefined;
      const found = plain?.[String(top)]?.[String(second)];
      return found === undefined ? UNKNOWN : (found as Value);
    }
    case 'Fn::Select': {
      const index = evaluate(args[0], context);
      const list = evaluate(args[1], context);
      if (!isKey(index) || !Array.isArray(list)) return UNKNOWN;
      return list[Number(index)] ?? UNKNOWN;
    }
    case 'Fn::Join': {
      const separator = evaluate(args[0], context);
      const list = evaluate(args[1], context);
      if (typeof separator !== 'string' || !Array.isArray(list) || list.some((v) => !isKey(v))) return UNKNOWN;
      return list.map(String).join(separator);
    }
    case 'Fn::Split': {
      const separator = evaluate(args[0], context);
      const source = evaluate(args[1], context);
      if (typeof separator !== 'string' || typeof source !== 'string') return UNKNOWN;
      return source.split(separator);
    }
    case 'Fn::Sub':
      return sub(arg, context);
    default:
      return UNKNOWN;
  }
}

function isKey(v: Value): v is string | number {
  return typeof v === 'string' || typeof v === 'number';
}

const PSEUDO: Record<string, (c: EvaluationContext) => Value> = {
  'AWS::Region': (c) => c.region,
  'AWS::StackName': (c) => c.stackName ?? UNKNOWN,
  'AWS::NoValue': () => null,
  'AWS::Partition': (c) =>
    c.region.startsWith('cn-') ? 'aws-cn' : c.region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws',
  'AWS::URLSuffix': (c) => (c.region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com'),
};

function ref(name: string | undefined, context: EvaluationContext): Value {
  if (name === undefined) return UNKNOWN;
  const pseudo = PSEUDO[name];
  if (pseudo) return pseudo(context);
  const parameter = context.template.parameters.get(name);
  if (!parameter) return UNKNOWN;
  const value = context.parameters[name];
  if (value === undefined) return UNKNOWN;
  return parameter.type === 'CommaDelimitedList' || parameter.type?.startsWith('List<')
    ? value.split(',').map((v) => v.trim())
    : value;
}

function sub(arg: Node, context: EvaluationContext): Value {
  const [body, vars] = arg.kind === 'seq' ? [arg.items[0], arg.items[1]] : [arg, undefined];
  const template = text(body);
  if (template === undefined) return UNKNOWN;
  const locals =
    vars?.kind === 'map' ? Object.fromEntries(vars.entries.map((e) => [e.key, evaluate(e.value, context)])) : {};
  let unknown = false;
  const result = template.replace(/\$\{([^}]*)\}/g, (whole, raw: string) => {
    const name = raw.trim();
    if (name.startsWith('!')) return `\${${name.slice(1)}}`;
    const value = name in locals ? locals[name] : name.includes('.') ? UNKNOWN : ref(name, context);
    if (!isKey(value as Value)) {
      unknown = true;
      return whole;
    }
    return String(value);
  });
  return unknown ? UNKNOWN : result;
}

/** A named condition's value: true, false or UNKNOWN. Cycles are UNKNOWN. */
export function evaluateCondition(
  name: string | undefined,
  context: EvaluationContext,
  seen: ReadonlySet<string> = new Set(),
): boolean | typeof UNKNOWN {
  if (name === undefined || seen.has(name)) return UNKNOWN;
  const node = context.template.conditions.get(name)?.value;
  if (!node) return UNKNOWN;
  return conditionValue(node, context, new Set([...seen, name]));
}

function conditionValue(node: Node, context: EvaluationContext, seen: ReadonlySet<string>): boolean | typeof UNKNOWN {
  const fn = intrinsic(node);
  if (!fn) return UNKNOWN;
  const args = fn.arg.kind === 'seq' ? fn.arg.items : [];
  switch (fn.name) {
    case 'Condition':
      return evaluateCondition(text(fn.arg), context, seen);
    case 'Fn::Equals': {
      const [a, b] = args.map((x) => evaluate(x, context));
      if (a === UNKNOWN || b === UNKNOWN || a === undefined || b === undefined) return UNKNOWN;
      return JSON.stringify(plainText(a)) === JSON.stringify(plainText(b));
    }
    case 'Fn::Not': {
      const v = args[0] ? conditionValue(args[0], context, seen) : UNKNOWN;
      return v === UNKNOWN ? UNKNOWN : !v;
    }
    case 'Fn::And':
    case 'Fn::Or': {
      const values = args.map((a) => conditionValue(a, context, seen));
      const decisive = fn.name === 'Fn::And' ? false : true;
      if (values.includes(decisive)) return decisive;
      return values.includes(UNKNOWN) ? UNKNOWN : !decisive;
    }
    default:
      return UNKNOWN;
  }
}

/** CloudFormation compares strings: `2` equals `"2"`. */
function plainText(v: Value): unknown {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map(plainText);
  return v;
}

/** A whole number from a value (`"3"`, 3), or undefined. */
export function integerOf(v: Value): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

export function stringOf(v: Value): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}
