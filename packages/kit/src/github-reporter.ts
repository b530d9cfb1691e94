import { appendFileSync } from 'node:fs';
import * as core from '@actions/core';
import { STATUS_LABEL, type Finding } from './findings.js';
import { findingAnnotation, outputText, type Annotation, type OutputValue, type Reporter } from './reporter.js';
import { formatPosition, renderFindings } from './summary.js';

/** The Reporter on a GitHub runner: workflow commands, annotations, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY. */
export class GitHubReporter implements Reporter {
  info(message: string): void {
    core.info(message);
  }

  debug(message: string): void {
    core.debug(message);
  }

  annotate(a: Annotation): void {
    const properties: core.AnnotationProperties = {};
    if (a.title !== undefined) properties.title = a.title;
    if (a.file !== undefined) properties.file = a.file;
    if (a.line !== undefined) properties.startLine = a.line;
    if (a.column !== undefined) properties.startColumn = a.column;
    if (a.endLine !== undefined) properties.endLine = a.endLine;
    if (a.endColumn !== undefined) properties.endColumn = a.endColumn;
    if (a.level === 'error') core.error(a.message, properties);
    else if (a.level === 'warning') core.warning(a.message, properties);
    else core.notice(a.message, properties);
  }

  group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    return core.group(name, fn);
  }

  setOutput(name: string, value: OutputValue): void {
    core.setOutput(name, outputText(value));
  }

  setSecret(value: string): void {
    if (value !== '') core.setSecret(value);
  }

  summary(markdown: string): void {
    const file = process.env['GITHUB_STEP_SUMMARY'];
    if (!file) return;
    // Appended synchronously, at once: what was written survives a later failure, and calls never interleave.
    appendFileSync(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`);
  }

  findings(findings: readonly Finding[], options: { title?: string; categories?: readonly string[] } = {}): void {
    for (const f of findings) {
      const line = `${STATUS_LABEL[f.status]}  ${f.check}: ${f.message}${f.fix ? ` — fix: ${f.fix}` : ''}`;
      const annotation = findingAnnotation(f);
      if (annotation) {
        this.annotate(annotation);
      } else {
        core.info(f.position ? `${line} (${formatPosition(f.position)})` : line);
      }
    }
    this.summary(renderFindings(findings, options));
  }

  fail(message: string): void {
    core.setFailed(message);
  }

  saveState(name: string, value: string): void {
    core.saveState(name, value);
  }

  getState(name: string): string {
    return core.getState(name);
  }
}
