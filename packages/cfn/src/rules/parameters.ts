import { detectPlaceholder } from '../placeholders.js';
import type { ParameterDef } from '../template.js';
import { isListParameterType } from '../template.js';
import type { RuleContext } from '../validate.js';
import type { RuleId } from './catalog.js';

const AWS_PARAMETER_TYPES = new Set([
  'AWS::EC2::AvailabilityZone::Name',
  'AWS::EC2::Image::Id',
  'AWS::EC2::Instance::Id',
  'AWS::EC2::KeyPair::KeyName',
  'AWS::EC2::SecurityGroup::GroupName',
  'AWS::EC2::SecurityGroup::Id',
  'AWS::EC2::Subnet::Id',
  'AWS::EC2::Volume::Id',
  'AWS::EC2::VPC::Id',
  'AWS::Route53::HostedZone::Id',
  'AWS::SSM::Parameter::Name',
]);

export function isValidParameterType(type: string): boolean {
  if (
    type === 'String' ||
    type === 'Number' ||
    type === 'CommaDelimitedList' ||
    type === 'List<Number>' ||
    type === 'List<String>'
  )
    return true;
  if (AWS_PARAMETER_TYPES.has(type)) return true;
  const list = /^List<(.+)>$/.exec(type);
  if (list?.[1] && AWS_PARAMETER_TYPES.has(list[1])) return true;
  const ssm = /^AWS::SSM::Parameter::Value<(.+)>$/.exec(type);
  return ssm?.[1] !== undefined && isValidParameterType(ssm[1]);
}

export interface ConstraintViolation {
  rule: Extract<RuleId, 'H4001' | 'H4002' | 'H4003' | 'H4004'>;
  /** Says what is wrong without repeating the value (it may be a secret). */
  message: string;
}

/**
 * The constraints of a parameter (AllowedValues, AllowedPattern, Min/MaxLength, Min/MaxValue) a value breaks;
 * list parameters are checked item by item.
 */
export function parameterConstraintViolations(parameter: ParameterDef, value: string): ConstraintViolation[] {
  const out: ConstraintViolation[] = [];
  const isList = isListParameterType(parameter.type);
  const items = isList ? value.split(',').map((s) => s.trim()) : [value];
  const numeric = parameter.type === 'Number' || parameter.type === 'List<Number>';
  for (const item of items) {
    if (parameter.allowedValues && !parameter.allowedValues.includes(item)) {
      const caseOnly = parameter.allowedValues.find((a) => a.toLowerCase() === item.toLowerCase());
      out.push({
        rule: 'H4001',
        message: `is not one of the AllowedValues (${parameter.allowedValues.join(', ')})${caseOnly ? `; values are case-sensitive: '${caseOnly}'` : ''}`,
      });
    }
    if (parameter.allowedPattern !== undefined) {
      const pattern = compilePattern(parameter.allowedPattern);
      if (pattern && !pattern.test(item))
        out.push({ rule: 'H4002', message: `does not match AllowedPattern ${parameter.allowedPattern}` });
    }
    if (!numeric && !isList) {
      if (parameter.minLength !== undefined && item.length < parameter.minLength)
        out.push({ rule: 'H4003', message: `is shorter than MinLength ${parameter.minLength}` });
      if (parameter.maxLength !== undefined && item.length > parameter.maxLength)
        out.push({ rule: 'H4003', message: `is longer than MaxLength ${parameter.maxLength}` });
    }
    if (numeric) {
      const n = Number(item);
      if (item.trim() === '' || !Number.isFinite(n))
        out.push({ rule: 'H4004', message: 'is not a number (the parameter Type is Number)' });
      else {
        if (parameter.minValue !== undefined && n < parameter.minValue)
          out.push({ rule: 'H4004', message: `is below MinValue ${parameter.minValue}` });
        if (parameter.maxValue !== undefined && n > parameter.maxValue)
          out.push({ rule: 'H4004', message: `is above MaxValue ${parameter.maxValue}` });
      }
    }
  }
  return out;
}

const patterns = new Map<string, RegExp | null>();

/** CloudFormation matches AllowedPattern against the whole value (Java regex): anchored here. */
function compilePattern(pattern: string): RegExp | undefined {
  if (!patterns.has(pattern)) {
    try {
      patterns.set(pattern, new RegExp(`^(?:${pattern})$`, 'u'));
    } catch {
      try {
        patterns.set(pattern, new RegExp(`^(?:${pattern})$`));
      } catch {
        // A Java-only construct: not checkable here, CloudFormation will judge it.
        patterns.set(pattern, null);
      }
    }
  }
  return patterns.get(pattern) ?? undefined;
}

/** H4001–H4005 on the template's parameters; H4010–H4014 on the parameters file against them. */
export function checkParameters(context: RuleContext): void {
  const { template, report, options } = context;
  for (const p of template.parameters.values()) {
    if (p.node.kind !== 'map') {
      report(
        'H1017',
        p.node.pos,
        `Parameter ${p.name} must be a mapping with a Type.`,
        'write the parameter as Type: String (and its constraints).',
      );
      continue;
    }
    if (p.type === undefined) {
      report(
        'H4005',
        p.pos,
        `Parameter ${p.name} has no Type.`,
        'add Type: String (or Number, CommaDelimitedList, an AWS-specific type).',
      );
    } else if (!isValidParameterType(p.type)) {
      report(
        'H4005',
        p.node.byKey.get('Type')?.value.pos ?? p.pos,
        `Parameter ${p.name} has an unknown Type '${p.type}'.`,
        'use String, Number, List<Number>, CommaDelimitedList, an AWS-specific type (AWS::EC2::VPC::Id, …) or AWS::SSM::Parameter::Value<…>.',
      );
    }
    if (p.default !== undefined && p.defaultNode) {
      for (const v of parameterConstraintViolations(p, p.default)) {
        report(
          v.rule,
          p.defaultNode.pos,
          `Parameter ${p.name}: the Default '${p.default}' ${v.message}.`,
          'change the Default or the constraint so that they agree.',
        );
      }
    }
  }
  const file = options.parameters;
  if (!file) return;
  const deferred = new Set(options.deferredParameters ?? []);
  const where = file.path;
  for (const e of file.entries) {
    const p = template.parameters.get(e.key);
    if (!p) {
      const names = [...template.parameters.keys()];
      const close = names.find((n) => n.toLowerCase() === e.key.toLowerCase());
      report(
        'H4010',
        e.pos,
        `The parameters file sets '${e.key}', which the template does not declare.${close ? ` Did you mean '${close}'?` : ''}`,
        'remove the key or correct its name: CloudFormation refuses unknown parameters.',
        where,
      );
      continue;
    }
    if (e.value === undefined) continue;
    const shown = p.noEcho ? 'The value' : `The value '${e.value}'`;
    const placeholder = detectPlaceholder(e.value);
    if (placeholder) {
      report(
        'H4013',
        e.valuePos,
        `${shown} of ${e.key} looks like a placeholder: ${placeholder}.`,
        `set the real value of ${e.key}${deferred.has(e.key) ? '' : ', or list it in deferred-parameters if a later step supplies it'}.`,
        where,
      );
      continue;
    }
    for (const v of parameterConstraintViolations(p, e.value)) {
      report(
        'H4014',
        e.valuePos,
        `${shown} of ${e.key} ${v.message}.`,
        `correct the value of ${e.key} in the parameters file.`,
        where,
      );
    }
  }
  for (const p of template.parameters.values()) {
    if (p.default !== undefined || Object.hasOwn(file.values, p.name) || file.usePrevious.includes(p.name)) continue;
    if (deferred.has(p.name)) {
      report(
        'H4012',
        p.pos,
        `Parameter ${p.name} has no value in the parameters file: a later step supplies it (deferred-parameters).`,
      );
    } else {
      report(
        'H4011',
        p.pos,
        `Parameter ${p.name} has no Default and no value in the parameters file ${where ?? ''}.`.replace(' .', '.'),
        `add ${p.name} to the parameters file, give it a Default, or list it in deferred-parameters if a later step supplies it.`,
      );
    }
  }
}
