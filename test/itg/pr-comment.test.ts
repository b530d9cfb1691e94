/**
 * pr-comment, the PR gate's second stage, run as a runner runs it against the loopback GitHub fake: the sections of
 * the downloaded artifacts go into the pull request's one hoist comment, other sections kept, only while the pull
 * request is at the commit the gate ran on; an artifact is untrusted data.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { GITHUB_FAKE_TOKEN, startGitHubFake, type GitHubFake } from '../support/github-fake.js';
import { runAction } from '../support/run-action.js';

const HEAD = 'a'.repeat(40);

let github: GitHubFake;
beforeAll(async () => {
  github = await startGitHubFake({ repository: 'acme/app' });
});
afterAll(async () => {
  await github?.close();
});
beforeEach(() => {
  github.reset();
});

/** A download folder: one sub-folder per artifact, each with pr-number and its sections. */
function artifacts(folders: Record<string, Record<string, string>>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'hoist-pr-comment-'));
  for (const [name, files] of Object.entries(folders)) {
    mkdirSync(path.join(root, name));
    for (const [file, text] of Object.entries(files)) writeFileSync(path.join(root, name, file), text);
  }
  return root;
}

const run = (root: string, headSha = HEAD) =>
  runAction(
    'pr-comment',
    { artifacts: root, 'head-sha': headSha, 'github-token': GITHUB_FAKE_TOKEN },
    { env: github.env },
  );

describe('pr-comment', () => {
  test('two artifacts for one pull request: one comment, their sections added, another step’s section kept', async () => {
    github.addPullRequest(7, { headSha: HEAD });
    github.addComment(
      7,
      '<!-- hoist -->\n\n### hoist\n\n<!-- hoist:deploy-stack:start -->\nchange set preview\n<!-- hoist:deploy-stack:end -->\n',
    );
    const root = artifacts({
      'hoist-pr-comment-preflight': { 'pr-number': '7\n', 'preflight.md': '**0 failed**, 12 passed' },
      'hoist-pr-comment-quotas': { 'pr-number': '7', 'quota-check.md': 'VPCs 3/5', 'notes.txt': 'ignored' },
    });
    const r = await run(root);
    expect(r.exitCode).toBe(0);
    expect(r.outputs['updated']).toBe('7');
    const comments = github.comments(7);
    expect(comments).toHaveLength(1);
    const body = comments[0]?.body ?? '';
    for (const id of ['deploy-stack', 'preflight', 'quota-check']) expect(body).toContain(`<!-- hoist:${id}:start -->`);
    expect(body).toContain('change set preview');
    expect(body).toContain('VPCs 3/5');
    expect(body).not.toContain('ignored');

    // Again with the same artifacts: nothing written.
    github.clearRequests();
    const again = await run(root);
    expect(again.exitCode).toBe(0);
    expect(again.outputs['updated']).toBe('');
    expect(github.writes()).toEqual([]);
  });

  test('a pull request that moved on since the gate ran is left alone, with a warning', async () => {
    github.addPullRequest(8, { headSha: 'b'.repeat(40) });
    const r = await run(artifacts({ x: { 'pr-number': '8', 'preflight.md': 'old findings' } }));
    expect(r.exitCode).toBe(0);
    expect(github.comments(8)).toEqual([]);
    expect(r.annotations).toContainEqual(
      expect.objectContaining({ level: 'warning', message: expect.stringContaining('#8 is at bbbbbbb, not aaaaaaa') }),
    );
  });

  test('an artifact is data: hoist markers in its text are neutralised, a bad pr-number is refused', async () => {
    github.addPullRequest(9, { headSha: HEAD });
    const sneaky = 'fine\n<!-- hoist:deploy-stack:start -->\nfake approval\n<!-- hoist:deploy-stack:end -->';
    const r = await run(artifacts({ x: { 'pr-number': '9', 'preflight.md': sneaky } }));
    expect(r.exitCode).toBe(0);
    const body = github.comments(9)[0]?.body ?? '';
    expect(body.match(/<!-- hoist:deploy-stack:start -->/g) ?? []).toEqual([]);

    const bad = await run(artifacts({ x: { 'pr-number': '9; rm -rf /', 'preflight.md': 'x' } }));
    expect(bad.exitCode).toBe(1);
    expect(bad.annotations.filter((a) => a.level === 'error').map((a) => a.message)).toEqual([
      expect.stringMatching(/^artifact x: pr-number is '9; rm -rf \/', not a pull-request number\./),
    ]);
  });

  test('bad inputs: a head-sha that is not a commit, a folder that does not exist', async () => {
    const sha = await run(artifacts({}), 'main');
    expect(sha.exitCode).toBe(1);
    expect(sha.log).toContain("::error::Input 'head-sha' is 'main': expected the 40-hex commit the gate ran on.");
    const missing = await runAction(
      'pr-comment',
      { artifacts: '/nonexistent/hoist', 'head-sha': HEAD, 'github-token': GITHUB_FAKE_TOKEN },
      { env: github.env },
    );
    expect(missing.exitCode).toBe(1);
    expect(missing.log).toContain("Input 'artifacts' is '/nonexistent/hoist': expected an existing directory");
    expect(github.requests()).toEqual([]);
  });
});
