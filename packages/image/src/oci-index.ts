import { UserError } from '@hoist/kit';
import { sha256Digest } from './digest.js';
import { OCI_INDEX, isIndex } from './media-types.js';
import { formatPlatform, samePlatform, type Platform } from './reference.js';
import type { RegistryClient, StoredManifest } from './registry.js';

/** One entry of an index: a single-platform image manifest. */
export interface IndexEntry {
  mediaType: string;
  digest: string;
  size: number;
  platform: Platform;
}

interface RawDescriptor {
  mediaType?: string;
  digest?: string;
  size?: number;
  platform?: { os?: string; architecture?: string; variant?: string };
  annotations?: Record<string, string>;
}

function parseJson<T>(bytes: Buffer, what: string): T {
  try {
    return JSON.parse(bytes.toString('utf8')) as T;
  } catch {
    throw new UserError(`${what} is not JSON.`, { code: 'bad-manifest' });
  }
}

/**
 * The platform entries of an index. Attestation manifests (buildx's `unknown/unknown` with a
 * `vnd.docker.reference.type`) are not platforms and are left out.
 */
export function indexEntries(manifest: StoredManifest): IndexEntry[] {
  if (!isIndex(manifest.mediaType)) return [];
  const parsed = parseJson<{ manifests?: RawDescriptor[] }>(manifest.bytes, `Index ${manifest.digest}`);
  return (parsed.manifests ?? [])
    .filter(
      (d) =>
        d.platform?.os &&
        d.platform.architecture &&
        d.platform.os !== 'unknown' &&
        !d.annotations?.['vnd.docker.reference.type'],
    )
    .map((d) => ({
      mediaType: d.mediaType ?? '',
      digest: d.digest ?? '',
      size: d.size ?? 0,
      platform: {
        os: d.platform?.os ?? '',
        architecture: d.platform?.architecture ?? '',
        ...(d.platform?.variant ? { variant: d.platform.variant } : {}),
      },
    }));
}

/** The platforms a stored manifest covers: an index's entries, or one image's platform read from its config. */
export async function platformsOf(
  client: RegistryClient,
  repository: string,
  manifest: StoredManifest,
): Promise<Platform[]> {
  if (isIndex(manifest.mediaType)) return indexEntries(manifest).map((e) => e.platform);
  return [await configPlatform(client, repository, manifest)];
}

/** os/architecture/variant of a single-platform image, from its config blob (the source of truth). */
export async function configPlatform(
  client: RegistryClient,
  repository: string,
  manifest: StoredManifest,
): Promise<Platform> {
  const parsed = parseJson<{ config?: { digest?: string } }>(manifest.bytes, `Manifest ${manifest.digest}`);
  const configDigest = parsed.config?.digest;
  if (!configDigest)
    throw new UserError(`Manifest ${manifest.digest} of ${repository} has no config: it is not an image.`, {
      code: 'bad-manifest',
    });
  const config = parseJson<{ os?: string; architecture?: string; variant?: string }>(
    await client.getBlob(repository, configDigest),
    `Config ${configDigest}`,
  );
  if (!config.os || !config.architecture) {
    throw new UserError(`The config of ${repository}@${manifest.digest} names no os/architecture.`, {
      code: 'bad-manifest',
    });
  }
  return { os: config.os, architecture: config.architecture, ...(config.variant ? { variant: config.variant } : {}) };
}

/**
 * The single-platform manifest for `platform` under `reference`: the manifest itself when it is one image, or its
 * entry for the platform when the reference names an index. Its platform is checked against its config.
 */
export async function platformManifest(
  client: RegistryClient,
  repository: string,
  reference: string,
  platform: Platform,
): Promise<IndexEntry | undefined> {
  let manifest = await client.getManifest(repository, reference);
  if (!manifest) return undefined;
  if (isIndex(manifest.mediaType)) {
    const entry = indexEntries(manifest).find((e) => samePlatform(e.platform, platform));
    if (!entry) {
      throw new UserError(`${repository}:${reference} is an index without ${formatPlatform(platform)}.`, {
        code: 'platform-missing',
      });
    }
    manifest = await client.getManifest(repository, entry.digest);
    if (!manifest) return undefined;
  }
  const actual = await configPlatform(client, repository, manifest);
  if (!samePlatform(actual, platform)) {
    throw new UserError(
      `${repository}:${reference} is built for ${formatPlatform(actual)}, not ${formatPlatform(platform)}.`,
      {
        code: 'platform-mismatch',
        fix: `build the ${formatPlatform(platform)} leg with platforms: ${formatPlatform(platform)}.`,
      },
    );
  }
  return { mediaType: manifest.mediaType, digest: manifest.digest, size: manifest.bytes.length, platform: actual };
}

/** One OCI index over single-platform manifests, in the order given; the bytes are what gets PUT and hashed. */
export function buildIndex(entries: readonly IndexEntry[], annotations: Record<string, string> = {}): StoredManifest {
  const index = {
    schemaVersion: 2,
    mediaType: OCI_INDEX,
    manifests: entries.map((e) => ({
      mediaType: e.mediaType,
      digest: e.digest,
      size: e.size,
      platform: {
        architecture: e.platform.architecture,
        os: e.platform.os,
        ...(e.platform.variant ? { variant: e.platform.variant } : {}),
      },
    })),
    ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
  };
  const bytes = Buffer.from(JSON.stringify(index));
  return { bytes, mediaType: OCI_INDEX, digest: sha256Digest(bytes) };
}
