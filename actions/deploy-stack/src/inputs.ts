import {
  getBoolean,
  getDuration,
  getEnum,
  getEnumList,
  getList,
  getPath,
  getString,
  InputError,
  parseMapping,
  type InputSource,
} from '@hoist/kit';

export const CAPABILITIES = ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM', 'CAPABILITY_AUTO_EXPAND'] as const;
export type CapabilityName = (typeof CAPABILITIES)[number];

/** `false`/none, `auto` (services and groups that use an `updated-secrets` secret), or services named. */
export type ForceNewDeploymentInput = { mode: 'none' } | { mode: 'auto' } | { mode: 'services'; services: string[] };

export interface Inputs {
  'stack-name': string;
  /** Absolute path; undefined only with `change-set-id`. */
  template: string | undefined;
  parameters: string | undefined;
  /** The raw text: parsed with the template's parameters in view (packages/cfn parseParameterOverrides). */
  'parameter-overrides': string | undefined;
  /** Undefined: inferred from the template. */
  capabilities: CapabilityName[] | undefined;
  tags: Record<string, string>;
  'role-arn': string | undefined;
  /** Undefined: left as it is. */
  'termination-protection': boolean | undefined;
  'artifacts-bucket': string | undefined;
  'timeout-minutes': number;
  'on-replacement': 'fail' | 'warn';
  /** Undefined: packages/cfn's default list. */
  'stateful-types': string[] | undefined;
  execute: boolean;
  'change-set-id': string | undefined;
  'delete-preview': boolean;
  'force-new-deployment': ForceNewDeploymentInput;
  'updated-secrets': string[];
  'recreate-failed': boolean;
  'cancel-on-abort': boolean;
  'health-check-url': string | undefined;
  'health-check-timeout': number;
  'github-token': string | undefined;
  environment: string | undefined;
  'environment-url': string | undefined;
  region: string | undefined;
}

const STACK_NAME = /^[A-Za-z][A-Za-z0-9-]{0,127}$/;
const ROLE_ARN = /^arn:aws(-cn|-us-gov|-iso[a-z]?)?:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const CHANGE_SET_ARN =
  /^arn:aws(-cn|-us-gov|-iso[a-z]?)?:cloudformation:[a-z0-9-]+:\d{12}:changeSet\/[A-Za-z][A-Za-z0-9-]{0,127}\/[0-9a-f-]+$/;
const CHANGE_SET_NAME = /^[A-Za-z][A-Za-z0-9-]{0,127}$/;
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const TYPE_PATTERN = /^[A-Za-z0-9]+::[A-Za-z0-9]+(::([A-Za-z0-9]+|\*))?$|^[A-Za-z0-9]+::\*$/;

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
  const changeSetId = getString('change-set-id', { source });
  if (changeSetId !== undefined && !CHANGE_SET_ARN.test(changeSetId) && !CHANGE_SET_NAME.test(changeSetId)) {
    throw new InputError(
      'change-set-id',
      changeSetId,
      'a change set ARN (the change-set-id output of a preview run) or a change set name',
    );
  }
  const template = getPath('template', { source, kind: 'file', required: changeSetId === undefined });
  const roleArn = getString('role-arn', { source });
  if (roleArn !== undefined && !ROLE_ARN.test(roleArn)) {
    throw new InputError(
      'role-arn',
      roleArn,
      'an IAM role ARN such as arn:aws:iam::123456789012:role/cfn-deploy (the CloudFormation service role)',
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
  const statefulTypes = getList('stateful-types', { source });
  for (const t of statefulTypes) {
    if (!TYPE_PATTERN.test(t))
      throw new InputError(
        'stateful-types',
        t,
        'resource types such as AWS::RDS::DBInstance, or prefixes such as AWS::RDS::*',
      );
  }
  const healthCheckUrl = getString('health-check-url', { source });
  if (healthCheckUrl !== undefined && !isHttpUrl(healthCheckUrl)) {
    throw new InputError('health-check-url', healthCheckUrl, 'an http:// or https:// URL');
  }
  const termination = getString('termination-protection', { source });
  const capabilities = getEnumList('capabilities', CAPABILITIES, { source });
  const execute = getBoolean('execute', { source, default: true });
  const deletePreview = getBoolean('delete-preview', { source, default: false });
  if (deletePreview && changeSetId !== undefined) {
    throw new InputError(
      'delete-preview',
      'true',
      '`false` when `change-set-id` is set (a reviewed change set is there to be executed)',
    );
  }
  const parametersOverrides = getString('parameter-overrides', { source });
  return {
    'stack-name': stackName,
    template,
    parameters: getPath('parameters', { source, kind: 'file' }),
    'parameter-overrides': parametersOverrides,
    capabilities: capabilities.length > 0 ? capabilities : undefined,
    tags: getTags(source),
    'role-arn': roleArn,
    'termination-protection':
      termination === undefined ? undefined : getBoolean('termination-protection', { source, default: false }),
    'artifacts-bucket': bucket,
    'timeout-minutes':
      getDuration('timeout-minutes', { source, default: 60 * 60_000, unit: 'm', max: 6 * 60 * 60_000 }) ?? 60 * 60_000,
    'on-replacement': getEnum('on-replacement', ['fail', 'warn'] as const, { source, default: 'fail' }),
    'stateful-types': statefulTypes.length > 0 ? statefulTypes : undefined,
    // delete-preview is for PR gates: it always means preview only.
    execute: execute && !deletePreview,
    'change-set-id': changeSetId,
    'delete-preview': deletePreview,
    'force-new-deployment': getForceNewDeployment(source),
    'updated-secrets': getUpdatedSecrets(source),
    'recreate-failed': getBoolean('recreate-failed', { source, default: false }),
    'cancel-on-abort': getBoolean('cancel-on-abort', { source, default: false }),
    'health-check-url': healthCheckUrl,
    'health-check-timeout':
      getDuration('health-check-timeout', { source, default: 5 * 60_000, unit: 's' }) ?? 5 * 60_000,
    'github-token': getString('github-token', { source, secret: true }),
    environment: getEnvironment(source),
    'environment-url': getEnvironmentUrl(source),
    region: getString('region', { source }),
  };
}

/** A GitHub environment name: at most 255 characters, no quotes, commas or semicolons (GitHub refuses them). */
function getEnvironment(source: InputSource): string | undefined {
  const value = getString('environment', { source });
  if (value !== undefined && !/^[^'"`,;\\]{1,255}$/.test(value)) {
    throw new InputError(
      'environment',
      value,
      "a GitHub environment name (at most 255 characters, no quotes, commas, semicolons or '\\')",
    );
  }
  return value;
}

/** An http(s) URL, or the name of a stack output that holds one. */
function getEnvironmentUrl(source: InputSource): string | undefined {
  const value = getString('environment-url', { source });
  if (value === undefined) return undefined;
  if (/^[a-z]+:\/\//i.test(value)) {
    if (!isHttpUrl(value))
      throw new InputError('environment-url', value, 'an http:// or https:// URL, or a stack output name');
  } else if (!/^[A-Za-z0-9]{1,255}$/.test(value)) {
    throw new InputError(
      'environment-url',
      value,
      'an http:// or https:// URL, or a stack output name (letters and digits)',
    );
  }
  return value;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** `Key=Value` lines, or a YAML/JSON mapping. Tag keys may hold `:`, `/`, `-` and `.`. */
function getTags(source: InputSource): Record<string, string> {
  const value = getString('tags', { source });
  if (value === undefined) return {};
  const lines = value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
  const tags: Record<string, string> = {};
  if (lines.every((l) => /^[^=:\s][^=]*=/.test(l) && !/^[{[]/.test(l))) {
    for (const l of lines) {
      const at = l.indexOf('=');
      tags[l.slice(0, at).trim()] = l.slice(at + 1).trim();
    }
  } else {
    for (const [k, v] of Object.entries(parseMapping('tags', value))) {
      if (v !== null && typeof v === 'object') throw new InputError('tags', value, `a string value for tag ${k}`);
      tags[k] = String(v ?? '');
    }
  }
  if (Object.keys(tags).length > 50) throw new InputError('tags', value, 'at most 50 tags (CloudFormation’s limit)');
  return tags;
}

function getForceNewDeployment(source: InputSource): ForceNewDeploymentInput {
  const value = getString('force-new-deployment', { source });
  if (value === undefined || /^(false|none)$/i.test(value)) return { mode: 'none' };
  if (/^auto$/i.test(value)) return { mode: 'auto' };
  const services = getList('force-new-deployment', { source });
  for (const s of services) {
    if (!/^[A-Za-z0-9][A-Za-z0-9_:/.-]*$/.test(s)) {
      throw new InputError(
        'force-new-deployment',
        s,
        '`auto`, `false`, or ECS service names (or logical ids), comma separated',
      );
    }
  }
  return { mode: 'services', services };
}

/** secrets-sync's `updated` output: names comma separated; a JSON list or a JSON object of name → ARN also work. */
function getUpdatedSecrets(source: InputSource): string[] {
  const value = getString('updated-secrets', { source });
  if (value === undefined) return [];
  if (/^[[{]/.test(value)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      throw new InputError(
        'updated-secrets',
        value,
        'secret names comma separated, a JSON list, or a JSON object of name to ARN',
      );
    }
    if (Array.isArray(parsed) && parsed.every((x) => typeof x === 'string')) return parsed as string[];
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return Object.entries(parsed).flatMap(([k, v]) => (typeof v === 'string' ? [k, v] : [k]));
    }
    throw new InputError('updated-secrets', value, 'a JSON list of names, or a JSON object of name to ARN');
  }
  return getList('updated-secrets', { source });
}
