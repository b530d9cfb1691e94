import { getDuration, getEnum, getEnumList, getList, getString, InputError, type InputSource } from '@hoist/kit';

export const CHECK_IDS = ['identity', 'region', 'tools'] as const;
export type CheckId = (typeof CHECK_IDS)[number];

export const BUILDERS = ['buildx', 'buildah', 'none'] as const;
export type Builder = (typeof BUILDERS)[number];

export interface Inputs {
  checks: CheckId[];
  builder: Builder;
  region: string | undefined;
  aws: 'required' | 'optional';
  'allowed-account-ids': string[];
  'fail-on': 'error' | 'warning';
  'check-timeout': number;
}

export function getInputs(source: InputSource): Inputs {
  const allowed = getList('allowed-account-ids', { source });
  for (const id of allowed) {
    if (!/^\d{12}$/.test(id))
      throw new InputError('allowed-account-ids', id, 'twelve-digit AWS account ids, comma separated');
  }
  const checks = getEnumList('checks', CHECK_IDS, { source });
  return {
    checks: checks.length > 0 ? checks : [...CHECK_IDS],
    builder: getEnum('builder', BUILDERS, { source, default: 'buildx' }),
    region: getString('region', { source }),
    aws: getEnum('aws', ['required', 'optional'] as const, { source, default: 'required' }),
    'allowed-account-ids': allowed,
    'fail-on': getEnum('fail-on', ['error', 'warning'] as const, { source, default: 'error' }),
    'check-timeout': getDuration('check-timeout', { source, default: 60_000, unit: 's' }) ?? 60_000,
  };
}
