import type { Position } from './nodes.js';
import type { ParametersFile } from './parameters-file.js';
import { RULES, type RuleId, type RuleLevel } from './rules/catalog.js';
import type { Template } from './template.js';
import { checkStructure } from './rules/structure.js';
import { checkReferences } from './rules/references.js';
import { checkResourceSpec } from './rules/resource-spec.js';
import { checkParameters } from './rules/parameters.js';
import { checkLimits } from './rules/limits.js';
import { checkSecurity } from './rules/security.js';
import { checkLiterals } from './rules/literals.js';
import { requiredCapabilities, type Capability } from './capabilities.js';

export interface CfnFinding {
  rule: RuleId;
  level: RuleLevel;
  message: string;
  /** How to fix it, one line. */
  fix?: string;
  /** The template (or parameters file) the finding is in, as given to the validator. */
  file?: string;
  line: number;
  column: number;
}

export interface ValidateOptions {
  /** The parameters file deploy will use: its keys and values are checked against the template. */
  parameters?: ParametersFile;
  /** Parameters a later step supplies: not required in the parameters file (reported as info). */
  deferredParameters?: readonly string[];
  /** Rule ids to skip. */
  ignore?: readonly string[];
}

export interface ValidationResult {
  template: Template;
  findings: CfnFinding[];
  capabilities: Capability[];
}

export interface RuleContext {
  template: Template;
  options: ValidateOptions;
  /** True when a Transform (or Fn::Transform) may add resources or rewrite the template before deploy. */
  transformed: boolean;
  report(rule: RuleId, pos: Position, message: string, fix?: string, file?: string): void;
}

type Checker = (context: RuleContext) => void;

const CHECKERS: readonly Checker[] = [
  checkStructure,
  checkReferences,
  checkResourceSpec,
  checkParameters,
  checkLimits,
  checkSecurity,
  checkLiterals,
];

/** Runs every rule over a parsed template; findings sorted by file, line, column. */
export function validateTemplate(template: Template, options: ValidateOptions = {}): ValidationResult {
  const ignored = new Set(options.ignore ?? []);
  const findings: CfnFinding[] = [];
  const report: RuleContext['report'] = (rule, pos, message, fix, file) => {
    if (ignored.has(rule)) return;
    const f: CfnFinding = { rule, level: RULES[rule].level, message, line: pos.line, column: pos.column };
    if (fix !== undefined) f.fix = fix;
    const where = file ?? template.file;
    if (where !== undefined) f.file = where;
    findings.push(f);
  };
  for (const problem of template.problems) {
    const rule = (
      { syntax: 'H1001', 'duplicate-key': 'H1002', 'unknown-tag': 'H1003', 'alias-limit': 'H1004' } as const
    )[problem.code];
    report(rule, problem.pos, problem.message, problem.fix ?? PARSE_FIXES[rule]);
  }
  let capabilities: Capability[] = [];
  if (template.root) {
    const context: RuleContext = { template, options, transformed: isTransformed(template), report };
    for (const check of CHECKERS) check(context);
    const required = requiredCapabilities(template);
    capabilities = required.capabilities;
    for (const reason of required.reasons) {
      report(
        'H5010',
        reason.pos,
        `Deploying needs ${reason.capability}: ${reason.why}.`,
        `pass capabilities: ${reason.capability} to the deploy (deploy-stack infers it).`,
      );
    }
  } else if (template.problems.length === 0) {
    report(
      'H1010',
      { line: 1, column: 1 },
      'The template is not a YAML/JSON mapping.',
      'a template is a mapping with at least a Resources section.',
    );
  }
  // Plain comparisons: localeCompare loads ICU, a cost every cold start would pay.
  const order = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  findings.sort(
    (a, b) => order(a.file ?? '', b.file ?? '') || a.line - b.line || a.column - b.column || order(a.rule, b.rule),
  );
  return { template, findings, capabilities };
}

const PARSE_FIXES: Partial<Record<RuleId, string>> = {
  H1001: 'correct the syntax at this position (YAML indents with spaces, never tabs).',
  H1002: 'keep one of the two keys: CloudFormation silently uses only one of them.',
  H1003:
    'use a CloudFormation intrinsic function (!Ref, !Sub, !GetAtt, …) or preprocess the template (e.g. rain pkg) before validating.',
  H1004: 'write the values out instead of anchors and aliases.',
};

function isTransformed(template: Template): boolean {
  return template.transforms.length > 0 || /"?Fn::Transform"?\s*:|!Transform\b/.test(template.text);
}
