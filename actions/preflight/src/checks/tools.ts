import { ToolNotFoundError, type Exec, type Finding } from '@hoist/kit';
import type { Check } from './check.js';

interface Probe {
  tool: string;
  command: string;
  args: string[];
  /** Turns the command's output into the version shown. */
  version: (stdout: string) => string;
  missing: string;
  broken: string;
}

const DOCKER_CLIENT: Probe = {
  tool: 'docker',
  command: 'docker',
  args: ['version', '--format', '{{.Client.Version}}'],
  version: (out) => out.trim(),
  missing: 'install Docker (GitHub-hosted ubuntu runners have it); or use `builder: buildah`.',
  broken: 'check the docker CLI installation.',
};
const DOCKER_DAEMON: Probe = {
  tool: 'docker daemon',
  command: 'docker',
  args: ['info', '--format', '{{.ServerVersion}}'],
  version: (out) => out.trim(),
  missing: 'install Docker.',
  broken:
    'start the Docker daemon, and make sure this user may use it (the docker group); or use `builder: buildah`, which needs no daemon.',
};
const BUILDX: Probe = {
  tool: 'docker buildx',
  command: 'docker',
  args: ['buildx', 'version'],
  version: (out) => out.trim().split(/\s+/)[1] ?? out.trim(),
  missing: 'install Docker.',
  broken: 'install the buildx plugin (docker/setup-buildx-action on runners; `apt-get install docker-buildx-plugin`).',
};
const BUILDAH: Probe = {
  tool: 'buildah',
  command: 'buildah',
  args: ['--version'],
  version: (out) => /version\s+(\S+)/.exec(out)?.[1] ?? out.trim(),
  missing:
    'install buildah (`sudo apt-get install -y buildah`; preinstalled on GitHub ubuntu runners); or use `builder: buildx`.',
  broken: 'check the buildah installation (`buildah --version`).',
};

async function probe(exec: Exec, p: Probe, signal: AbortSignal): Promise<Finding> {
  try {
    const result = await exec(p.command, p.args, { signal });
    if (result.exitCode === 0)
      return { check: 'tools', status: 'pass', message: `${p.tool} ${p.version(result.stdout)}` };
    const detail = (result.stderr || result.stdout).trim().split('\n')[0] ?? '';
    return {
      check: 'tools',
      status: 'fail',
      message: `${p.tool} is installed but does not work: ${detail}`,
      fix: p.broken,
    };
  } catch (error) {
    if (error instanceof ToolNotFoundError) {
      return {
        check: 'tools',
        status: 'fail',
        message: `${p.tool} is not installed (not found on PATH).`,
        fix: p.missing,
      };
    }
    throw error;
  }
}

/** Check 4 of the prerequisites guide, for the builder the build step will use. */
export const toolsCheck: Check = {
  id: 'tools',
  category: 'Local environment',
  needsAws: false,
  async run({ inputs, exec, signal }) {
    if (inputs.builder === 'none')
      return [{ check: 'tools', status: 'pass', message: 'no image builder needed (builder: none)' }];
    if (inputs.builder === 'buildah') return [await probe(exec, BUILDAH, signal)];
    const client = await probe(exec, DOCKER_CLIENT, signal);
    if (client.status === 'fail') return [client];
    return [client, ...(await Promise.all([probe(exec, DOCKER_DAEMON, signal), probe(exec, BUILDX, signal)]))];
  },
};
