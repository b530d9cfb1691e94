import { randomBytes } from 'node:crypto';
import { classifyAwsError, createClient, type AwsContext } from '@hoist/aws';

/**
 * Release records: what each deploy put in place, kept in AWS (SSM Parameter Store) so that a rollback can work
 * from AWS state alone — a fresh runner, or the CLI on a laptop.
 */

/** How a release ended. `deployed`: running and healthy; `unhealthy`: running, verification failed. */
export type ReleaseOutcome = 'deployed' | 'unhealthy' | 'rolled-back' | 'failed';

export interface ReleaseRecord {
  /** `<yyyymmdd>-<hhmmss>-<sha7>`: sorts by time, names the commit. */
  id: string;
  /** ISO 8601. */
  time: string;
  kind: 'deploy' | 'rollback';
  outcome: ReleaseOutcome;
  /** For a rollback: the release it restored. */
  restores?: string;
  gitSha?: string;
  actor?: string;
  /** The workflow run that made it. */
  runUrl?: string;
  changeSetId?: string;
  /** sha256 of the template body. */
  templateSha256: string;
  /** Where the template body is kept, when there is an artifacts bucket. */
  template?: { bucket: string; key: string; versionId?: string };
  /** Parameter values after the deploy; NoEcho parameters are never stored (see `noEcho`). */
  parameters: Record<string, string>;
  /** NoEcho parameters: a rollback keeps their current values (UsePreviousValue). */
  noEcho: string[];
  /** Parameters holding an image by digest (`repo@sha256:…`). */
  images: Record<string, string>;
}

export interface ReleaseHistory {
  version: 1;
  stack: string;
  /** Newest first. */
  releases: ReleaseRecord[];
}

/** The narrow SSM interface release records need. */
export interface ReleaseStoreApi {
  /** The parameter's value, or undefined when it does not exist. */
  getParameter(name: string): Promise<string | undefined>;
  putParameter(name: string, value: string, description: string): Promise<void>;
}

export async function createReleaseStoreApi(aws: AwsContext, signal?: AbortSignal): Promise<ReleaseStoreApi> {
  const sdk = await import('@aws-sdk/client-ssm');
  const client = createClient(sdk.SSMClient, aws);
  const options = signal ? { abortSignal: signal } : {};
  return {
    async getParameter(name) {
      try {
        const out = await client.send(new sdk.GetParameterCommand({ Name: name }), options);
        return out.Parameter?.Value;
      } catch (error) {
        if (classifyAwsError(error).kind === 'not-found') return undefined;
        throw error;
      }
    },
    async putParameter(name, value, description) {
      await client.send(
        new sdk.PutParameterCommand({
          Name: name,
          Value: value,
          Type: 'String',
          Overwrite: true,
          // Standard (free) while the history fits 4 KB; SSM moves it to Advanced (8 KB) when it grows.
          Tier: 'Intelligent-Tiering',
          Description: description,
        }),
        options,
      );
    },
  };
}

/** Advanced parameters hold up to 8 KB. */
export const MAX_HISTORY_BYTES = 8192;
export const MAX_RELEASES = 30;

export function releasesParameterName(stackName: string): string {
  return `/hoist/${stackName}/releases`;
}

export function newReleaseId(time: Date, gitSha: string | undefined): string {
  const stamp = time.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const suffix =
    gitSha && /^[0-9a-f]{7,}$/i.test(gitSha)
      ? gitSha.slice(0, 7).toLowerCase()
      : randomBytes(4).toString('hex').slice(0, 7);
  return `${stamp}-${suffix}`;
}

const DIGEST_REFERENCE = /^[^\s@]+@sha256:[0-9a-f]{64}$/;

/** Parameters whose value is an image by digest. */
export function imageParameters(parameters: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(parameters).filter(([, v]) => DIGEST_REFERENCE.test(v)));
}

/**
 * Keeps the newest releases that fit: at most MAX_RELEASES, and the JSON at most `maxBytes`. The newest release is
 * always kept; if it alone is too large, its parameter values are dropped (marked by `parameters: {}` and every key
 * listed as NoEcho, so a rollback keeps their current values and says so).
 */
export function boundHistory(
  history: ReleaseHistory,
  maxBytes = MAX_HISTORY_BYTES,
  maxCount = MAX_RELEASES,
): ReleaseHistory {
  const size = (h: ReleaseHistory) => Buffer.byteLength(JSON.stringify(h), 'utf8');
  const bounded: ReleaseHistory = { ...history, releases: history.releases.slice(0, maxCount) };
  while (bounded.releases.length > 1 && size(bounded) > maxBytes) bounded.releases.pop();
  const newest = bounded.releases[0];
  if (newest && size(bounded) > maxBytes) {
    bounded.releases[0] = {
      ...newest,
      parameters: {},
      noEcho: [...new Set([...newest.noEcho, ...Object.keys(newest.parameters)])].sort(),
    };
  }
  return bounded;
}

/** The history, newest first; an unreadable value is reported through `onProblem` and treated as empty. */
export async function readReleases(
  api: ReleaseStoreApi,
  stackName: string,
  onProblem: (message: string) => void = () => {},
): Promise<ReleaseHistory> {
  const empty: ReleaseHistory = { version: 1, stack: stackName, releases: [] };
  const name = releasesParameterName(stackName);
  const text = await api.getParameter(name);
  if (text === undefined) return empty;
  try {
    const parsed = JSON.parse(text) as Partial<ReleaseHistory>;
    if (!Array.isArray(parsed.releases)) throw new Error('no releases list');
    return { version: 1, stack: stackName, releases: parsed.releases };
  } catch (error) {
    onProblem(`The release history in ${name} cannot be read (${(error as Error).message}); starting a new one.`);
    return empty;
  }
}

/** Adds a release in front of the history and writes it back, bounded. Returns what was written. */
/** Adds a release to the history (newest first by execution time); a colliding id gets a suffix, set on `release`. */
export async function recordRelease(
  api: ReleaseStoreApi,
  stackName: string,
  release: ReleaseRecord,
  onProblem?: (message: string) => void,
): Promise<ReleaseHistory> {
  const history = await readReleases(api, stackName, onProblem);
  // Two deploys of one commit within a second would share an id: the later one gets a suffix.
  let id = release.id;
  for (let n = 2; history.releases.some((r) => r.id === id); n++) id = `${release.id}-${n}`;
  release.id = id;
  const next = boundHistory({
    ...history,
    // Newest first by execution time; a stable sort keeps the new record ahead of one from the same instant.
    releases: [release, ...history.releases].sort((a, b) => b.time.localeCompare(a.time)),
  });
  await api.putParameter(
    releasesParameterName(stackName),
    JSON.stringify(next),
    `hoist release history of stack ${stackName} (newest first)`,
  );
  return next;
}

/** The release running now: the newest whose deploy left it in place (deployed or unhealthy). */
export function currentRelease(history: ReleaseHistory): ReleaseRecord | undefined {
  return history.releases.find((r) => r.outcome === 'deployed' || r.outcome === 'unhealthy');
}

/** Who made a release and from which run: the runner's GITHUB_* variables (none in a terminal). */
export function runContext(env: NodeJS.ProcessEnv = process.env): { gitSha?: string; actor?: string; runUrl?: string } {
  const runUrl =
    env['GITHUB_SERVER_URL'] && env['GITHUB_REPOSITORY'] && env['GITHUB_RUN_ID']
      ? `${env['GITHUB_SERVER_URL']}/${env['GITHUB_REPOSITORY']}/actions/runs/${env['GITHUB_RUN_ID']}`
      : undefined;
  return {
    ...(env['GITHUB_SHA'] ? { gitSha: env['GITHUB_SHA'] } : {}),
    ...(env['GITHUB_ACTOR'] ? { actor: env['GITHUB_ACTOR'] } : {}),
    ...(runUrl ? { runUrl } : {}),
  };
}
