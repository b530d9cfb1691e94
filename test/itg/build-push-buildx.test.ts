import { describe, test, expect, beforeAll, afterAll } from '@jest/globals';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fakeTool, scratchContext, type FakeTool } from '../support/buildah.js';
import { fetchManifest, pushSyntheticIndex, startRegistry, type TestRegistry } from '../support/registry.js';
import { runAction } from '../support/run-action.js';
import { registerTestSecret } from '../support/secrets-registry.js';

const SHA = '0123456789abcdef0123456789abcdef01234567';
const REPO = 'team/app';
/** The QEMU installer image, pinned by tag and digest (packages/image/src/emulation.ts). */
const BINFMT_PINNED =
  'docker.io/tonistiigi/binfmt:qemu-v10.2.1-65@sha256:d3b963f787999e6c0219a48dba02978769286ff61a5f4d26245cb6a6e5567ea3';

/**
 * A fake `docker`: records its arguments, answers `buildx inspect` with the driver in FAKE_DRIVER, and for a
 * pushing `buildx build` copies the registry's `fixture` index to every --tag (as a real push would leave it).
 * FAKE_LOGIN=fail-once answers the first `login` with a 502, FAKE_LOGIN=refuse refuses every one.
 */
function fakeDocker(): FakeTool {
  const helper = path.join(mkdtempSync(path.join(tmpdir(), 'hoist-fake-docker-helper-')), 'docker-helper.mjs');
  writeFileSync(
    helper,
    `import { readFileSync } from 'node:fs';
const args = process.argv.slice(2);
if (args[0] === 'login' && process.env.FAKE_LOGIN) {
  const logins = readFileSync(process.env.FAKE_DIR + '/calls.jsonl', 'utf8').split('\\n').filter((l) => l.startsWith('["login"')).length;
  if (process.env.FAKE_LOGIN === 'refuse') { console.error('Error response from daemon: Get "https://' + args.at(-1) + '/v2/": unauthorized: incorrect username or password'); process.exit(1); }
  if (logins === 1) { console.error('Error response from daemon: received unexpected HTTP status: 502 Bad Gateway'); process.exit(1); }
}
if (args[0] === 'buildx' && args[1] === 'inspect' && args[2]) process.exit(1);
if (args[0] === 'buildx' && args[1] === 'inspect') { console.log('Name: default\\nDriver: ' + (process.env.FAKE_DRIVER || 'docker-container')); process.exit(0); }
if (args[0] === 'buildx' && args[1] === 'build' && (args.includes('--push') || args.some((a) => a.includes('push=true')))) {
  for (let i = 0; i < args.length; i++) {
    if (args[i] !== '--tag') continue;
    const ref = args[i + 1]; const at = ref.lastIndexOf(':'); const slash = ref.indexOf('/');
    const host = ref.slice(0, slash); const repo = ref.slice(slash + 1, at); const tag = ref.slice(at + 1);
    const type = 'application/vnd.oci.image.index.v1+json';
    const got = await fetch('http://' + host + '/v2/' + repo + '/manifests/fixture', { headers: { Accept: type } });
    const body = Buffer.from(await got.arrayBuffer());
    const put = await fetch('http://' + host + '/v2/' + repo + '/manifests/' + tag, { method: 'PUT', headers: { 'Content-Type': type }, body });
    if (put.status !== 201) { console.error('fake push failed', put.status); process.exit(1); }
  }
}
`,
  );
  return fakeTool('docker', `FAKE_DIR="$(dirname "$0")" exec "${process.execPath}" "${helper}" "$@"`);
}

/** The build command with the one value that changes every run (the created label, the metadata file) made stable. */
function buildCommand(docker: FakeTool): string[] | undefined {
  const build = docker.calls().find((c) => c[0] === 'buildx' && c[1] === 'build');
  return build?.map((a, i, all) =>
    a.startsWith('org.opencontainers.image.created=')
      ? 'org.opencontainers.image.created=<time>'
      : all[i - 1] === '--metadata-file'
        ? '<metadata-file>'
        : a,
  );
}

describe('build-push-multiarch with builder: buildx (a fake docker records the exact command)', () => {
  let registry: TestRegistry;
  let context: string;
  beforeAll(async () => {
    registry = await startRegistry();
    context = scratchContext();
    await pushSyntheticIndex(registry, REPO, 'fixture', ['linux/amd64', 'linux/arm64']);
  }, 30_000);
  afterAll(async () => {
    await registry?.stop();
  });

  const run = (docker: FakeTool, inputs: Record<string, string>, env: Record<string, string> = {}) =>
    runAction(
      'build-push-multiarch',
      {
        registry: registry.host,
        'insecure-registry': 'true',
        repository: REPO,
        builder: 'buildx',
        context,
        'default-branch': 'main',
        ...inputs,
      },
      {
        env: {
          GITHUB_REF: 'refs/heads/main',
          GITHUB_REPOSITORY: 'acme/app',
          PATH: `${docker.dir}${path.delimiter}${process.env['PATH'] ?? ''}`,
          ...env,
        },
      },
    );

  test('two platforms, registry cache, target, build args, a build secret and extra tags', async () => {
    const docker = fakeDocker();
    const token = registerTestSecret('pip-token-value-9f8e7d');
    const result = await run(
      docker,
      { tags: 'head,worker', target: 'runtime', 'build-args': 'PYTHON=3.12\nEXTRA=a,b', 'secret-envs': 'PIP_TOKEN' },
      { GITHUB_SHA: SHA, PIP_TOKEN: token },
    );
    expect(result.log).not.toMatch(/::error/);
    expect(result.exitCode).toBe(0);
    const host = registry.host;
    expect(buildCommand(docker)).toEqual([
      'buildx',
      'build',
      '--platform',
      'linux/amd64,linux/arm64',
      '--provenance=false',
      '--tag',
      `${host}/${REPO}:${SHA}`,
      '--tag',
      `${host}/${REPO}:latest`,
      '--tag',
      `${host}/${REPO}:head`,
      '--tag',
      `${host}/${REPO}:worker`,
      '--file',
      path.join(context, 'Dockerfile'),
      '--target',
      'runtime',
      '--label',
      'org.opencontainers.image.source=https://github.com/acme/app',
      '--label',
      `org.opencontainers.image.revision=${SHA}`,
      '--label',
      'org.opencontainers.image.created=<time>',
      '--build-arg',
      'PYTHON=3.12',
      '--build-arg',
      'EXTRA=a,b',
      '--secret',
      'id=PIP_TOKEN,env=PIP_TOKEN',
      '--cache-from',
      `type=registry,ref=${host}/${REPO}-cache:buildcache,registry.insecure=true`,
      '--cache-to',
      `type=registry,ref=${host}/${REPO}-cache:buildcache,mode=max,image-manifest=true,oci-mediatypes=true,registry.insecure=true`,
      '--output',
      'type=image,push=true,registry.insecure=true',
      '--metadata-file',
      '<metadata-file>',
      context,
    ]);
    // The secret's value never reaches a command line; it is masked.
    expect(docker.calls().flat().join(' ')).not.toContain(token);
    expect(result.masked).toContain(token);
    const index = await fetchManifest(registry, REPO, SHA);
    expect(result.outputs['digest']).toBe(index?.digest);
    expect(result.outputs['tags']).toBe(`${SHA},latest,head,worker`);
  }, 60_000);

  test('push: false with gha cache: one sha tag, no push, no cache export, nothing verified', async () => {
    const docker = fakeDocker();
    const sha = '1'.repeat(40);
    const result = await run(
      docker,
      { 'insecure-registry': 'false', cache: 'gha', push: 'false' },
      { GITHUB_SHA: sha, GITHUB_REF: 'refs/heads/feature' },
    );
    expect(result.exitCode).toBe(0);
    const command = buildCommand(docker) ?? [];
    expect(command).toContain('--provenance=false');
    expect(command).not.toContain('--push');
    expect(command.filter((a) => a === '--tag')).toHaveLength(1);
    expect(command).toContain(`${registry.host}/${REPO}:${sha}`);
    expect(command.join(' ')).toContain(`--cache-from type=gha,scope=${REPO} `);
    expect(command).not.toContain('--cache-to');
    expect(result.outputs['built']).toBe('true');
    expect(result.outputs['digest']).toBeUndefined();
  }, 60_000);

  test('a matrix leg (one platform) pushes <sha>-<os>-<arch> with its own cache tag', async () => {
    const docker = fakeDocker();
    const sha = '3'.repeat(40);
    await pushSyntheticIndex(registry, REPO, 'fixture', ['linux/arm64']);
    const result = await run(docker, { platforms: 'linux/arm64', tags: 'head' }, { GITHUB_SHA: sha });
    const command = buildCommand(docker) ?? [];
    expect(command.slice(0, 7)).toEqual([
      'buildx',
      'build',
      '--platform',
      'linux/arm64',
      '--provenance=false',
      '--tag',
      `${registry.host}/${REPO}:${sha}-linux-arm64`,
    ]);
    expect(command.filter((a) => a === '--tag')).toHaveLength(1);
    expect(command.join(' ')).toContain(`ref=${registry.host}/${REPO}-cache:buildcache-linux-arm64,`);
    expect(result.exitCode).toBe(0);
    expect(result.outputs['tags']).toBe(`${sha}-linux-arm64`);
  }, 60_000);

  test('the docker driver is replaced by a container builder for several platforms; RUN steps get QEMU', async () => {
    const docker = fakeDocker();
    const withRun = scratchContext({
      dockerfile: 'FROM scratch AS runtime\nCOPY hello.txt /hello.txt\nRUN ["/hello.txt"]\n',
    });
    await pushSyntheticIndex(registry, REPO, 'fixture', ['linux/amd64', 'linux/arm64']);
    await run(docker, { context: withRun, cache: 'none' }, { GITHUB_SHA: '4'.repeat(40), FAKE_DRIVER: 'docker' });
    const calls = docker.calls();
    expect(calls).toContainEqual([
      'buildx',
      'create',
      '--name',
      'hoist-multiarch',
      '--driver',
      'docker-container',
      '--use',
    ]);
    const qemu = ['run', '--privileged', '--rm', BINFMT_PINNED, '--install', 'arm64'];
    if (existsSync('/proc/sys/fs/binfmt_misc/qemu-aarch64')) expect(calls).not.toContainEqual(qemu);
    else expect(calls).toContainEqual(qemu);
    // The order matters: emulation and builder are ready before the build.
    const buildAt = calls.findIndex((c) => c[1] === 'build');
    expect(calls.findIndex((c) => c[1] === 'create')).toBeLessThan(buildAt);
  }, 60_000);
  test('login: a 502 on the first docker login is retried after 1 s, and the build goes on', async () => {
    const docker = fakeDocker();
    const password = registerTestSecret('flaky-login-password-5c4b');
    await pushSyntheticIndex(registry, REPO, 'fixture', ['linux/amd64', 'linux/arm64']);
    const result = await run(
      docker,
      { username: 'ci', password, cache: 'none' },
      { GITHUB_SHA: '5'.repeat(40), FAKE_LOGIN: 'fail-once' },
    );
    expect(result.log).not.toMatch(/::error/);
    expect(result.exitCode).toBe(0);
    const logins = docker.calls().filter((c) => c[0] === 'login');
    expect(logins).toEqual([
      ['login', '--username', 'ci', '--password-stdin', registry.host],
      ['login', '--username', 'ci', '--password-stdin', registry.host],
    ]);
    expect(result.log).toContain(
      `docker login to ${registry.host}: the registry did not answer properly on attempt 1 of 3; trying again in 1000 ms.`,
    );
    expect(docker.calls().some((c) => c[1] === 'build')).toBe(true);
    expect(result.log).not.toContain(password);
  }, 60_000);

  test('login: a refused password stops after 3 attempts with a clear error, no build, no password shown', async () => {
    const docker = fakeDocker();
    const password = registerTestSecret('refused-login-password-8e2f');
    const result = await run(
      docker,
      { username: 'ci', password, cache: 'none' },
      { GITHUB_SHA: '6'.repeat(40), FAKE_LOGIN: 'refuse' },
    );
    expect(result.exitCode).toBe(1);
    expect(docker.calls().filter((c) => c[0] === 'login')).toHaveLength(3);
    expect(docker.calls().some((c) => c[1] === 'build')).toBe(false);
    expect(result.log).toContain(
      `docker login to ${registry.host} was refused 3 times: the registry does not accept this user name and password`,
    );
    expect(result.log).not.toContain(password);
    expect(result.masked).toContain(password);
  }, 60_000);
});
