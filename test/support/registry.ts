import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, waitForHttp } from './ports.js';

export const REGISTRY_INSTALL_HINT =
  'docker-registry was not found on PATH. Install it with: apt-get install docker-registry (Debian; distribution 2.8). CI installs it; these tests never skip without it.';

/** Fails loudly — never skips — when docker-registry is missing. */
export function requireRegistry(): void {
  const probe = spawnSync('docker-registry', ['--version'], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0) throw new Error(REGISTRY_INSTALL_HINT);
}

export interface BasicAuth {
  username: string;
  password: string;
}

export interface TestRegistry {
  /** `127.0.0.1:<port>`: what the action's `registry` input gets. */
  host: string;
  url: string;
  auth: BasicAuth | undefined;
  stop(): Promise<void>;
}

/**
 * A bcrypt htpasswd line (the only format distribution's htpasswd auth accepts), made without apache2-utils:
 * `htpasswd -nbB` when it is installed, else python3 (the bcrypt module, or crypt's Blowfish before 3.13).
 */
export function htpasswdLine(username: string, password: string): string {
  const htpasswd = spawnSync('htpasswd', ['-inB', username], { input: password, encoding: 'utf8' });
  if (!htpasswd.error && htpasswd.status === 0) return htpasswd.stdout.trim();
  const script = [
    'import sys',
    'pw = sys.stdin.read()',
    'try:',
    '    import bcrypt; print(bcrypt.hashpw(pw.encode(), bcrypt.gensalt()).decode())',
    'except ImportError:',
    '    import warnings; warnings.simplefilter("ignore")',
    '    import crypt; print(crypt.crypt(pw, crypt.mksalt(crypt.METHOD_BLOWFISH)))',
  ].join('\n');
  const python = spawnSync('python3', ['-c', script], { input: password, encoding: 'utf8' });
  const hash = python.stdout?.trim() ?? '';
  if (python.status !== 0 || !/^\$2[aby]\$/.test(hash)) {
    throw new Error(
      `Cannot make a bcrypt htpasswd entry: install apache2-utils (htpasswd) or python3-bcrypt. ${python.stderr ?? ''}`,
    );
  }
  return `${username}:${hash}`;
}

/** docker-registry on a free loopback port with its own storage and config (never the system service). */
export async function startRegistry(options: { auth?: BasicAuth } = {}): Promise<TestRegistry> {
  requireRegistry();
  const dir = mkdtempSync(path.join(tmpdir(), 'hoist-registry-'));
  const port = await freePort();
  const auth = options.auth
    ? (writeFileSync(path.join(dir, 'htpasswd'), `${htpasswdLine(options.auth.username, options.auth.password)}\n`),
      ['auth:', '  htpasswd:', '    realm: hoist-test', `    path: ${path.join(dir, 'htpasswd')}`])
    : [];
  const config = [
    'version: 0.1',
    'log:',
    '  level: warn',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${path.join(dir, 'data')}`,
    '  delete:',
    '    enabled: true',
    'http:',
    `  addr: 127.0.0.1:${port}`,
    ...auth,
  ].join('\n');
  writeFileSync(path.join(dir, 'config.yml'), `${config}\n`);
  const child: ChildProcess = spawn('docker-registry', ['serve', path.join(dir, 'config.yml')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}/v2/`, 15_000, () => child.exitCode === null);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`docker-registry did not start: ${(error as Error).message}\n${stderr}`, { cause: error });
  }
  return {
    host: `127.0.0.1:${port}`,
    url,
    auth: options.auth,
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      }),
  };
}

export interface FetchedManifest {
  status: number;
  /** sha256 of the bytes as served. */
  digest: string;
  headerDigest: string | null;
  mediaType: string;
  json: {
    mediaType?: string;
    manifests?: { digest: string; platform?: { os: string; architecture: string } }[];
    config?: { digest: string };
  };
}

function headers(registry: TestRegistry, extra: Record<string, string> = {}): Record<string, string> {
  const auth = registry.auth
    ? {
        Authorization: `Basic ${Buffer.from(`${registry.auth.username}:${registry.auth.password}`).toString('base64')}`,
      }
    : {};
  return { ...auth, ...extra };
}

const ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

/** Reads a manifest over plain HTTP, as a test's independent check of what the action pushed. */
export async function fetchManifest(
  registry: TestRegistry,
  repository: string,
  reference: string,
): Promise<FetchedManifest | undefined> {
  const response = await fetch(`${registry.url}/v2/${repository}/manifests/${reference}`, {
    headers: headers(registry, { Accept: ACCEPT }),
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`GET ${repository}:${reference}: HTTP ${response.status} ${bytes.toString()}`);
  return {
    status: response.status,
    digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
    headerDigest: response.headers.get('docker-content-digest'),
    mediaType: (response.headers.get('content-type') ?? '').split(';')[0] ?? '',
    json: JSON.parse(bytes.toString('utf8')) as FetchedManifest['json'],
  };
}

export async function fetchBlobJson(
  registry: TestRegistry,
  repository: string,
  digest: string,
): Promise<Record<string, unknown>> {
  const response = await fetch(`${registry.url}/v2/${repository}/blobs/${digest}`, { headers: headers(registry) });
  if (!response.ok) throw new Error(`GET blob ${digest}: HTTP ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
}

async function uploadBlob(
  registry: TestRegistry,
  repository: string,
  bytes: Buffer,
): Promise<{ digest: string; size: number }> {
  const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
  const start = await fetch(`${registry.url}/v2/${repository}/blobs/uploads/`, {
    method: 'POST',
    headers: headers(registry),
  });
  await start.arrayBuffer();
  const location = start.headers.get('location');
  if (start.status !== 202 || !location) throw new Error(`blob upload start: HTTP ${start.status}`);
  const target = new URL(location, registry.url);
  target.searchParams.set('digest', digest);
  const put = await fetch(target, {
    method: 'PUT',
    headers: headers(registry, { 'Content-Type': 'application/octet-stream' }),
    body: bytes,
  });
  await put.arrayBuffer();
  if (put.status !== 201) throw new Error(`blob upload: HTTP ${put.status}`);
  return { digest, size: bytes.length };
}

export async function putManifest(
  registry: TestRegistry,
  repository: string,
  reference: string,
  bytes: Buffer,
  mediaType: string,
): Promise<string> {
  const response = await fetch(`${registry.url}/v2/${repository}/manifests/${reference}`, {
    method: 'PUT',
    headers: headers(registry, { 'Content-Type': mediaType }),
    body: bytes,
  });
  await response.arrayBuffer();
  if (response.status !== 201) throw new Error(`PUT manifest ${repository}:${reference}: HTTP ${response.status}`);
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/**
 * A tiny synthetic single-platform image (one layer, a config naming its platform), written with the
 * distribution API alone — for tests that need an image in the registry without a builder.
 */
export async function pushSyntheticImage(
  registry: TestRegistry,
  repository: string,
  tag: string,
  platform: string,
): Promise<{ digest: string; size: number }> {
  const [os = 'linux', architecture = 'amd64'] = platform.split('/');
  const layer = await uploadBlob(registry, repository, Buffer.from(`hoist test layer for ${platform}\n`));
  const config = await uploadBlob(
    registry,
    repository,
    Buffer.from(JSON.stringify({ architecture, os, rootfs: { type: 'layers', diff_ids: [layer.digest] }, config: {} })),
  );
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
      layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', ...layer }],
    }),
  );
  const digest = await putManifest(registry, repository, tag, manifest, 'application/vnd.oci.image.manifest.v1+json');
  return { digest, size: manifest.length };
}

/** A synthetic multi-platform index under `tag` (its children pushed by digest). */
export async function pushSyntheticIndex(
  registry: TestRegistry,
  repository: string,
  tag: string,
  platforms: readonly string[],
): Promise<string> {
  const manifests = [];
  for (const platform of platforms) {
    const child = await pushSyntheticImage(registry, repository, `tmp-${platform.replace(/\//g, '-')}`, platform);
    const [os = 'linux', architecture = 'amd64'] = platform.split('/');
    manifests.push({
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      ...child,
      platform: { architecture, os },
    });
  }
  const index = Buffer.from(
    JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests }),
  );
  return putManifest(registry, repository, tag, index, 'application/vnd.oci.image.index.v1+json');
}
