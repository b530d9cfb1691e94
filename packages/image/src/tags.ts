import semver from 'semver';

/** Why a tag is pushed; a moving tag is one a later push points elsewhere (refused by IMMUTABLE repositories). */
export type TagKind = 'commit' | 'platform' | 'version' | 'latest' | 'semver-range' | 'extra';

export interface PlannedTag {
  tag: string;
  kind: TagKind;
  moving: boolean;
}

export interface TagContext {
  /** The full 40-hex commit sha. */
  sha: string;
  /** GITHUB_REF, e.g. `refs/heads/main` or `refs/tags/v1.2.3`. */
  ref?: string;
  /** The repository's default branch (from the event payload or an input). */
  defaultBranch?: string;
  /** `tags` input extras, already validated. */
  extras?: readonly string[];
}

export const COMMIT_SHAPE = /^[0-9a-f]{40}$/;

/**
 * The tags for one image: the full commit sha (always), `latest` on the default branch, X.Y.Z / X.Y / X from a
 * `v*` git tag (only X.Y.Z for a pre-release), then the extras. No duplicates; order is the push order.
 */
export function planTags(context: TagContext): PlannedTag[] {
  const planned: PlannedTag[] = [{ tag: context.sha, kind: 'commit', moving: false }];
  const ref = context.ref ?? '';
  if (context.defaultBranch && ref === `refs/heads/${context.defaultBranch}`)
    planned.push({ tag: 'latest', kind: 'latest', moving: true });
  const version = versionFromRef(ref);
  if (version) {
    planned.push({ tag: version.version, kind: 'version', moving: false });
    if (version.prerelease.length === 0) {
      planned.push({ tag: `${version.major}.${version.minor}`, kind: 'semver-range', moving: true });
      planned.push({ tag: String(version.major), kind: 'semver-range', moving: true });
    }
  }
  for (const extra of context.extras ?? []) planned.push({ tag: extra, kind: 'extra', moving: true });
  const seen = new Set<string>();
  return planned.filter((p) => (seen.has(p.tag) ? false : (seen.add(p.tag), true)));
}

/** `refs/tags/v1.2.3` → 1.2.3; anything else (a branch, a tag without `v`, not semver) → undefined. */
export function versionFromRef(ref: string): semver.SemVer | undefined {
  const m = /^refs\/tags\/v(.+)$/.exec(ref);
  if (!m || !m[1]) return undefined;
  const parsed = semver.parse(m[1]);
  return parsed && parsed.build.length === 0 ? parsed : undefined;
}

/** The per-platform tag a matrix leg pushes and `mode: merge` looks for. */
export function platformTag(sha: string, slug: string): string {
  return `${sha}-${slug}`;
}

export interface LabelContext {
  sha: string;
  /** e.g. https://github.com/owner/repo */
  source?: string;
  created: Date;
  version?: string;
}

/** The OCI annotations/labels every image carries. */
export function ociLabels(context: LabelContext): Record<string, string> {
  return {
    ...(context.source ? { 'org.opencontainers.image.source': context.source } : {}),
    'org.opencontainers.image.revision': context.sha,
    'org.opencontainers.image.created': context.created.toISOString(),
    ...(context.version ? { 'org.opencontainers.image.version': context.version } : {}),
  };
}
