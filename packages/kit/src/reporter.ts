import type { Finding } from './findings.js';

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export interface Annotation {
  level: AnnotationLevel;
  message: string;
  /** Shown as the annotation's title: a rule id or a check name. */
  title?: string;
  /** Relative to the workspace. */
  file?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

export type OutputValue = string | number | boolean | readonly unknown[] | Record<string, unknown>;

/**
 * Everything an action says goes through a Reporter, so the same code runs under a runner (logs, groups,
 * annotations, job summary, outputs) and in a terminal (the `hoist` CLI).
 */
export interface Reporter {
  info(message: string): void;
  debug(message: string): void;
  /** A workflow annotation (or a highlighted line in a terminal). */
  annotate(annotation: Annotation): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
  setOutput(name: string, value: OutputValue): void;
  /** Register a value that must never be shown. Call it as soon as the value is read. */
  setSecret(value: string): void;
  /** Append markdown to the job summary. */
  summary(markdown: string): void;
  /** The findings table in the summary, an annotation per positioned finding, a line per finding in the log. */
  findings(findings: readonly Finding[], options?: { title?: string; categories?: readonly string[] }): void;
  /** The step's failure message (exit code 1). */
  fail(message: string): void;
  saveState(name: string, value: string): void;
  getState(name: string): string;
  /** Called once when the step ends (the terminal prints its outputs there). */
  close?(): void;
}

/** Serialise an output the way both reporters do: strings as they are, everything else as JSON. */
export function outputText(value: OutputValue): string {
  return typeof value === 'string'
    ? value
    : typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : JSON.stringify(value);
}

/** The annotation a finding makes: a FAIL is an error, a WARN a warning, on its file position when it has one. */
export function findingAnnotation(f: Finding): Annotation | undefined {
  if (f.status !== 'fail' && f.status !== 'warn') return undefined;
  const p = f.position;
  return {
    level: f.status === 'fail' ? 'error' : 'warning',
    message: f.fix ? `${f.message}\nFix: ${f.fix}` : f.message,
    title: f.check,
    ...(p ? { file: p.file } : {}),
    ...(p?.line !== undefined ? { line: p.line } : {}),
    ...(p?.column !== undefined ? { column: p.column } : {}),
  };
}
