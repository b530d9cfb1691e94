// Guards the resource data against false errors: every resource type, property name (nested ones too), allowed
// value and GetAtt attribute that the public templates of ../shared/corpus/cfn use must be known to it.
// Custom resources and templates a macro transforms first are out of scope: they are not plain CloudFormation.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { attributeShape, propertyType, resourceType, type Shape } from '../src/spec/index.js';

const corpus = path.resolve(import.meta.dirname, '..', '..', '..', '..', 'shared', 'corpus', 'cfn');
const found = existsSync(path.join(corpus, 'valid'));
const SERVERLESS = 'AWS::Serverless-2016-10-31';

function templateFiles(): string[] {
  return ['valid', 'ray']
    .flatMap((dir) =>
      readdirSync(path.join(corpus, dir), { recursive: true })
        .map(String)
        .filter((f) => /\.(ya?ml|json)$/.test(f))
        .map((f) => path.join(dir, f)),
    )
    .sort();
}

/** YAML/JSON to plain values, short-form tags to their long form (`!GetAtt A.B` → `{"Fn::GetAtt": ["A", "B"]}`). */
function plain(node: unknown): unknown {
  const n = node as YamlNode | null;
  if (!n) return null;
  let value: unknown = null;
  if (isMap(n))
    value = Object.fromEntries(n.items.map((p) => [String(isScalar(p.key) ? p.key.value : p.key), plain(p.value)]));
  else if (isSeq(n)) value = n.items.map(plain);
  else if (isScalar(n)) value = n.value;
  if (!n.tag?.startsWith('!') || n.tag.startsWith('!!')) return value;
  const name = n.tag.slice(1);
  if (name === 'Ref' || name === 'Condition') return { [name]: value };
  if (name === 'GetAtt' && typeof value === 'string') {
    const dot = value.indexOf('.');
    return { 'Fn::GetAtt': [value.slice(0, dot), value.slice(dot + 1)] };
  }
  return { [name.startsWith('Rain::') ? name : `Fn::${name}`]: value };
}

/** Intrinsic functions, and Rain directives (the corpus has templates written for Rain), are not literal values. */
function isFunction(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && /^(Ref|Condition|Fn::|Rain::)/.test(keys[0] as string);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fits(shape: Shape, value: unknown): boolean {
  switch (shape.kind) {
    case 'list':
      return Array.isArray(value);
    case 'map':
    case 'struct':
      return isObject(value);
    case 'union':
      return shape.options.some((option) => fits(option, value));
    case 'json':
    case 'any':
      return true;
    default:
      // CloudFormation turns "10" and "true" into numbers and booleans, and numbers into strings.
      return !Array.isArray(value) && !isObject(value);
  }
}

function checkValue(type: string, where: string, shape: Shape, value: unknown, problems: string[]): void {
  if (value === null || isFunction(value)) return;
  if (!fits(shape, value)) {
    problems.push(`${where}: ${JSON.stringify(value).slice(0, 60)} is not a ${shape.kind}`);
    return;
  }
  if (shape.kind === 'list')
    (value as unknown[]).forEach((v, i) => checkValue(type, `${where}[${i}]`, shape.item, v, problems));
  else if (shape.kind === 'map') {
    for (const [key, v] of Object.entries(value as object))
      checkValue(type, `${where}.${key}`, shape.item, v, problems);
  } else if (shape.kind === 'struct') {
    const struct = propertyType(type, shape.name);
    if (!struct) problems.push(`${where}: no property type ${shape.name} in ${type}`);
    else checkProperties(type, where, struct.properties, value as Record<string, unknown>, problems);
  } else if ((shape.kind === 'string' || shape.kind === 'integer') && shape.allowedValues) {
    const allowed: readonly unknown[] = shape.allowedValues;
    const literal = shape.kind === 'integer' ? Number(value) : value;
    if (!allowed.includes(literal)) problems.push(`${where}: ${JSON.stringify(value)} is not an allowed value`);
  }
}

function checkProperties(
  type: string,
  where: string,
  properties: Readonly<Record<string, { shape: Shape }>>,
  values: Record<string, unknown>,
  problems: string[],
): void {
  if (isFunction(values)) return;
  for (const [name, value] of Object.entries(values)) {
    const property = properties[name];
    if (property) checkValue(type, `${where}.${name}`, property.shape, value, problems);
    else problems.push(`${where}.${name}: no such property of ${type}`);
  }
}

function getAtts(value: unknown, out: [string, string][] = []): [string, string][] {
  if (Array.isArray(value)) value.forEach((v) => getAtts(v, out));
  else if (isObject(value)) {
    const target = value['Fn::GetAtt'];
    if (Array.isArray(target) && typeof target[0] === 'string' && typeof target[1] === 'string') {
      out.push([target[0], target[1]]);
    }
    Object.values(value).forEach((v) => getAtts(v, out));
  }
  return out;
}

function problemsOf(file: string): string[] {
  const template = plain(
    parseDocument(readFileSync(path.join(corpus, file), 'utf8'), { logLevel: 'silent', uniqueKeys: false }).contents,
  );
  if (!isObject(template)) return [];
  const transforms = [template.Transform ?? []].flat();
  if (transforms.some((t) => t !== SERVERLESS)) return [];
  const resources = isObject(template.Resources) ? template.Resources : {};
  const problems: string[] = [];
  const typeOf = (logicalId: string): string | undefined => {
    const resource = resources[logicalId];
    const type = isObject(resource) ? resource.Type : undefined;
    return typeof type === 'string' && !type.startsWith('Custom::') && type !== 'AWS::CloudFormation::CustomResource'
      ? type
      : undefined;
  };
  for (const [logicalId, resource] of Object.entries(resources)) {
    const type = typeOf(logicalId);
    if (!type || !isObject(resource)) continue;
    const spec = resourceType(type);
    if (!spec) problems.push(`${logicalId}: unknown resource type ${type}`);
    else if (isObject(resource.Properties))
      checkProperties(type, logicalId, spec.properties, resource.Properties, problems);
  }
  for (const [logicalId, attribute] of getAtts(template)) {
    const type = typeOf(logicalId);
    if (type && resourceType(type) && !attributeShape(type, attribute)) {
      problems.push(`GetAtt ${logicalId}.${attribute}: ${type} has no such attribute`);
    }
  }
  return problems.map((p) => `${file}: ${p}`);
}

describe(found ? 'resource data against the template corpus' : 'skipped: corpus not found', () => {
  (found ? test : test.skip)('knows every type, property, allowed value and attribute the corpus uses', () => {
    const files = templateFiles();
    expect(files.length).toBeGreaterThan(250);
    expect(files.flatMap(problemsOf)).toEqual([]);
  });
});
