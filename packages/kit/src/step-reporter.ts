import { STATUS_LABEL, type Finding } from './findings.js';
import { findingAnnotation, outputText, type Annotation, type OutputValue, type Reporter } from './reporter.js';
import { formatPosition, renderFindings } from './summary.js';

/**
 * The Reporter one action gets when it runs as a step inside another (`ship`): its log, annotations and secrets go
 * to the outer reporter as they happen; its outputs, summary and failure are kept for the outer action to use.
 * Groups are flattened into headings, since a runner's log groups do not nest.
 */
export class StepReporter implements Reporter {
  readonly outputs = new Map<string, string>();
  readonly summaries: string[] = [];
  failure: string | undefined;
  private readonly state = new Map<string, string>();

  constructor(
    private readonly outer: Reporter,
    private readonly step: string,
  ) {}

  info(message: string): void {
    this.outer.info(message);
  }

  debug(message: string): void {
    this.outer.debug(message);
  }

  annotate(annotation: Annotation): void {
    this.outer.annotate({ ...annotation, title: annotation.title ? `${this.step}: ${annotation.title}` : this.step });
  }

  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.outer.info(`── ${name}`);
    return fn();
  }

  setOutput(name: string, value: OutputValue): void {
    this.outputs.set(name, outputText(value));
  }

  setSecret(value: string): void {
    this.outer.setSecret(value);
  }

  summary(markdown: string): void {
    this.summaries.push(markdown);
  }

  findings(findings: readonly Finding[], options: { title?: string; categories?: readonly string[] } = {}): void {
    for (const f of findings) {
      const annotation = findingAnnotation(f);
      if (annotation) {
        this.annotate(annotation);
      } else {
        const where = f.position ? ` (${formatPosition(f.position)})` : '';
        this.outer.info(`${STATUS_LABEL[f.status]}  ${f.check}: ${f.message}${where}`);
      }
    }
    this.summaries.push(renderFindings(findings, options));
  }

  fail(message: string): void {
    // The first failure is the one that stopped the step; later ones are its consequences.
    this.failure ??= message;
    this.outer.annotate({ level: 'error', title: this.step, message });
  }

  saveState(name: string, value: string): void {
    this.state.set(name, value);
  }

  getState(name: string): string {
    return this.state.get(name) ?? '';
  }
}
