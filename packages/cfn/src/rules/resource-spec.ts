import { intrinsic, rainDirective, text, walk, type Node } from '../nodes.js';
import {
  allResourceTypeNames,
  attributeShape,
  propertyType,
  resourceType,
  suggest,
  type PropertySpecs,
  type Shape,
} from '../spec/index.js';
import { isListParameterType, type ResourceDef, type Template } from '../template.js';
import type { RuleContext } from '../validate.js';
import { takesAnyAttribute } from './references.js';

/** What an intrinsic function (or a literal) gives CloudFormation, as far as the shape goes. */
type Produced = 'list' | 'scalar' | 'map' | 'unknown' | 'absent';

/** Transforms whose output keeps the resources' properties as written (so property checks stay meaningful). */
const KNOWN_TRANSFORMS = new Set(['AWS::Serverless-2016-10-31', 'AWS::LanguageExtensions', 'AWS::CodeDeployBlueGreen']);

/** H3001–H3004 and H7002: resource types, properties, required properties, shapes and allowed values. */
export function checkResourceSpec(context: RuleContext): void {
  const { template, report } = context;
  const macros = template.transforms.some((t) => !KNOWN_TRANSFORMS.has(t.name));
  for (const r of template.resources.values()) {
    const type = r.type;
    if (type === undefined || r.logicalId.startsWith('Fn::ForEach::') || takesAnyAttribute(type)) continue;
    const spec = resourceType(type);
    if (!spec) {
      if (!/^(aws|alexa)::/i.test(type) || macros) continue;
      const s = suggest(type, allResourceTypeNames());
      report(
        'H3001',
        r.typeNode?.pos ?? r.pos,
        `Resource type '${type}' does not exist.${s ? ` Did you mean '${s}'?` : ''}`,
        s ? `write Type: ${s}.` : 'check the type name in the CloudFormation resource reference.',
      );
      continue;
    }
    if (macros || containsTransform(r.node)) continue;
    const checker = new ShapeChecker(template, type, context);
    const props = r.properties;
    if (props === undefined) {
      const required = Object.values(spec.properties)
        .filter((p) => p.required)
        .map((p) => p.name);
      if (required.length > 0) {
        report(
          'H3003',
          r.pos,
          `${r.logicalId} (${type}) is missing required ${plural(required)}: ${required.join(', ')}.`,
          `add Properties with ${required.join(', ')}.`,
        );
      }
      continue;
    }
    checker.checkProperties(props, spec.properties, `${r.logicalId}`, r);
  }
}

function plural(names: readonly string[]): string {
  return names.length === 1 ? 'property' : 'properties';
}

function containsTransform(node: Node): boolean {
  let found = false;
  walk(node, (n) => {
    if (found) return false;
    if (n.kind === 'map' && n.byKey.has('Fn::Transform')) found = true;
    return !found;
  });
  return found;
}

class ShapeChecker {
  constructor(
    private readonly template: Template,
    private readonly resourceTypeName: string,
    private readonly context: RuleContext,
  ) {}

  checkProperties(node: Node, specs: PropertySpecs, where: string, resource?: ResourceDef): void {
    const fn = intrinsic(node);
    if (fn) {
      if (fn.name === 'Fn::If' && fn.arg.kind === 'seq') {
        for (const branch of fn.arg.items.slice(1)) this.checkProperties(branch, specs, where, resource);
      }
      return;
    }
    if (node.kind !== 'map') return;
    const { report } = this.context;
    const names = Object.keys(specs);
    for (const e of node.entries) {
      const spec = specs[e.key];
      if (!spec) {
        const s = suggest(e.key, names);
        report(
          'H3002',
          e.keyPos,
          `${where}: '${e.key}' is not a property of ${resource ? this.resourceTypeName : 'this structure'}.${s ? ` Did you mean '${s}'?` : ''}`,
          s ? `rename it to ${s}.` : `remove it; see the ${this.resourceTypeName} reference for its properties.`,
        );
        continue;
      }
      this.checkValue(e.value, spec.shape, `${where}.${e.key}`);
    }
    const missing = Object.values(specs)
      .filter((p) => p.required && !node.byKey.has(p.name))
      .map((p) => p.name);
    if (missing.length > 0) {
      const pos = resource
        ? resource.node.kind === 'map'
          ? (resource.node.byKey.get('Properties')?.keyPos ?? node.pos)
          : node.pos
        : node.pos;
      report(
        'H3003',
        pos,
        `${where} is missing required ${plural(missing)}: ${missing.join(', ')}.`,
        `add ${missing.join(', ')}.`,
      );
    }
  }

  private checkValue(node: Node, shape: Shape, where: string): void {
    const fn = intrinsic(node);
    if (fn?.name === 'Fn::If') {
      if (fn.arg.kind === 'seq') for (const branch of fn.arg.items.slice(1)) this.checkValue(branch, shape, where);
      return;
    }
    if (shape.kind === 'json' || shape.kind === 'any' || rainDirective(node)) return;
    if (shape.kind === 'union') {
      if (shape.options.some((o) => this.accepts(node, o))) {
        const only = shape.options.filter((o) => this.accepts(node, o));
        if (only.length === 1 && only[0]) this.checkValue(node, only[0], where);
        return;
      }
      this.wrongShape(node, describeShape(shape), where);
      return;
    }
    if (fn) {
      const produced = this.produces(node);
      if (produced === 'absent' || produced === 'unknown') return;
      if (!compatible(produced, shape)) this.wrongShape(node, describeShape(shape), where, produced);
      return;
    }
    switch (shape.kind) {
      case 'list':
        if (node.kind !== 'seq') return this.wrongShape(node, describeShape(shape), where);
        node.items.forEach((item, i) => this.checkValue(item, shape.item, `${where}[${i}]`));
        return;
      case 'map':
        if (node.kind !== 'map') return this.wrongShape(node, describeShape(shape), where);
        for (const e of node.entries) this.checkValue(e.value, shape.item, `${where}.${e.key}`);
        return;
      case 'struct': {
        if (node.kind !== 'map') return this.wrongShape(node, `a mapping (${shape.name})`, where);
        const struct = propertyType(this.resourceTypeName, shape.name);
        if (struct) this.checkProperties(node, struct.properties, where);
        return;
      }
      default:
        this.checkScalar(node, shape, where);
    }
  }

  private checkScalar(node: Node, shape: Shape, where: string): void {
    if (node.kind !== 'scalar') return this.wrongShape(node, describeShape(shape), where);
    const value = text(node);
    if (value === undefined) return;
    const { report } = this.context;
    if (
      (shape.kind === 'integer' && !/^[+-]?\d+$/.test(value.trim())) ||
      (shape.kind === 'number' && !Number.isFinite(Number(value)))
    ) {
      report(
        'H3004',
        node.pos,
        `${where}: '${value}' is not ${shape.kind === 'integer' ? 'an integer' : 'a number'}.`,
        `give ${where} a number.`,
      );
      return;
    }
    if (shape.kind === 'boolean' && !/^(true|false)$/i.test(value)) {
      report('H3004', node.pos, `${where}: '${value}' is not a boolean.`, 'write true or false.');
      return;
    }
    if (
      (shape.kind === 'string' || shape.kind === 'integer') &&
      shape.allowedValues &&
      shape.allowedValues.length > 0
    ) {
      const allowed = shape.allowedValues.map(String);
      if (!allowed.includes(value)) {
        const s = suggest(value, allowed);
        report(
          'H7002',
          node.pos,
          `${where}: '${value}' is not an allowed value.${s ? ` Did you mean '${s}'?` : ''}`,
          `use one of: ${allowed.slice(0, 20).join(', ')}${allowed.length > 20 ? ', …' : ''}.`,
        );
      }
    }
  }

  private wrongShape(node: Node, expected: string, where: string, produced?: Produced): void {
    const got = produced
      ? { list: 'a list', scalar: 'a single value', map: 'a mapping', unknown: 'a value', absent: 'nothing' }[produced]
      : node.kind === 'seq'
        ? 'a list'
        : node.kind === 'map'
          ? 'a mapping'
          : `the value '${text(node) ?? 'null'}'`;
    const fn = intrinsic(node);
    const how = fn ? ` (${fn.name === 'Ref' ? `Ref ${text(fn.arg) ?? ''}` : fn.name})` : '';
    const fix = expected.startsWith('a list') ? 'wrap the value in a list: [ value ].' : `give ${where} ${expected}.`;
    this.context.report('H3004', fn?.keyPos ?? node.pos, `${where} must be ${expected}, not ${got}${how}.`, fix);
  }

  private accepts(node: Node, shape: Shape): boolean {
    if (shape.kind === 'json' || shape.kind === 'any') return true;
    if (shape.kind === 'union') return shape.options.some((o) => this.accepts(node, o));
    if (intrinsic(node)) {
      const produced = this.produces(node);
      return produced === 'unknown' || produced === 'absent' || compatible(produced, shape);
    }
    if (shape.kind === 'list') return node.kind === 'seq';
    if (shape.kind === 'map' || shape.kind === 'struct') return node.kind === 'map';
    return node.kind === 'scalar';
  }

  private produces(node: Node): Produced {
    const fn = intrinsic(node);
    if (!fn) return node.kind === 'seq' ? 'list' : node.kind === 'map' ? 'map' : 'scalar';
    switch (fn.name) {
      case 'Ref': {
        const target = text(fn.arg);
        if (target === undefined) return 'unknown';
        if (target === 'AWS::NoValue') return 'absent';
        if (target === 'AWS::NotificationARNs') return 'list';
        const parameter = this.template.parameters.get(target);
        if (parameter)
          return isListParameterType(parameter.type) ? 'list' : parameter.type === undefined ? 'unknown' : 'scalar';
        return this.template.resources.has(target) ? 'scalar' : 'unknown';
      }
      case 'Fn::GetAtt': {
        const [resourceNode, attributeNode] = fn.arg.kind === 'seq' ? fn.arg.items : [];
        const type = this.template.resources.get(text(resourceNode) ?? '')?.type;
        const attribute = text(attributeNode);
        const shape = type && attribute !== undefined ? attributeShape(type, attribute) : undefined;
        if (!shape) return 'unknown';
        return shape.kind === 'list'
          ? 'list'
          : shape.kind === 'json' || shape.kind === 'any' || shape.kind === 'union'
            ? 'unknown'
            : 'scalar';
      }
      case 'Fn::GetAZs':
      case 'Fn::Split':
      case 'Fn::Cidr':
        return 'list';
      case 'Fn::Join':
      case 'Fn::Sub':
      case 'Fn::Base64':
      case 'Fn::ToJsonString':
      case 'Fn::Length':
        return 'scalar';
      default:
        return 'unknown';
    }
  }
}

function compatible(produced: Produced, shape: Shape): boolean {
  if (produced === 'unknown' || produced === 'absent') return true;
  switch (shape.kind) {
    case 'json':
    case 'any':
      return true;
    case 'union':
      return shape.options.some((o) => compatible(produced, o));
    case 'list':
      return produced === 'list';
    case 'map':
    case 'struct':
      return produced === 'map';
    default:
      return produced === 'scalar';
  }
}

function describeShape(shape: Shape): string {
  switch (shape.kind) {
    case 'list':
      return `a list${shape.item.kind === 'struct' ? ` of ${shape.item.name}` : shape.item.kind === 'string' ? ' of strings' : ''}`;
    case 'map':
      return 'a mapping';
    case 'struct':
      return `a mapping (${shape.name})`;
    case 'union':
      return shape.options.map(describeShape).join(' or ');
    case 'integer':
      return 'an integer';
    case 'json':
    case 'any':
      return 'a value';
    default:
      return `a ${shape.kind}`;
  }
}
