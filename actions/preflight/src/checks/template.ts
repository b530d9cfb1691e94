import type { CfnFinding } from '@hoist/cfn';
import type { Finding } from '@hoist/kit';
import { relativePath, type Project } from '../project.js';
import { findingsOf, type Check } from './check.js';

/** The validator's rules about the parameters file: reported by the parameters check, not the template check. */
const PARAMETER_FILE_RULES = new Set(['H4010', 'H4011', 'H4012', 'H4013', 'H4014']);
/** Listed one by one at most this many; the rest are counted (cfn-validate shows them all). */
const MAX_LISTED = 20;

function toFinding(check: 'template' | 'parameters', c: CfnFinding): Finding {
  return {
    check,
    status: c.level === 'error' ? 'fail' : 'warn',
    message: `${c.rule}: ${c.message}`,
    ...(c.fix ? { fix: c.fix } : {}),
    ...(c.file ? { position: { file: relativePath(c.file), line: c.line, column: c.column } } : {}),
  };
}

function listed(check: 'template' | 'parameters', all: readonly CfnFinding[]): Finding[] {
  const out = all.slice(0, MAX_LISTED).map((c) => toFinding(check, c));
  if (all.length > MAX_LISTED)
    out.push({
      check,
      status: all.slice(MAX_LISTED).some((c) => c.level === 'error') ? 'fail' : 'warn',
      message: `… and ${all.length - MAX_LISTED} more.`,
      fix: 'run cfn-validate for every finding, annotated on its line.',
    });
  return out;
}

function problemFinding(check: 'template' | 'parameters', problem: NonNullable<Project['templateProblem']>): Finding {
  return {
    check,
    status: 'fail',
    message: problem.message,
    ...(problem.position ? { position: problem.position } : {}),
  };
}

/** Check 10 of the prerequisites guide, locally: packages/cfn's rules, errors and warnings, capabilities. */
export const templateCheck: Check = {
  id: 'template',
  category: 'Capacity planning',
  needsAws: false,
  async run({ project }) {
    const f = findingsOf('template');
    if (project.templateProblem) return [problemFinding('template', project.templateProblem)];
    const { template, validation } = project;
    if (!template || !validation) return [f.skip('no template was read.')];
    const own = validation.findings.filter((c) => !PARAMETER_FILE_RULES.has(c.rule) && c.level !== 'info');
    const errors = own.filter((c) => c.level === 'error').length;
    const warnings = own.length - errors;
    const capabilities = validation.capabilities.length > 0 ? validation.capabilities.join(', ') : 'none';
    const summary = `${relativePath(template.file ?? '')}: ${template.resources.size} resources, ${template.parameters.size} parameters; ${errors} errors, ${warnings} warnings; capabilities: ${capabilities}.`;
    const head: Finding =
      errors > 0
        ? f.fail(summary, 'correct the errors listed below (cfn-validate annotates each on its line).')
        : warnings > 0
          ? f.warn(summary, 'see the warnings listed below.')
          : f.pass(summary);
    return [head, ...listed('template', own)];
  },
};

/**
 * Check 7 of the prerequisites guide and the gaps analysis' "hardcoded placeholder values": every parameter
 * without a Default has a value (less deferred-parameters), and no value is a placeholder.
 */
export const parametersCheck: Check = {
  id: 'parameters',
  category: 'Capacity planning',
  needsAws: false,
  async run({ project, inputs }) {
    const f = findingsOf('parameters');
    if (project.parametersProblem) return [problemFinding('parameters', project.parametersProblem)];
    const file = project.parametersFile;
    const deferred = inputs['deferred-parameters'];
    const deferredNote = deferred.length > 0 ? ` Deferred to a later step: ${deferred.join(', ')}.` : '';
    if (project.template && project.validation) {
      const template = project.template;
      if (!file) {
        const { resolveParameterValues } = await import('@hoist/cfn');
        const missing = resolveParameterValues(template, {}).missing.filter((name) => !deferred.includes(name));
        if (missing.length === 0)
          return [f.pass(`every parameter of the template has a Default (no parameters file).${deferredNote}`)];
        return missing.map((name) =>
          f.fail(
            `Parameter ${name} has no Default and there is no parameters file to give it a value.`,
            `pass a parameters file (parameters:) with ${name}, or list it in deferred-parameters if a later step supplies it.`,
            {
              position: {
                file: relativePath(template.file ?? ''),
                line: template.parameters.get(name)?.pos.line ?? 1,
              },
            },
          ),
        );
      }
      const own = project.validation.findings.filter((c) => PARAMETER_FILE_RULES.has(c.rule) && c.level !== 'info');
      if (own.length > 0) return listed('parameters', own);
      return [
        f.pass(
          `${relativePath(file.path ?? '')}: every parameter has a value (${Object.keys(file.values).length} in the file, the rest from Defaults), none is a placeholder.${deferredNote}`,
        ),
      ];
    }
    if (!file) return [f.skip('no parameters file was read.')];
    // Without a template only the values can be judged.
    const { detectPlaceholder } = await import('@hoist/cfn');
    const findings: Finding[] = [];
    for (const entry of file.entries) {
      if (entry.value === undefined || deferred.includes(entry.key)) continue;
      const why = detectPlaceholder(entry.value);
      if (!why) continue;
      findings.push(
        f.fail(`The value of ${entry.key} looks like a placeholder: ${why}.`, `set the real value of ${entry.key}.`, {
          position: { file: relativePath(file.path ?? ''), line: entry.valuePos.line, column: entry.valuePos.column },
        }),
      );
    }
    if (findings.length > 0) return findings;
    return [
      f.pass(
        `${relativePath(file.path ?? '')}: ${file.entries.length} values, none is a placeholder (completeness needs the template: give template:).${deferredNote}`,
      ),
    ];
  },
};
