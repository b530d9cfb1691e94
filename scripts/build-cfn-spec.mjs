#!/usr/bin/env node
// Derives the compact CloudFormation resource data that packages/cfn validates against from the (large)
// @aws-cdk/aws-service-spec database: packages/cfn/data/resource-spec.json, committed.
// `--check` builds in memory and fails when the committed file differs (stale data); `--output <file>` reads or
// writes another file instead (tests).
//
// Format (decoded by packages/cfn/src/spec/decode.ts; keep the two in step and bump FORMAT on a change):
//   { format, source: { package, version }, enums: ["v1|v2|…", …], transforms: { "AWS::X::Y": transform },
//     resources: { "AWS::X::Y": "<properties>/<attributes>/<structs>" } }
// Each resource is one string, decoded only when it is looked up: JSON.parse of a few thousand strings is several
// times cheaper than of the same data as nested objects (measured: the cold load is on every action run).
//   <properties> = Name=code,Name=code…   <attributes> = Name=shape,…   <structs> = Struct:<properties>;Struct:…
//   An attribute `Prefix.*` stands for every `Prefix.<name>` (nested stack outputs, keys of map attributes).
// A property code is flags then a shape. Flags: `!` required, `^` an update replaces the resource, `?` it may.
// Shapes: S string, I integer, N number, B boolean, J json, T the standard {Key, Value} tag,
//   S#n / I#n with allowed values enums[n], [x list of x, {x map of x, @Name struct Name, (x|y) union.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

const FORMAT = 1;
const root = path.resolve(import.meta.dirname, '..');
const defaultOutput = path.join(root, 'packages', 'cfn', 'data', 'resource-spec.json');
const outputFlag = process.argv.indexOf('--output');
const output = outputFlag < 0 ? defaultOutput : path.resolve(process.argv[outputFlag + 1] ?? '');
const check = process.argv.includes('--check');

const require = createRequire(import.meta.url);
const specPackageJson = require.resolve('@aws-cdk/aws-service-spec/package.json');
const specVersion = JSON.parse(readFileSync(specPackageJson, 'utf8')).version;
// The raw database (what loadAwsServiceSpec() feeds its in-memory store): entities plus relations, refs by $id.
const db = JSON.parse(
  gunzipSync(readFileSync(path.join(path.dirname(specPackageJson), 'db.json.gz'))).toString('utf8'),
);

const typeDefinitions = new Map(Object.values(db.schema.typeDefinition.entities).map((t) => [t.$id, t]));
const byCodePoint = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

const enums = [];
const enumIndex = new Map();
function internEnum(values) {
  for (const value of values) {
    if (String(value).includes('|')) throw new Error(`build-cfn-spec: allowed value ${value} contains the separator |`);
  }
  const key = values.join('|');
  let index = enumIndex.get(key);
  if (index === undefined) {
    index = enums.length;
    enums.push(key);
    enumIndex.set(key, index);
  }
  return index;
}

// The order of allowed values carries no meaning; sorting makes the interned lists (and the output) stable.
function allowedValues(values, kind) {
  const sorted = [...new Set(values)].sort(kind === 'I' ? (a, b) => a - b : byCodePoint);
  return `#${internEnum(sorted)}`;
}

function encodeShape(type, usedStructs) {
  switch (type.type) {
    case 'string':
      return type.allowedValues?.length ? `S${allowedValues(type.allowedValues, 'S')}` : 'S';
    case 'date-time':
      return 'S';
    case 'integer':
      return type.allowedValues?.length ? `I${allowedValues(type.allowedValues, 'I')}` : 'I';
    case 'number':
      return 'N';
    case 'boolean':
      return 'B';
    case 'json':
      return 'J';
    case 'tag':
      return 'T';
    case 'array':
      return `[${encodeShape(type.element, usedStructs)}`;
    case 'map':
      return `{${encodeShape(type.element, usedStructs)}`;
    case 'ref': {
      const definition = typeDefinitions.get(type.reference.$ref);
      if (!definition) throw new Error(`build-cfn-spec: dangling type reference ${type.reference.$ref}`);
      usedStructs.push(definition);
      return `@${definition.name}`;
    }
    case 'union':
      return union(type.types.map((t) => encodeShape(t, usedStructs)));
    default:
      throw new Error(`build-cfn-spec: unknown property type ${JSON.stringify(type)}`);
  }
}

// Flattens nested unions and drops duplicates; a union of one is that shape.
function union(options) {
  const flat = [];
  for (const option of options) {
    const inner = option.startsWith('(') ? splitUnion(option) : [option];
    for (const o of inner) if (!flat.includes(o)) flat.push(o);
  }
  return flat.length === 1 ? flat[0] : `(${flat.join('|')})`;
}

function splitUnion(code) {
  const parts = [];
  let depth = 0;
  let start = 1;
  for (let i = 1; i < code.length - 1; i++) {
    if (code[i] === '(') depth++;
    else if (code[i] === ')') depth--;
    else if (code[i] === '|' && depth === 0) {
      parts.push(code.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(code.slice(start, code.length - 1));
  return parts;
}

// Types a property had in earlier releases stay accepted: CloudFormation rarely starts rejecting them, and a
// false error on a working template costs more than a missed one.
function encodeProperty(property, usedStructs) {
  const shapes = [property.type, ...(property.previousTypes ?? [])].map((t) => encodeShape(t, usedStructs));
  const flags =
    (property.required ? '!' : '') +
    (property.causesReplacement === 'yes' ? '^' : property.causesReplacement === 'maybe' ? '?' : '');
  return flags + union(shapes);
}

const NAME = /^[A-Za-z0-9_]+$/;
const ATTRIBUTE_NAME = /^[A-Za-z0-9_.]+$/;

function checkName(name, pattern, where) {
  if (!pattern.test(name))
    throw new Error(`build-cfn-spec: ${where} name ${JSON.stringify(name)} would break the format`);
  return name;
}

function encodeProperties(properties, usedStructs, where) {
  return Object.keys(properties)
    .sort(byCodePoint)
    .map((name) => `${checkName(name, NAME, where)}=${encodeProperty(properties[name], usedStructs)}`)
    .join(',');
}

// GetAtt names whose last part the template chooses: a nested stack's `Outputs.<Name>`, and every map-typed attribute
// (`Outputs.<Name>` of a provisioned product). Encoded as `Prefix.*`.
const DYNAMIC_ATTRIBUTES = { 'AWS::CloudFormation::Stack': ['Outputs'] };

// The spec gives the AWS::Serverless::* types no attributes, yet `!GetAtt MyFunction.Arn` works: the transform
// emits the resource it expands to under the same logical id, so that resource's attributes apply.
const SERVERLESS_EXPANDS_TO = {
  'AWS::Serverless::Api': 'AWS::ApiGateway::RestApi',
  'AWS::Serverless::Application': 'AWS::CloudFormation::Stack',
  'AWS::Serverless::Function': 'AWS::Lambda::Function',
  'AWS::Serverless::HttpApi': 'AWS::ApiGatewayV2::Api',
  'AWS::Serverless::SimpleTable': 'AWS::DynamoDB::Table',
  'AWS::Serverless::StateMachine': 'AWS::StepFunctions::StateMachine',
};

function encodeAttributes(type, usedStructs) {
  const resource = resourcesByType.get(type);
  const expandsTo = SERVERLESS_EXPANDS_TO[type];
  if (Object.keys(resource.attributes).length === 0 && expandsTo) return encodeAttributes(expandsTo, usedStructs);
  const entries = Object.keys(resource.attributes).map((name) => {
    const attribute = resource.attributes[name];
    const shape = union([attribute.type, ...(attribute.previousTypes ?? [])].map((t) => encodeShape(t, usedStructs)));
    return [checkName(name, ATTRIBUTE_NAME, type), shape];
  });
  const dynamic = new Map((DYNAMIC_ATTRIBUTES[type] ?? []).map((name) => [name, 'S']));
  for (const [name, shape] of entries) if (shape.startsWith('{')) dynamic.set(name, shape.slice(1));
  for (const [name, shape] of dynamic) entries.push([`${name}.*`, shape]);
  return entries
    .sort(([a], [b]) => byCodePoint(a, b))
    .map(([name, shape]) => `${name}=${shape}`)
    .join(',');
}

function encodeResource(resource) {
  const where = resource.cloudFormationType;
  const usedStructs = [];
  const properties = encodeProperties(resource.properties, usedStructs, where);
  const attributes = encodeAttributes(where, usedStructs);
  // Struct names are local to a resource type: only the ones its properties and attributes reach are kept.
  const structs = new Map();
  while (usedStructs.length > 0) {
    const definition = usedStructs.pop();
    const known = structs.get(definition.name);
    if (known === definition) continue;
    if (known) throw new Error(`build-cfn-spec: ${where} has two types named ${definition.name}`);
    structs.set(checkName(definition.name, NAME, where), definition);
    encodeProperties(definition.properties, usedStructs, where);
  }
  const structCodes = [...structs.keys()]
    .sort(byCodePoint)
    .map((name) => `${name}:${encodeProperties(structs.get(name).properties, [], where)}`)
    .join(';');
  return `${properties}/${attributes}/${structCodes}`;
}

const resources = Object.values(db.schema.resource.entities).sort((a, b) =>
  byCodePoint(a.cloudFormationType, b.cloudFormationType),
);
const resourcesByType = new Map(resources.map((r) => [r.cloudFormationType, r]));
const encoded = {};
const transforms = {};
for (const resource of resources) {
  const name = resource.cloudFormationType;
  if (encoded[name]) throw new Error(`build-cfn-spec: ${name} appears twice in the database`);
  encoded[name] = encodeResource(resource);
  if (resource.cloudFormationTransform) transforms[name] = resource.cloudFormationTransform;
}

const data = {
  format: FORMAT,
  source: { package: '@aws-cdk/aws-service-spec', version: specVersion },
  enums,
  transforms,
  resources: encoded,
};
const text = `${JSON.stringify(data)}\n`;

if (check) {
  const committed = existsSync(output) ? readFileSync(output, 'utf8') : '';
  if (committed !== text) {
    console.error(
      `build-cfn-spec --check: ${path.relative(root, output)} differs from a fresh build from ` +
        `@aws-cdk/aws-service-spec ${specVersion}. Run \`node scripts/build-cfn-spec.mjs\` and commit the result.`,
    );
    process.exit(1);
  }
  console.log(`build-cfn-spec: ${path.relative(root, output)} is up to date (aws-service-spec ${specVersion})`);
} else {
  writeFileSync(output, text);
  console.log(
    `build-cfn-spec: wrote ${path.relative(root, output)}: ${resources.length} resource types, ` +
      `${enums.length} value lists, ${(statSync(output).size / 1024).toFixed(0)} KiB (aws-service-spec ${specVersion})`,
  );
}
