/**
 * Scenario proxy: a loopback HTTP server between the AWS SDK and moto_server. It forwards every request unchanged
 * (method, path, headers, body bytes) and returns moto's answer, except where a rule answers instead. It plays what
 * moto cannot: throttling bursts, 5xx, connection resets, slow answers, scripted answers (a stack that rolls back,
 * service quotas, ECS rollouts). Clients get `AWS_ENDPOINT_URL=<proxy.url>` (`proxy.env` has it all).
 *
 *   const proxy = await startScenarioProxy(moto.url);
 *   proxy.addRule({ service: 'cloudformation', operation: 'DescribeStacks', effect: sequence(
 *     respond(describeStacksAnswer([{ StackName: 'app', StackStatus: 'UPDATE_IN_PROGRESS' }])),
 *     respond(describeStacksAnswer([{ StackName: 'app', StackStatus: 'UPDATE_ROLLBACK_COMPLETE' }])),
 *   ) });
 *
 * A rule matches a request on:
 * - `service`: the SigV4 credential scope's service (`cloudformation`, `sts`, `ecs`, `ecr`, `s3`, `servicequotas`,
 *   `secretsmanager`, `ssm`, `ec2`, `iam`, `autoscaling`; `unknown` for unsigned requests). One name or a list.
 * - `operation`: query protocols (CloudFormation, STS, IAM, Auto Scaling, EC2) the `Action=` parameter; JSON
 *   protocols the part of `X-Amz-Target` after the dot; REST protocols (S3) `METHOD /path` without the query string,
 *   e.g. `PUT /bucket/key` — the same naming as moto's recorder in moto.ts. A name, a list, or a RegExp.
 * - `params`: values that must be equal (as strings) in the request's parameters: the form fields of query protocols
 *   (flattened: `Parameters.member.1.ParameterKey`), the top-level members of a JSON body, the URL query of REST.
 * - `where`: any predicate on the call (see `ProxyCall`).
 * - which call: every matching request counts, retries included (a retry is another HTTP request). `nth` (1-based)
 *   starts the rule at the nth matching request; `times` is how many matching requests it answers (default: 1 with
 *   `nth`, otherwise all). Each rule counts its own matches, whether or not it answered them.
 * The first rule (in the order added) that matches and is inside its nth/times window decides; none → forward.
 *
 * Effects (build them with the functions below): `forward()`; `delay(ms)` waits, then forwards if the client is still
 * waiting (a client that gave up — its request timeout — never reaches moto: the call had no effect);
 * `delay(ms, { processed: true })` forwards at once and holds moto's answer (the call took effect, the answer was
 * late: for idempotency tests); `error(spec)` / `throttle()` / `serverError(500|503)` answer an AWS error in the
 * request's protocol (see aws-shapes.ts); `reset()` destroys the connection without an answer (ECONNRESET);
 * `respond(answer)` answers a scripted response (aws-shapes.ts builds AWS-shaped ones); `sequence(...effects)` uses
 * one effect per matching request and repeats the last once they are used up (end with `forward()` to hand back to
 * moto). `effect` may also be a function of the call returning an effect. `label(effect, 'x')` names it in the log.
 *
 * `faults(model)` is a rule for reliability tests: each logical call (one SDK operation call, its retries recognised
 * by the `amz-sdk-invocation-id` header) has `probability` of 1..maxConsecutive consecutive transient failures
 * (throttle, 5xx, reset, slow) before it is forwarded. The plan for the k-th call of a service:operation is a pure
 * function of (seed, service, operation, k): the same seed gives the same failures. Requests without an invocation
 * id are never faulted (a retry could not be told from a new call).
 *
 * Every request is logged (`calls()`, `count()`, `countByOperation()`): service, operation, status, the rule and
 * effect that answered, the error code answered (by a rule or by moto), timing.
 */
import { createHash } from 'node:crypto';
import { createServer, request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  detectProtocol,
  renderError,
  serverError as serverErrorSpec,
  throttlingError,
  type AwsErrorSpec,
  type AwsProtocol,
  type ScriptedAnswer,
} from './aws-shapes.js';
import { awsEnvFor } from './moto.js';
import { freePort } from './ports.js';

/** One request as rules see it. */
export interface ProxyCall {
  /** 1-based order of arrival at the proxy. */
  seq: number;
  service: string;
  operation: string;
  protocol: AwsProtocol;
  method: string;
  /** The URL path without the query string. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  params: Record<string, unknown>;
  body: Buffer;
  /** `amz-sdk-invocation-id`: the same for every attempt of one SDK call. */
  invocationId: string | undefined;
  /** From `amz-sdk-request: attempt=N; max=M`. */
  attempt: number | undefined;
}

type EffectBase = { label?: string };
export type Effect = EffectBase &
  (
    | { kind: 'forward' }
    | { kind: 'delay'; ms: number; processed: boolean }
    | { kind: 'error'; error: AwsErrorSpec | ((call: ProxyCall) => AwsErrorSpec) }
    | { kind: 'reset' }
    | { kind: 'respond'; answer: ScriptedAnswer | ((call: ProxyCall) => ScriptedAnswer) }
    | { kind: 'sequence'; effects: Effect[] }
  );

export interface Rule {
  /** Shown in the call log; defaults to `service:operation#n`. */
  name?: string;
  service?: string | string[];
  operation?: string | string[] | RegExp;
  params?: Record<string, string | number | boolean>;
  where?: (call: ProxyCall) => boolean;
  nth?: number;
  times?: number;
  effect: Effect | ((call: ProxyCall) => Effect);
}

export type EffectKind = 'forward' | 'delay' | 'error' | 'reset' | 'respond';

/** One request in the proxy's log. */
export interface CallRecord {
  seq: number;
  service: string;
  operation: string;
  method: string;
  path: string;
  params: Record<string, unknown>;
  invocationId: string | undefined;
  attempt: number | undefined;
  /** HTTP status sent to the client; 0 when none was (reset, or the client had already given up). */
  status: number;
  /** The rule that decided, or undefined when no rule matched (forwarded). */
  rule: string | undefined;
  effect: EffectKind;
  /** The effect's label (the fault kind for `faults()`). */
  label: string | undefined;
  /** The AWS error code in the answer, whether a rule or moto sent it. */
  errorCode: string | undefined;
  /** The client closed the connection before an answer was sent (e.g. its request timeout). */
  clientGone: boolean;
  startedAt: number;
  durationMs: number;
}

export interface CallFilter {
  service?: string;
  operation?: string;
  rule?: string;
  label?: string;
}

export interface ScenarioProxy {
  url: string;
  port: number;
  /** Environment for a process whose AWS calls must go through this proxy. */
  env: Record<string, string>;
  addRule(rule: Rule): Rule;
  removeRule(rule: Rule): void;
  /** Removes every rule (and with them their counters and fault plans). */
  clearRules(): void;
  calls(filter?: CallFilter | string): CallRecord[];
  /** How many requests match (a string is an operation name). */
  count(filter?: CallFilter | string): number;
  /** Requests per `service:Operation`. */
  countByOperation(): Record<string, number>;
  /** Empties the call log (rules stay). */
  clear(): void;
  close(): Promise<void>;
}

// ---- effect builders ----

export const forward = (): Effect => ({ kind: 'forward' });
export const delay = (ms: number, options: { processed?: boolean } = {}): Effect => ({
  kind: 'delay',
  ms,
  processed: options.processed ?? false,
});
export const error = (spec: AwsErrorSpec | ((call: ProxyCall) => AwsErrorSpec)): Effect => ({
  kind: 'error',
  error: spec,
});
/** The service's own throttling error (`Throttling`, `RequestLimitExceeded`, `ThrottlingException`, `SlowDown`, …). */
export const throttle = (): Effect => error((call) => throttlingError(call.service, call.protocol));
export const serverError = (status: 500 | 503 = 500): Effect => error((call) => serverErrorSpec(call.protocol, status));
export const reset = (): Effect => ({ kind: 'reset' });
export const respond = (answer: ScriptedAnswer | ((call: ProxyCall) => ScriptedAnswer)): Effect => ({
  kind: 'respond',
  answer,
});
export const sequence = (...effects: Effect[]): Effect => ({ kind: 'sequence', effects });
export const label = (effect: Effect, name: string): Effect => ({ ...effect, label: name });

// ---- fault model ----

export type FaultKind = 'throttle' | '5xx' | 'reset' | 'slow';

export interface FaultModel {
  /** Chance (0..1) that a logical call meets transient failures before it is forwarded. */
  probability: number;
  seed: number | string;
  kinds: FaultKind[];
  /** At most this many consecutive failures per call (default 2); keep it below the client's max attempts. */
  maxConsecutive?: number;
  /** How long a `slow` answer is held: set it above the client's request timeout. */
  slowMs?: number;
  /** Only these services (default: every signed AWS call). */
  services?: string[];
  operations?: string[];
}

/** The failures planned for the `ordinal`-th logical call of `service:operation`: a pure function of the seed. */
export function faultPlan(model: FaultModel, service: string, operation: string, ordinal: number): Effect[] {
  const digest = createHash('sha256').update(`${model.seed}\0${service}\0${operation}\0${ordinal}`).digest();
  const uniform = (i: number) => digest.readUInt32BE((i % 8) * 4) / 2 ** 32;
  if (uniform(0) >= model.probability) return [];
  const count = 1 + Math.floor(uniform(1) * (model.maxConsecutive ?? 2));
  return Array.from({ length: count }, (_, i) => {
    const kind = model.kinds[Math.floor(uniform(2 + i) * model.kinds.length)] ?? 'throttle';
    switch (kind) {
      case 'throttle':
        return label(throttle(), kind);
      case '5xx':
        return label(serverError(uniform(5 + i) < 0.5 ? 500 : 503), kind);
      case 'reset':
        return label(reset(), kind);
      case 'slow':
        return label(delay(model.slowMs ?? 0), kind);
    }
  });
}

/** A rule that injects the fault model's transient failures (see the module comment). */
export function faults(model: FaultModel): Rule {
  if (!(model.probability >= 0 && model.probability <= 1)) throw new Error('faults: probability must be within 0..1');
  if (model.kinds.length === 0) throw new Error('faults: kinds must name at least one fault kind');
  if ((model.maxConsecutive ?? 2) < 1) throw new Error('faults: maxConsecutive must be at least 1');
  if (model.kinds.includes('slow') && !(model.slowMs && model.slowMs > 0)) {
    throw new Error('faults: the slow kind needs slowMs (longer than the client request timeout)');
  }
  const plans = new Map<string, { plan: Effect[]; served: number }>();
  const ordinals = new Map<string, number>();
  return {
    name: 'faults',
    ...(model.services ? { service: model.services } : {}),
    ...(model.operations ? { operation: model.operations } : {}),
    where: (call) => call.invocationId !== undefined && call.service !== 'unknown',
    effect: (call) => {
      const id = call.invocationId ?? '';
      let entry = plans.get(id);
      if (!entry) {
        const key = `${call.service}:${call.operation}`;
        const ordinal = (ordinals.get(key) ?? 0) + 1;
        ordinals.set(key, ordinal);
        entry = { plan: faultPlan(model, call.service, call.operation, ordinal), served: 0 };
        plans.set(id, entry);
      }
      return entry.plan[entry.served++] ?? forward();
    },
  };
}

// ---- request parsing ----

function serviceOf(headers: IncomingHttpHeaders, query: URLSearchParams): string {
  const scope = /Credential=[^/]+\/[^/]+\/[^/]+\/([^/]+)\//.exec(headers.authorization ?? '')?.[1];
  return scope ?? query.get('X-Amz-Credential')?.split('/')[3] ?? 'unknown';
}

function parseParams(protocol: AwsProtocol, body: Buffer, query: URLSearchParams): Record<string, unknown> {
  if (protocol === 'query' || protocol === 'ec2') {
    const form = body.length > 0 ? new URLSearchParams(body.toString('utf8')) : query;
    return Object.fromEntries(form);
  }
  if ((protocol === 'json1.0' || protocol === 'json1.1' || protocol === 'rest-json') && body.length > 0) {
    try {
      const parsed: unknown = JSON.parse(body.toString('utf8'));
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
        return { ...Object.fromEntries(query), ...(parsed as Record<string, unknown>) };
      }
    } catch {
      // Not JSON after all: fall back to the URL query.
    }
  }
  return Object.fromEntries(query);
}

function describeRequest(seq: number, req: IncomingMessage, body: Buffer): ProxyCall {
  const url = new URL(req.url ?? '/', 'http://proxy');
  const method = req.method ?? 'GET';
  const service = serviceOf(req.headers, url.searchParams);
  const protocol = detectProtocol(service, req.headers);
  const params = parseParams(protocol, body, url.searchParams);
  const target = req.headers['x-amz-target'];
  const action = params['Action'];
  const operation =
    typeof target === 'string'
      ? target.slice(target.lastIndexOf('.') + 1)
      : (protocol === 'query' || protocol === 'ec2') && typeof action === 'string'
        ? action
        : `${method} ${url.pathname}`;
  const invocationId = req.headers['amz-sdk-invocation-id'];
  const attempt = /attempt=(\d+)/.exec(String(req.headers['amz-sdk-request'] ?? ''))?.[1];
  return {
    seq,
    service,
    operation,
    protocol,
    method,
    path: url.pathname,
    query: url.searchParams,
    headers: req.headers,
    params,
    body,
    invocationId: typeof invocationId === 'string' ? invocationId : undefined,
    attempt: attempt === undefined ? undefined : Number(attempt),
  };
}

/** The AWS error code of an answer body (XML `<Code>` or JSON `__type`/header), for the log. */
function errorCodeOf(status: number, headers: Record<string, string | string[] | undefined>, body: Buffer) {
  if (status < 300) return undefined;
  const header = headers['x-amzn-errortype'];
  if (typeof header === 'string') return header.split(':')[0];
  const text = body.toString('utf8', 0, Math.min(body.length, 4096));
  const xml = /<Code>([^<]+)<\/Code>/.exec(text)?.[1];
  if (xml) return xml;
  const json = /"(?:__type|code)"\s*:\s*"([^"]+)"/.exec(text)?.[1];
  return json ? (json.split('#').pop() ?? json) : `HTTP${status}`;
}

// ---- rules ----

interface InstalledRule {
  rule: Rule;
  name: string;
  matched: number;
}

function ruleMatches(rule: Rule, call: ProxyCall): boolean {
  if (rule.service !== undefined) {
    const services = Array.isArray(rule.service) ? rule.service : [rule.service];
    if (!services.includes(call.service)) return false;
  }
  if (rule.operation !== undefined) {
    const op = rule.operation;
    const ok =
      op instanceof RegExp
        ? op.test(call.operation)
        : Array.isArray(op)
          ? op.includes(call.operation)
          : op === call.operation;
    if (!ok) return false;
  }
  for (const [key, expected] of Object.entries(rule.params ?? {})) {
    if (String(call.params[key]) !== String(expected)) return false;
  }
  return rule.where ? rule.where(call) : true;
}

/** Every matching rule counts the request; the first whose nth/times window holds it decides. */
function chooseRule(rules: InstalledRule[], call: ProxyCall): InstalledRule | undefined {
  let chosen: InstalledRule | undefined;
  for (const installed of rules) {
    if (!ruleMatches(installed.rule, call)) continue;
    installed.matched += 1;
    const start = installed.rule.nth ?? 1;
    const times = installed.rule.times ?? (installed.rule.nth !== undefined ? 1 : Infinity);
    if (!chosen && installed.matched >= start && installed.matched < start + times) chosen = installed;
  }
  return chosen;
}

function ruleName(rule: Rule, index: number): string {
  if (rule.name) return rule.name;
  const op = rule.operation instanceof RegExp ? String(rule.operation) : [rule.operation ?? '*'].flat().join('|');
  return `${[rule.service ?? '*'].flat().join('|')}:${op}#${index}`;
}

// ---- the server ----

interface UpstreamAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  rawHeaders: string[];
  body: Buffer;
}

/** Hop-by-hop headers belong to one connection, not to the request; `expect` was already answered by this hop. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'upgrade', 'te', 'trailer', 'expect']);

function forwardHeaders(rawHeaders: string[], dropTransferEncoding: boolean): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i] ?? '';
    const lower = name.toLowerCase();
    if (HOP_BY_HOP.has(lower) || (dropTransferEncoding && lower === 'transfer-encoding')) continue;
    headers[name] = headers[name] === undefined ? (rawHeaders[i + 1] ?? '') : `${headers[name]}, ${rawHeaders[i + 1]}`;
  }
  return headers;
}

function readBody(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/** Starts a proxy in front of `targetUrl` (moto's URL) on a free loopback port. */
export async function startScenarioProxy(targetUrl: string): Promise<ScenarioProxy> {
  const target = new URL(targetUrl);
  const rules: InstalledRule[] = [];
  const sequencePositions = new WeakMap<Effect, number>();
  let log: CallRecord[] = [];
  let seq = 0;
  let ruleCount = 0;
  const closing = new AbortController();

  /** Resolves function effects and sequences down to one concrete effect for this call. */
  function resolveEffect(effect: Effect | ((call: ProxyCall) => Effect), call: ProxyCall): Effect {
    const concrete = typeof effect === 'function' ? effect(call) : effect;
    if (concrete.kind !== 'sequence') return concrete;
    if (concrete.effects.length === 0) return forward();
    const position = sequencePositions.get(concrete) ?? 0;
    sequencePositions.set(concrete, position + 1);
    const next = concrete.effects[Math.min(position, concrete.effects.length - 1)] ?? forward();
    return resolveEffect(next, call);
  }

  function callUpstream(req: IncomingMessage, body: Buffer): Promise<UpstreamAnswer> {
    const chunked = /chunked/i.test(String(req.headers['transfer-encoding'] ?? ''));
    return new Promise((resolve, reject) => {
      const upstream = httpRequest(
        {
          hostname: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          // Host and every signed header go through as the client sent them.
          headers: forwardHeaders(req.rawHeaders, !chunked),
          agent: false,
        },
        (response) => {
          readBody(response).then(
            (answerBody) =>
              resolve({
                status: response.statusCode ?? 502,
                headers: response.headers,
                rawHeaders: response.rawHeaders,
                body: answerBody,
              }),
            reject,
          );
        },
      );
      upstream.on('error', reject);
      if (body.length > 0) upstream.end(body);
      else upstream.end();
    });
  }

  function send(req: IncomingMessage, res: ServerResponse, answer: UpstreamAnswer | ScriptedAnswer): void {
    if ('rawHeaders' in answer) {
      const headers = forwardHeaders(answer.rawHeaders, true);
      const hasLength = Object.keys(headers).some((h) => h.toLowerCase() === 'content-length');
      if (!hasLength && req.method !== 'HEAD') headers['Content-Length'] = String(answer.body.length);
      res.writeHead(answer.status, headers);
    } else {
      const body = Buffer.from(answer.body);
      res.writeHead(answer.status, { ...answer.headers, 'content-length': String(body.length) });
      answer = { ...answer, body };
    }
    res.end(req.method === 'HEAD' ? undefined : answer.body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const startedAt = Date.now();
    let clientGone = false;
    res.on('close', () => {
      if (!res.writableFinished) clientGone = true;
    });
    const body = await readBody(req);
    const call = describeRequest(++seq, req, body);
    const installed = chooseRule(rules, call);
    const effect = installed ? resolveEffect(installed.rule.effect, call) : forward();
    const record: CallRecord = {
      seq: call.seq,
      service: call.service,
      operation: call.operation,
      method: call.method,
      path: call.path,
      params: call.params,
      invocationId: call.invocationId,
      attempt: call.attempt,
      status: 0,
      rule: installed?.name,
      effect: effect.kind === 'sequence' ? 'forward' : effect.kind,
      label: effect.label,
      errorCode: undefined,
      clientGone: false,
      startedAt,
      durationMs: 0,
    };
    log.push(record);
    const answer = (status: number, errorCode: string | undefined, sendIt: () => void) => {
      if (clientGone || res.destroyed) {
        clientGone = true;
      } else {
        sendIt();
        record.status = status;
      }
      record.errorCode = errorCode;
    };
    const forwardNow = async (holdMs = 0) => {
      let upstream: UpstreamAnswer;
      try {
        upstream = await callUpstream(req, body);
      } catch (cause) {
        const message = `scenario proxy: moto did not answer: ${(cause as Error).message}`;
        answer(502, 'ProxyUpstreamError', () => send(req, res, { status: 502, headers: {}, body: message }));
        return;
      }
      if (holdMs > 0) await sleep(holdMs, undefined, { signal: closing.signal });
      const code = errorCodeOf(upstream.status, upstream.headers, upstream.body);
      answer(upstream.status, code, () => send(req, res, upstream));
    };

    try {
      switch (effect.kind) {
        case 'forward':
        case 'sequence':
          await forwardNow();
          break;
        case 'delay':
          if (effect.processed) {
            await forwardNow(effect.ms);
          } else {
            await sleep(effect.ms, undefined, { signal: closing.signal });
            if (clientGone || res.destroyed) clientGone = true;
            else await forwardNow();
          }
          break;
        case 'error': {
          const spec = typeof effect.error === 'function' ? effect.error(call) : effect.error;
          answer(spec.status, spec.code, () => send(req, res, renderError(call.service, call.protocol, spec)));
          break;
        }
        case 'respond': {
          const scripted = typeof effect.answer === 'function' ? effect.answer(call) : effect.answer;
          const code = errorCodeOf(scripted.status, scripted.headers, Buffer.from(scripted.body));
          answer(scripted.status, code, () => send(req, res, scripted));
          break;
        }
        case 'reset':
          req.socket.resetAndDestroy();
          break;
      }
    } catch (cause) {
      if (closing.signal.aborted) {
        res.destroy();
      } else if (!res.headersSent) {
        const message = `scenario proxy failed: ${(cause as Error).stack ?? String(cause)}`;
        res.writeHead(500, { 'content-type': 'text/plain' }).end(message);
        record.status = 500;
        record.errorCode = 'ProxyError';
      }
    } finally {
      record.clientGone = clientGone;
      record.durationMs = Date.now() - startedAt;
    }
  }

  const server = createServer((req, res) => {
    // A client that hangs up in the middle of its request body leaves nothing to answer.
    handle(req, res).catch(() => res.destroy());
  });
  const port = await freePort();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${port}`;

  const matchesFilter = (record: CallRecord, filter: CallFilter | string | undefined): boolean => {
    if (filter === undefined) return true;
    const f: CallFilter = typeof filter === 'string' ? { operation: filter } : filter;
    return (
      (f.service === undefined || record.service === f.service) &&
      (f.operation === undefined || record.operation === f.operation) &&
      (f.rule === undefined || record.rule === f.rule) &&
      (f.label === undefined || record.label === f.label)
    );
  };

  return {
    url,
    port,
    env: awsEnvFor(url),
    addRule(rule) {
      if (rule.nth !== undefined && !(Number.isInteger(rule.nth) && rule.nth >= 1)) {
        throw new Error(`scenario proxy: nth must be a whole number from 1, got ${rule.nth}`);
      }
      if (rule.times !== undefined && !(rule.times >= 1)) {
        throw new Error(`scenario proxy: times must be at least 1, got ${rule.times}`);
      }
      rules.push({ rule, name: ruleName(rule, ++ruleCount), matched: 0 });
      return rule;
    },
    removeRule(rule) {
      const index = rules.findIndex((r) => r.rule === rule);
      if (index >= 0) rules.splice(index, 1);
    },
    clearRules() {
      rules.length = 0;
    },
    calls: (filter) => log.filter((r) => matchesFilter(r, filter)).map((r) => ({ ...r })),
    count: (filter) => log.filter((r) => matchesFilter(r, filter)).length,
    countByOperation() {
      const counts: Record<string, number> = {};
      for (const r of log) counts[`${r.service}:${r.operation}`] = (counts[`${r.service}:${r.operation}`] ?? 0) + 1;
      return counts;
    },
    clear() {
      log = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        closing.abort();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
