import path from 'node:path';
import type { ParametersFile, Template, ValidationResult } from '@hoist/cfn';
import { describeError, workspace, type SourcePosition } from '@hoist/kit';
import type { Inputs } from './inputs.js';

/** A file that could not be read or parsed: the checks that need it report this instead. */
export interface LoadProblem {
  message: string;
  position?: SourcePosition;
}

/** The template and parameters file of the stack, read once; every check that needs them shares this. */
export interface Project {
  template?: Template;
  templateProblem?: LoadProblem;
  parametersFile?: ParametersFile;
  parametersProblem?: LoadProblem;
  /** packages/cfn's rules over the template (with the parameters file), when the template parsed. */
  validation?: ValidationResult;
  /** Each parameter's value for the deploy: the parameters file, else the template's Default. */
  parameterValues: Record<string, string>;
}

/** Paths as annotations want them: relative to the workspace, with forward slashes. */
export function relativePath(file: string): string {
  return path.relative(workspace(), file).split(path.sep).join('/');
}

export async function loadProject(inputs: Inputs): Promise<Project> {
  const project: Project = { parameterValues: {} };
  if (!inputs.template && !inputs.parameters) return project;
  const cfn = await import('@hoist/cfn');
  if (inputs.parameters) {
    try {
      project.parametersFile = cfn.readParametersFile(inputs.parameters);
    } catch (error) {
      const pos = error instanceof cfn.ParametersFileError ? error.pos : undefined;
      project.parametersProblem = {
        message: describeError(error),
        position: { file: relativePath(inputs.parameters), ...(pos ? { line: pos.line, column: pos.column } : {}) },
      };
    }
  }
  if (inputs.template) {
    try {
      const template = cfn.readTemplate(inputs.template);
      project.template = template;
      project.validation = cfn.validateTemplate(template, {
        ...(project.parametersFile ? { parameters: project.parametersFile } : {}),
        deferredParameters: inputs['deferred-parameters'],
      });
      project.parameterValues = cfn.resolveParameterValues(template, project.parametersFile?.values ?? {}).values;
    } catch (error) {
      project.templateProblem = { message: describeError(error), position: { file: relativePath(inputs.template) } };
    }
  } else if (project.parametersFile) {
    project.parameterValues = { ...project.parametersFile.values };
  }
  return project;
}
