import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import {
  COMMENT_MARKER,
  createGitHubClient,
  MAX_BODY_CHARS,
  parseCommentSections,
  readGitHubEvent,
  renderCommentBody,
  TerminalReporter,
  UserError,
  type GitHubClient,
} from '@hoist/kit';
import {
  GITHUB_FAKE_READONLY_TOKEN,
  GITHUB_FAKE_TOKEN,
  pullRequestEventEnv,
  startGitHubFake,
  type GitHubFake,
} from '../../../test/support/github-fake.js';

let github: GitHubFake;
beforeAll(async () => {
  github = await startGitHubFake({ repository: 'octo/app' });
});
afterAll(async () => {
  await github.close();
});
beforeEach(() => {
  github.reset();
});

function reporter(): { reporter: TerminalReporter; log: string[] } {
  const log: string[] = [];
  return { reporter: new TerminalReporter({ write: (t) => log.push(t), color: false }), log };
}

async function client(token = GITHUB_FAKE_TOKEN, r = reporter().reporter): Promise<GitHubClient> {
  return createGitHubClient({ token, reporter: r, env: { ...github.env, ...pullRequestEventEnv(7) } });
}

describe('upsertCommentSection', () => {
  test('one comment per pull request: sections are added and updated in place, never a second comment', async () => {
    github.addPullRequest(7);
    github.addComment(7, 'LGTM', 'octocat');
    const gh = await client();

    const first = await gh.upsertCommentSection(7, 'preflight', '**2 failed**');
    expect(first.outcome).toBe('created');
    const second = await gh.upsertCommentSection(7, 'cfn-validate', 'no errors');
    expect(second.outcome).toBe('updated');
    const third = await gh.upsertCommentSection(7, 'preflight', '**0 failed**');
    expect(third.outcome).toBe('updated');

    const comments = github.comments(7);
    expect(comments).toHaveLength(2);
    expect(comments[0]?.body).toBe('LGTM');
    const hoist = comments[1];
    expect(hoist?.id).toBe(first.commentId);
    expect(hoist?.body.startsWith(COMMENT_MARKER)).toBe(true);
    expect(parseCommentSections(hoist?.body ?? '')).toEqual([
      { id: 'preflight', content: '**0 failed**' },
      { id: 'cfn-validate', content: 'no errors' },
    ]);
  });

  test('the same section written again with the same text makes no write', async () => {
    github.addPullRequest(7);
    const gh = await client();
    await gh.upsertCommentSection(7, 'preflight', 'all good');
    github.clearRequests();
    const again = await gh.upsertCommentSection(7, 'preflight', 'all good');
    expect(again.outcome).toBe('unchanged');
    expect(github.writes()).toEqual([]);
  });

  test('sections follow the order of the chain, whatever order the steps write in', async () => {
    github.addPullRequest(7);
    const gh = await client();
    await gh.upsertCommentSection(7, 'deploy-stack', 'preview');
    await gh.upsertCommentSection(7, 'preflight', 'checks');
    await gh.upsertCommentSection(7, 'quota-check', 'quotas');
    const body = github.comments(7)[0]?.body ?? '';
    expect(parseCommentSections(body).map((s) => s.id)).toEqual(['preflight', 'quota-check', 'deploy-stack']);
  });

  test('steps writing at the same moment still end with one comment holding both sections', async () => {
    github.addPullRequest(7);
    const [a, b] = await Promise.all([client(), client()]);
    await Promise.all([a.upsertCommentSection(7, 'preflight', 'A'), b.upsertCommentSection(7, 'cfn-validate', 'B')]);
    const comments = github.comments(7);
    expect(comments).toHaveLength(1);
    expect(parseCommentSections(comments[0]?.body ?? '')).toEqual([
      { id: 'preflight', content: 'A' },
      { id: 'cfn-validate', content: 'B' },
    ]);
  });

  test('the comment is found past the first page of comments', async () => {
    github.addPullRequest(7);
    for (let i = 0; i < 120; i++) github.addComment(7, `chatter ${i}`, 'octocat');
    const gh = await client();
    const created = await gh.upsertCommentSection(7, 'preflight', 'v1');
    // The hoist comment is the 121st: on the second page of 100.
    const updated = await gh.upsertCommentSection(7, 'preflight', 'v2');
    expect(updated).toMatchObject({ outcome: 'updated', commentId: created.commentId });
    expect(github.comments(7).filter((c) => c.body.includes(COMMENT_MARKER))).toHaveLength(1);
    expect(github.requests().some((r) => r.method === 'GET' && r.query['page'] === '2')).toBe(true);
  });

  test('a read-only token (a fork) is reported and skipped, not a failure', async () => {
    github.addPullRequest(7);
    const { reporter: r, log } = reporter();
    const gh = await client(GITHUB_FAKE_READONLY_TOKEN, r);
    const result = await gh.upsertCommentSection(7, 'preflight', 'x');
    expect(result).toEqual({ outcome: 'read-only' });
    expect(log.join('')).toContain('read-only token (pull request from a fork?) — skipping the comment');
    expect(github.comments(7)).toEqual([]);
    expect(github.writes().map((w) => w.status)).toEqual([403]);
  });

  test('a rejected token fails with a fix, and the token is registered as a secret', async () => {
    github.addPullRequest(7);
    const { reporter: r } = reporter();
    const gh = await createGitHubClient({ token: 'ghs_not_known_to_the_fake', reporter: r, env: github.env });
    expect(r.redact('x ghs_not_known_to_the_fake y')).toBe('x *** y');
    const failure = await gh.upsertCommentSection(7, 'preflight', 'x').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(UserError);
    expect((failure as UserError).message).toContain('GitHub rejected the token (401)');
  });

  test('a bad section id is a programming error', async () => {
    const gh = await client();
    await expect(gh.upsertCommentSection(7, 'Pre Flight', 'x')).rejects.toThrow(/section id 'Pre Flight'/);
  });
});

describe('upsertIssue', () => {
  const spec = { key: 'quota-audit', label: 'hoist-quotas', title: 'Quotas above 80%' };

  test('open → update → unchanged → close → nothing → reopen, always the same one issue', async () => {
    const gh = await client();
    const opened = await gh.upsertIssue({ ...spec, body: 'VPCs 5/5', open: true });
    expect(opened.outcome).toBe('opened');
    const updated = await gh.upsertIssue({ ...spec, body: 'VPCs 5/5, EIPs 5/5', open: true });
    expect(updated).toMatchObject({ outcome: 'updated', number: opened.number });
    github.clearRequests();
    expect((await gh.upsertIssue({ ...spec, body: 'VPCs 5/5, EIPs 5/5', open: true })).outcome).toBe('unchanged');
    expect(github.writes()).toEqual([]);

    const closed = await gh.upsertIssue({
      ...spec,
      body: 'all below 80%',
      open: false,
      closeComment: 'All quotas are below 80% again.',
    });
    expect(closed).toMatchObject({ outcome: 'closed', number: opened.number });
    expect(github.comments(opened.number ?? 0).map((c) => c.body)).toEqual(['All quotas are below 80% again.']);
    expect((await gh.upsertIssue({ ...spec, body: 'still fine', open: false })).outcome).toBe('none');

    const reopened = await gh.upsertIssue({ ...spec, body: 'VPCs 5/5 again', open: true });
    expect(reopened).toMatchObject({ outcome: 'reopened', number: opened.number });
    const issues = github.issues();
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ state: 'open', labels: ['hoist-quotas'], title: 'Quotas above 80%' });
    expect(issues[0]?.body).toContain('VPCs 5/5 again');
  });

  test('issues with the same label but another key, and pull requests, are left alone', async () => {
    github.addIssue({ title: 'someone else', labels: ['hoist-quotas'], body: 'hand-written' });
    github.addPullRequest(3);
    const gh = await client();
    await gh.upsertIssue({ ...spec, body: 'x', open: true });
    await gh.upsertIssue({ ...spec, key: 'other', body: 'y', open: true });
    expect(github.issues({ state: 'open' }).map((i) => i.title)).toEqual([
      'someone else',
      'Quotas above 80%',
      'Quotas above 80%',
    ]);
    await gh.upsertIssue({ ...spec, body: 'z', open: false });
    expect(github.issues({ state: 'open' }).map((i) => i.body)).toEqual(['hand-written', expect.stringContaining('y')]);
  });

  test('duplicates left by an earlier race are closed, the oldest is kept', async () => {
    const gh = await client();
    const first = await gh.upsertIssue({ ...spec, body: 'a', open: true });
    const body = github.issue(first.number ?? 0)?.body ?? '';
    const duplicate = github.addIssue({ title: spec.title, labels: [spec.label], body });
    const result = await gh.upsertIssue({ ...spec, body: 'b', open: true });
    expect(result).toMatchObject({ outcome: 'updated', number: first.number });
    expect(github.issue(duplicate.number)?.state).toBe('closed');
    expect(github.comments(duplicate.number)[0]?.body).toContain(`Duplicate of #${first.number}`);
  });

  test('a read-only token warns and writes nothing', async () => {
    const { reporter: r, log } = reporter();
    const gh = await client(GITHUB_FAKE_READONLY_TOKEN, r);
    expect(await gh.upsertIssue({ ...spec, body: 'x', open: true })).toEqual({ outcome: 'read-only' });
    expect(log.join('')).toContain('read-only token');
    expect(github.issues()).toEqual([]);
  });
});

describe('readGitHubEvent and the comment body', () => {
  test('a pull request from a fork is recognised', () => {
    const fork = readGitHubEvent(pullRequestEventEnv(12, { repository: 'octo/app', headRepository: 'someone/app' }));
    expect(fork).toMatchObject({ name: 'pull_request', pullRequestNumber: 12, fromFork: true });
    expect(readGitHubEvent(pullRequestEventEnv(12)).fromFork).toBe(false);
    expect(readGitHubEvent({ GITHUB_EVENT_NAME: 'schedule' })).toMatchObject({
      pullRequestNumber: undefined,
      fromFork: false,
    });
  });

  test('hidden markers inside a section are neutralised and an oversized section is truncated under the limit', () => {
    const body = renderCommentBody(undefined, 'preflight', 'a <!-- hoist:cfn-validate:end --> b');
    expect(parseCommentSections(body)).toEqual([{ id: 'preflight', content: 'a  b' }]);
    const big = renderCommentBody(body, 'deploy-stack', 'x'.repeat(MAX_BODY_CHARS * 2));
    expect(big.length).toBeLessThanOrEqual(MAX_BODY_CHARS);
    expect(big).toContain('truncated');
    expect(parseCommentSections(big).map((s) => s.id)).toEqual(['preflight', 'deploy-stack']);
  });
});
