import { intrinsic, rainDirective, text, walk, type Node } from '../nodes.js';
import { suggest } from '../spec/suggest.js';
import { TOP_LEVEL_SECTIONS } from '../template.js';
import type { RuleContext } from '../validate.js';

const RESOURCE_KEYS = [
  'Type',
  'Properties',
  'DependsOn',
  'Condition',
  'Metadata',
  'DeletionPolicy',
  'UpdateReplacePolicy',
  'CreationPolicy',
  'UpdatePolicy',
  'Version',
];
const OUTPUT_KEYS = ['Value', 'Description', 'Export', 'Condition'];
const LOGICAL_ID = /^[A-Za-z0-9]+$/;

function didYouMean(name: string, candidates: readonly string[]): string {
  const s = suggest(name, candidates);
  return s ? ` Did you mean '${s}'?` : '';
}

/** H1010–H1017: the template's sections, resources and outputs have the shape CloudFormation requires. */
export function checkStructure(context: RuleContext): void {
  const { template, report } = context;
  const root = template.root;
  if (!root) return;
  const sam = template.transforms.some((t) => t.name.startsWith('AWS::Serverless'));
  const macros = template.transforms.some((t) => !t.name.startsWith('AWS::'));
  for (const e of root.entries) {
    if (!(TOP_LEVEL_SECTIONS as readonly string[]).includes(e.key) && !(sam && e.key === 'Globals')) {
      report(
        'H1011',
        e.keyPos,
        `Unknown top-level section '${e.key}'.${didYouMean(e.key, TOP_LEVEL_SECTIONS)}`,
        `use one of ${TOP_LEVEL_SECTIONS.join(', ')}.`,
      );
    }
  }
  for (const name of ['Parameters', 'Mappings', 'Conditions', 'Resources', 'Outputs', 'Metadata', 'Rules']) {
    const e = root.byKey.get(name);
    if (e && e.value.kind !== 'map')
      report(
        'H1017',
        e.value.pos,
        `The ${name} section must be a mapping.`,
        `write ${name} as a mapping of logical ids to their definitions.`,
      );
  }
  const resources = root.byKey.get('Resources');
  if (!resources) {
    report(
      'H1010',
      { line: 1, column: 1 },
      'The template has no Resources section.',
      'declare at least one resource under Resources.',
    );
  } else if (resources.value.kind === 'map' && resources.value.entries.length === 0) {
    report(
      'H1010',
      resources.keyPos,
      'The Resources section is empty.',
      'declare at least one resource under Resources.',
    );
  }
  for (const r of template.resources.values()) {
    if (r.logicalId.startsWith('Fn::ForEach::')) continue;
    if (!LOGICAL_ID.test(r.logicalId)) {
      report(
        'H1015',
        r.pos,
        `Logical id '${r.logicalId}' must be alphanumeric (A-Z, a-z, 0-9).`,
        'rename the resource without hyphens, underscores or dots.',
      );
    }
    if (r.node.kind !== 'map') {
      report(
        'H1012',
        r.node.pos,
        `Resource ${r.logicalId} must be a mapping with a Type.`,
        'give the resource a Type and its Properties.',
      );
      continue;
    }
    if (r.type === undefined) {
      report('H1012', r.pos, `Resource ${r.logicalId} has no Type.`, 'add Type: AWS::<service>::<resource>.');
    }
    for (const e of r.node.entries) {
      // A macro reads attributes of its own (Count, ExplodeMap…) and removes them.
      if (!RESOURCE_KEYS.includes(e.key) && !macros) {
        report(
          'H1013',
          e.keyPos,
          `Resource ${r.logicalId} has an unknown attribute '${e.key}'.${didYouMean(e.key, RESOURCE_KEYS)}`,
          'properties go under Properties; other keys must be resource attributes.',
        );
      }
    }
    const properties = r.properties;
    if (properties && properties.kind !== 'map' && !intrinsic(properties)) {
      report(
        'H1017',
        properties.pos,
        `The Properties of ${r.logicalId} must be a mapping.`,
        'write Properties as a mapping of property names to values.',
      );
    }
  }
  for (const o of template.outputs.values()) {
    if (o.name.startsWith('Fn::ForEach::')) continue;
    if (!LOGICAL_ID.test(o.name)) {
      report('H1015', o.pos, `Output name '${o.name}' must be alphanumeric (A-Z, a-z, 0-9).`, 'rename the output.');
    }
    if (o.node.kind !== 'map') {
      report(
        'H1017',
        o.node.pos,
        `Output ${o.name} must be a mapping with a Value.`,
        'write the output as Value: … (and optionally Description, Export, Condition).',
      );
      continue;
    }
    if (o.value === undefined) report('H1016', o.pos, `Output ${o.name} has no Value.`, 'add Value: to the output.');
    for (const e of o.node.entries) {
      if (!OUTPUT_KEYS.includes(e.key)) {
        report(
          'H1017',
          e.keyPos,
          `Output ${o.name} has an unknown key '${e.key}'.${didYouMean(e.key, OUTPUT_KEYS)}`,
          `use ${OUTPUT_KEYS.join(', ')}.`,
        );
      }
    }
  }
  for (const section of ['Resources', 'Outputs', 'Conditions'] as const) {
    const node = root.byKey.get(section)?.value;
    if (node) checkIntrinsicShapes(node, context);
  }
}

/** Argument counts and kinds of intrinsic functions (only what is certain whatever nested functions return). */
function checkIntrinsicShapes(node: Node, { report }: RuleContext): void {
  walk(node, (n) => {
    const directive = rainDirective(n);
    if (directive) {
      report(
        'H1003',
        n.pos,
        `'${directive}' is a directive of the rain CLI, not CloudFormation.`,
        'run rain pkg to produce the template CloudFormation deploys, and validate that.',
      );
      return false;
    }
    const fn = intrinsic(n);
    if (!fn) return true;
    const arg = fn.arg;
    const items = arg.kind === 'seq' ? arg.items : undefined;
    const nested = intrinsic(arg) !== undefined;
    const bad = (expected: string) =>
      report(
        'H1014',
        fn.keyPos,
        `${fn.name} expects ${expected}.`,
        `see the ${fn.name} reference in the CloudFormation user guide.`,
      );
    switch (fn.name) {
      case 'Ref':
        if (arg.kind !== 'scalar' || text(arg) === undefined) bad('the name of a parameter or resource');
        break;
      case 'Fn::GetAtt':
        if (arg.kind === 'scalar' ? !(text(arg) ?? '').includes('.') : !items || items.length !== 2) {
          bad('[LogicalId, Attribute] (or LogicalId.Attribute in the short form)');
        }
        break;
      case 'Fn::Join':
        if (!items || items.length !== 2 || items[0]?.kind !== 'scalar') bad('[delimiter, [values…]]');
        else if (items[1]?.kind === 'scalar' || (items[1]?.kind === 'map' && !intrinsic(items[1])))
          bad('a list of values (or a function returning one) as its second item');
        break;
      case 'Fn::Select':
        if (!items || items.length !== 2) bad('[index, list]');
        break;
      case 'Fn::Split':
        if (!items || items.length !== 2) bad('[delimiter, string]');
        break;
      case 'Fn::FindInMap':
        if (!items || items.length < 3 || items.length > 4) bad('[MapName, TopLevelKey, SecondLevelKey]');
        break;
      case 'Fn::If':
        if (!items || items.length !== 3 || text(items[0]) === undefined)
          bad('[ConditionName, value if true, value if false]');
        break;
      case 'Fn::Equals':
        if (!items || items.length !== 2) bad('two values to compare');
        break;
      case 'Fn::Not':
        if (!items || items.length !== 1) bad('a list of exactly one condition');
        break;
      case 'Fn::And':
      case 'Fn::Or':
        if (!nested && (!items || items.length < 2 || items.length > 10)) bad('a list of 2 to 10 conditions');
        break;
      case 'Fn::Sub':
        if (arg.kind === 'map' && !nested) bad('a string, or [string, {Variable: value}]');
        else if (items && (items.length !== 2 || items[0]?.kind !== 'scalar' || items[1]?.kind !== 'map'))
          bad('a string, or [string, {Variable: value}]');
        break;
      case 'Fn::Cidr':
        if (!items || items.length !== 3) bad('[ipBlock, count, cidrBits]');
        break;
    }
    return true;
  });
}
