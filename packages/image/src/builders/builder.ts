import type { Sleep } from '@hoist/aws';
import type { Exec, Reporter } from '@hoist/kit';
import type { RegistryCredentials } from '../registry.js';
import type { Platform } from '../reference.js';

export type CacheSpec = { type: 'registry'; ref: string } | { type: 'gha'; scope: string } | { type: 'none' };

export interface BuildRequest {
  context: string;
  file?: string;
  target?: string;
  platforms: readonly Platform[];
  /** KEY=VALUE pairs, in input order. */
  buildArgs: readonly string[];
  /** Names of environment variables exposed to the build as secrets (`--secret id=NAME,env=NAME`). */
  secrets: readonly string[];
  labels: Readonly<Record<string, string>>;
  registry: string;
  repository: string;
  /** Tags to push; the first one is the primary. */
  tags: readonly string[];
  push: boolean;
  insecure: boolean;
  cache: CacheSpec;
}

export interface BuildResult {
  /** The tags the builder itself pushed; the caller points the rest at the same manifest. */
  pushedTags: string[];
  /** The pushed manifest's digest when the builder reports one. */
  digest?: string;
}

export interface BuilderDeps {
  exec: Exec;
  reporter: Reporter;
  signal: AbortSignal;
  /** A private temporary directory (RUNNER_TEMP) for digest and auth files. */
  tempDir: string;
  env?: NodeJS.ProcessEnv;
  /** The pause between login attempts (tests pass one that does not wait). */
  sleep?: Sleep;
}

/** buildah and buildx behind one interface: login, then build (and push) every platform. */
export interface Builder {
  readonly name: 'buildah' | 'buildx';
  /** The executable, for "not installed" messages. */
  readonly tool: string;
  /** Log in with the password on standard input, never on a command line; transient failures are retried. */
  login(registry: string, credentials: RegistryCredentials, insecure: boolean): Promise<void>;
  build(request: BuildRequest): Promise<BuildResult>;
  /** Removes what the build left behind locally (auth file, local manifest list). */
  cleanup(): Promise<void>;
}

export function imageRef(registry: string, repository: string, tag: string): string {
  return `${registry}/${repository}:${tag}`;
}
