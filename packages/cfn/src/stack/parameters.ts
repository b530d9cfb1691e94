import { UserError } from '@hoist/kit';
import type { Parameter } from './api.js';

/** What the parameter plan needs to know about a template parameter. */
export interface TemplateParameter {
  name: string;
  default: string | undefined;
  noEcho: boolean;
}

export interface ParameterPlanInput {
  template: readonly TemplateParameter[];
  /** Values given for this deploy: the parameters file, then `parameter-overrides` on top. */
  given: Readonly<Record<string, string>>;
  /** Keys the parameters file asks to keep (UsePreviousValue: true). */
  usePrevious?: readonly string[];
  /** The existing stack's parameters; undefined for a new stack (or one that exists only as REVIEW_IN_PROGRESS). */
  existing: readonly Parameter[] | undefined;
}

export interface ParameterPlan {
  /** What CreateChangeSet gets. */
  parameters: Parameter[];
  /** Parameters of the existing stack that keep their value because nothing was given for them. */
  kept: string[];
  /** Parameters the existing stack has and the template no longer declares: they go away with this deploy. */
  dropped: string[];
  /** Values given for parameters the template does not declare: not sent (CloudFormation would refuse them). */
  unknown: string[];
}

/**
 * Decides what each template parameter gets: a given value; else, on an existing stack that has it, its previous
 * value (UsePreviousValue); else nothing, so the template's Default applies. A parameter with none of these fails
 * before any change set is made, naming every such parameter.
 */
export function planParameters(input: ParameterPlanInput): ParameterPlan {
  const declared = new Set(input.template.map((p) => p.name));
  const existing = new Set((input.existing ?? []).map((p) => p.ParameterKey ?? ''));
  const askedPrevious = new Set(input.usePrevious ?? []);
  const parameters: Parameter[] = [];
  const kept: string[] = [];
  const missing: string[] = [];
  for (const p of input.template) {
    if (Object.hasOwn(input.given, p.name)) {
      parameters.push({ ParameterKey: p.name, ParameterValue: input.given[p.name] ?? '' });
    } else if (input.existing !== undefined && existing.has(p.name)) {
      parameters.push({ ParameterKey: p.name, UsePreviousValue: true });
      kept.push(p.name);
    } else if (p.default === undefined) {
      missing.push(
        askedPrevious.has(p.name) ? `${p.name} (UsePreviousValue, but the stack has no previous value)` : p.name,
      );
    }
  }
  if (missing.length > 0) {
    throw new UserError(
      `The template's parameter${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ${missing.length > 1 ? 'have' : 'has'} no value and no Default.`,
      {
        code: 'missing-parameters',
        fix: 'give a value in the `parameters` file or in `parameter-overrides` (Key=Value lines).',
      },
    );
  }
  return {
    parameters,
    kept,
    dropped: [...existing].filter((k) => k !== '' && !declared.has(k)),
    unknown: Object.keys(input.given).filter((k) => !declared.has(k)),
  };
}

/**
 * The values a deploy ends with, for the release record: the stack's own parameters after the deploy, without the
 * NoEcho ones (CloudFormation shows them as `****`; they are never stored).
 */
export function recordableParameters(
  stackParameters: readonly Parameter[],
  noEcho: ReadonlySet<string>,
): { values: Record<string, string>; noEcho: string[] } {
  const values: Record<string, string> = {};
  const hidden: string[] = [];
  for (const p of stackParameters) {
    const key = p.ParameterKey;
    if (!key) continue;
    if (noEcho.has(key) || p.ParameterValue === '****') hidden.push(key);
    else values[key] = p.ParameterValue ?? '';
  }
  return { values, noEcho: hidden.sort() };
}
