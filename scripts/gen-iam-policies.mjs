// docs/iam/<action>.json (the least-privilege policy of each action) and docs/iam/README.md, generated from
// IAM_MANIFEST in packages/aws/src/manifest.ts. Run through `npm run docs` / `npm run check-docs`
// (scripts/gen-action-docs.mjs), which writes or checks these files together with the action pages.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const MANIFEST_PATH = path.join('packages', 'aws', 'src', 'manifest.ts');

// Runs inside node 24, which strips TypeScript types natively. The resolve hook lets manifest.ts import its
// siblings the way the source spells them (`./x.js` for `./x.ts`), so the loader keeps working if it grows imports.
const LOADER = `
import { registerHooks } from 'node:module';
registerHooks({
  resolve(specifier, context, next) {
    try {
      return next(specifier, context);
    } catch (error) {
      if (!/^\\.{1,2}\\//.test(specifier) || !specifier.endsWith('.js')) throw error;
      return next(specifier.slice(0, -3) + '.ts', context);
    }
  },
});
const manifest = await import(process.env.HOIST_MANIFEST_URL);
const policies = Object.fromEntries(Object.keys(manifest.IAM_MANIFEST).map((a) => [a, manifest.policyDocument(a)]));
process.stdout.write(JSON.stringify({ manifest: manifest.IAM_MANIFEST, policies }));
`;

/**
 * Loads IAM_MANIFEST and every action's policyDocument() by importing manifest.ts in a node 24 child process
 * (the tooling itself may run on node 20, which cannot load TypeScript).
 * @returns {{ manifest: Record<string, {sid: string, actions: string[], resources?: string[]}[]>, policies: Record<string, {Version: string, Statement: unknown[]}> }}
 */
export function loadIamManifest(root = ROOT, manifestPath = path.join(root, MANIFEST_PATH)) {
  const node24 = path.join(root, 'node_modules', 'node', 'bin', 'node');
  if (!existsSync(node24)) {
    throw new Error(
      `gen-iam-policies: node 24 was not found at ${node24}. Run \`npm ci\` (it comes from the node@24 dev dependency).`,
    );
  }
  const result = spawnSync(node24, ['--disable-warning=ExperimentalWarning', '--input-type=module', '-e', LOADER], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, HOIST_MANIFEST_URL: pathToFileURL(manifestPath).href },
  });
  if (result.status !== 0) {
    throw new Error(
      `gen-iam-policies: loading ${path.relative(root, manifestPath)} failed:\n${result.stderr || result.error}`,
    );
  }
  return JSON.parse(result.stdout);
}

/** JSON as AWS shows policies: two-space indent, trailing newline. */
export function renderPolicy(policy) {
  return `${JSON.stringify(policy, null, 2)}\n`;
}

export function renderIamReadme(manifest) {
  const lines = [
    '# IAM policies',
    '',
    '<!-- Generated from packages/aws/src/manifest.ts by `npm run docs`. Edit the manifest, not this file. -->',
    '',
    'The least-privilege policy of each hoist action: attach the policies of the actions a workflow runs to the role it',
    'assumes. An action that calls no AWS API needs no policy and has no file here.',
    '',
    '| Action | Policy | AWS actions |',
    '|---|---|---|',
  ];
  for (const action of Object.keys(manifest).sort()) {
    const awsActions = [...new Set(manifest[action].flatMap((s) => s.actions))].sort();
    const policy = awsActions.length > 0 ? `[${action}.json](${action}.json)` : '—';
    const list = awsActions.length > 0 ? awsActions.map((a) => `\`${a}\``).join(', ') : 'none';
    lines.push(`| ${action} | ${policy} | ${list} |`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Every generated file under docs/iam, keyed by its path relative to the repository root. Actions whose manifest
 * entry is empty get no policy file: IAM rejects a policy with no statement.
 * @returns {Map<string, string>}
 */
export function iamDocs({ manifest, policies }) {
  const files = new Map();
  for (const action of Object.keys(manifest).sort()) {
    if (manifest[action].length === 0) continue;
    files.set(path.posix.join('docs', 'iam', `${action}.json`), renderPolicy(policies[action]));
  }
  files.set(path.posix.join('docs', 'iam', 'README.md'), renderIamReadme(manifest));
  return files;
}
