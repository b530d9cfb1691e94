import { describe, test, expect, beforeAll, afterAll } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildahEnv, fakeTool, requireBuildah, scratchContext } from '../support/buildah.js';
import { fetchBlobJson, fetchManifest, startRegistry, type TestRegistry } from '../support/registry.js';
import { runAction } from '../support/run-action.js';
import { registerTestSecret } from '../support/secrets-registry.js';

const SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const REPO = 'team/worker';
/** The QEMU installer image, pinned by tag and digest (packages/image/src/emulation.ts). */
const BINFMT_PINNED =
  'docker.io/tonistiigi/binfmt:qemu-v10.2.1-65@sha256:d3b963f787999e6c0219a48dba02978769286ff61a5f4d26245cb6a6e5567ea3';

describe('build-push-multiarch with buildah and a real registry', () => {
  let registry: TestRegistry;
  let context: string;
  const storage = buildahEnv();

  beforeAll(async () => {
    requireBuildah();
    registry = await startRegistry();
    context = scratchContext();
  }, 30_000);
  afterAll(async () => {
    await registry?.stop();
  });

  const env = (extra: Record<string, string> = {}) => ({
    ...storage,
    GITHUB_SHA: SHA,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REPOSITORY: 'acme/worker',
    ...extra,
  });
  const inputs = (extra: Record<string, string> = {}) => ({
    registry: registry.host,
    'insecure-registry': 'true',
    repository: REPO,
    builder: 'buildah',
    context,
    'default-branch': 'main',
    cache: 'none',
    ...extra,
  });

  test('builds linux/amd64 and linux/arm64, pushes one index, reads it back', async () => {
    const result = await runAction('build-push-multiarch', inputs({ tags: 'head,worker' }), {
      env: env(),
      timeoutMs: 180_000,
    });
    expect(result.log).not.toMatch(/::error/);
    expect(result.exitCode).toBe(0);
    expect(result.outputs['built']).toBe('true');
    const digest = result.outputs['digest'] ?? '';
    expect(digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(result.outputs['image-uri']).toBe(`${registry.host}/${REPO}@${digest}`);
    expect(result.outputs['platforms']).toBe('linux/amd64,linux/arm64');
    expect(result.outputs['tags']).toBe(`${SHA},latest,head,worker`);

    const index = await fetchManifest(registry, REPO, digest);
    expect(index?.digest).toBe(digest);
    expect(index?.mediaType).toBe('application/vnd.oci.image.index.v1+json');
    const platforms = (index?.json.manifests ?? []).map((m) => `${m.platform?.os}/${m.platform?.architecture}`).sort();
    expect(platforms).toEqual(['linux/amd64', 'linux/arm64']);
    for (const tag of [SHA, 'latest', 'head', 'worker']) {
      expect((await fetchManifest(registry, REPO, tag))?.digest).toBe(digest);
    }
    // Each platform's config says what it is, and carries the OCI labels.
    for (const entry of index?.json.manifests ?? []) {
      const manifest = await fetchManifest(registry, REPO, entry.digest);
      const config = await fetchBlobJson(registry, REPO, manifest?.json.config?.digest ?? '');
      expect(`${config['os']}/${config['architecture']}`).toBe(`${entry.platform?.os}/${entry.platform?.architecture}`);
      const labels = (config['config'] as { Labels?: Record<string, string> }).Labels ?? {};
      expect(labels['org.opencontainers.image.revision']).toBe(SHA);
      expect(labels['org.opencontainers.image.source']).toBe('https://github.com/acme/worker');
      expect(labels['org.opencontainers.image.created']).toMatch(/^\d{4}-\d\d-\d\dT/);
    }
  }, 240_000);

  test('a second run for the same commit adds a tag without building (a fake buildah first on PATH records no call)', async () => {
    const before = await fetchManifest(registry, REPO, SHA);
    expect(before).toBeDefined();
    const buildah = fakeTool('buildah', 'exit 1');
    const result = await runAction('build-push-multiarch', inputs({ tags: 'head,worker,extra-tag' }), {
      env: env({ PATH: `${buildah.dir}${path.delimiter}${process.env['PATH'] ?? ''}` }),
    });
    expect(result.log).not.toMatch(/::error/);
    expect(result.exitCode).toBe(0);
    expect(buildah.calls()).toEqual([]);
    expect(result.outputs['built']).toBe('false');
    expect(result.outputs['digest']).toBe(before?.digest);
    expect(result.log).toMatch(/Skipping the build/);
    expect(result.log).toMatch(/zero layers move/);
    expect((await fetchManifest(registry, REPO, 'extra-tag'))?.digest).toBe(before?.digest);
  }, 60_000);

  test('merge: two single-platform legs become one index through the registry API, with no builder on PATH', async () => {
    const sha = 'b'.repeat(40);
    const legs = [];
    for (const platform of ['linux/amd64', 'linux/arm64']) {
      const leg = await runAction('build-push-multiarch', inputs({ platforms: platform, repository: 'team/merged' }), {
        env: env({ GITHUB_SHA: sha }),
        timeoutMs: 120_000,
      });
      expect(leg.log).not.toMatch(/::error/);
      expect(leg.exitCode).toBe(0);
      expect(leg.outputs['tags']).toBe(`${sha}-${platform.replace('/', '-')}`);
      legs.push(leg.outputs['digest']);
    }
    // Neither builder can run in the merge job: it must not need one.
    const buildah = fakeTool('buildah', 'exit 1');
    const docker = fakeTool('docker', 'exit 1');
    const result = await runAction(
      'build-push-multiarch',
      inputs({ mode: 'merge', repository: 'team/merged', tags: 'head' }),
      {
        env: env({ GITHUB_SHA: sha, PATH: [buildah.dir, docker.dir, process.env['PATH'] ?? ''].join(path.delimiter) }),
      },
    );
    expect(result.log).not.toMatch(/::error/);
    expect(result.exitCode).toBe(0);
    expect(buildah.calls()).toEqual([]);
    expect(docker.calls()).toEqual([]);
    expect(result.outputs['built']).toBe('false');
    const digest = result.outputs['digest'] ?? '';
    const index = await fetchManifest(registry, 'team/merged', sha);
    expect(index?.digest).toBe(digest);
    expect(index?.headerDigest).toBe(digest);
    expect(index?.json.manifests?.map((m) => [m.digest, `${m.platform?.os}/${m.platform?.architecture}`])).toEqual([
      [legs[0], 'linux/amd64'],
      [legs[1], 'linux/arm64'],
    ]);
    for (const tag of ['latest', 'head'])
      expect((await fetchManifest(registry, 'team/merged', tag))?.digest).toBe(digest);
    // A rerun of the merge writes the same index (no timestamp in it).
    const again = await runAction(
      'build-push-multiarch',
      inputs({ mode: 'merge', repository: 'team/merged', tags: 'head' }),
      { env: env({ GITHUB_SHA: sha }) },
    );
    expect(again.outputs['digest']).toBe(digest);
  }, 300_000);

  test('merge names the missing leg when one platform was never pushed', async () => {
    const sha = 'c'.repeat(40);
    const result = await runAction('build-push-multiarch', inputs({ mode: 'merge', repository: 'team/merged' }), {
      env: env({ GITHUB_SHA: sha }),
    });
    expect(result.exitCode).toBe(1);
    expect(result.log).toContain(`${sha}-linux-amd64, ${sha}-linux-arm64 not found`);
  }, 60_000);

  describe('QEMU with builder: buildah (RUN steps for a platform foreign to this host)', () => {
    const foreign = process.arch === 'arm64' ? 'amd64' : 'arm64';
    const registered = existsSync(`/proc/sys/fs/binfmt_misc/qemu-${foreign === 'arm64' ? 'aarch64' : 'x86_64'}`);
    const qemu = ['run', '--privileged', '--rm', BINFMT_PINNED, '--install', foreign];
    const withRun = () =>
      scratchContext({ dockerfile: 'FROM scratch\nCOPY hello.txt /hello.txt\nRUN ["/hello.txt"]\n' });

    test('registers QEMU with the pinned binfmt image before buildah builds', async () => {
      const docker = fakeTool('docker');
      // The fake buildah fails a build that starts before QEMU was registered.
      const buildah = fakeTool(
        'buildah',
        registered
          ? 'exit 0'
          : `[ "$1" = build ] || exit 0; grep -q -- '"--privileged"' "${docker.dir}/calls.jsonl" 2>/dev/null || { echo 'no QEMU before the build' >&2; exit 3; }`,
      );
      const result = await runAction(
        'build-push-multiarch',
        inputs({ context: withRun(), push: 'false', repository: 'team/qemu' }),
        {
          env: env({
            GITHUB_SHA: 'e'.repeat(40),
            PATH: [buildah.dir, docker.dir, process.env['PATH'] ?? ''].join(path.delimiter),
          }),
        },
      );
      expect(result.log).not.toMatch(/::error/);
      expect(result.exitCode).toBe(0);
      expect(buildah.calls().some((c) => c[0] === 'build')).toBe(true);
      if (registered) expect(docker.calls()).toEqual([]);
      else expect(docker.calls()).toEqual([qemu]);
    }, 60_000);

    test('without a working docker it warns once, naming the fix, and still builds', async () => {
      const docker = fakeTool('docker', 'exit 1');
      const buildah = fakeTool('buildah');
      const result = await runAction(
        'build-push-multiarch',
        inputs({ context: withRun(), push: 'false', repository: 'team/qemu' }),
        {
          env: env({
            GITHUB_SHA: 'e'.repeat(40),
            PATH: [buildah.dir, docker.dir, process.env['PATH'] ?? ''].join(path.delimiter),
          }),
        },
      );
      expect(result.exitCode).toBe(0);
      expect(buildah.calls().some((c) => c[0] === 'build')).toBe(true);
      const warnings = result.annotations.filter((a) => a.level === 'warning' && a.message.includes('QEMU'));
      if (registered) {
        expect(warnings).toEqual([]);
      } else {
        expect(warnings).toHaveLength(1);
        expect(warnings[0]?.message).toContain(`QEMU could not be registered for ${foreign}`);
        expect(warnings[0]?.message).toContain('install qemu-user-static');
      }
    }, 60_000);
  });

  test('SIGTERM kills the build and the action exits within 10 s', async () => {
    const buildah = fakeTool('buildah', 'exec sleep 120');
    let child: ChildProcess | undefined;
    const pending = runAction('build-push-multiarch', inputs({ repository: 'team/cancelled' }), {
      env: env({ GITHUB_SHA: 'd'.repeat(40), PATH: `${buildah.dir}${path.delimiter}${process.env['PATH'] ?? ''}` }),
      onSpawn: (c) => (child = c),
    });
    const deadline = Date.now() + 20_000;
    while (!buildah.calls().some((c) => c[0] === 'build') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    expect(buildah.calls().some((c) => c[0] === 'build')).toBe(true);
    const sent = Date.now();
    child?.kill('SIGTERM');
    const result = await pending;
    expect(Date.now() - sent).toBeLessThan(10_000);
    expect(result.exitCode).toBe(1);
    expect(result.log).toMatch(/cancelled/);
  }, 60_000);
});

describe('build-push-multiarch against a registry with basic auth (htpasswd)', () => {
  let registry: TestRegistry;
  const password = registerTestSecret('s3cret-Registry-Pass-42');

  beforeAll(async () => {
    requireBuildah();
    registry = await startRegistry({ auth: { username: 'ci', password } });
  }, 30_000);
  afterAll(async () => {
    await registry?.stop();
  });

  test('logs in with the password on standard input, pushes, and never shows the password', async () => {
    const result = await runAction(
      'build-push-multiarch',
      {
        registry: registry.host,
        'insecure-registry': 'true',
        repository: 'private/app',
        builder: 'buildah',
        context: scratchContext(),
        cache: 'none',
        username: 'ci',
        password,
      },
      { env: { ...buildahEnv(), GITHUB_SHA: SHA, GITHUB_REF: 'refs/tags/v1.4.2' }, timeoutMs: 180_000 },
    );
    expect(result.log).not.toMatch(/::error/);
    expect(result.exitCode).toBe(0);
    expect(result.masked).toContain(password);
    expect(result.raw.stdout + result.raw.stderr).not.toContain(`--password ${password}`);
    expect(result.log).toMatch(/buildah login --authfile \S+ --username ci --password-stdin --tls-verify=false/);
    expect(result.outputs['tags']).toBe(`${SHA},1.4.2,1.4,1`);
    const index = await fetchManifest(registry, 'private/app', '1.4');
    expect(index?.digest).toBe(result.outputs['digest']);
    // Without credentials the registry refuses: the auth is real.
    const anonymous = await fetch(`${registry.url}/v2/private/app/manifests/${SHA}`);
    expect(anonymous.status).toBe(401);
  }, 240_000);

  test('a wrong password fails with the registry named and the fix', async () => {
    const result = await runAction(
      'build-push-multiarch',
      {
        registry: registry.host,
        'insecure-registry': 'true',
        repository: 'private/app',
        builder: 'buildah',
        context: scratchContext(),
        cache: 'none',
        username: 'ci',
        password: registerTestSecret('wrong-password-123'),
      },
      { env: { ...buildahEnv(), GITHUB_SHA: SHA } },
    );
    expect(result.exitCode).toBe(1);
    expect(result.log).toMatch(/registry 127\.0\.0\.1:\d+ refused the user name and password/);
  }, 60_000);
});
