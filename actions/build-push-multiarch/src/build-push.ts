import { tmpdir } from 'node:os';
import { exec, markdownTable, UserError, type ActionContext, type Reporter } from '@hoist/kit';
import type * as ImageModuleValue from '@hoist/image';
import type {
  Builder,
  BuildRequest,
  CacheSpec,
  Ecr,
  ImageStore,
  PlannedTag,
  Platform,
  RegistryClient,
  RegistryCredentials,
  StoredManifest,
} from '@hoist/image';
import { commitContext, type CommitContext } from './commit.js';
import { getInputs, type Inputs } from './inputs.js';

/** @hoist/image, imported lazily after the inputs are parsed. */
type ImageModule = typeof ImageModuleValue;

/** Where the image goes, and how to reach it. */
interface Target {
  registry: string;
  client: RegistryClient;
  credentials: RegistryCredentials | undefined;
  ecr: Ecr | undefined;
}

interface Outcome {
  manifest: StoredManifest | undefined;
  built: boolean;
  tags: string[];
}

export async function buildPush({ reporter, inputs: source, signal }: ActionContext): Promise<void> {
  const inputs = getInputs(source);
  if (inputs.password) reporter.setSecret(inputs.password);
  for (const name of inputs['secret-envs']) reporter.setSecret(process.env[name] ?? '');
  const commit = await commitContext(inputs['default-branch'], signal);
  const image = await import('@hoist/image');
  const target = await connect(inputs, reporter, signal);
  const repository = inputs.repository;
  const labels = image.ociLabels({
    sha: commit.sha,
    created: new Date(),
    ...(commit.source ? { source: commit.source } : {}),
    ...versionOf(commit, image),
  });

  const single = inputs.mode === 'build' && inputs.platforms.length === 1;
  const planned: PlannedTag[] = single
    ? [
        {
          tag: image.platformTag(commit.sha, image.platformSlug(inputs.platforms[0] as Platform)),
          kind: 'platform',
          moving: false,
        },
      ]
    : image.planTags({
        sha: commit.sha,
        extras: inputs.tags,
        ...(commit.ref ? { ref: commit.ref } : {}),
        ...(commit.defaultBranch ? { defaultBranch: commit.defaultBranch } : {}),
      });

  const mutability =
    target.ecr && (inputs.push || inputs.mode === 'merge')
      ? await prepareEcr(target.ecr, inputs, reporter, signal)
      : undefined;
  const tags = immutableOnly(planned, mutability, repository, reporter);
  const store: ImageStore = target.ecr
    ? new image.EcrStore(target.ecr, repository, target.client, signal)
    : new image.RegistryStore(target.client, repository);

  const outcome =
    inputs.mode === 'merge'
      ? await merge(inputs, commit, target, store, tags, reporter)
      : await build(inputs, commit, target, store, tags, labels, reporter, signal);

  if (!outcome.manifest) {
    reporter.info('push: false — the image was built and not pushed; nothing to verify.');
    reporter.setOutput('built', String(outcome.built));
    reporter.setOutput('platforms', inputs.platforms.map(image.formatPlatform).join(','));
    return;
  }
  const verified = await verify(
    store,
    outcome.manifest,
    outcome.tags,
    inputs.platforms,
    `${target.registry}/${repository}`,
  );
  if (store.kind === 'ecr' && image.isIndex(outcome.manifest.mediaType))
    await tagPlatformImages(store, outcome.manifest, outcome.tags, commit.sha, repository, reporter);
  const imageUri = `${target.registry}/${repository}@${verified.digest}`;
  reporter.setOutput('digest', verified.digest);
  reporter.setOutput('image-uri', imageUri);
  reporter.setOutput('tags', outcome.tags.join(','));
  reporter.setOutput('platforms', verified.platforms.join(','));
  reporter.setOutput('built', String(outcome.built));
  if (inputs['parameters-file'])
    await writeImageParameter(inputs['parameters-file'], inputs['image-parameter'], imageUri, reporter);
  reporter.summary(
    [
      `### build-push-multiarch: ${outcome.built ? 'built and pushed' : inputs.mode === 'merge' ? 'merged' : 'already built — tags added'}`,
      markdownTable(
        ['', ''],
        [
          ['Image', `\`${imageUri}\``],
          ['Tags', outcome.tags.map((t) => `\`${t}\``).join(' ')],
          ['Platforms', verified.platforms.join(', ')],
          ['Builder', outcome.built ? inputs.builder : 'none (no build ran)'],
        ],
      ),
    ].join('\n\n'),
  );
}

function versionOf(commit: CommitContext, image: ImageModule): { version?: string } {
  const version = image.versionFromRef(commit.ref ?? '');
  return version ? { version: version.version } : {};
}

/** Registry host, registry client and credentials: ECR's (GetAuthorizationToken) or the inputs' for another registry. */
async function connect(inputs: Inputs, reporter: Reporter, signal: AbortSignal): Promise<Target> {
  const image = await import('@hoist/image');
  const onRetry = (message: string) => reporter.info(`registry: retrying ${message}`);
  const ecrHost = inputs.registry ? image.parseEcrHost(inputs.registry) : undefined;
  if (inputs.registry && !ecrHost) {
    const credentials =
      inputs.username && inputs.password ? { username: inputs.username, password: inputs.password } : undefined;
    const client = new image.RegistryClient({
      registry: inputs.registry,
      insecure: inputs['insecure-registry'],
      signal,
      onRetry,
      ...(credentials ? { credentials } : {}),
    });
    return { registry: inputs.registry, client, credentials, ecr: undefined };
  }
  const { resolveRegion } = await import('@hoist/aws');
  const region = ecrHost?.region ?? (await resolveRegion(inputs.region)).region;
  const ecr = await image.Ecr.create(region);
  const auth = await ecr.authorization(signal);
  reporter.setSecret(auth.credentials.password);
  reporter.setSecret(Buffer.from(`${auth.credentials.username}:${auth.credentials.password}`).toString('base64'));
  const registry = inputs.registry ?? auth.registry;
  const client = new image.RegistryClient({
    registry,
    insecure: inputs['insecure-registry'],
    credentials: auth.credentials,
    signal,
    onRetry,
  });
  return { registry, client, credentials: auth.credentials, ecr };
}

/** Ensures the repository (and the cache repository) with its lifecycle policy; returns its tag mutability. */
async function prepareEcr(ecr: Ecr, inputs: Inputs, reporter: Reporter, signal: AbortSignal): Promise<string> {
  const image = await import('@hoist/image');
  const name = inputs.repository;
  if (inputs.mode === 'merge') {
    const existing = await ecr.describeRepository(name, signal);
    if (!existing) {
      throw new UserError(`ECR repository '${name}' does not exist, so there are no per-platform images to merge.`, {
        code: 'no-repository',
        fix: 'run the matrix legs (mode: build, one platform each) before mode: merge (docs/actions/build-push-multiarch-matrix.md).',
      });
    }
    return existing.imageTagMutability ?? 'MUTABLE';
  }
  const settings = {
    scanOnPush: inputs['scan-on-push'],
    tagMutability: inputs['tag-mutability'],
    ...(inputs['kms-key'] ? { kmsKey: inputs['kms-key'] } : {}),
  };
  const repository = await ecr.ensureRepository(name, settings, signal);
  reporter.info(
    repository.created
      ? `Created ECR repository ${repository.uri} (scan on push: ${settings.scanOnPush}, tags ${settings.tagMutability}, ${settings.kmsKey ? 'KMS' : 'AES256'} encryption).`
      : `ECR repository ${repository.uri} exists (tags ${repository.tagMutability}).`,
  );
  if (
    !repository.created &&
    repository.tagMutability !== settings.tagMutability &&
    !repository.tagMutability.startsWith(settings.tagMutability)
  ) {
    reporter.info(
      `tag-mutability is ${settings.tagMutability}, but the existing repository says ${repository.tagMutability}; hoist does not change an existing repository: the repository's setting applies.`,
    );
  }
  const policy = await ecr.ensureLifecyclePolicy(name, image.imageLifecyclePolicy(), signal);
  reporter.info(
    policy === 'put'
      ? `Put hoist's lifecycle policy on ${name} (untagged images expire after ${image.UNTAGGED_EXPIRY_DAYS} days; tagged images are kept).`
      : `${name} has a lifecycle policy already; left as it is.`,
  );
  // Only buildx uses the registry cache (buildah builds without one).
  if (inputs.cache === 'registry' && inputs.builder === 'buildx') {
    const cache = await ecr.ensureRepository(
      `${name}-cache`,
      { ...settings, scanOnPush: false, tagMutability: 'MUTABLE' },
      signal,
    );
    if (cache.created)
      reporter.info(`Created the build cache repository ${cache.uri} (MUTABLE: the cache tag moves every build).`);
    await ecr.ensureLifecyclePolicy(cache.name, image.cacheLifecyclePolicy(), signal);
  }
  return repository.tagMutability;
}

/** In an IMMUTABLE repository a moving tag can be pushed only once: say so once and push the immutable tags. */
function immutableOnly(
  planned: PlannedTag[],
  mutability: string | undefined,
  repository: string,
  reporter: Reporter,
): string[] {
  if (!mutability?.startsWith('IMMUTABLE')) return planned.map((p) => p.tag);
  const moving = planned.filter((p) => p.moving).map((p) => p.tag);
  const kept = planned.filter((p) => !p.moving).map((p) => p.tag);
  if (moving.length > 0) {
    reporter.annotate({
      level: 'warning',
      title: 'immutable tags',
      message: `ECR repository '${repository}' has imageTagMutability=${mutability}, so tags that move (${moving.join(', ')}) cannot be pushed twice: pushing only ${kept.join(', ')}. To move them, set the repository's tag mutability to MUTABLE (aws ecr put-image-tag-mutability --image-tag-mutability MUTABLE).`,
    });
  }
  return kept;
}

async function build(
  inputs: Inputs,
  commit: CommitContext,
  target: Target,
  store: ImageStore,
  tags: string[],
  labels: Record<string, string>,
  reporter: Reporter,
  signal: AbortSignal,
): Promise<Outcome> {
  const image = await import('@hoist/image');
  const primary = tags[0] ?? commit.sha;
  const wanted = inputs.platforms.map(image.formatPlatform).join(', ');
  if (inputs.push) {
    const existing = await store.get({ tag: primary });
    if (existing) {
      const has = await store.platforms(existing);
      const missing = inputs.platforms.filter((p) => !has.some((h) => image.samePlatform(h, p)));
      if (missing.length === 0) {
        reporter.info(
          `Skipping the build: ${target.registry}/${inputs.repository}:${primary} already holds commit ${commit.sha} for ${wanted} (${existing.digest}). Missing tags are added by copying its manifest; zero layers move.`,
        );
        return { manifest: existing, built: false, tags: await applyTags(store, existing, tags, reporter) };
      }
      reporter.info(`${primary} exists without ${missing.map(image.formatPlatform).join(', ')}: rebuilding.`);
    }
  }
  const single = inputs.platforms.length === 1;
  const slug = single ? image.platformSlug(inputs.platforms[0] as Platform) : '';
  const cache: CacheSpec =
    inputs.cache === 'registry'
      ? {
          type: 'registry',
          ref: `${target.registry}/${inputs.repository}-cache:${single ? `buildcache-${slug}` : 'buildcache'}`,
        }
      : inputs.cache === 'gha'
        ? { type: 'gha', scope: single ? `${inputs.repository}-${slug}` : inputs.repository }
        : { type: 'none' };
  const deps = { exec, reporter, signal, tempDir: process.env['RUNNER_TEMP'] || tmpdir() };
  const builder: Builder =
    inputs.builder === 'buildah' ? new image.BuildahBuilder(deps) : new image.BuildxBuilder(deps);
  const request: BuildRequest = {
    context: inputs.context,
    file: inputs.file,
    ...(inputs.target ? { target: inputs.target } : {}),
    platforms: inputs.platforms,
    buildArgs: inputs['build-args'],
    secrets: inputs['secret-envs'],
    labels,
    registry: target.registry,
    repository: inputs.repository,
    tags,
    push: inputs.push,
    insecure: inputs['insecure-registry'],
    cache,
  };
  const result = await reporter.group(`Build ${wanted} with ${builder.name}`, async () => {
    try {
      if (target.credentials && (inputs.push || cache.type === 'registry'))
        await builder.login(target.registry, target.credentials, inputs['insecure-registry']);
      await image.ensureEmulation({ platforms: inputs.platforms, dockerfile: inputs.file, exec, reporter, signal });
      return await builder.build(request);
    } finally {
      await builder.cleanup();
    }
  });
  if (!inputs.push) return { manifest: undefined, built: true, tags: [] };
  const manifest =
    (result.digest ? await store.get({ digest: result.digest }) : undefined) ?? (await store.get({ tag: primary }));
  if (!manifest) {
    throw new UserError(
      `${builder.name} reported a push, but ${target.registry}/${inputs.repository}:${primary} cannot be read back.`,
      { code: 'push-missing' },
    );
  }
  return { manifest, built: true, tags: await applyTags(store, manifest, tags, reporter) };
}

/** `mode: merge`: the per-platform images of this commit, found by tag, become one OCI index — registry API only. */
async function merge(
  inputs: Inputs,
  commit: CommitContext,
  target: Target,
  store: ImageStore,
  tags: string[],
  reporter: Reporter,
): Promise<Outcome> {
  const image = await import('@hoist/image');
  const entries = [];
  const missing: string[] = [];
  for (const platform of inputs.platforms) {
    const tag = image.platformTag(commit.sha, image.platformSlug(platform));
    const entry = await image.platformManifest(target.client, inputs.repository, tag, platform);
    if (entry) entries.push(entry);
    else missing.push(tag);
  }
  if (missing.length > 0) {
    throw new UserError(
      `No per-platform image for commit ${commit.sha} in ${target.registry}/${inputs.repository}: ${missing.join(', ')} not found.`,
      {
        code: 'merge-missing',
        fix: 'every matrix leg must run mode: build with one platform for this commit before mode: merge (docs/actions/build-push-multiarch-matrix.md).',
      },
    );
  }
  // No timestamp: the same legs always merge into the same index, so a rerun changes nothing.
  const index = image.buildIndex(entries, {
    'org.opencontainers.image.revision': commit.sha,
    ...(commit.source ? { 'org.opencontainers.image.source': commit.source } : {}),
  });
  reporter.info(
    `Merged ${entries.map((e) => `${image.formatPlatform(e.platform)} ${e.digest}`).join(', ')} into index ${index.digest}.`,
  );
  if (store.kind === 'registry')
    await target.client.putManifest(inputs.repository, index.digest, index.bytes, index.mediaType);
  return { manifest: index, built: false, tags: await applyTags(store, index, tags, reporter) };
}

/** Points every tag at the manifest (copying it); a tag an IMMUTABLE repository keeps elsewhere is an error. */
async function applyTags(
  store: ImageStore,
  manifest: StoredManifest,
  tags: readonly string[],
  reporter: Reporter,
): Promise<string[]> {
  const added: string[] = [];
  for (const tag of tags) {
    const outcome = await store.putTag(manifest, tag);
    if (outcome === 'immutable') {
      throw new UserError(`Tag '${tag}' already names a different image, and the repository's tags are IMMUTABLE.`, {
        code: 'tag-immutable',
        fix: 'a commit is built once: delete the stray image, or push this build from a new commit.',
      });
    }
    if (outcome === 'tagged') added.push(tag);
  }
  reporter.info(
    added.length > 0
      ? `Tagged ${manifest.digest} as ${added.join(', ')} (manifest copied, zero layers moved).`
      : `Every tag already names ${manifest.digest}.`,
  );
  return [...tags];
}

/**
 * In ECR each platform image of the index gets its `<commit>-<os>-<arch>` tag, so the lifecycle policy's tagged
 * images include them (docs/actions/build-push-multiarch-lifecycle.md). Matrix legs pushed them under that tag
 * already; a tag that names another image is left as it is, with a warning.
 */
async function tagPlatformImages(
  store: ImageStore,
  index: StoredManifest,
  indexTags: readonly string[],
  sha: string,
  repository: string,
  reporter: Reporter,
): Promise<void> {
  const image = await import('@hoist/image');
  // A one-platform leg whose builder pushed an index keeps `<commit>-<os>-<arch>` on the index.
  if (indexTags.some((t) => t.startsWith(`${sha}-`))) return;
  const children = await image.tagIndexChildren(store, index, (p) => image.platformTag(sha, image.platformSlug(p)));
  const added = children.filter((c) => c.outcome === 'tagged').map((c) => c.tag);
  if (added.length > 0)
    reporter.info(`Tagged the platform images of ${index.digest} for the lifecycle policy: ${added.join(', ')}.`);
  for (const child of children.filter((c) => c.outcome === 'immutable' || c.outcome === 'missing')) {
    reporter.annotate({
      level: 'warning',
      title: 'platform image tag',
      message:
        child.outcome === 'missing'
          ? `${repository}@${child.digest} (${image.formatPlatform(child.platform)}), named by index ${index.digest}, cannot be read (deleted since the push?), so it was not tagged ${child.tag}.`
          : `'${child.tag}' already names another image in the IMMUTABLE repository '${repository}', so ${image.formatPlatform(child.platform)} ${child.digest} stays untagged: the lifecycle policy may expire it. Fix: delete the stray '${child.tag}' image and re-run.`,
    });
  }
}

/** Reads the image back by digest: every requested platform present, every tag naming this digest. */
async function verify(
  store: ImageStore,
  manifest: StoredManifest,
  tags: readonly string[],
  platforms: readonly Platform[],
  where: string,
): Promise<{ digest: string; platforms: string[] }> {
  const image = await import('@hoist/image');
  const readBack = await store.get({ digest: manifest.digest });
  if (!readBack)
    throw new UserError(`Verify: ${where}@${manifest.digest} cannot be read back.`, { code: 'verify-failed' });
  const has = await store.platforms(readBack);
  const missing = platforms.filter((p) => !has.some((h) => image.samePlatform(h, p)));
  if (missing.length > 0) {
    throw new UserError(
      `Verify: ${where}@${readBack.digest} lacks ${missing.map(image.formatPlatform).join(', ')} (it has ${has.map(image.formatPlatform).join(', ') || 'no platform'}).`,
      { code: 'verify-failed' },
    );
  }
  const digests = await store.tagDigests(tags);
  const wrong = tags.filter((t) => digests.get(t) !== readBack.digest);
  if (wrong.length > 0)
    throw new UserError(`Verify: tags ${wrong.join(', ')} of ${where} do not name ${readBack.digest}.`, {
      code: 'verify-failed',
    });
  return { digest: readBack.digest, platforms: platforms.map(image.formatPlatform) };
}

/** The one parameters-file writer (@hoist/cfn): the format and the other entries are kept as they are. */
async function writeImageParameter(
  file: string,
  parameter: string,
  imageUri: string,
  reporter: Reporter,
): Promise<void> {
  const { writeParameterValues } = await import('@hoist/cfn');
  writeParameterValues(file, { [parameter]: imageUri });
  reporter.info(`Wrote ${parameter}=${imageUri} into ${file}.`);
}
