import { ACTION_NAMES, parseSecretNames, type ActionName } from '@hoist/aws';
import { validateRepository } from '@hoist/image';
import {
  getDuration,
  getEnum,
  getEnumList,
  getList,
  getPath,
  getString,
  InputError,
  type InputSource,
} from '@hoist/kit';

export const CHECK_IDS = [
  'identity',
  'region',
  'tools',
  'permissions',
  'secrets',
  'bucket',
  'repository',
  'template',
  'parameters',
  'quotas',
  'committed-secrets',
  'health-check',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export const BUILDERS = ['buildx', 'buildah', 'none'] as const;
export type Builder = (typeof BUILDERS)[number];

export interface SecretRef {
  name: string;
  /** The template parameter that receives the secret's ARN (from the secrets-sync mapping). */
  parameter?: string;
}

export interface Inputs {
  checks: CheckId[];
  /** Resolved paths. */
  template: string | undefined;
  parameters: string | undefined;
  'deferred-parameters': string[];
  'stack-name': string | undefined;
  repository: string | undefined;
  secrets: SecretRef[];
  'bucket-name': string | undefined;
  'bucket-parameter': string | undefined;
  'health-check-path': string | undefined;
  'allowed-account-ids': string[];
  /** The hoist actions the workflow will run: the permissions check evaluates what they call. */
  for: ActionName[];
  'role-arn': string | undefined;
  builder: Builder;
  region: string | undefined;
  aws: 'required' | 'optional';
  'fail-on': 'error' | 'warning';
  'check-timeout': number;
  'github-token': string | undefined;
}

const STACK_NAME = /^[A-Za-z][A-Za-z0-9-]{0,127}$/;
const PARAMETER_NAME = /^[A-Za-z0-9]+$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;

export function getInputs(source: InputSource): Inputs {
  const allowed = getList('allowed-account-ids', { source });
  for (const id of allowed) {
    if (!/^\d{12}$/.test(id))
      throw new InputError('allowed-account-ids', id, 'twelve-digit AWS account ids, comma separated');
  }
  const stackName = getString('stack-name', { source });
  if (stackName !== undefined && !STACK_NAME.test(stackName)) {
    throw new InputError(
      'stack-name',
      stackName,
      'a stack name: a letter, then letters, digits and hyphens, at most 128 characters',
    );
  }
  const deferred = getList('deferred-parameters', { source });
  for (const name of deferred) {
    if (!PARAMETER_NAME.test(name))
      throw new InputError('deferred-parameters', name, 'CloudFormation parameter names (letters and digits)');
  }
  const bucketParameter = getString('bucket-parameter', { source });
  if (bucketParameter !== undefined && !PARAMETER_NAME.test(bucketParameter))
    throw new InputError('bucket-parameter', bucketParameter, 'a CloudFormation parameter name (letters and digits)');
  const template = getPath('template', { source, kind: 'file' });
  const parameters = getPath('parameters', { source, kind: 'file' });
  if (bucketParameter !== undefined && template === undefined && parameters === undefined) {
    throw new InputError(
      'bucket-parameter',
      bucketParameter,
      'a parameter of the `parameters` file or of the `template` (neither is given)',
      'set `parameters:` (or `template:`), or give the name itself as `bucket-name:`.',
    );
  }
  const healthCheckPath = getString('health-check-path', { source });
  if (healthCheckPath !== undefined && !/^\/\S*$/.test(healthCheckPath))
    throw new InputError('health-check-path', healthCheckPath, 'a URL path starting with / (e.g. /api/v1/health)');
  const repository = getString('repository', { source });
  const roleArn = getString('role-arn', { source });
  if (roleArn !== undefined && !ROLE_ARN.test(roleArn))
    throw new InputError('role-arn', roleArn, 'an IAM role ARN such as arn:aws:iam::123456789012:role/cfn-deploy');
  const forActions = getEnumList('for', ACTION_NAMES, { source });
  const checks = getEnumList('checks', CHECK_IDS, { source });
  const secrets = getString('secrets', { source });
  return {
    checks,
    template,
    parameters,
    'deferred-parameters': deferred,
    'stack-name': stackName,
    repository: repository === undefined ? undefined : validateRepository('repository', repository),
    secrets: secrets === undefined ? [] : parseSecretNames(secrets, 'secrets'),
    'bucket-name': getString('bucket-name', { source }),
    'bucket-parameter': bucketParameter,
    'health-check-path': healthCheckPath,
    'allowed-account-ids': allowed,
    for: forActions.length > 0 ? forActions : [...ACTION_NAMES],
    'role-arn': roleArn,
    builder: getEnum('builder', BUILDERS, { source, default: 'buildx' }),
    region: getString('region', { source }),
    aws: getEnum('aws', ['required', 'optional'] as const, { source, default: 'required' }),
    'fail-on': getEnum('fail-on', ['error', 'warning'] as const, { source, default: 'error' }),
    'check-timeout': getDuration('check-timeout', { source, default: 60_000, unit: 's' }) ?? 60_000,
    'github-token': getString('github-token', { source, secret: true }),
  };
}

/**
 * The checks to run: those named in `checks`, or every check the given inputs make possible. A check named
 * explicitly whose input is missing is an input error rather than a silent skip.
 */
export function chosenChecks(inputs: Inputs): CheckId[] {
  const possible = possibleChecks(inputs);
  if (inputs.checks.length === 0) return CHECK_IDS.filter((id) => possible.get(id) === undefined);
  for (const id of inputs.checks) {
    const missing = possible.get(id);
    if (missing !== undefined)
      throw new InputError('checks', id, `a check whose inputs are given (${id} needs ${missing})`);
  }
  return CHECK_IDS.filter((id) => inputs.checks.includes(id));
}

/** For each check, what it lacks (undefined: it can run). */
function possibleChecks(inputs: Inputs): Map<CheckId, string | undefined> {
  const hasBucket = inputs['bucket-name'] !== undefined || inputs['bucket-parameter'] !== undefined;
  return new Map<CheckId, string | undefined>([
    ['secrets', inputs.secrets.length > 0 ? undefined : '`secrets`'],
    ['bucket', hasBucket ? undefined : '`bucket-name` or `bucket-parameter`'],
    ['repository', inputs.repository ? undefined : '`repository`'],
    ['template', inputs.template ? undefined : '`template`'],
    ['parameters', inputs.template || inputs.parameters ? undefined : '`parameters` or `template`'],
    ['quotas', inputs.template ? undefined : '`template`'],
    ['health-check', inputs.template && inputs['health-check-path'] ? undefined : '`template` and `health-check-path`'],
  ]);
}
