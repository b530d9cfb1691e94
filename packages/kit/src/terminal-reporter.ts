import { STATUS_LABEL, type Finding, type FindingStatus } from './findings.js';
import { outputText, type Annotation, type OutputValue, type Reporter } from './reporter.js';
import { formatPosition } from './summary.js';

export interface TerminalOptions {
  write?: (text: string) => void;
  color?: boolean;
  verbose?: boolean;
  /** Print one JSON document (outputs, findings, failure) at the end instead of the human-readable log. */
  json?: boolean;
}

const STYLE: Record<FindingStatus | 'error' | 'warning' | 'notice' | 'dim' | 'bold', [number, number]> = {
  pass: [32, 39],
  warn: [33, 39],
  warning: [33, 39],
  fail: [31, 39],
  error: [31, 39],
  skip: [90, 39],
  notice: [36, 39],
  dim: [2, 22],
  bold: [1, 22],
};

/**
 * The Reporter in a terminal (the `hoist` CLI). A terminal has no masking, so this reporter removes every
 * registered secret from everything it prints: a secret value is never shown at all.
 */
export class TerminalReporter implements Reporter {
  readonly outputs = new Map<string, string>();
  readonly summaries: string[] = [];
  readonly reported: Finding[] = [];
  failure: string | undefined;
  private readonly json: boolean;
  private readonly secrets = new Set<string>();
  private readonly state = new Map<string, string>();
  private readonly write: (text: string) => void;
  private readonly print: (text: string) => void;
  private readonly color: boolean;
  private readonly verbose: boolean;
  private depth = 0;

  constructor(options: TerminalOptions = {}) {
    this.json = options.json ?? false;
    const out = options.write ?? ((text: string) => process.stdout.write(text));
    // In JSON mode the log goes to stderr, so stdout holds one parseable document.
    this.write = this.json && !options.write ? (text) => process.stderr.write(text) : out;
    this.print = out;
    this.color = options.color ?? (process.stdout.isTTY === true && !process.env['NO_COLOR']);
    this.verbose = options.verbose ?? false;
  }

  private paint(style: keyof typeof STYLE, text: string): string {
    if (!this.color) return text;
    const [open, close] = STYLE[style];
    return `\u001b[${open}m${text}\u001b[${close}m`;
  }

  redact(text: string): string {
    let out = text;
    for (const secret of this.secrets) out = out.split(secret).join('***');
    return out;
  }

  private line(text: string): void {
    const indent = '  '.repeat(this.depth);
    this.write(
      this.redact(text)
        .split('\n')
        .map((l) => indent + l)
        .join('\n') + '\n',
    );
  }

  info(message: string): void {
    this.line(message);
  }

  debug(message: string): void {
    if (this.verbose) this.line(this.paint('dim', message));
  }

  annotate(a: Annotation): void {
    const where = a.file
      ? ` ${formatPosition({ file: a.file, ...(a.line !== undefined ? { line: a.line } : {}), ...(a.column !== undefined ? { column: a.column } : {}) })}`
      : '';
    const title = a.title ? ` [${a.title}]` : '';
    this.line(`${this.paint(a.level, a.level.toUpperCase())}${where}${title} ${a.message}`);
  }

  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.line(this.paint('bold', `▸ ${name}`));
    this.depth += 1;
    try {
      return await fn();
    } finally {
      this.depth -= 1;
    }
  }

  setOutput(name: string, value: OutputValue): void {
    this.outputs.set(name, this.redact(outputText(value)));
  }

  setSecret(value: string): void {
    if (value === '') return;
    this.secrets.add(value);
    // Multi-line secrets are masked line by line on runners; do the same.
    for (const part of value.split(/\r?\n/)) if (part.trim().length > 3) this.secrets.add(part);
  }

  summary(markdown: string): void {
    this.summaries.push(this.redact(markdown));
  }

  findings(findings: readonly Finding[]): void {
    this.reported.push(...findings.map((f) => ({ ...f, message: this.redact(f.message) })));
    const width = Math.max(5, ...findings.map((f) => f.check.length));
    for (const f of findings) {
      const where = f.position ? ` (${formatPosition(f.position)})` : '';
      this.line(
        `${this.paint(f.status, STATUS_LABEL[f.status].padEnd(4))}  ${f.check.padEnd(width)}  ${f.message}${where}`,
      );
      if (f.fix && f.status !== 'pass') this.line(`${' '.repeat(width + 8)}${this.paint('dim', `fix: ${f.fix}`)}`);
    }
  }

  fail(message: string): void {
    this.failure = this.redact(message);
    this.line(this.paint('error', `Error: ${message}`));
    process.exitCode = 1;
  }

  close(): void {
    if (this.json) {
      const doc = {
        ok: this.failure === undefined,
        outputs: Object.fromEntries(this.outputs),
        findings: this.reported,
        ...(this.failure ? { error: this.failure } : {}),
      };
      this.print(this.redact(JSON.stringify(doc, null, 2)) + '\n');
      return;
    }
    if (this.outputs.size === 0) return;
    this.line(this.paint('bold', 'Outputs'));
    const width = Math.max(...[...this.outputs.keys()].map((k) => k.length));
    for (const [name, value] of this.outputs) {
      const shown = value.length > 200 ? `${value.slice(0, 200)}… (${value.length} chars)` : value;
      this.line(`  ${name.padEnd(width)}  ${shown.replace(/\n/g, ' ')}`);
    }
  }

  saveState(name: string, value: string): void {
    this.state.set(name, value);
  }

  getState(name: string): string {
    return this.state.get(name) ?? '';
  }
}
