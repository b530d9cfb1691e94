import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Exec, Reporter } from '@hoist/kit';
import { formatPlatform, type Platform } from './reference.js';

/** Where the kernel lists registered binfmt handlers. */
export const BINFMT_DIR = '/proc/sys/fs/binfmt_misc';
/**
 * The image docker/setup-qemu-action runs to register QEMU handlers, pinned: it runs `--privileged`, so a moved tag
 * must not change what runs. Tag and index digest as Docker's maintainers pinned them in docker/github-builder,
 * .github/workflows/build.yml (commit e35c1421c6108050d939264c9c2febbafa00e202, "pin workflow tool images by
 * digest", pull request #217), resolved there with `docker buildx imagetools inspect`.
 */
export const BINFMT_IMAGE =
  'docker.io/tonistiigi/binfmt:qemu-v10.2.1-65@sha256:d3b963f787999e6c0219a48dba02978769286ff61a5f4d26245cb6a6e5567ea3';

const NODE_TO_OCI: Record<string, string> = {
  x64: 'amd64',
  arm64: 'arm64',
  arm: 'arm',
  ia32: '386',
  ppc64: 'ppc64le',
  s390x: 's390x',
};
const QEMU_NAME: Record<string, string> = {
  amd64: 'x86_64',
  arm64: 'aarch64',
  arm: 'arm',
  '386': 'i386',
  ppc64le: 'ppc64le',
  s390x: 's390x',
};

export function hostArchitecture(nodeArch: string = process.arch): string {
  return NODE_TO_OCI[nodeArch] ?? nodeArch;
}

/** Platforms whose binaries this host cannot run natively. */
export function foreignPlatforms(platforms: readonly Platform[], host = hostArchitecture()): Platform[] {
  return platforms.filter((p) => p.architecture !== host && !(host === 'amd64' && p.architecture === '386'));
}

/** Whether a Dockerfile runs anything (a RUN instruction); without one, any platform builds without emulation. */
export function dockerfileRunsCommands(dockerfile: string): boolean {
  if (!existsSync(dockerfile)) return true;
  return /^\s*RUN\b/im.test(readFileSync(dockerfile, 'utf8'));
}

export function binfmtRegistered(architecture: string, dir = BINFMT_DIR): boolean {
  const name = QEMU_NAME[architecture] ?? architecture;
  return existsSync(path.join(dir, `qemu-${name}`));
}

/**
 * Sets up emulation only when it is needed: a platform foreign to the runner and a Dockerfile with RUN steps,
 * and no QEMU handler registered yet. It registers them the way docker/setup-qemu-action does (a privileged
 * tonistiigi/binfmt container); where that is impossible it warns once, naming the way out.
 */
export async function ensureEmulation(options: {
  platforms: readonly Platform[];
  dockerfile: string;
  exec: Exec;
  reporter: Reporter;
  signal: AbortSignal;
  binfmtDir?: string;
}): Promise<'native' | 'no-run-steps' | 'registered' | 'installed' | 'unavailable'> {
  const foreign = foreignPlatforms(options.platforms);
  if (foreign.length === 0) return 'native';
  const names = foreign.map(formatPlatform).join(', ');
  if (!dockerfileRunsCommands(options.dockerfile)) {
    options.reporter.info(`${names}: the Dockerfile has no RUN step, so it builds without emulation.`);
    return 'no-run-steps';
  }
  const missing = foreign.filter((p) => !binfmtRegistered(p.architecture, options.binfmtDir));
  if (missing.length === 0) return 'registered';
  const archs = [...new Set(missing.map((p) => p.architecture))].join(',');
  options.reporter.info(
    `Registering QEMU for ${archs} (RUN steps for ${names} need emulation on this ${hostArchitecture()} runner).`,
  );
  try {
    const result = await options.exec('docker', ['run', '--privileged', '--rm', BINFMT_IMAGE, '--install', archs], {
      signal: options.signal,
    });
    if (result.exitCode === 0) return 'installed';
  } catch {
    if (options.signal.aborted) throw options.signal.reason;
  }
  options.reporter.annotate({
    level: 'warning',
    title: 'emulation',
    message: `QEMU could not be registered for ${archs}: RUN steps for ${names} will fail on this ${hostArchitecture()} runner. Fix: install qemu-user-static (binfmt), or build each platform on a native runner (docs/actions/build-push-multiarch-matrix.md).`,
  });
  return 'unavailable';
}
