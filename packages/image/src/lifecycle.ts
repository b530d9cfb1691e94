/**
 * The lifecycle policies hoist puts on repositories that have none (docs/actions/build-push-multiarch-lifecycle.md).
 * Image repository: untagged images expire; every tagged image stays — each build is tagged with its full commit
 * sha, and a release record points at `repo@sha256:…` of that tagged image, so released images are never expired.
 * The platform images inside a multi-platform index are tagged too (`<commit>-<os>-<arch>`): AWS does not document
 * that an untagged rule spares the children of a tagged index.
 * Cache repository: untagged cache manifests (replaced by a newer cache export) expire after a day, and a cache
 * nobody has refreshed for 30 days expires too (the next build simply rebuilds it).
 */
export const UNTAGGED_EXPIRY_DAYS = 14;
export const CACHE_EXPIRY_DAYS = 30;

export function imageLifecyclePolicy(): string {
  return JSON.stringify({
    rules: [
      {
        rulePriority: 1,
        description: `hoist: expire untagged images ${UNTAGGED_EXPIRY_DAYS} days after push; tagged (commit, release) images are kept`,
        selection: {
          tagStatus: 'untagged',
          countType: 'sinceImagePushed',
          countUnit: 'days',
          countNumber: UNTAGGED_EXPIRY_DAYS,
        },
        action: { type: 'expire' },
      },
    ],
  });
}

export function cacheLifecyclePolicy(): string {
  return JSON.stringify({
    rules: [
      {
        rulePriority: 1,
        description: 'hoist: expire replaced (untagged) build cache after 1 day',
        selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 1 },
        action: { type: 'expire' },
      },
      {
        rulePriority: 2,
        description: `hoist: expire build cache not refreshed for ${CACHE_EXPIRY_DAYS} days`,
        selection: {
          tagStatus: 'any',
          countType: 'sinceImagePushed',
          countUnit: 'days',
          countNumber: CACHE_EXPIRY_DAYS,
        },
        action: { type: 'expire' },
      },
    ],
  });
}
