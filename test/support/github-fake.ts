/**
 * A loopback fake of the few GitHub REST endpoints hoist calls: issue comments (list, create, update, delete),
 * issues (list by label and state, get, create, update state/body/title, search by label), and deployments with
 * their statuses (create). An in-memory store, a
 * request log, and tokens that are valid, read-only (403 "Resource not accessible by integration" on writes, as a
 * fork's GITHUB_TOKEN gets) or unknown (401). Point a process at it with `fake.env` (GITHUB_API_URL,
 * GITHUB_REPOSITORY).
 *
 *   const github = await startGitHubFake({ repository: 'octo/app' });
 *   github.addPullRequest(7);
 *   await runAction('preflight', { 'github-token': GITHUB_FAKE_TOKEN }, { env: { ...github.env, ...eventEnv } });
 *   expect(github.comments(7)).toHaveLength(1);
 *
 * Pagination follows GitHub: `per_page` (default 30, at most 100), `page`, and a `Link` header with rel="next".
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './ports.js';

/** A token the fake accepts for reads and writes. Not a secret: it only opens this fake. */
export const GITHUB_FAKE_TOKEN = 'ghs_fake_read_write_token_for_tests';
/** A token the fake accepts for reads only, as a pull request from a fork gets. */
export const GITHUB_FAKE_READONLY_TOKEN = 'ghs_fake_read_only_token_for_tests';

export interface FakeComment {
  id: number;
  issueNumber: number;
  body: string;
  user: string;
  createdAt: string;
  updatedAt: string;
}

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  stateReason: string | null;
  labels: string[];
  /** Pull requests are issues too (GitHub lists them among issues, with a `pull_request` member). */
  isPullRequest: boolean;
  /** A pull request's head commit. */
  headSha?: string;
  user: string;
}

export interface FakeDeployment {
  id: number;
  ref: string;
  environment: string;
  description: string;
  payload: unknown;
  statuses: { state: string; environmentUrl?: string; logUrl?: string; description?: string }[];
}

export interface FakeRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  status: number;
  token: string | undefined;
}

export interface GitHubFake {
  url: string;
  repository: string;
  /** GITHUB_API_URL and GITHUB_REPOSITORY for a process that must talk to this fake. */
  env: Record<string, string>;
  addPullRequest(number: number, options?: { title?: string; headSha?: string }): FakeIssue;
  addIssue(issue: Partial<FakeIssue> & { title: string }): FakeIssue;
  addComment(issueNumber: number, body: string, user?: string): FakeComment;
  issues(filter?: { label?: string; state?: 'open' | 'closed' }): FakeIssue[];
  issue(number: number): FakeIssue | undefined;
  comments(issueNumber: number): FakeComment[];
  deployments(): FakeDeployment[];
  requests(): FakeRequest[];
  /** Requests that change something (POST, PATCH, PUT, DELETE). */
  writes(): FakeRequest[];
  clearRequests(): void;
  reset(): void;
  close(): Promise<void>;
}

const BOT = 'github-actions[bot]';

/** Writes a pull_request event payload and returns GITHUB_EVENT_NAME / GITHUB_EVENT_PATH for it. */
export function pullRequestEventEnv(
  number: number,
  options: { repository?: string; headRepository?: string } = {},
): Record<string, string> {
  const repository = options.repository ?? 'octo/app';
  const payload = {
    action: 'synchronize',
    number,
    pull_request: {
      number,
      head: { repo: { full_name: options.headRepository ?? repository } },
      base: { repo: { full_name: repository } },
    },
    repository: { full_name: repository, name: repository.split('/')[1], owner: { login: repository.split('/')[0] } },
  };
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'hoist-event-')), 'event.json');
  writeFileSync(file, JSON.stringify(payload));
  return { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: file };
}

export async function startGitHubFake(options: { repository?: string } = {}): Promise<GitHubFake> {
  const repository = options.repository ?? 'octo/app';
  let issues = new Map<number, FakeIssue>();
  let comments = new Map<number, FakeComment>();
  let deployments = new Map<number, FakeDeployment>();
  let log: FakeRequest[] = [];
  let nextNumber = 1;
  let nextCommentId = 1000;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const now = () => new Date().toISOString();

  const issueJson = (i: FakeIssue) => ({
    id: 100000 + i.number,
    number: i.number,
    title: i.title,
    body: i.body,
    state: i.state,
    state_reason: i.stateReason,
    labels: i.labels.map((name) => ({ name })),
    user: { login: i.user },
    html_url: `https://github.com/${repository}/${i.isPullRequest ? 'pull' : 'issues'}/${i.number}`,
    ...(i.isPullRequest ? { pull_request: { url: `${url}/repos/${repository}/pulls/${i.number}` } } : {}),
  });
  const commentJson = (c: FakeComment) => ({
    id: c.id,
    body: c.body,
    user: { login: c.user },
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    html_url: `https://github.com/${repository}/issues/${c.issueNumber}#issuecomment-${c.id}`,
  });

  const addIssue = (issue: Partial<FakeIssue> & { title: string }): FakeIssue => {
    const number = issue.number ?? nextNumber;
    nextNumber = Math.max(nextNumber, number + 1);
    const created: FakeIssue = {
      number,
      title: issue.title,
      body: issue.body ?? '',
      state: issue.state ?? 'open',
      stateReason: issue.stateReason ?? null,
      labels: issue.labels ?? [],
      isPullRequest: issue.isPullRequest ?? false,
      user: issue.user ?? BOT,
      ...(issue.headSha ? { headSha: issue.headSha } : {}),
    };
    issues.set(number, created);
    return created;
  };
  const addComment = (issueNumber: number, body: string, user = BOT): FakeComment => {
    const c: FakeComment = { id: nextCommentId++, issueNumber, body, user, createdAt: now(), updatedAt: now() };
    comments.set(c.id, c);
    return c;
  };

  function page<T>(items: T[], query: Record<string, string>, res: ServerResponse, pathname: string): T[] {
    const perPage = Math.min(100, Math.max(1, Number(query['per_page'] ?? 30)));
    const pageNo = Math.max(1, Number(query['page'] ?? 1));
    const slice = items.slice((pageNo - 1) * perPage, pageNo * perPage);
    if (pageNo * perPage < items.length) {
      const next = new URLSearchParams({ ...query, page: String(pageNo + 1), per_page: String(perPage) });
      res.setHeader('link', `<${url}${pathname}?${next}>; rel="next"`);
    }
    return slice;
  }

  type Answer = { status: number; body?: unknown };
  const notFound: Answer = {
    status: 404,
    body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' },
  };

  function route(
    method: string,
    pathname: string,
    query: Record<string, string>,
    body: Record<string, unknown>,
    res: ServerResponse,
  ): Answer {
    const repoPrefix = `/repos/${repository}`;
    if (method === 'GET' && pathname === '/search/issues') {
      const q = query['q'] ?? '';
      const labels = [...q.matchAll(/label:"?([^"\s]+)"?/g)].map((m) => m[1] ?? '');
      const state = /state:(open|closed)/.exec(q)?.[1];
      const found = [...issues.values()].filter(
        (i) =>
          labels.every((l) => i.labels.includes(l)) &&
          (!state || i.state === state) &&
          (!/is:issue/.test(q) || !i.isPullRequest),
      );
      const items = page(found, query, res, pathname).map(issueJson);
      return { status: 200, body: { total_count: found.length, incomplete_results: false, items } };
    }
    if (!pathname.startsWith(repoPrefix + '/')) return notFound;
    const rest = pathname.slice(repoPrefix.length);
    let m: RegExpExecArray | null;
    if ((m = /^\/pulls\/(\d+)$/.exec(rest)) && method === 'GET') {
      const pull = issues.get(Number(m[1]));
      if (!pull?.isPullRequest) return notFound;
      return {
        status: 200,
        body: { number: pull.number, title: pull.title, state: pull.state, head: { sha: pull.headSha } },
      };
    }
    if (rest === '/deployments' && method === 'POST') {
      if (typeof body['ref'] !== 'string' || body['ref'] === '')
        return { status: 422, body: { message: 'Validation Failed: ref' } };
      const d: FakeDeployment = {
        id: 7000 + deployments.size + 1,
        ref: body['ref'],
        environment: typeof body['environment'] === 'string' ? body['environment'] : 'production',
        description: typeof body['description'] === 'string' ? body['description'] : '',
        payload: body['payload'] ?? {},
        statuses: [],
      };
      deployments.set(d.id, d);
      return { status: 201, body: { id: d.id, ref: d.ref, environment: d.environment, description: d.description } };
    }
    if ((m = /^\/deployments\/(\d+)\/statuses$/.exec(rest)) && method === 'POST') {
      const d = deployments.get(Number(m[1]));
      if (!d) return notFound;
      const states = ['error', 'failure', 'inactive', 'in_progress', 'queued', 'pending', 'success'];
      if (typeof body['state'] !== 'string' || !states.includes(body['state']))
        return { status: 422, body: { message: 'Validation Failed: state' } };
      const text = (k: string) => (typeof body[k] === 'string' ? { [k]: body[k] } : {});
      const status = {
        state: body['state'],
        ...(typeof body['environment_url'] === 'string' ? { environmentUrl: body['environment_url'] } : {}),
        ...(typeof body['log_url'] === 'string' ? { logUrl: body['log_url'] } : {}),
        ...text('description'),
      };
      d.statuses.push(status);
      return { status: 201, body: { id: d.statuses.length, state: status.state } };
    }
    if ((m = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
      const issue = issues.get(Number(m[1]));
      if (!issue) return notFound;
      if (method === 'GET') {
        const all = [...comments.values()].filter((c) => c.issueNumber === issue.number).sort((a, b) => a.id - b.id);
        return { status: 200, body: page(all, query, res, pathname).map(commentJson) };
      }
      if (method === 'POST') {
        if (typeof body['body'] !== 'string') return { status: 422, body: { message: 'Validation Failed: body' } };
        return { status: 201, body: commentJson(addComment(issue.number, body['body'])) };
      }
    }
    if ((m = /^\/issues\/comments\/(\d+)$/.exec(rest))) {
      const comment = comments.get(Number(m[1]));
      if (!comment) return notFound;
      if (method === 'GET') return { status: 200, body: commentJson(comment) };
      if (method === 'PATCH') {
        if (typeof body['body'] !== 'string') return { status: 422, body: { message: 'Validation Failed: body' } };
        comment.body = body['body'];
        comment.updatedAt = now();
        return { status: 200, body: commentJson(comment) };
      }
      if (method === 'DELETE') {
        comments.delete(comment.id);
        return { status: 204 };
      }
    }
    if (rest === '/issues') {
      if (method === 'GET') {
        const state = query['state'] ?? 'open';
        const labels = (query['labels'] ?? '').split(',').filter(Boolean);
        const found = [...issues.values()]
          .filter((i) => (state === 'all' || i.state === state) && labels.every((l) => i.labels.includes(l)))
          .sort((a, b) => b.number - a.number);
        return { status: 200, body: page(found, query, res, pathname).map(issueJson) };
      }
      if (method === 'POST') {
        if (typeof body['title'] !== 'string' || body['title'] === '')
          return { status: 422, body: { message: 'Validation Failed: title' } };
        const labels = Array.isArray(body['labels'])
          ? body['labels'].map((l) => (typeof l === 'string' ? l : String((l as { name?: unknown }).name)))
          : [];
        const issue = addIssue({
          title: body['title'],
          body: typeof body['body'] === 'string' ? body['body'] : '',
          labels,
        });
        return { status: 201, body: issueJson(issue) };
      }
    }
    if ((m = /^\/issues\/(\d+)$/.exec(rest))) {
      const issue = issues.get(Number(m[1]));
      if (!issue) return notFound;
      if (method === 'GET') return { status: 200, body: issueJson(issue) };
      if (method === 'PATCH') {
        if (typeof body['title'] === 'string') issue.title = body['title'];
        if (typeof body['body'] === 'string') issue.body = body['body'];
        if (body['state'] === 'open' || body['state'] === 'closed') {
          issue.state = body['state'];
          issue.stateReason =
            body['state'] === 'closed'
              ? typeof body['state_reason'] === 'string'
                ? body['state_reason']
                : 'completed'
              : 'reopened';
        }
        if (Array.isArray(body['labels'])) issue.labels = body['labels'].map(String);
        return { status: 200, body: issueJson(issue) };
      }
    }
    return notFound;
  }

  function readBody(req: IncomingMessage): Promise<string> {
    return new Promise((resolve, reject) => {
      let data = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (data += chunk));
      req.on('end', () => resolve(data));
      req.on('error', reject);
    });
  }

  const server = createServer((req, res) => {
    void (async () => {
      const parsed = new URL(req.url ?? '/', url);
      const method = req.method ?? 'GET';
      const query = Object.fromEntries(parsed.searchParams);
      const text = await readBody(req);
      let body: Record<string, unknown>;
      try {
        body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      } catch {
        body = {};
      }
      const token = /^(?:token|bearer)\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
      let answer: Answer;
      if (token !== GITHUB_FAKE_TOKEN && token !== GITHUB_FAKE_READONLY_TOKEN) {
        answer = {
          status: 401,
          body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' },
        };
      } else if (token === GITHUB_FAKE_READONLY_TOKEN && method !== 'GET' && method !== 'HEAD') {
        answer = {
          status: 403,
          body: {
            message: 'Resource not accessible by integration',
            documentation_url: 'https://docs.github.com/rest',
          },
        };
      } else {
        answer = route(method, parsed.pathname, query, body, res);
      }
      log.push({ method, path: parsed.pathname, query, body: text ? body : undefined, status: answer.status, token });
      res.setHeader('x-ratelimit-remaining', '4999');
      if (answer.body === undefined) {
        res.writeHead(answer.status).end();
      } else {
        res
          .writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8' })
          .end(JSON.stringify(answer.body));
      }
    })().catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(`github fake failed: ${String(error)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });

  return {
    url,
    repository,
    env: { GITHUB_API_URL: url, GITHUB_REPOSITORY: repository },
    addPullRequest: (number, o = {}) =>
      addIssue({
        number,
        title: o.title ?? `PR ${number}`,
        isPullRequest: true,
        user: 'octocat',
        headSha: o.headSha ?? '0'.repeat(40),
      }),
    addIssue,
    addComment,
    issues: (filter = {}) =>
      [...issues.values()]
        .filter(
          (i) =>
            !i.isPullRequest &&
            (!filter.label || i.labels.includes(filter.label)) &&
            (!filter.state || i.state === filter.state),
        )
        .sort((a, b) => a.number - b.number)
        .map((i) => ({ ...i, labels: [...i.labels] })),
    issue: (number) => {
      const i = issues.get(number);
      return i ? { ...i, labels: [...i.labels] } : undefined;
    },
    comments: (issueNumber) =>
      [...comments.values()]
        .filter((c) => c.issueNumber === issueNumber)
        .sort((a, b) => a.id - b.id)
        .map((c) => ({ ...c })),
    deployments: () => [...deployments.values()].map((d) => ({ ...d, statuses: d.statuses.map((x) => ({ ...x })) })),
    requests: () => log.map((r) => ({ ...r })),
    writes: () => log.filter((r) => !['GET', 'HEAD'].includes(r.method)).map((r) => ({ ...r })),
    clearRequests: () => {
      log = [];
    },
    reset: () => {
      issues = new Map();
      comments = new Map();
      deployments = new Map();
      log = [];
      nextNumber = 1;
      nextCommentId = 1000;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
