export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
export const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';

export const INDEX_TYPES: readonly string[] = [OCI_INDEX, DOCKER_LIST];
export const IMAGE_MANIFEST_TYPES: readonly string[] = [OCI_MANIFEST, DOCKER_MANIFEST];
/** What a GET or HEAD of a manifest accepts: indexes first, so a tag that names one returns the index. */
export const MANIFEST_ACCEPT: readonly string[] = [OCI_INDEX, DOCKER_LIST, OCI_MANIFEST, DOCKER_MANIFEST];

export function isIndex(mediaType: string): boolean {
  return INDEX_TYPES.includes(mediaType);
}
