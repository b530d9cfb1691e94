import { InputError } from '@hoist/kit';

/** One target platform, as `os/arch[/variant]`. */
export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

/** The platforms hoist builds for; each one is a real target of ECS/EC2 (Fargate and Graviton included). */
export const SUPPORTED_PLATFORMS = [
  'linux/amd64',
  'linux/arm64',
  'linux/arm/v7',
  'linux/386',
  'linux/ppc64le',
  'linux/s390x',
] as const;

export function formatPlatform(p: Platform): string {
  return [p.os, p.architecture, p.variant].filter(Boolean).join('/');
}

export function parsePlatform(value: string): Platform {
  const [os = '', architecture = '', variant] = value.split('/');
  return variant ? { os, architecture, variant } : { os, architecture };
}

/** `linux/arm64` also matches a config that says `arm64/v8` (the variant is optional for arm64). */
export function samePlatform(a: Platform, b: Platform): boolean {
  if (a.os !== b.os || a.architecture !== b.architecture) return false;
  const va = a.variant ?? (a.architecture === 'arm64' ? 'v8' : '');
  const vb = b.variant ?? (b.architecture === 'arm64' ? 'v8' : '');
  return va === vb;
}

/** `linux/amd64` → `linux-amd64`: the per-platform tag suffix of a matrix leg. */
export function platformSlug(p: Platform): string {
  return formatPlatform(p).replace(/\//g, '-');
}

export function validatePlatforms(input: string, values: readonly string[]): Platform[] {
  if (values.length === 0) throw new InputError(input, '', `one or more of ${SUPPORTED_PLATFORMS.join(', ')}`);
  const seen = new Set<string>();
  return values.map((value) => {
    const normalised = value.trim().toLowerCase();
    if (!(SUPPORTED_PLATFORMS as readonly string[]).includes(normalised)) {
      throw new InputError(
        input,
        value,
        `each platform to be one of ${SUPPORTED_PLATFORMS.join(', ')}`,
        `correct '${value}' (for Fargate and Graviton: linux/amd64,linux/arm64).`,
      );
    }
    if (seen.has(normalised))
      throw new InputError(input, value, 'each platform once', `remove the repeated '${value}'.`);
    seen.add(normalised);
    return parsePlatform(normalised);
  });
}

/** ECR's repository name rule (2–256 chars, lower case, `/`-separated components of [a-z0-9] joined by . _ -). */
const REPOSITORY_SHAPE = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;

export function validateRepository(input: string, value: string): string {
  if (value.length < 2 || value.length > 256 || !REPOSITORY_SHAPE.test(value)) {
    throw new InputError(
      input,
      value,
      'a repository name of 2 to 256 lower-case letters, digits and . _ - separators, with / between path components (e.g. team/worker)',
      value !== value.toLowerCase()
        ? `use '${value.toLowerCase()}'.`
        : 'start and end each component with a letter or digit.',
    );
  }
  return value;
}

/** The OCI distribution tag grammar. */
export const TAG_SHAPE = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;

export function validateTag(input: string, value: string): string {
  if (!TAG_SHAPE.test(value)) {
    throw new InputError(
      input,
      value,
      'tags of 1 to 128 letters, digits, _ . - that do not start with . or - (no spaces, no slashes)',
      'correct or remove the tag.',
    );
  }
  return value;
}

/** A registry host with an optional port, no scheme, no path. */
const HOST_SHAPE =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*(?::\d{1,5})?$|^\[[0-9a-fA-F:]+\](?::\d{1,5})?$/;

export function validateRegistry(input: string, value: string): string {
  const host = value.replace(/\/+$/, '');
  if (/^[a-z]+:\/\//i.test(host) || !HOST_SHAPE.test(host)) {
    throw new InputError(
      input,
      value,
      'a registry host such as 123456789012.dkr.ecr.us-east-1.amazonaws.com or 127.0.0.1:5000 (no scheme, no path)',
    );
  }
  return host;
}

export interface EcrRegistry {
  accountId: string;
  region: string;
}

const ECR_HOST = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$/;

/** An ECR registry host keeps every ECR feature; any other host is a plain OCI registry. */
export function parseEcrHost(host: string): EcrRegistry | undefined {
  const m = ECR_HOST.exec(host);
  return m && m[1] && m[2] ? { accountId: m[1], region: m[2] } : undefined;
}
