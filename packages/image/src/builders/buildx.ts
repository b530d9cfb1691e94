import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { formatPlatform } from '../reference.js';
import type { RegistryCredentials } from '../registry.js';
import { imageRef, type BuildRequest, type BuildResult, type Builder, type BuilderDeps } from './builder.js';
import { loginWithRetry, runTool } from './run-tool.js';

/** The builder hoist creates when the current one (the `docker` driver) cannot build several platforms. */
export const BUILDX_BUILDER_NAME = 'hoist-multiarch';

/**
 * docker buildx: every tag is pushed by the build itself (`--push`, or an image output with
 * `registry.insecure=true` for a plain-HTTP registry), without provenance attestations (they break ECR tooling).
 */
export class BuildxBuilder implements Builder {
  readonly name = 'buildx';
  readonly tool = 'docker';

  private loggedIn: string | undefined;

  constructor(private readonly deps: BuilderDeps) {}

  async login(registry: string, credentials: RegistryCredentials): Promise<void> {
    this.loggedIn = registry;
    await loginWithRetry(
      this.deps,
      this.tool,
      ['login', '--username', credentials.username, '--password-stdin', registry],
      registry,
      credentials.password,
    );
  }

  /** The `docker` driver builds one platform only (without the containerd image store): use a container builder. */
  async ensureBuilder(platformCount: number): Promise<void> {
    const inspect = await runTool(this.deps, this.tool, ['buildx', 'inspect'], 'docker buildx inspect');
    const driver = /^Driver:\s*(\S+)/m.exec(inspect)?.[1];
    if (platformCount < 2 || driver !== 'docker') return;
    const existing = await this.deps.exec(this.tool, ['buildx', 'inspect', BUILDX_BUILDER_NAME], {
      signal: this.deps.signal,
      ...(this.deps.env ? { env: this.deps.env } : {}),
    });
    const args =
      existing.exitCode === 0
        ? ['buildx', 'use', BUILDX_BUILDER_NAME]
        : ['buildx', 'create', '--name', BUILDX_BUILDER_NAME, '--driver', 'docker-container', '--use'];
    await runTool(this.deps, this.tool, args, 'docker buildx builder for several platforms');
  }

  buildArgs(request: BuildRequest, metadataFile: string): string[] {
    const args = [
      'buildx',
      'build',
      '--platform',
      request.platforms.map(formatPlatform).join(','),
      '--provenance=false',
    ];
    for (const tag of request.tags) args.push('--tag', imageRef(request.registry, request.repository, tag));
    if (request.file) args.push('--file', request.file);
    if (request.target) args.push('--target', request.target);
    for (const [key, value] of Object.entries(request.labels)) args.push('--label', `${key}=${value}`);
    for (const arg of request.buildArgs) args.push('--build-arg', arg);
    for (const name of request.secrets) args.push('--secret', `id=${name},env=${name}`);
    const insecure = request.insecure ? ',registry.insecure=true' : '';
    if (request.cache.type === 'registry') {
      args.push('--cache-from', `type=registry,ref=${request.cache.ref}${insecure}`);
      if (request.push)
        args.push(
          '--cache-to',
          `type=registry,ref=${request.cache.ref},mode=max,image-manifest=true,oci-mediatypes=true${insecure}`,
        );
    } else if (request.cache.type === 'gha') {
      args.push('--cache-from', `type=gha,scope=${request.cache.scope}`);
      if (request.push) args.push('--cache-to', `type=gha,scope=${request.cache.scope},mode=max`);
    }
    if (request.push) args.push(...(request.insecure ? ['--output', `type=image,push=true${insecure}`] : ['--push']));
    args.push('--metadata-file', metadataFile, request.context);
    return args;
  }

  async build(request: BuildRequest): Promise<BuildResult> {
    await this.ensureBuilder(request.platforms.length);
    const metadataFile = path.join(this.deps.tempDir, `hoist-buildx-metadata-${randomBytes(6).toString('hex')}.json`);
    await runTool(
      this.deps,
      this.tool,
      this.buildArgs(request, metadataFile),
      `docker buildx build for ${request.platforms.map(formatPlatform).join(', ')}`,
    );
    const digest = readMetadataDigest(metadataFile);
    return { pushedTags: request.push ? [...request.tags] : [], ...(digest ? { digest } : {}) };
  }

  async cleanup(): Promise<void> {
    // A self-hosted runner must not keep the registry password in ~/.docker/config.json after the job.
    if (!this.loggedIn) return;
    await this.deps
      .exec(this.tool, ['logout', this.loggedIn], {
        signal: AbortSignal.timeout(5_000),
        ...(this.deps.env ? { env: this.deps.env } : {}),
      })
      .catch(() => undefined);
  }
}

function readMetadataDigest(file: string): string | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    rmSync(file, { force: true });
    const digest = parsed['containerimage.digest'];
    return typeof digest === 'string' && /^sha256:[a-f0-9]{64}$/.test(digest) ? digest : undefined;
  } catch {
    return undefined;
  }
}
