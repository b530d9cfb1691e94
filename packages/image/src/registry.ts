import { sleep as defaultSleep, type Sleep } from '@hoist/aws';
import { UserError } from '@hoist/kit';
import { sha256Digest } from './digest.js';
import { MANIFEST_ACCEPT } from './media-types.js';
import { withRetry } from './retry.js';

export interface RegistryCredentials {
  username: string;
  password: string;
}

export interface RegistryClientOptions {
  /** Host and optional port, e.g. `123456789012.dkr.ecr.us-east-1.amazonaws.com` or `127.0.0.1:5000`. */
  registry: string;
  /** Plain HTTP (a registry on loopback); otherwise HTTPS. */
  insecure?: boolean;
  credentials?: RegistryCredentials;
  signal?: AbortSignal;
  /** Attempts per request on 5xx, 429 and connection errors (default 4). */
  attempts?: number;
  baseDelayMs?: number;
  sleep?: Sleep;
  fetch?: typeof fetch;
  onRetry?: (message: string) => void;
}

export interface StoredManifest {
  /** The bytes exactly as the registry holds them: the digest is over these. */
  bytes: Buffer;
  mediaType: string;
  /** sha256 of `bytes`, checked against the registry's Docker-Content-Digest. */
  digest: string;
}

/** A registry answer that is not a success; `status` decides whether it is retried. */
export class RegistryError extends Error {
  override readonly name = 'RegistryError';
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly code?: string,
  ) {
    super(message);
  }
}

const RETRYABLE_NETWORK = /ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|EAI_AGAIN|UND_ERR|socket|fetch failed|terminated/i;

function isRetryable(error: unknown): boolean {
  if (error instanceof RegistryError) return error.status === undefined || error.status === 429 || error.status >= 500;
  if (error instanceof Error && error.name === 'AbortError') return false;
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  const text = `${error instanceof Error ? error.message : String(error)} ${cause?.code ?? ''} ${cause?.message ?? ''}`;
  return error instanceof TypeError || RETRYABLE_NETWORK.test(text);
}

interface Challenge {
  scheme: string;
  params: Record<string, string>;
}

/** `Bearer realm="https://auth",service="registry",scope="repository:x:pull"` → scheme and parameters. */
export function parseChallenge(header: string): Challenge | undefined {
  const m = /^\s*(\w+)\s*(.*)$/.exec(header);
  if (!m || !m[1]) return undefined;
  const params: Record<string, string> = {};
  for (const p of (m[2] ?? '').matchAll(/(\w+)=(?:"([^"]*)"|([^,\s]*))/g)) {
    if (p[1]) params[p[1].toLowerCase()] = p[2] ?? p[3] ?? '';
  }
  return { scheme: m[1].toLowerCase(), params };
}

/**
 * An OCI distribution client over fetch: manifests by tag or digest, manifest PUT, blobs, with Basic and Bearer
 * (token from a WWW-Authenticate challenge) auth and bounded retries on 5xx, 429 and connection errors.
 */
export class RegistryClient {
  readonly base: string;
  private readonly options: RegistryClientOptions;
  private readonly fetch: typeof fetch;
  /** The scheme a 401 asked for; after that, credentials go with every request. */
  private authorization: string | undefined;
  private readonly tokens = new Map<string, string>();

  constructor(options: RegistryClientOptions) {
    this.options = options;
    this.base = `${options.insecure ? 'http' : 'https'}://${options.registry}`;
    this.fetch = options.fetch ?? fetch;
  }

  /** The manifest a tag or digest names, or undefined when there is none (404). */
  async getManifest(
    repository: string,
    reference: string,
    accept: readonly string[] = MANIFEST_ACCEPT,
  ): Promise<StoredManifest | undefined> {
    const response = await this.request('GET', `/v2/${repository}/manifests/${reference}`, repository, 'pull', {
      headers: { Accept: accept.join(', ') },
      allow404: true,
    });
    if (response.status === 404) return undefined;
    const bytes = Buffer.from(await response.arrayBuffer());
    const digest = sha256Digest(bytes);
    const stated = response.headers.get('docker-content-digest');
    if (stated && stated !== digest) {
      throw new RegistryError(
        `The registry says ${repository}:${reference} is ${stated}, but its bytes hash to ${digest}.`,
        response.status,
        'digest-mismatch',
      );
    }
    if (reference.startsWith('sha256:') && reference !== digest) {
      throw new RegistryError(
        `The manifest returned for ${repository}@${reference} hashes to ${digest}.`,
        response.status,
        'digest-mismatch',
      );
    }
    const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]?.trim() || mediaTypeOf(bytes);
    return { bytes, mediaType, digest };
  }

  /** The digest a tag points at, without the body; undefined when the tag does not exist. */
  async headManifest(repository: string, reference: string): Promise<string | undefined> {
    const response = await this.request('HEAD', `/v2/${repository}/manifests/${reference}`, repository, 'pull', {
      headers: { Accept: MANIFEST_ACCEPT.join(', ') },
      allow404: true,
    });
    if (response.status === 404) return undefined;
    return response.headers.get('docker-content-digest') ?? (await this.getManifest(repository, reference))?.digest;
  }

  /** PUT the exact bytes under a tag or their digest; returns the digest, checked against the registry's. */
  async putManifest(repository: string, reference: string, bytes: Buffer, mediaType: string): Promise<string> {
    const digest = sha256Digest(bytes);
    if (reference.startsWith('sha256:') && reference !== digest) {
      throw new RegistryError(
        `Refusing to PUT bytes hashing to ${digest} as ${reference}.`,
        undefined,
        'digest-mismatch',
      );
    }
    const response = await this.request('PUT', `/v2/${repository}/manifests/${reference}`, repository, 'pull,push', {
      headers: { 'Content-Type': mediaType },
      body: bytes,
    });
    await response.arrayBuffer();
    const stated = response.headers.get('docker-content-digest');
    if (stated && stated !== digest) {
      throw new RegistryError(
        `The registry stored ${repository}:${reference} as ${stated}; the bytes sent hash to ${digest}.`,
        response.status,
        'digest-mismatch',
      );
    }
    return digest;
  }

  async getBlob(repository: string, digest: string): Promise<Buffer> {
    const response = await this.request('GET', `/v2/${repository}/blobs/${digest}`, repository, 'pull', {});
    const bytes = Buffer.from(await response.arrayBuffer());
    if (sha256Digest(bytes) !== digest)
      throw new RegistryError(
        `Blob ${digest} of ${repository} does not hash to its digest.`,
        response.status,
        'digest-mismatch',
      );
    return bytes;
  }

  /** Whether the registry answers the API at all, with these credentials (`GET /v2/`). */
  async ping(): Promise<void> {
    const response = await this.request('GET', '/v2/', undefined, 'pull', {});
    await response.arrayBuffer();
  }

  private async request(
    method: string,
    path: string,
    repository: string | undefined,
    actions: string,
    init: { headers?: Record<string, string>; body?: Buffer; allow404?: boolean },
  ): Promise<Response> {
    const url = `${this.base}${path}`;
    return withRetry(
      async () => {
        let response = await this.send(method, url, init, this.authorization);
        if (response.status === 401) {
          await response.arrayBuffer();
          this.authorization = await this.authorize(
            response.headers.get('www-authenticate') ?? '',
            repository,
            actions,
          );
          response = await this.send(method, url, init, this.authorization);
          if (response.status === 401) {
            await response.arrayBuffer();
            throw this.authError(
              this.options.credentials
                ? 'refused the user name and password'
                : 'asks for credentials, and none were given',
            );
          }
        }
        if (response.ok || (init.allow404 && response.status === 404)) return response;
        const detail = await errorDetail(response);
        throw new RegistryError(
          `${method} ${path} on ${this.options.registry}: HTTP ${response.status}${detail}`,
          response.status,
          codeOf(response.status),
        );
      },
      {
        attempts: this.options.attempts ?? 4,
        baseDelayMs: this.options.baseDelayMs ?? 500,
        sleep: this.options.sleep ?? defaultSleep,
        retryable: isRetryable,
        ...(this.options.signal ? { signal: this.options.signal } : {}),
        onRetry: (error, attempt, delay) =>
          this.options.onRetry?.(
            `${method} ${path}: ${error instanceof Error ? error.message : String(error)}; attempt ${attempt + 1} in ${delay} ms`,
          ),
      },
    );
  }

  private send(
    method: string,
    url: string,
    init: { headers?: Record<string, string>; body?: Buffer },
    authorization: string | undefined,
  ): Promise<Response> {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    if (authorization) headers['Authorization'] = authorization;
    return this.fetch(url, {
      method,
      headers,
      ...(init.body ? { body: init.body } : {}),
      redirect: 'follow',
      ...(this.options.signal ? { signal: this.options.signal } : {}),
    });
  }

  /** Answers a 401 challenge: Basic with the credentials, or Bearer with a token fetched from the realm. */
  private async authorize(header: string, repository: string | undefined, actions: string): Promise<string> {
    const challenge = parseChallenge(header);
    const credentials = this.options.credentials;
    const basic = credentials
      ? `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`
      : undefined;
    if (challenge?.scheme === 'basic') {
      if (!basic) throw this.authError('asks for a user name and password, and none were given');
      return basic;
    }
    if (challenge?.scheme === 'bearer' && challenge.params['realm']) {
      const scope = challenge.params['scope'] ?? (repository ? `repository:${repository}:${actions}` : undefined);
      const key = `${challenge.params['realm']} ${challenge.params['service'] ?? ''} ${scope ?? ''}`;
      const cached = this.tokens.get(key);
      if (cached && `Bearer ${cached}` !== this.authorization) return `Bearer ${cached}`;
      const tokenUrl = new URL(challenge.params['realm']);
      if (challenge.params['service']) tokenUrl.searchParams.set('service', challenge.params['service']);
      if (scope) tokenUrl.searchParams.set('scope', scope);
      const response = await this.fetch(tokenUrl, {
        headers: basic ? { Authorization: basic } : {},
        ...(this.options.signal ? { signal: this.options.signal } : {}),
      });
      if (!response.ok) {
        await response.arrayBuffer();
        if (response.status >= 500 || response.status === 429)
          throw new RegistryError(
            `The token service at ${tokenUrl.origin} answered HTTP ${response.status}.`,
            response.status,
          );
        throw this.authError(`refused a token (HTTP ${response.status} from ${tokenUrl.origin})`);
      }
      const body = (await response.json()) as { token?: string; access_token?: string };
      const token = body.token ?? body.access_token;
      if (!token) throw this.authError('gave a token response without a token');
      this.tokens.set(key, token);
      return `Bearer ${token}`;
    }
    throw this.authError(
      `asked for authentication this client does not speak (${header || 'no WWW-Authenticate header'})`,
    );
  }

  private authError(what: string): UserError {
    return new UserError(`The registry ${this.options.registry} ${what}.`, {
      code: 'registry-auth',
      fix: 'check the registry credentials (for ECR: the role needs ecr:GetAuthorizationToken; for another registry: the username and password inputs).',
    });
  }
}

function codeOf(status: number): string {
  if (status === 404) return 'not-found';
  if (status === 403) return 'denied';
  if (status === 429) return 'throttled';
  return status >= 500 ? 'server' : 'client';
}

async function errorDetail(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const parsed = JSON.parse(text) as { errors?: { code?: string; message?: string }[] };
    const first = parsed.errors?.[0];
    if (first) return ` ${first.code ?? ''}${first.message ? `: ${first.message}` : ''}`;
  } catch {
    // Not JSON: show a short, single-line excerpt.
  }
  const line = text.replace(/\s+/g, ' ').trim().slice(0, 200);
  return line ? ` ${line}` : '';
}

/** The mediaType a manifest states about itself (some registries answer with a generic Content-Type). */
export function mediaTypeOf(bytes: Buffer): string {
  try {
    const parsed = JSON.parse(bytes.toString('utf8')) as { mediaType?: string; manifests?: unknown };
    if (parsed.mediaType) return parsed.mediaType;
    return Array.isArray(parsed.manifests)
      ? 'application/vnd.oci.image.index.v1+json'
      : 'application/vnd.oci.image.manifest.v1+json';
  } catch {
    return 'application/octet-stream';
  }
}
