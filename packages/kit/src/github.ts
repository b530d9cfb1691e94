import { existsSync, readFileSync } from 'node:fs';
import type { getOctokit } from '@actions/github';
import { UserError } from './errors.js';
import type { Reporter } from './reporter.js';

/**
 * The one place that talks to the GitHub API: a PR comment that hoist's steps share, and one issue kept up to date.
 * The API URL, repository and event come from the runner's environment (GITHUB_API_URL, GITHUB_REPOSITORY,
 * GITHUB_EVENT_PATH, GITHUB_EVENT_NAME), read when the client is made, so tests point them at a local fake.
 */

type Octokit = ReturnType<typeof getOctokit>;

/** Marks the one comment per pull request that every hoist step writes its section into. */
export const COMMENT_MARKER = '<!-- hoist -->';
const COMMENT_HEADING = '### hoist';
/** Sections appear in the order the chain runs; other sections follow in the order they were added. */
const SECTION_ORDER = ['preflight', 'cfn-validate', 'quota-check', 'deploy-stack'];
/** GitHub refuses comment and issue bodies longer than 65,536 characters. */
export const MAX_BODY_CHARS = 65_536;

export interface RepositoryRef {
  owner: string;
  repo: string;
}

export interface GitHubEvent {
  name: string | undefined;
  payload: Record<string, unknown>;
  /** The pull request the run is about (pull_request and pull_request_target events, comments on a PR). */
  pullRequestNumber: number | undefined;
  /** The pull request comes from another repository: its GITHUB_TOKEN is read-only. */
  fromFork: boolean;
}

/** The event that started the run, from GITHUB_EVENT_NAME and the payload at GITHUB_EVENT_PATH. */
export function readGitHubEvent(env: NodeJS.ProcessEnv = process.env): GitHubEvent {
  const file = env['GITHUB_EVENT_PATH'];
  let payload: Record<string, unknown> = {};
  if (file && existsSync(file)) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (parsed !== null && typeof parsed === 'object') payload = parsed as Record<string, unknown>;
    } catch {
      // A broken payload means no pull request context, not a failed step.
    }
  }
  const pr = record(payload['pull_request']);
  const issue = record(payload['issue']);
  const number = pr ? pr['number'] : issue && issue['pull_request'] ? issue['number'] : undefined;
  const headRepo = record(record(pr?.['head'])?.['repo'])?.['full_name'];
  const baseRepo = record(record(pr?.['base'])?.['repo'])?.['full_name'];
  return {
    name: env['GITHUB_EVENT_NAME'] || undefined,
    payload,
    pullRequestNumber: typeof number === 'number' ? number : undefined,
    fromFork: typeof headRepo === 'string' && typeof baseRepo === 'string' && headRepo !== baseRepo,
  };
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

export type CommentOutcome = 'created' | 'updated' | 'unchanged' | 'read-only';

export interface CommentResult {
  outcome: CommentOutcome;
  commentId?: number;
  url?: string;
}

export interface IssueSpec {
  /** Names the issue among hoist's issues: written as a hidden marker in its body. */
  key: string;
  /** The label the issue carries and is found by (default `hoist`). */
  label?: string;
  title: string;
  body: string;
  /** true: the issue should be open (opened, reopened or updated); false: closed if open. */
  open: boolean;
  /** The comment written when the issue is closed. */
  closeComment?: string;
}

export type IssueOutcome = 'opened' | 'reopened' | 'updated' | 'unchanged' | 'closed' | 'none' | 'read-only';

export interface IssueResult {
  outcome: IssueOutcome;
  number?: number;
  url?: string;
}

export interface GitHubClient {
  readonly repository: RepositoryRef;
  readonly event: GitHubEvent;
  /**
   * Writes `markdown` as this step's section of the pull request's one hoist comment (created when missing, found
   * again by its hidden marker; other steps' sections are kept). A read-only token is reported and skipped.
   */
  upsertCommentSection(prNumber: number, sectionId: string, markdown: string): Promise<CommentResult>;
  /** Keeps exactly one issue for `spec.key`: opens, reopens, updates or closes it. */
  upsertIssue(spec: IssueSpec): Promise<IssueResult>;
  /** The commit a pull request's head is at now. */
  pullRequestHead(prNumber: number): Promise<string>;
  /**
   * A GitHub deployment of `ref` to `environment`, made to record what a deploy does (no merge of the default
   * branch, no required status checks). Undefined when the token may not (reported as a notice).
   */
  createDeployment(spec: DeploymentSpec): Promise<number | undefined>;
  /** A status of a deployment this client made: in_progress, then success, failure or error. */
  setDeploymentStatus(id: number, status: DeploymentStatus): Promise<void>;
}

export interface DeploymentSpec {
  /** The commit (or branch, tag) deployed. */
  ref: string;
  /** The GitHub environment: the deployments list and the environment's URL show it. */
  environment: string;
  description: string;
  /** Machine-readable facts about the deploy (the stack, the release). */
  payload?: Record<string, string>;
}

export interface DeploymentStatus {
  state: 'in_progress' | 'success' | 'failure' | 'error';
  description?: string;
  /** Where the deployed thing answers (the environment's URL on GitHub). */
  environmentUrl?: string;
  /** The run that made it. */
  logUrl?: string;
}

export interface GitHubClientOptions {
  token: string;
  reporter: Reporter;
  /** Default GITHUB_API_URL, then https://api.github.com. */
  apiUrl?: string;
  /** `owner/name`; default GITHUB_REPOSITORY. */
  repository?: string;
  env?: NodeJS.ProcessEnv;
}

/** A GitHub API answer that is not a read-only refusal: names what was attempted and the status. */
export class GitHubApiError extends Error {
  override readonly name = 'GitHubApiError';
  constructor(
    readonly what: string,
    readonly status: number | undefined,
    message: string,
  ) {
    super(`GitHub API: could not ${what} (${status ?? 'no answer'}): ${message}`);
  }
}

/** Makes the client; `@actions/github` is loaded only here, so actions that never call GitHub do not load it. */
export async function createGitHubClient(options: GitHubClientOptions): Promise<GitHubClient> {
  const env = options.env ?? process.env;
  if (options.token === '')
    throw new UserError('The GitHub token is empty.', { fix: 'pass `github-token: ${{ github.token }}`.' });
  options.reporter.setSecret(options.token);
  const repository = parseRepository(options.repository ?? env['GITHUB_REPOSITORY']);
  const baseUrl = (options.apiUrl ?? (env['GITHUB_API_URL'] || 'https://api.github.com')).replace(/\/+$/, '');
  const { getOctokit } = await import('@actions/github');
  const octokit = getOctokit(options.token, { baseUrl });
  return new Client(octokit, repository, readGitHubEvent(env), options.reporter);
}

function parseRepository(value: string | undefined): RepositoryRef {
  const match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(value ?? '');
  if (!match) {
    throw new UserError(`GITHUB_REPOSITORY is ${value ? `'${value}'` : 'not set'}: expected owner/name.`, {
      fix: 'run on a GitHub runner (it sets GITHUB_REPOSITORY), or set it to owner/name.',
    });
  }
  return { owner: match[1] ?? '', repo: match[2] ?? '' };
}

interface StatusError {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | undefined>; data?: unknown };
}

/** 403 on a write: the token may not write (a fork's GITHUB_TOKEN, or a workflow without the permission). */
function isReadOnlyRefusal(error: unknown): boolean {
  const e = error as StatusError;
  if (e?.status !== 403) return false;
  // A 403 for the rate limit is not about permissions.
  const remaining = e.response?.headers?.['x-ratelimit-remaining'];
  return remaining !== '0' && !/rate limit/i.test(e.message ?? '');
}

const SECTION_ID = /^[a-z0-9][a-z0-9-]*$/;

function sectionStart(id: string): string {
  return `<!-- hoist:${id}:start -->`;
}

function sectionEnd(id: string): string {
  return `<!-- hoist:${id}:end -->`;
}

function issueMarker(key: string): string {
  return `<!-- hoist:issue:${key} -->`;
}

/** Hidden markers inside a section's text would confuse the next update: they are neutralised. */
function withoutMarkers(markdown: string): string {
  return markdown.replace(/<!--\s*hoist(:[^>]*)?\s*-->/g, '');
}

interface Section {
  id: string;
  content: string;
}

/** The sections of a hoist comment body, in order. */
export function parseCommentSections(body: string): Section[] {
  const sections: Section[] = [];
  const re = /<!-- hoist:([a-z0-9-]+):start -->\n?([\s\S]*?)\n?<!-- hoist:\1:end -->/g;
  for (let m = re.exec(body); m; m = re.exec(body)) sections.push({ id: m[1] ?? '', content: m[2] ?? '' });
  return sections;
}

function rank(id: string): number {
  const i = SECTION_ORDER.indexOf(id);
  return i < 0 ? SECTION_ORDER.length : i;
}

/** The comment body with `id`'s section replaced (or inserted in chain order), every other section kept. */
export function renderCommentBody(previous: string | undefined, id: string, markdown: string): string {
  const sections = previous === undefined ? [] : parseCommentSections(previous);
  const content = fitSection(
    withoutMarkers(markdown).trim(),
    sections.filter((s) => s.id !== id),
  );
  const at = sections.findIndex((s) => s.id === id);
  if (at >= 0) sections[at] = { id, content };
  else {
    const before = sections.findIndex((s) => rank(s.id) > rank(id));
    sections.splice(before < 0 ? sections.length : before, 0, { id, content });
  }
  return (
    [
      COMMENT_MARKER,
      COMMENT_HEADING,
      ...sections.map((s) => `${sectionStart(s.id)}\n${s.content}\n${sectionEnd(s.id)}`),
    ].join('\n\n') + '\n'
  );
}

const TRUNCATED = '\n\n… (truncated: the full report is in the job summary)';

/** Leaves room for the other sections under GitHub's body limit. */
function fitSection(content: string, others: readonly Section[]): string {
  const overhead = 200 + others.reduce((n, s) => n + s.content.length + 2 * sectionStart(s.id).length + 8, 0);
  const room = MAX_BODY_CHARS - overhead;
  return content.length <= room ? content : content.slice(0, Math.max(0, room - TRUNCATED.length)) + TRUNCATED;
}

interface CommentData {
  id: number;
  body?: string | null;
  html_url: string;
}

interface IssueData {
  number: number;
  title: string;
  body?: string | null;
  state: string;
  html_url: string;
  pull_request?: unknown;
}

class Client implements GitHubClient {
  constructor(
    private readonly octokit: Octokit,
    readonly repository: RepositoryRef,
    readonly event: GitHubEvent,
    private readonly reporter: Reporter,
  ) {}

  async upsertCommentSection(prNumber: number, sectionId: string, markdown: string): Promise<CommentResult> {
    if (!SECTION_ID.test(sectionId))
      throw new Error(`upsertCommentSection: section id '${sectionId}' must be lowercase letters, digits and hyphens.`);
    try {
      return await this.writeSection(prNumber, sectionId, markdown);
    } catch (error) {
      if (!isReadOnlyRefusal(error)) throw this.apiError(`write the hoist comment on pull request #${prNumber}`, error);
      this.reporter.annotate({
        level: 'notice',
        title: 'GitHub comment',
        message: `GitHub refused to write the comment on #${prNumber}: read-only token (pull request from a fork?) — skipping the comment.${this.event.fromFork ? '' : ' If it is not a fork, give the job `permissions: pull-requests: write`.'}`,
      });
      return { outcome: 'read-only' };
    }
  }

  private async writeSection(prNumber: number, sectionId: string, markdown: string): Promise<CommentResult> {
    // Steps of one workflow may write at once: each write is checked afterwards and done again if another step's
    // write replaced it (read-modify-write on one comment), and a duplicate comment created meanwhile is merged.
    for (let attempt = 1; ; attempt++) {
      const marked = await this.markedComments(prNumber);
      const [first, ...duplicates] = marked;
      let result: CommentResult;
      if (!first) {
        const created = await this.octokit.rest.issues.createComment({
          ...this.repository,
          issue_number: prNumber,
          body: renderCommentBody(undefined, sectionId, markdown),
        });
        result = { outcome: 'created', commentId: created.data.id, url: created.data.html_url };
      } else {
        let body = first.body ?? '';
        for (const duplicate of duplicates) {
          for (const s of parseCommentSections(duplicate.body ?? ''))
            if (!parseCommentSections(body).some((k) => k.id === s.id)) body = renderCommentBody(body, s.id, s.content);
        }
        const next = renderCommentBody(body, sectionId, markdown);
        if (next === first.body && duplicates.length === 0)
          return { outcome: 'unchanged', commentId: first.id, url: first.html_url };
        await this.octokit.rest.issues.updateComment({ ...this.repository, comment_id: first.id, body: next });
        for (const duplicate of duplicates) await this.deleteComment(duplicate.id);
        result = { outcome: 'updated', commentId: first.id, url: first.html_url };
      }
      const settled = await this.markedComments(prNumber);
      const expected = renderCommentBody(undefined, sectionId, markdown);
      const mine = parseCommentSections(expected)[0]?.content;
      const kept =
        settled.length === 1 &&
        parseCommentSections(settled[0]?.body ?? '').find((s) => s.id === sectionId)?.content === mine;
      if (kept || attempt >= 3)
        return settled.length === 1 && settled[0]
          ? { ...result, commentId: settled[0].id, url: settled[0].html_url }
          : result;
    }
  }

  /** hoist's comments on the pull request, oldest first. */
  private async markedComments(prNumber: number): Promise<CommentData[]> {
    const comments = (await this.octokit.paginate(this.octokit.rest.issues.listComments, {
      ...this.repository,
      issue_number: prNumber,
      per_page: 100,
    })) as CommentData[];
    return comments.filter((c) => (c.body ?? '').includes(COMMENT_MARKER)).sort((a, b) => a.id - b.id);
  }

  async upsertIssue(spec: IssueSpec): Promise<IssueResult> {
    try {
      return await this.writeIssue(spec);
    } catch (error) {
      if (!isReadOnlyRefusal(error)) throw this.apiError(`keep the issue '${spec.title}' up to date`, error);
      this.reporter.annotate({
        level: 'warning',
        title: 'GitHub issue',
        message:
          'GitHub refused to write the issue: read-only token — skipping the issue. Give the job `permissions: issues: write`.',
      });
      return { outcome: 'read-only' };
    }
  }

  private async writeIssue(spec: IssueSpec): Promise<IssueResult> {
    const label = spec.label ?? 'hoist';
    const marker = issueMarker(spec.key);
    const body = `${marker}\n${withoutMarkers(spec.body).trim()}\n`.slice(0, MAX_BODY_CHARS);
    const issues = (
      (await this.octokit.paginate(this.octokit.rest.issues.listForRepo, {
        ...this.repository,
        labels: label,
        state: 'all',
        per_page: 100,
      })) as IssueData[]
    )
      .filter((i) => i.pull_request === undefined && (i.body ?? '').includes(marker))
      .sort((a, b) => a.number - b.number);
    const open = issues.filter((i) => i.state === 'open');
    // Should an earlier race have left two open issues, the oldest is kept and the others closed as duplicates.
    const [kept, ...extra] = open;
    for (const duplicate of extra) {
      await this.comment(duplicate.number, `Duplicate of #${kept?.number}: hoist keeps one issue for this.`);
      await this.octokit.rest.issues.update({
        ...this.repository,
        issue_number: duplicate.number,
        state: 'closed',
        state_reason: 'not_planned',
      });
    }
    if (!spec.open) {
      if (!kept) return { outcome: 'none' };
      await this.comment(kept.number, spec.closeComment ?? 'Resolved: closing.');
      await this.octokit.rest.issues.update({
        ...this.repository,
        issue_number: kept.number,
        body,
        state: 'closed',
        state_reason: 'completed',
      });
      return { outcome: 'closed', number: kept.number, url: kept.html_url };
    }
    if (kept) {
      if (kept.body === body && kept.title === spec.title)
        return { outcome: 'unchanged', number: kept.number, url: kept.html_url };
      await this.octokit.rest.issues.update({ ...this.repository, issue_number: kept.number, title: spec.title, body });
      return { outcome: 'updated', number: kept.number, url: kept.html_url };
    }
    const latestClosed = issues.at(-1);
    if (latestClosed) {
      await this.octokit.rest.issues.update({
        ...this.repository,
        issue_number: latestClosed.number,
        title: spec.title,
        body,
        state: 'open',
      });
      return { outcome: 'reopened', number: latestClosed.number, url: latestClosed.html_url };
    }
    const created = await this.octokit.rest.issues.create({
      ...this.repository,
      title: spec.title,
      body,
      labels: [label],
    });
    return { outcome: 'opened', number: created.data.number, url: created.data.html_url };
  }

  async pullRequestHead(prNumber: number): Promise<string> {
    try {
      const pull = await this.octokit.rest.pulls.get({ ...this.repository, pull_number: prNumber });
      return pull.data.head.sha;
    } catch (error) {
      throw this.apiError(`read pull request #${prNumber}`, error);
    }
  }

  async createDeployment(spec: DeploymentSpec): Promise<number | undefined> {
    try {
      const created = await this.octokit.rest.repos.createDeployment({
        ...this.repository,
        ref: spec.ref,
        environment: spec.environment,
        description: spec.description.slice(0, 140),
        auto_merge: false,
        required_contexts: [],
        ...(spec.payload ? { payload: spec.payload } : {}),
      });
      const id = (created.data as { id?: unknown }).id;
      if (typeof id !== 'number') throw new Error(`no deployment id in the answer (HTTP ${created.status})`);
      return id;
    } catch (error) {
      if (!isReadOnlyRefusal(error)) throw this.apiError(`create a deployment to ${spec.environment}`, error);
      this.reporter.annotate({
        level: 'notice',
        title: 'GitHub deployment',
        message: `GitHub refused to record the deployment to ${spec.environment}: the token may not write deployments. Give the job \`permissions: deployments: write\`.`,
      });
      return undefined;
    }
  }

  async setDeploymentStatus(id: number, status: DeploymentStatus): Promise<void> {
    try {
      await this.octokit.rest.repos.createDeploymentStatus({
        ...this.repository,
        deployment_id: id,
        state: status.state,
        auto_inactive: true,
        ...(status.description ? { description: status.description.slice(0, 140) } : {}),
        ...(status.environmentUrl ? { environment_url: status.environmentUrl } : {}),
        ...(status.logUrl ? { log_url: status.logUrl } : {}),
      });
    } catch (error) {
      throw this.apiError(`set deployment ${id} to ${status.state}`, error);
    }
  }

  /** Another step may have deleted the same duplicate a moment earlier. */
  private async deleteComment(commentId: number): Promise<void> {
    try {
      await this.octokit.rest.issues.deleteComment({ ...this.repository, comment_id: commentId });
    } catch (error) {
      if ((error as StatusError)?.status !== 404) throw error;
    }
  }

  private async comment(issueNumber: number, body: string): Promise<void> {
    await this.octokit.rest.issues.createComment({ ...this.repository, issue_number: issueNumber, body });
  }

  private apiError(what: string, error: unknown): Error {
    const e = error as StatusError;
    if (e?.status === 401) {
      return new UserError(`GitHub rejected the token (401) while trying to ${what}.`, {
        fix: 'pass `github-token: ${{ github.token }}` or a valid token.',
        cause: error,
      });
    }
    return new GitHubApiError(what, e?.status, e?.message ?? String(error));
  }
}
