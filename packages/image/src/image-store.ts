import type { Ecr } from './ecr.js';
import { isIndex } from './media-types.js';
import { indexEntries, platformsOf } from './oci-index.js';
import type { Platform } from './reference.js';
import type { RegistryClient, StoredManifest } from './registry.js';

export type TagOutcome = 'tagged' | 'already' | 'immutable';

/**
 * Where images are read back and tagged: the ECR API for an ECR registry (BatchGetImage, PutImage), the OCI
 * distribution API for any other. Either way a tag is added by copying the manifest bytes: zero layers move.
 */
export interface ImageStore {
  readonly kind: 'ecr' | 'registry';
  get(reference: { tag: string } | { digest: string }): Promise<StoredManifest | undefined>;
  /** The digest each existing tag names (absent tags are left out). */
  tagDigests(tags: readonly string[]): Promise<Map<string, string>>;
  putTag(manifest: StoredManifest, tag: string): Promise<TagOutcome>;
  platforms(manifest: StoredManifest): Promise<Platform[]>;
}

export class RegistryStore implements ImageStore {
  readonly kind = 'registry';
  constructor(
    private readonly client: RegistryClient,
    private readonly repository: string,
  ) {}

  get(reference: { tag: string } | { digest: string }): Promise<StoredManifest | undefined> {
    return this.client.getManifest(this.repository, 'tag' in reference ? reference.tag : reference.digest);
  }

  async tagDigests(tags: readonly string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const tag of tags) {
      const digest = await this.client.headManifest(this.repository, tag);
      if (digest) found.set(tag, digest);
    }
    return found;
  }

  async putTag(manifest: StoredManifest, tag: string): Promise<TagOutcome> {
    if ((await this.client.headManifest(this.repository, tag)) === manifest.digest) return 'already';
    await this.client.putManifest(this.repository, tag, manifest.bytes, manifest.mediaType);
    return 'tagged';
  }

  platforms(manifest: StoredManifest): Promise<Platform[]> {
    return platformsOf(this.client, this.repository, manifest);
  }
}

export class EcrStore implements ImageStore {
  readonly kind = 'ecr';
  constructor(
    private readonly ecr: Ecr,
    private readonly repository: string,
    /** For the platform of a single image (its config blob), which the ECR API does not return. */
    private readonly registry: RegistryClient | undefined,
    private readonly signal?: AbortSignal,
  ) {}

  get(reference: { tag: string } | { digest: string }): Promise<StoredManifest | undefined> {
    return this.ecr.getManifest(this.repository, reference, this.signal);
  }

  tagDigests(tags: readonly string[]): Promise<Map<string, string>> {
    return this.ecr.tagDigests(this.repository, tags, this.signal);
  }

  async putTag(manifest: StoredManifest, tag: string): Promise<TagOutcome> {
    // A tag already in place costs a read, not a write.
    if ((await this.tagDigests([tag])).get(tag) === manifest.digest) return 'already';
    return this.ecr.putTag(this.repository, manifest, tag, this.signal);
  }

  async platforms(manifest: StoredManifest): Promise<Platform[]> {
    if (isIndex(manifest.mediaType)) return indexEntries(manifest).map((e) => e.platform);
    if (!this.registry) return [];
    return platformsOf(this.registry, this.repository, manifest);
  }
}

export interface ChildTag {
  tag: string;
  digest: string;
  platform: Platform;
  /** `missing`: the index names a manifest the repository does not hold. */
  outcome: TagOutcome | 'missing';
}

/**
 * Tags every platform image of an index (`tagFor(platform)`, e.g. `<commit>-linux-amd64`), so a lifecycle rule that
 * keeps tagged images keeps them too: ECR does not document that it spares the untagged children of a tagged index
 * (docs/actions/build-push-multiarch-lifecycle.md). Each child manifest is copied; zero layers move.
 */
export async function tagIndexChildren(
  store: ImageStore,
  index: StoredManifest,
  tagFor: (platform: Platform) => string,
): Promise<ChildTag[]> {
  const tagged: ChildTag[] = [];
  for (const entry of indexEntries(index)) {
    const tag = tagFor(entry.platform);
    const child = await store.get({ digest: entry.digest });
    const outcome = child ? await store.putTag(child, tag) : 'missing';
    tagged.push({ tag, digest: entry.digest, platform: entry.platform, outcome });
  }
  return tagged;
}
