import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
/** The runners' runtime: node 24 from the `node@24` npm package. */
export const NODE24 = path.join(ROOT, 'node_modules', 'node', 'bin', 'node');

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  file?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  title?: string;
}

export interface ActionResult {
  exitCode: number;
  /** Outputs written to GITHUB_OUTPUT (both `name=value` and heredoc forms), masked values replaced by ***. */
  outputs: Record<string, string>;
  /** GITHUB_STEP_SUMMARY, masked. */
  summary: string;
  annotations: Annotation[];
  /** What the runner would show: stdout and stderr without ::add-mask:: lines, masked. */
  log: string;
  /** Every value the action registered with ::add-mask::. */
  masked: string[];
  /** Raw, unmasked captures: for leak assertions only. */
  raw: { stdout: string; stderr: string; output: string; summary: string };
  state: Record<string, string>;
  durationMs: number;
}

export interface RunActionOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
  timeoutMs?: number;
  /** Called with the child once it is spawned (to send SIGTERM in cancel tests). */
  onSpawn?: (child: ChildProcess) => void;
  /** State left by a main step, for running the post step. */
  state?: Record<string, string>;
}

/** Where every run's log, outputs and summary are kept for the final secret-leak scan. */
export const ARTIFACTS = path.join(ROOT, 'test', '.artifacts');

/**
 * Spawns `node24 actions/<name>/dist/index.js` exactly as a runner does: INPUT_* variables, GITHUB_OUTPUT,
 * GITHUB_STEP_SUMMARY, GITHUB_STATE, RUNNER_TEMP; then reads what it wrote, as the runner would show it.
 */
export async function runAction(
  name: string,
  inputs: Record<string, string>,
  options: RunActionOptions = {},
): Promise<ActionResult> {
  const dir = mkdtempSync(path.join(tmpdir(), `hoist-run-${name}-`));
  const files = {
    output: path.join(dir, 'output'),
    summary: path.join(dir, 'summary'),
    state: path.join(dir, 'state'),
  };
  for (const f of Object.values(files)) writeFileSync(f, '');
  mkdirSync(path.join(dir, 'temp'));
  // Like the runner: every input declared in action.yml is set, to its default when the step does not give it.
  const inputEnv = Object.fromEntries(
    Object.entries({ ...actionDefaults(name), ...inputs }).map(([k, v]) => [
      `INPUT_${k.replace(/ /g, '_').toUpperCase()}`,
      v,
    ]),
  );
  const stateEnv = Object.fromEntries(Object.entries(options.state ?? {}).map(([k, v]) => [`STATE_${k}`, v]));
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    HOME: process.env['HOME'] ?? dir,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
    GITHUB_WORKSPACE: options.cwd ?? ROOT,
    RUNNER_TEMP: path.join(dir, 'temp'),
    AWS_EC2_METADATA_DISABLED: 'true',
    // Fast failures in tests that hit unimplemented moto calls; fault tests raise it.
    HOIST_AWS_MAX_ATTEMPTS: '3',
    ...inputEnv,
    ...stateEnv,
  };
  for (const [k, v] of Object.entries(options.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  const started = Date.now();
  const child = spawn(NODE24, [path.join(ROOT, 'actions', name, 'dist', 'index.js')], {
    cwd: options.cwd ?? ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  options.onSpawn?.(child);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const timeoutMs = options.timeoutMs ?? 60_000;
  const exitCode = await new Promise<number>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
  const durationMs = Date.now() - started;
  const output = readFileSync(files.output, 'utf8');
  const summaryRaw = readFileSync(files.summary, 'utf8');
  const masked = parseMasks(stdout + '\n' + stderr);
  const mask = (text: string) => maskText(text, masked);
  const logRaw = withoutMaskCommands([stdout, stderr].join('\n'));
  const result: ActionResult = {
    exitCode,
    outputs: Object.fromEntries(Object.entries(parseOutputFile(output)).map(([k, v]) => [k, mask(v)])),
    summary: mask(summaryRaw),
    annotations: parseAnnotations(mask(logRaw)),
    log: mask(logRaw),
    masked,
    raw: { stdout, stderr, output, summary: summaryRaw },
    state: parseOutputFile(readFileSync(files.state, 'utf8')),
    durationMs,
  };
  keepArtifacts(name, result);
  return result;
}

export function actionDefaults(name: string): Record<string, string> {
  const meta = parse(readFileSync(path.join(ROOT, 'actions', name, 'action.yml'), 'utf8')) as {
    inputs?: Record<string, { default?: unknown } | null>;
  };
  return Object.fromEntries(
    Object.entries(meta.inputs ?? {}).map(([k, spec]) => [k, spec?.default === undefined ? '' : String(spec.default)]),
  );
}

/**
 * What the secret-leak scan reads of one run: the raw captures, before any mask is applied — a value printed before
 * its `::add-mask::` is visible here though the runner would hide it. Only the `::add-mask::` command lines, which
 * the runner consumes and never shows, are left out.
 */
export interface RunArtifacts {
  action: string;
  exitCode: number;
  stdout: string;
  stderr: string;
  /** The GITHUB_OUTPUT file as written. */
  output: string;
  /** The GITHUB_STEP_SUMMARY file as written. */
  summary: string;
  /** Every value the action masked: the scan looks for these too. */
  masked: string[];
}

export function runArtifacts(name: string, result: Pick<ActionResult, 'exitCode' | 'masked' | 'raw'>): RunArtifacts {
  return {
    action: name,
    exitCode: result.exitCode,
    stdout: withoutMaskCommands(result.raw.stdout),
    stderr: withoutMaskCommands(result.raw.stderr),
    output: result.raw.output,
    summary: result.raw.summary,
    masked: result.masked,
  };
}

function keepArtifacts(name: string, result: ActionResult): void {
  mkdirSync(ARTIFACTS, { recursive: true });
  appendFileSync(path.join(ARTIFACTS, `runs-${process.pid}.jsonl`), JSON.stringify(runArtifacts(name, result)) + '\n');
}

function withoutMaskCommands(text: string): string {
  return text
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
}

export function parseMasks(text: string): string[] {
  const values = new Set<string>();
  for (const line of text.split('\n')) {
    if (line.startsWith('::add-mask::')) {
      const value = unescapeData(line.slice('::add-mask::'.length).replace(/\r$/, ''));
      if (value !== '') values.add(value);
    }
  }
  return [...values];
}

export function maskText(text: string, masked: readonly string[]): string {
  // Longest first, as the runner does, so a value containing another is masked whole.
  return [...masked].sort((a, b) => b.length - a.length).reduce((t, m) => t.split(m).join('***'), text);
}

/** GITHUB_OUTPUT / GITHUB_STATE: `name=value` lines and `name<<DELIM` heredocs. */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, key = '', delimiter] = heredoc;
      const value: string[] = [];
      while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i] ?? '');
      out[key] = value.join('\n');
    } else if (line.includes('=')) {
      const at = line.indexOf('=');
      out[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  return out;
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProperty(s: string): string {
  return unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');
}

/** `::error file=a.yaml,line=3,col=5,title=E3012::message` lines, as the runner turns them into annotations. */
export function parseAnnotations(log: string): Annotation[] {
  const annotations: Annotation[] = [];
  for (const line of log.split('\n')) {
    const m = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const props = Object.fromEntries(
      (m[2] ?? '')
        .split(',')
        .filter(Boolean)
        .map((kv) => {
          const at = kv.indexOf('=');
          return [kv.slice(0, at), unescapeProperty(kv.slice(at + 1))];
        }),
    ) as Record<string, string>;
    const a: Annotation = { level: m[1] as Annotation['level'], message: unescapeData(m[3] ?? '') };
    if (props['file']) a.file = props['file'];
    if (props['line']) a.line = Number(props['line']);
    if (props['col']) a.column = Number(props['col']);
    if (props['endLine']) a.endLine = Number(props['endLine']);
    if (props['endColumn']) a.endColumn = Number(props['endColumn']);
    if (props['title']) a.title = props['title'];
    annotations.push(a);
  }
  return annotations;
}
