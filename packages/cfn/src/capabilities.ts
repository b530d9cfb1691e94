import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { get, intrinsic, text, walk, type Position } from './nodes.js';
import { parseTemplate, type Template } from './template.js';

export type Capability = 'CAPABILITY_IAM' | 'CAPABILITY_NAMED_IAM' | 'CAPABILITY_AUTO_EXPAND';

export interface CapabilityReason {
  capability: Capability;
  why: string;
  pos: Position;
  /** The template the reason is in (a nested stack's own file when it was read). */
  file?: string;
}

export interface RequiredCapabilities {
  /** What to pass to CreateStack/CreateChangeSet: CAPABILITY_NAMED_IAM covers CAPABILITY_IAM, so never both. */
  capabilities: Capability[];
  reasons: CapabilityReason[];
}

/** IAM resource types CloudFormation asks an acknowledgement for, and the property that names each one. */
const IAM_TYPES: Readonly<Record<string, string | undefined>> = {
  'AWS::IAM::AccessKey': undefined,
  'AWS::IAM::Group': 'GroupName',
  'AWS::IAM::GroupPolicy': undefined,
  'AWS::IAM::InstanceProfile': 'InstanceProfileName',
  'AWS::IAM::ManagedPolicy': 'ManagedPolicyName',
  'AWS::IAM::Policy': undefined,
  'AWS::IAM::Role': 'RoleName',
  'AWS::IAM::RolePolicy': undefined,
  'AWS::IAM::User': 'UserName',
  'AWS::IAM::UserPolicy': undefined,
  'AWS::IAM::UserToGroupAddition': undefined,
};

/** SAM resources that create an IAM role unless given one. */
const SAM_ROLE_PROPERTY: Readonly<Record<string, string>> = {
  'AWS::Serverless::Function': 'Role',
  'AWS::Serverless::StateMachine': 'Role',
};

const MAX_NESTING = 5;

/**
 * The capabilities a deploy of this template must acknowledge: CAPABILITY_IAM for IAM resources,
 * CAPABILITY_NAMED_IAM when one of them has a custom name, CAPABILITY_AUTO_EXPAND for transforms and macros.
 * Nested stacks whose TemplateURL is a local file (before `cloudformation package`) are read and included.
 */
export function requiredCapabilities(template: Template, depth = 0): RequiredCapabilities {
  const reasons: CapabilityReason[] = [];
  const add = (capability: Capability, why: string, pos: Position) =>
    reasons.push(
      template.file === undefined ? { capability, why, pos } : { capability, why, pos, file: template.file },
    );
  for (const t of template.transforms)
    add('CAPABILITY_AUTO_EXPAND', `the template uses the transform ${t.name}`, t.pos);
  if (template.root) {
    walk(template.root, (node) => {
      const fn = intrinsic(node);
      if (fn?.name === 'Fn::Transform') {
        add(
          'CAPABILITY_AUTO_EXPAND',
          `Fn::Transform calls the macro ${text(get(fn.arg, 'Name')) ?? ''}`.trim(),
          fn.keyPos,
        );
      }
    });
  }
  for (const r of template.resources.values()) {
    const type = r.type ?? '';
    if (Object.hasOwn(IAM_TYPES, type)) {
      const nameProperty = IAM_TYPES[type];
      if (nameProperty && get(r.properties, nameProperty) !== undefined) {
        add('CAPABILITY_NAMED_IAM', `${r.logicalId} (${type}) has a custom name (${nameProperty})`, r.pos);
      } else {
        add('CAPABILITY_IAM', `${r.logicalId} is an IAM resource (${type})`, r.pos);
      }
    } else if (
      Object.hasOwn(SAM_ROLE_PROPERTY, type) &&
      get(r.properties, SAM_ROLE_PROPERTY[type] as string) === undefined
    ) {
      add(
        'CAPABILITY_IAM',
        `${r.logicalId} (${type}) creates an IAM role (it has no ${SAM_ROLE_PROPERTY[type]})`,
        r.pos,
      );
    } else if (type === 'AWS::CloudFormation::Stack' && depth < MAX_NESTING) {
      const child = nestedTemplate(template, text(get(r.properties, 'TemplateURL')));
      if (child) {
        for (const reason of requiredCapabilities(child, depth + 1).reasons) {
          reasons.push({
            ...reason,
            why: `nested stack ${r.logicalId}: ${reason.why}`,
            pos: r.pos,
            ...(template.file ? { file: template.file } : {}),
          });
        }
      }
    }
  }
  const found = new Set(reasons.map((r) => r.capability));
  const capabilities: Capability[] = [];
  if (found.has('CAPABILITY_NAMED_IAM')) capabilities.push('CAPABILITY_NAMED_IAM');
  else if (found.has('CAPABILITY_IAM')) capabilities.push('CAPABILITY_IAM');
  if (found.has('CAPABILITY_AUTO_EXPAND')) capabilities.push('CAPABILITY_AUTO_EXPAND');
  return { capabilities, reasons };
}

/** A nested stack's template when its TemplateURL is a local path next to the parent. */
function nestedTemplate(parent: Template, url: string | undefined): Template | undefined {
  if (!url || !parent.file || /^[a-z]+:\/\//i.test(url)) return undefined;
  const file = path.resolve(path.dirname(parent.file), url);
  if (!existsSync(file)) return undefined;
  try {
    return parseTemplate(readFileSync(file, 'utf8'), { file });
  } catch {
    return undefined;
  }
}

/** The union of several templates' capabilities, in the order CloudFormation documents them. */
export function mergeCapabilities(lists: readonly (readonly Capability[])[]): Capability[] {
  const all = new Set(lists.flat());
  const out: Capability[] = [];
  if (all.has('CAPABILITY_NAMED_IAM')) out.push('CAPABILITY_NAMED_IAM');
  else if (all.has('CAPABILITY_IAM')) out.push('CAPABILITY_IAM');
  if (all.has('CAPABILITY_AUTO_EXPAND')) out.push('CAPABILITY_AUTO_EXPAND');
  return out;
}
