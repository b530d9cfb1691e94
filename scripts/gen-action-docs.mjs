#!/usr/bin/env node
// Generates docs/actions/<name>.md from actions/<name>/action.yml (usage, inputs and outputs tables) and
// docs/iam/* from the IAM manifest (scripts/gen-iam-policies.mjs), so one command keeps every generated doc fresh.
// In an action page only the part between the generated markers is rewritten; prose around it is kept.
// `--check` writes nothing and fails naming every stale file.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { iamDocs, loadIamManifest } from './gen-iam-policies.mjs';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const START = '<!-- generated:start -->';
export const END = '<!-- generated:end -->';
/** Until package.json names the repository, usage snippets show where the owner goes. */
const FALLBACK_REPOSITORY = '<org>/hoist';
const MAJOR = 'v1';

/** The `owner/name` of the repository, from package.json `repository` (`github:o/n`, `o/n` or a GitHub URL). */
export function repositorySlug(root = ROOT) {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const repo = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  const match = /(?:github:|github\.com[/:])?([\w.-]+\/[\w.-]+?)(?:\.git)?$/.exec(repo ?? '');
  return match?.[1] ?? FALLBACK_REPOSITORY;
}

/** Text from action.yml as markdown: `<` outside code spans is shown, not taken for an HTML tag. */
export function prose(value) {
  return String(value ?? '')
    .trim()
    .replace(/\r\n?/g, '\n')
    .split(/(`[^`\n]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/</g, '&lt;')))
    .join('');
}

/** One markdown table cell: pipes escaped (code spans too, as GFM tables require), line breaks as <br>. */
export function cell(value) {
  return prose(value).replace(/\|/g, '\\|').replace(/\n/g, '<br>');
}

function table(headers, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(headers), `|${headers.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

function isRequired(input) {
  return input?.required === true || input?.required === 'true';
}

function defaultCell(input) {
  if (input?.default === undefined || input?.default === null) return '';
  const value = String(input.default);
  if (value === '') return '`""`';
  // A code span cannot hold a line break: multi-line defaults are shown as plain text.
  return value.includes('\n') || value.includes('`') ? cell(value) : cell(`\`${value}\``);
}

/**
 * The generated part of an action's page (between the markers, markers excluded).
 * @param {string} name the action's folder name
 * @param {string} yamlText the content of its action.yml
 */
export function renderActionSection(name, yamlText, { repository = FALLBACK_REPOSITORY } = {}) {
  let action;
  try {
    action = parse(yamlText) ?? {};
  } catch (error) {
    throw new Error(`actions/${name}/action.yml: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  if (typeof action !== 'object' || Array.isArray(action))
    throw new Error(`actions/${name}/action.yml is not a mapping`);
  const inputs = Object.entries(action.inputs ?? {});
  const outputs = Object.entries(action.outputs ?? {});
  const required = inputs.filter(([, input]) => isRequired(input) && input?.default === undefined);

  const usage = [`- uses: ${repository}/actions/${name}@${MAJOR}`];
  if (required.length > 0) {
    usage.push('  with:');
    for (const [key] of required) usage.push(`    ${key}: <${key}>`);
  }

  const parts = [
    `<!-- Generated from actions/${name}/action.yml by \`npm run docs\`: edit action.yml, not this section. -->`,
    `# ${prose(action.name ?? name)}`,
    prose(action.description),
    '## Usage',
    ['```yaml', ...usage, '```'].join('\n'),
    '## Inputs',
    inputs.length === 0
      ? 'None.'
      : table(
          ['Name', 'Required', 'Default', 'Description'],
          inputs.map(([key, input]) => {
            const deprecated = input?.deprecationMessage ? `**Deprecated:** ${input.deprecationMessage}\n` : '';
            return [
              `\`${cell(key)}\``,
              isRequired(input) ? 'yes' : 'no',
              defaultCell(input),
              cell(deprecated + (input?.description ?? '')),
            ];
          }),
        ),
    '## Outputs',
    outputs.length === 0
      ? 'None.'
      : table(
          ['Name', 'Description'],
          outputs.map(([key, output]) => [`\`${cell(key)}\``, cell(output?.description ?? '')]),
        ),
  ];
  return parts.filter((p) => p !== '').join('\n\n');
}

/**
 * The page with `section` between the markers: a new page when `existing` is undefined, otherwise the same page with
 * only the generated part replaced.
 */
export function mergeSection(existing, section, file) {
  const block = `${START}\n${section}\n${END}`;
  if (existing === undefined) return `${block}\n`;
  const start = existing.indexOf(START);
  const end = existing.indexOf(END);
  if (start === -1 || end === -1 || end < start) {
    throw new Error(
      `${file} has no ${START} … ${END} section. Add both markers on their own lines where the generated tables belong, then run \`npm run docs\`.`,
    );
  }
  return existing.slice(0, start) + block + existing.slice(end + END.length);
}

function readIfExists(file) {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** Folder names under actions/ that hold an action.yml (composite or JavaScript), sorted. */
export function actionNames(root = ROOT) {
  const dir = path.join(root, 'actions');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => existsSync(path.join(dir, name, 'action.yml')))
    .sort();
}

/** ship runs the other actions in-process: it gives each step the defaults its action.yml declares, as a runner would. */
export const STEP_DEFAULTS = 'packages/chain/src/step-defaults.ts';

export function renderStepDefaults(root, names) {
  const defaults = {};
  for (const name of names) {
    if (name === 'ship') continue;
    const inputs = parse(readFileSync(path.join(root, 'actions', name, 'action.yml'), 'utf8')).inputs ?? {};
    defaults[name] = Object.fromEntries(
      Object.entries(inputs)
        .filter(([, spec]) => spec?.default !== undefined && String(spec.default) !== '')
        .map(([input, spec]) => [input, String(spec.default)]),
    );
  }
  return [
    '// Generated by `npm run docs` from actions/*/action.yml: the defaults a runner gives each input. Do not edit.',
    `export const STEP_DEFAULTS: Record<string, Record<string, string>> = ${JSON.stringify(defaults, null, 2)};`,
    '',
  ].join('\n');
}

/**
 * Every generated doc as it should be, keyed by path relative to `root`, and what to remove.
 * @returns {{ files: Map<string, string>, orphans: string[] }}
 */
export function expectedDocs({ root = ROOT, iam = loadIamManifest(root) } = {}) {
  const files = new Map();
  const repository = repositorySlug(root);
  const names = actionNames(root);
  for (const name of names) {
    const rel = path.posix.join('docs', 'actions', `${name}.md`);
    const yamlText = readFileSync(path.join(root, 'actions', name, 'action.yml'), 'utf8');
    files.set(
      rel,
      mergeSection(readIfExists(path.join(root, rel)), renderActionSection(name, yamlText, { repository }), rel),
    );
  }
  for (const [rel, content] of iamDocs(iam)) files.set(rel, content);
  files.set(STEP_DEFAULTS, renderStepDefaults(root, names));

  // Pages and policies left behind by a removed action (or an action whose manifest entry was emptied).
  const orphans = [];
  for (const [dir, ext] of [
    ['docs/actions', '.md'],
    ['docs/iam', '.json'],
  ]) {
    if (!existsSync(path.join(root, dir))) continue;
    for (const f of readdirSync(path.join(root, dir)).sort()) {
      const rel = path.posix.join(dir, f);
      if (!f.endsWith(ext) || files.has(rel)) continue;
      // `<action>-<topic>.md` is hand-written prose that belongs to an action (e.g. quota-check-quotas.md).
      const companion =
        dir === 'docs/actions' &&
        [...files.keys()].some(
          (k) => k.startsWith('docs/actions/') && f.startsWith(`${path.posix.basename(k, '.md')}-`),
        );
      if (!companion) orphans.push(rel);
    }
  }
  return { files, orphans };
}

/** Paths (relative) whose content on disk differs from what the generator produces, and orphans. */
export function staleDocs(root, expected) {
  const stale = [];
  for (const [rel, content] of expected.files) {
    if (readIfExists(path.join(root, rel)) !== content) stale.push(rel);
  }
  return [...stale, ...expected.orphans];
}

export function writeDocs(root, expected) {
  const written = [];
  for (const [rel, content] of expected.files) {
    const file = path.join(root, rel);
    if (readIfExists(file) === content) continue;
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
    written.push(rel);
  }
  for (const rel of expected.orphans) {
    // Action pages may hold hand-written prose: never deleted silently.
    if (rel.startsWith('docs/iam/')) {
      rmSync(path.join(root, rel));
      written.push(`${rel} (removed)`);
    }
  }
  return written;
}

/** The CLI: returns the exit code. */
export function main(argv, { root = ROOT, log = console } = {}) {
  const check = argv.includes('--check');
  let expected;
  try {
    expected = expectedDocs({ root });
  } catch (error) {
    log.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
  if (check) {
    const stale = staleDocs(root, expected);
    for (const rel of stale) {
      log.error(
        expected.orphans.includes(rel)
          ? `check-docs: ${rel} belongs to no action any more: delete it (or move its prose) and commit.`
          : `check-docs: ${rel} is stale.`,
      );
    }
    if (stale.length > 0) {
      log.error(`check-docs: ${stale.length} generated doc(s) out of date. Run \`npm run docs\` and commit docs/.`);
      return 1;
    }
    log.log(`check-docs: ${expected.files.size} generated docs are up to date.`);
    return 0;
  }
  const written = writeDocs(root, expected);
  for (const rel of written) log.log(`docs: wrote ${rel}`);
  const leftover = expected.orphans.filter((rel) => !rel.startsWith('docs/iam/'));
  for (const rel of leftover) log.error(`docs: ${rel} belongs to no action any more: delete it (or move its prose).`);
  log.log(`docs: ${expected.files.size} generated docs, ${written.length} changed.`);
  return leftover.length > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
