import { statSync } from 'node:fs';
import path from 'node:path';
import {
  getBoolean,
  getEnum,
  getList,
  getPath,
  getString,
  InputError,
  resolvePath,
  type InputSource,
} from '@hoist/kit';
import { validatePlatforms, validateRegistry, validateRepository, validateTag, type Platform } from '@hoist/image';

export const BUILDERS = ['buildx', 'buildah'] as const;
export const MODES = ['build', 'merge'] as const;
export const CACHES = ['registry', 'gha', 'none'] as const;
export const TAG_MUTABILITIES = ['MUTABLE', 'IMMUTABLE'] as const;

export interface Inputs {
  registry: string | undefined;
  region: string | undefined;
  repository: string;
  'insecure-registry': boolean;
  username: string | undefined;
  password: string | undefined;
  mode: (typeof MODES)[number];
  builder: (typeof BUILDERS)[number];
  platforms: Platform[];
  context: string;
  file: string;
  target: string | undefined;
  'build-args': string[];
  'secret-envs': string[];
  tags: string[];
  'default-branch': string | undefined;
  cache: (typeof CACHES)[number];
  push: boolean;
  'scan-on-push': boolean;
  'tag-mutability': (typeof TAG_MUTABILITIES)[number];
  'kms-key': string | undefined;
  'parameters-file': string | undefined;
  'image-parameter': string;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const PARAMETER_NAME = /^[A-Za-z0-9]{1,255}$/;

/** Every input parsed and checked before anything reaches AWS or a registry. */
export function getInputs(source: InputSource): Inputs {
  const registryValue = getString('registry', { source });
  const repository = validateRepository('repository', getString('repository', { source, required: true }));
  const platforms = validatePlatforms(
    'platforms',
    getList('platforms', { source }).length > 0 ? getList('platforms', { source }) : ['linux/amd64', 'linux/arm64'],
  );
  const tags = getList('tags', { source }).map((tag) => validateTag('tags', tag));
  const mode = getEnum('mode', MODES, { source, default: 'build' });

  // One per line: a value may contain commas.
  const buildArgs = (source('build-args') ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  for (const arg of buildArgs) {
    const name = arg.split('=')[0] ?? '';
    if (!arg.includes('=') || !ENV_NAME.test(name)) {
      throw new InputError(
        'build-args',
        arg,
        'KEY=VALUE lines (one per line)',
        'write each build argument as NAME=value; secrets belong in secret-envs, never in build-args.',
      );
    }
  }
  const secretEnvs = getList('secret-envs', { source });
  for (const name of secretEnvs) {
    if (!ENV_NAME.test(name))
      throw new InputError('secret-envs', name, 'names of environment variables (letters, digits, _)');
    if (process.env[name] === undefined) {
      throw new InputError(
        'secret-envs',
        name,
        'the name of an environment variable that is set',
        `set ${name} in this step's env: (e.g. env: ${name}: \${{ secrets.${name} }}).`,
      );
    }
  }

  const contextInput =
    getPath('context', { source, kind: 'directory', mustExist: mode === 'build' }) ?? resolvePath('.');
  const fileValue = getString('file', { source });
  const file = fileValue ? resolvePath(fileValue) : path.join(contextInput, 'Dockerfile');
  if (mode === 'build' && !existsFile(file)) {
    throw new InputError(
      fileValue ? 'file' : 'context',
      fileValue ?? path.relative(process.cwd(), contextInput) ?? '.',
      fileValue ? 'an existing Dockerfile' : 'a directory with a Dockerfile',
      'set file: to the Dockerfile, or context: to the directory that holds it.',
    );
  }

  const username = getString('username', { source });
  const password = getString('password', { source, secret: true });
  if ((username === undefined) !== (password === undefined)) {
    throw new InputError(
      username === undefined ? 'username' : 'password',
      undefined,
      'a value when the other of username/password is set',
      'set both username and password, or neither.',
    );
  }

  const imageParameter = getString('image-parameter', { source, default: 'ImageUri' }) ?? 'ImageUri';
  if (!PARAMETER_NAME.test(imageParameter))
    throw new InputError('image-parameter', imageParameter, 'a CloudFormation parameter name (letters and digits)');

  return {
    registry: registryValue === undefined ? undefined : validateRegistry('registry', registryValue),
    region: getString('region', { source }),
    repository,
    'insecure-registry': getBoolean('insecure-registry', { source, default: false }),
    username,
    password,
    mode,
    builder: getEnum('builder', BUILDERS, { source, default: 'buildx' }),
    platforms,
    context: contextInput,
    file,
    target: getString('target', { source }),
    'build-args': buildArgs,
    'secret-envs': secretEnvs,
    tags,
    'default-branch': getString('default-branch', { source }),
    cache: getEnum('cache', CACHES, { source, default: 'registry' }),
    push: getBoolean('push', { source, default: true }),
    'scan-on-push': getBoolean('scan-on-push', { source, default: true }),
    'tag-mutability': getEnum('tag-mutability', TAG_MUTABILITIES, { source, default: 'MUTABLE' }),
    'kms-key': getString('kms-key', { source }),
    'parameters-file': getPath('parameters-file', { source, kind: 'file', mustExist: false }),
    'image-parameter': imageParameter,
  };
}

function existsFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
