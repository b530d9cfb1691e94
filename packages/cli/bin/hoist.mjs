#!/usr/bin/env node
// hoist — run any action of this repository from a terminal. The flags of `hoist <action>` are the inputs of
// actions/<action>/action.yml, read at run time so they cannot drift; the action's own bundle runs with the terminal
// reporter (HOIST_REPORTER=terminal), credentials and region from the usual AWS environment or profile.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';

export const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const ACTIONS = path.join(ROOT, 'actions');

/** Every action with an action.yml, by name. */
export function listActions() {
  if (!existsSync(ACTIONS)) return [];
  return readdirSync(ACTIONS)
    .filter((name) => existsSync(path.join(ACTIONS, name, 'action.yml')))
    .sort();
}

export function loadAction(name) {
  const meta = parse(readFileSync(path.join(ACTIONS, name, 'action.yml'), 'utf8'));
  return {
    name,
    description: meta.description ?? '',
    inputs: meta.inputs ?? {},
    outputs: meta.outputs ?? {},
    main: meta.runs?.main,
  };
}

export class CliError extends Error {}

/**
 * `--name value`, `--name=value`, and a bare `--name` (= "true"). Repeating a flag joins the values with new lines,
 * which list inputs accept. Unknown flags are refused with the closest input named.
 */
export function parseFlags(action, argv) {
  const inputs = {};
  const options = { json: false, verbose: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') options.json = true;
    else if (arg === '--verbose' || arg === '-v') options.verbose = true;
    else if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
      if (!(name in action.inputs)) {
        const near = closest(name, Object.keys(action.inputs));
        throw new CliError(
          `hoist ${action.name}: unknown flag --${name}.${near ? ` Did you mean --${near}?` : ''} See: hoist ${action.name} --help`,
        );
      }
      let value;
      if (eq > 0) value = arg.slice(eq + 1);
      else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) value = argv[++i];
      else value = 'true';
      inputs[name] = name in inputs ? `${inputs[name]}\n${value}` : value;
    } else {
      throw new CliError(
        `hoist ${action.name}: unexpected argument '${arg}'. Inputs are flags: --<input> <value>. See: hoist ${action.name} --help`,
      );
    }
  }
  return { inputs, options };
}

/** The environment a runner would give the action: INPUT_* for every input, defaults from action.yml. */
export function inputEnvironment(action, given) {
  const env = {};
  for (const [name, spec] of Object.entries(action.inputs)) {
    const value = given[name] ?? (spec?.default !== undefined ? String(spec.default) : '');
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  return env;
}

export function helpText(action) {
  const lines = [`hoist ${action.name} — ${String(action.description).trim().replace(/\s+/g, ' ')}`, '', 'Inputs:'];
  const width = Math.max(...Object.keys(action.inputs).map((n) => n.length), 4) + 2;
  for (const [name, spec] of Object.entries(action.inputs)) {
    const required = spec?.required === true || spec?.required === 'true' ? ' (required)' : '';
    const def = spec?.default !== undefined && spec.default !== '' ? ` [default: ${spec.default}]` : '';
    lines.push(
      `  --${name.padEnd(width)}${String(spec?.description ?? '')
        .trim()
        .replace(/\s+/g, ' ')}${required}${def}`,
    );
  }
  lines.push('', 'Outputs:');
  for (const [name, spec] of Object.entries(action.outputs))
    lines.push(
      `  ${name.padEnd(width + 2)}${String(spec?.description ?? '')
        .trim()
        .replace(/\s+/g, ' ')}`,
    );
  lines.push('', 'Options: --json (one JSON document on stdout), --verbose, --help');
  return lines.join('\n');
}

function usage() {
  return [
    'hoist — ship a worker image from a commit to AWS through CloudFormation.',
    '',
    'Usage: hoist <action> [--<input> <value> ...] [--json] [--verbose]',
    '       hoist <action> --help',
    '       hoist demo             the whole chain on a local AWS emulator',
    '',
    'Actions:',
    ...listActions().map(
      (name) => `  ${name.padEnd(22)}${String(loadAction(name).description).trim().replace(/\s+/g, ' ').slice(0, 90)}`,
    ),
  ].join('\n');
}

function closest(name, candidates) {
  let best;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = distance(name, c);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

function distance(a, b) {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = next;
    }
  }
  return row[b.length];
}

/** `hoist demo`: the chain on a local emulator (packages/cli/src/demo.ts, run by node 24 as TypeScript). */
function runDemo() {
  const node24 = path.join(ROOT, 'node_modules', 'node', 'bin', 'node');
  const args = [
    '--experimental-transform-types',
    '--disable-warning=ExperimentalWarning',
    '--import',
    path.join(ROOT, 'scripts', 'ts-hooks.mjs'),
    path.join(ROOT, 'packages', 'cli', 'src', 'demo.ts'),
  ];
  const child = spawn(existsSync(node24) ? node24 : process.execPath, args, { stdio: 'inherit', cwd: ROOT });
  process.on('SIGINT', () => child.kill('SIGINT'));
  return new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1)));
}

export async function main(argv) {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return 0;
  }
  if (name === 'demo') return runDemo();
  if (!listActions().includes(name)) {
    const near = closest(name, listActions());
    console.error(
      `hoist: no action '${name}'.${near ? ` Did you mean '${near}'?` : ''} Actions: ${listActions().join(', ')}.`,
    );
    return 1;
  }
  const action = loadAction(name);
  const { inputs, options } = parseFlags(action, rest);
  if (options.help) {
    console.log(helpText(action));
    return 0;
  }
  const bundle = path.join(ACTIONS, name, action.main ?? 'dist/index.js');
  const env = {
    ...process.env,
    ...inputEnvironment(action, inputs),
    HOIST_REPORTER: 'terminal',
    GITHUB_WORKSPACE: process.env.GITHUB_WORKSPACE ?? process.cwd(),
    ...(options.json ? { HOIST_OUTPUT: 'json' } : {}),
    ...(options.verbose ? { HOIST_VERBOSE: 'true' } : {}),
  };
  const child = spawn(process.execPath, [bundle], { stdio: 'inherit', env });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof CliError ? error.message : `hoist: ${error?.stack ?? error}`);
      process.exit(1);
    },
  );
}
