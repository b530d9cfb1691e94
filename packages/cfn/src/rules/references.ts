import { intrinsic, text, walk, type Node, type Position } from '../nodes.js';
import { attributeShape, resourceType, suggest } from '../spec/index.js';
import { collectReferences, PSEUDO_PARAMETERS, type Reference, type Template } from '../template.js';
import type { RuleContext } from '../validate.js';

function didYouMean(name: string, candidates: Iterable<string>): string {
  const s = suggest(name, candidates);
  return s ? ` Did you mean '${s}'?` : '';
}

/** Types whose GetAtt attributes are not in the resource data (they come from the custom code or nested stack). */
export function takesAnyAttribute(type: string): boolean {
  return (
    type.startsWith('Custom::') ||
    type === 'AWS::CloudFormation::CustomResource' ||
    type.startsWith('AWS::Serverless::')
  );
}

/** H2001–H2009 and H3005: every name a template uses is declared; no circular dependencies. */
export function checkReferences(context: RuleContext): void {
  const { template, report, transformed } = context;
  const root = template.root;
  if (!root) return;
  const { parameters, resources, conditions } = template;
  const declared = [...parameters.keys(), ...resources.keys()];
  const resourceNames = [...resources.keys()];
  const edges = new Map<string, { target: string; pos: Position }[]>();
  const used = new Set<string>();

  const checkRef = (ref: Reference, inConditions: boolean, from: string | undefined) => {
    used.add(ref.target);
    if (PSEUDO_PARAMETERS.has(ref.target)) {
      if (ref.attribute !== undefined && ref.kind === 'Sub') {
        report(
          'H2003',
          ref.pos,
          `\${${ref.target}.${ref.attribute}}: a pseudo parameter has no attributes.`,
          `write \${${ref.target}}.`,
        );
      }
      return;
    }
    const resource = resources.get(ref.target);
    const isParameter = parameters.has(ref.target);
    if (inConditions && resource && ref.kind === 'Ref') {
      report(
        'H2009',
        ref.pos,
        `Conditions can only Ref parameters; ${ref.target} is a resource.`,
        'base the condition on a parameter.',
      );
      return;
    }
    const needsResource = ref.kind === 'GetAtt' || (ref.kind === 'Sub' && ref.attribute !== undefined);
    if (resource && from !== undefined) {
      const list = edges.get(from) ?? [];
      list.push({ target: ref.target, pos: ref.pos });
      edges.set(from, list);
    }
    if (!resource && !(isParameter && !needsResource)) {
      // A transform (SAM, macros) adds resources of its own: a name it generates is not ours to judge.
      if (transformed) return;
      if (isParameter) {
        report(
          ref.kind === 'GetAtt' ? 'H2002' : 'H2003',
          ref.pos,
          `${ref.target} is a parameter; GetAtt needs a resource.`,
          `use Ref ${ref.target} (or \${${ref.target}}).`,
        );
        return;
      }
      if (ref.kind === 'Ref') {
        report(
          'H2001',
          ref.pos,
          `Ref ${ref.target}: no parameter or resource has that name.${didYouMean(ref.target, [...declared, ...PSEUDO_PARAMETERS])}`,
          'declare it or correct the name.',
        );
      } else if (ref.kind === 'GetAtt') {
        report(
          'H2002',
          ref.pos,
          `GetAtt ${ref.target}: no resource has that name.${didYouMean(ref.target, resourceNames)}`,
          'declare the resource or correct the name.',
        );
      } else {
        const shown = ref.attribute === undefined ? ref.target : `${ref.target}.${ref.attribute}`;
        report(
          'H2003',
          ref.pos,
          `Sub variable \${${shown}}: no parameter or resource is named ${ref.target}.${didYouMean(ref.target, [...declared, ...PSEUDO_PARAMETERS])}`,
          'declare it, define it in the Sub variable map, or write ${!Literal} for literal text.',
        );
      }
      return;
    }
    if (resource && needsResource && ref.attribute !== undefined && resource.type) checkAttribute(ref, resource.type);
  };

  const checkAttribute = (ref: Reference, type: string) => {
    const attribute = ref.attribute as string;
    if (takesAnyAttribute(type) || transformed) return;
    const spec = resourceType(type);
    if (!spec || attributeShape(type, attribute) !== undefined) return;
    report(
      'H3005',
      ref.pos,
      `${type} has no attribute '${attribute}' (GetAtt ${ref.target}.${attribute}).${didYouMean(attribute, spec.attributes)}`,
      spec.attributes.length > 0
        ? `use one of: ${spec.attributes.join(', ')}.`
        : `${type} has no GetAtt attributes; use Ref ${ref.target}.`,
    );
  };

  const checkConditionName = (name: string, pos: Position) => {
    if (conditions.has(name)) return;
    report(
      'H2005',
      pos,
      `Condition '${name}' is not declared in Conditions.${didYouMean(name, conditions.keys())}`,
      'declare the condition or correct its name.',
    );
  };

  const checkFunctions = (node: Node) =>
    walk(node, (n) => {
      const fn = intrinsic(n);
      if (!fn) return;
      if (fn.name === 'Fn::If' && fn.arg.kind === 'seq') {
        const name = text(fn.arg.items[0]);
        if (name !== undefined && fn.arg.items[0]) checkConditionName(name, fn.arg.items[0].pos);
      } else if (fn.name === 'Condition') {
        const name = text(fn.arg);
        if (name !== undefined) checkConditionName(name, fn.arg.pos);
      } else if (fn.name === 'Fn::FindInMap') {
        checkFindInMap(fn.arg, template, context);
      }
    });

  for (const r of resources.values()) {
    for (const ref of collectReferences(r.node)) checkRef(ref, false, r.logicalId);
    for (const d of r.dependsOn) {
      if (resources.has(d.name)) {
        const list = edges.get(r.logicalId) ?? [];
        list.push({ target: d.name, pos: d.pos });
        edges.set(r.logicalId, list);
      } else if (!transformed) {
        report(
          'H2004',
          d.pos,
          `${r.logicalId} DependsOn ${d.name}: no resource has that name.${didYouMean(d.name, resourceNames)}`,
          'remove it or correct the name.',
        );
      }
    }
    if (r.condition) checkConditionName(r.condition.name, r.condition.pos);
    checkFunctions(r.node);
  }
  for (const o of template.outputs.values()) {
    for (const ref of collectReferences(o.node)) checkRef(ref, false, undefined);
    if (o.condition) checkConditionName(o.condition.name, o.condition.pos);
    checkFunctions(o.node);
  }
  for (const c of conditions.values()) {
    for (const ref of collectReferences(c.value)) checkRef(ref, true, undefined);
    checkFunctions(c.value);
  }
  for (const name of ['Rules', 'Metadata']) {
    const section = root.byKey.get(name)?.value;
    if (section) for (const ref of collectReferences(section)) used.add(ref.target);
  }
  reportCycles(edges, context);
  if (!transformed) {
    for (const p of parameters.values()) {
      if (!used.has(p.name))
        report('H2008', p.pos, `Parameter ${p.name} is declared but never used.`, 'remove it, or use it with Ref/Sub.');
    }
  }
}

function checkFindInMap(arg: Node, template: Template, { report }: RuleContext): void {
  if (arg.kind !== 'seq' || arg.items.length !== 3) return;
  const [mapNode, firstNode, secondNode] = arg.items;
  const mapName = text(mapNode);
  if (mapName === undefined || !mapNode) return;
  const mapping = template.mappings.get(mapName);
  if (!mapping) {
    report(
      'H2006',
      mapNode.pos,
      `FindInMap: no mapping is named '${mapName}'.${didYouMean(mapName, template.mappings.keys())}`,
      'declare it under Mappings or correct the name.',
    );
    return;
  }
  const body = mapping.value;
  if (body.kind !== 'map') return;
  const first = text(firstNode);
  const second = text(secondNode);
  if (first !== undefined && firstNode) {
    const level = body.byKey.get(first);
    if (!level) {
      report(
        'H2006',
        firstNode.pos,
        `FindInMap: mapping ${mapName} has no key '${first}'.${didYouMean(first, body.byKey.keys())}`,
        `add '${first}' to mapping ${mapName} or correct the key.`,
      );
      return;
    }
    if (second !== undefined && secondNode && level.value.kind === 'map' && !level.value.byKey.has(second)) {
      report(
        'H2006',
        secondNode.pos,
        `FindInMap: ${mapName}.${first} has no key '${second}'.${didYouMean(second, level.value.byKey.keys())}`,
        `add '${second}' under ${mapName}.${first} or correct the key.`,
      );
    }
  } else if (second !== undefined && secondNode) {
    // The first key is computed (e.g. the region): the second must exist under at least one first-level key.
    const anywhere = body.entries.some((e) => e.value.kind !== 'map' || e.value.byKey.has(second));
    if (!anywhere)
      report(
        'H2006',
        secondNode.pos,
        `FindInMap: no entry of mapping ${mapName} has the key '${second}'.`,
        `add '${second}' to the entries of ${mapName} or correct the key.`,
      );
  }
}

/** Strongly connected components (iterative Tarjan): each resource in a cycle is reported at its edge into it. */
function reportCycles(edges: Map<string, { target: string; pos: Position }[]>, { report }: RuleContext): void {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  let counter = 0;
  const components: string[][] = [];
  for (const start of edges.keys()) {
    if (index.has(start)) continue;
    const work: { node: string; next: number }[] = [{ node: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { node: string; next: number };
      const out = edges.get(frame.node) ?? [];
      if (frame.next < out.length) {
        const target = (out[frame.next++] as { target: string }).target;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node) as number, index.get(target) as number));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node) as number, low.get(frame.node) as number));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop() as string;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        components.push(component);
      }
    }
  }
  for (const component of components) {
    const members = new Set(component);
    const selfLoop =
      component.length === 1 && (edges.get(component[0] as string) ?? []).some((e) => e.target === component[0]);
    if (component.length === 1 && !selfLoop) continue;
    for (const name of component) {
      const edge = (edges.get(name) ?? []).find((e) => members.has(e.target));
      if (!edge) continue;
      const others = component.filter((c) => c !== name);
      report(
        'H2007',
        edge.pos,
        selfLoop
          ? `${name} refers to itself.`
          : `Circular dependency: ${name} depends on ${edge.target}, and ${others.join(', ')} depend${others.length === 1 ? 's' : ''} back on ${name}.`,
        'break the cycle: remove a DependsOn, or move the reference into a separate resource (e.g. an ingress rule or an attachment).',
      );
    }
  }
}
