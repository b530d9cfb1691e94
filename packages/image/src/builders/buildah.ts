import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { formatPlatform } from '../reference.js';
import type { RegistryCredentials } from '../registry.js';
import { imageRef, type BuildRequest, type BuildResult, type Builder, type BuilderDeps } from './builder.js';
import { loginWithRetry, runTool } from './run-tool.js';

/**
 * buildah: no daemon. Every platform is built into one local manifest list (`--manifest`), then
 * `buildah manifest push --all` pushes the images and the index under the first tag; one platform is built as a
 * single image and pushed with `buildah push`. No layer cache (see buildArgs). Storage driver and isolation follow the environment
 * (STORAGE_DRIVER, BUILDAH_ISOLATION), as buildah itself reads them.
 */
export class BuildahBuilder implements Builder {
  readonly name = 'buildah';
  readonly tool = 'buildah';
  private authFile: string | undefined;
  private readonly local = `localhost/hoist-build-${randomBytes(6).toString('hex')}`;
  private localKind: 'manifest' | 'image' | undefined;

  constructor(private readonly deps: BuilderDeps) {}

  async login(registry: string, credentials: RegistryCredentials, insecure: boolean): Promise<void> {
    // A private auth file per run: the runner's own login state is left as it was.
    this.authFile = path.join(this.deps.tempDir, `hoist-buildah-auth-${randomBytes(6).toString('hex')}.json`);
    await loginWithRetry(
      this.deps,
      this.tool,
      [
        'login',
        '--authfile',
        this.authFile,
        '--username',
        credentials.username,
        '--password-stdin',
        ...(insecure ? ['--tls-verify=false'] : []),
        registry,
      ],
      registry,
      credentials.password,
    );
  }

  buildArgs(request: BuildRequest): string[] {
    const single = request.platforms.length === 1;
    // No --layers: buildah's layer cache is not keyed by platform for stages without a platform-specific base
    // (FROM scratch), so the arm64 image would silently be the amd64 one.
    const args = ['build', '--platform', request.platforms.map(formatPlatform).join(',')];
    args.push(...(single ? ['--tag', this.local] : ['--manifest', this.local]));
    if (request.file) args.push('--file', request.file);
    if (request.target) args.push('--target', request.target);
    for (const [key, value] of Object.entries(request.labels)) args.push('--label', `${key}=${value}`);
    for (const arg of request.buildArgs) args.push('--build-arg', arg);
    for (const name of request.secrets) args.push('--secret', `id=${name},env=${name}`);
    if (request.insecure) args.push('--tls-verify=false');
    if (this.authFile) args.push('--authfile', this.authFile);
    args.push(request.context);
    return args;
  }

  async build(request: BuildRequest): Promise<BuildResult> {
    if (request.cache.type !== 'none') {
      this.deps.reporter.info(
        `cache: ${request.cache.type} is applied by buildx; buildah builds without a layer cache (its cache is not keyed by platform for FROM scratch stages).`,
      );
    }
    const single = request.platforms.length === 1;
    this.localKind = single ? 'image' : 'manifest';
    await runTool(
      this.deps,
      this.tool,
      this.buildArgs(request),
      `buildah build for ${request.platforms.map(formatPlatform).join(', ')}`,
    );
    const primary = request.tags[0];
    if (!request.push || !primary) return { pushedTags: [] };
    const digestFile = path.join(this.deps.tempDir, `hoist-digest-${randomBytes(6).toString('hex')}`);
    const destination = `docker://${imageRef(request.registry, request.repository, primary)}`;
    const common = [
      ...(request.insecure ? ['--tls-verify=false'] : []),
      ...(this.authFile ? ['--authfile', this.authFile] : []),
      '--digestfile',
      digestFile,
    ];
    const args = single
      ? ['push', ...common, this.local, destination]
      : ['manifest', 'push', '--all', '--format', 'oci', ...common, this.local, destination];
    await runTool(this.deps, this.tool, args, `buildah push to ${request.registry}/${request.repository}:${primary}`);
    const digest = readDigest(digestFile);
    return { pushedTags: [primary], ...(digest ? { digest } : {}) };
  }

  async cleanup(): Promise<void> {
    if (this.authFile) rmSync(this.authFile, { force: true });
    // After a cancel the runner is going away: do not start another process.
    if (!this.localKind || this.deps.signal.aborted) return;
    const args = this.localKind === 'manifest' ? ['manifest', 'rm', this.local] : ['rmi', this.local];
    // Best effort: a self-hosted runner's storage should not keep one list per run.
    await this.deps
      .exec(this.tool, args, {
        signal: AbortSignal.timeout(CLEANUP_TIMEOUT_MS),
        ...(this.deps.env ? { env: this.deps.env } : {}),
      })
      .catch(() => undefined);
  }
}

const CLEANUP_TIMEOUT_MS = 10_000;

function readDigest(file: string): string | undefined {
  try {
    const text = readFileSync(file, 'utf8').trim();
    rmSync(file, { force: true });
    return /^sha256:[a-f0-9]{64}$/.test(text) ? text : undefined;
  } catch {
    return undefined;
  }
}
