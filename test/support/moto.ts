import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hoistActionOf, iamAction, recordCensus, type CensusEntry } from './iam-census.js';
import { freePort, waitForHttp } from './ports.js';

/** One AWS API call as moto's recorder saw it. */
export interface RecordedCall {
  method: string;
  url: string;
  service: string;
  /** The operation: `Action=` of query protocols, X-Amz-Target of JSON protocols, METHOD path for REST. */
  operation: string;
  userAgent?: string;
}

export interface Moto {
  url: string;
  port: number;
  /** Environment for a process that must talk to this moto (endpoint, fake credentials, region, no IMDS). */
  env: Record<string, string>;
  reset(): Promise<void>;
  startRecording(): Promise<void>;
  stopRecording(): Promise<void>;
  recorded(): Promise<RecordedCall[]>;
  stop(): Promise<void>;
}

export const MOTO_INSTALL_HINT =
  'moto_server was not found on PATH. Install it with: pip install "moto[server]==5.2.1" (CI installs it; the tests never skip without it).';

/** Fails loudly — never skips — when moto_server is missing. */
export function requireMoto(): void {
  const probe = spawnSync('moto_server', ['--help'], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0) throw new Error(MOTO_INSTALL_HINT);
}

/** Environment that points the AWS SDK (and awscli) at a local endpoint with fake, non-secret credentials. */
export function awsEnvFor(url: string, region = 'us-east-1'): Record<string, string> {
  return {
    AWS_ENDPOINT_URL: url,
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_SESSION_TOKEN: 'testing',
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
    // Never reach for an instance metadata service from a test.
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}

/** Starts moto_server on a free loopback port; `extraEnv` e.g. MOTO_ECS_SERVICE_RUNNING. */
export async function startMoto(extraEnv: Record<string, string> = {}): Promise<Moto> {
  requireMoto();
  const port = await freePort();
  // moto's recorder writes its file into the working directory: a temporary one, removed when moto stops.
  const cwd = mkdtempSync(path.join(tmpdir(), 'hoist-moto-'));
  const removeCwd = () => rmSync(cwd, { recursive: true, force: true });
  const child: ChildProcess = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], {
    cwd,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ...extraEnv },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}/moto-api/`, 20_000, () => child.exitCode === null);
  } catch (error) {
    child.kill('SIGKILL');
    removeCwd();
    throw new Error(`moto_server did not start: ${(error as Error).message}\n${stderr}`, { cause: error });
  }
  // Recording from the start: the call census (iam-census.ts) checks every hoist call against its policy.
  await fetch(`${url}/moto-api/recorder/start-recording`, { method: 'POST' }).then((r) => r.arrayBuffer());
  const post = async (path: string) => {
    const response = await fetch(`${url}${path}`, { method: 'POST' });
    await response.arrayBuffer();
  };
  return {
    url,
    port,
    env: awsEnvFor(url),
    reset: () => post('/moto-api/reset'),
    startRecording: async () => {
      // The census keeps what was recorded so far before a test starts its own recording.
      await keepCensus();
      await post('/moto-api/recorder/reset-recording');
      await post('/moto-api/recorder/start-recording');
    },
    // The recorder keeps running for the census; a test reads its window with recorded() right after.
    stopRecording: async () => undefined,
    recorded,
    stop: async () => {
      await keepCensus().catch(() => undefined);
      await stopProcess();
    },
  };

  async function recorded(): Promise<RecordedCall[]> {
    const response = await fetch(`${url}/moto-api/recorder/download-recording`);
    return parseRecording(await response.text());
  }

  /** Every call a hoist action made, by its User-Agent, into the census the global teardown checks. */
  async function keepCensus(): Promise<void> {
    if (child.exitCode !== null) return;
    const entries: CensusEntry[] = [];
    // A recording moto cannot serve back (it answers an HTML error for some bodies) costs this window of the census.
    let calls: RecordedCall[];
    try {
      calls = await recorded();
    } catch {
      return;
    }
    for (const call of calls) {
      const action = hoistActionOf(call.userAgent);
      if (!action || call.service === 'unknown') continue;
      const url = new URL(call.url, 'http://x');
      const path = call.service === 's3' ? url.pathname : '/';
      // The RPC v2 (CBOR) protocol names the operation in the path: /service/<service>/operation/<Operation>.
      const operation = /\/operation\/([A-Za-z0-9]+)$/.exec(url.pathname)?.[1] ?? call.operation;
      entries.push({
        action,
        iam: iamAction({ ...call, operation, path, params: Object.fromEntries(url.searchParams) }),
      });
    }
    recordCensus(entries);
  }

  function stopProcess(): Promise<void> {
    return new Promise<void>((resolve) => {
      if (child.exitCode !== null) {
        removeCwd();
        return resolve();
      }
      child.once('exit', () => {
        removeCwd();
        resolve();
      });
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 3000).unref();
    });
  }
}

interface RawEntry {
  headers?: Record<string, string>;
  method?: string;
  url?: string;
  body?: string | null;
  body_encoded?: boolean;
}

export function parseRecording(text: string): RecordedCall[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as RawEntry)
    .filter((e) => !(e.url ?? '').includes('/moto-api/'))
    .map((e) => {
      const headers = Object.fromEntries(Object.entries(e.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
      const service =
        /Credential=[^/]+\/[^/]+\/[^/]+\/([^/]+)\//.exec(headers['authorization'] ?? '')?.[1] ?? 'unknown';
      const target = headers['x-amz-target'];
      const body = e.body_encoded ? Buffer.from(e.body ?? '', 'base64').toString('utf8') : (e.body ?? '');
      const action = /(?:^|&)Action=([^&]+)/.exec(body)?.[1] ?? /[?&]Action=([^&]+)/.exec(e.url ?? '')?.[1];
      const method = e.method ?? 'GET';
      const operation = target
        ? (target.split('.').pop() ?? target)
        : action
          ? decodeURIComponent(action)
          : `${method} ${new URL(e.url ?? '/', 'http://x').pathname}`;
      const userAgent = headers['user-agent'];
      return { method, url: e.url ?? '', service, operation, ...(userAgent ? { userAgent } : {}) };
    });
}

/** Calls that change something: anything but Describe/Get/List/Head/Validate/Simulate/Batch-get and plain GETs. */
export function isWriteCall(call: RecordedCall): boolean {
  if (call.method === 'GET' || call.method === 'HEAD') return false;
  const op = call.operation.replace(/^(POST|PUT|DELETE) /, '');
  if (/^(Describe|Get|List|Head|Validate|Simulate|BatchGet|Lookup|Search|Estimate|Preview)/.test(op)) return false;
  return true;
}
