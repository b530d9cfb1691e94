import { getBoolean, getDuration, getList, getString, InputError, type InputSource } from '@hoist/kit';

export interface Inputs {
  'stack-name': string;
  /** A release id or a git sha prefix (lower case); undefined: the newest good release before the running one. */
  to: ReleaseRef | undefined;
  'artifacts-bucket': string | undefined;
  /** Milliseconds. */
  'timeout-minutes': number;
  'cancel-in-progress': boolean;
  'resources-to-skip': string[];
  'health-check-url': string | undefined;
  'dry-run': boolean;
  region: string | undefined;
}

export type ReleaseRef = { kind: 'release-id'; id: string } | { kind: 'git-sha'; prefix: string };

const STACK_NAME = /^[A-Za-z][A-Za-z0-9-]{0,127}$/;
/** deploy-stack's release ids: `<yyyymmdd>-<hhmmss>-<7 characters>`. */
const RELEASE_ID = /^\d{8}-\d{6}-[0-9a-z]{7}$/;
const SHA_PREFIX = /^[0-9a-f]{7,40}$/i;
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
/** A logical id, or `NestedStackLogicalId.ResourceLogicalId` (ContinueUpdateRollback's form for nested stacks). */
const RESOURCE_TO_SKIP = /^[A-Za-z0-9]+(\.[A-Za-z0-9]+)*$/;

/** Every input, parsed and checked — before any AWS call. */
export function getInputs(source: InputSource): Inputs {
  const stackName = getString('stack-name', { source, required: true });
  if (!STACK_NAME.test(stackName)) {
    throw new InputError(
      'stack-name',
      stackName,
      'a CloudFormation stack name: a letter, then letters, digits and hyphens, at most 128 characters',
    );
  }
  const bucket = getString('artifacts-bucket', { source });
  if (bucket !== undefined && bucket !== 'auto' && (!BUCKET.test(bucket) || bucket.includes('..'))) {
    throw new InputError(
      'artifacts-bucket',
      bucket,
      'an S3 bucket name (3-63 lowercase letters, digits, dots, hyphens) or `auto`',
    );
  }
  const skip = getList('resources-to-skip', { source });
  for (const id of skip) {
    if (!RESOURCE_TO_SKIP.test(id)) {
      throw new InputError(
        'resources-to-skip',
        id,
        'logical ids of the stack’s resources (letters and digits), or NestedStack.LogicalId for a resource of a nested stack',
      );
    }
  }
  const healthCheckUrl = getString('health-check-url', { source });
  if (healthCheckUrl !== undefined && !isHttpUrl(healthCheckUrl)) {
    throw new InputError('health-check-url', healthCheckUrl, 'an http:// or https:// URL');
  }
  return {
    'stack-name': stackName,
    to: getReleaseRef(source),
    'artifacts-bucket': bucket,
    'timeout-minutes':
      getDuration('timeout-minutes', { source, default: 60 * 60_000, unit: 'm', max: 6 * 60 * 60_000 }) ?? 60 * 60_000,
    'cancel-in-progress': getBoolean('cancel-in-progress', { source, default: false }),
    'resources-to-skip': skip,
    'health-check-url': healthCheckUrl,
    'dry-run': getBoolean('dry-run', { source, default: false }),
    region: getString('region', { source }),
  };
}

function getReleaseRef(source: InputSource): ReleaseRef | undefined {
  const value = getString('to', { source });
  if (value === undefined) return undefined;
  if (RELEASE_ID.test(value)) return { kind: 'release-id', id: value };
  if (SHA_PREFIX.test(value)) return { kind: 'git-sha', prefix: value.toLowerCase() };
  const short = /^[0-9a-f]{1,6}$/i.test(value) ? ' (a sha prefix this short could name many commits)' : '';
  throw new InputError(
    'to',
    value,
    `a release id such as 20260301-120000-0123abc (the release-id output of deploy-stack), or a git sha prefix of at least 7 hex characters${short}`,
    'leave `to` empty to restore the newest successful release before the one running now.',
  );
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
