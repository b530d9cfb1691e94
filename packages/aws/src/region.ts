import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { InputError, UserError } from '@hoist/kit';
import { REGION_SHAPE } from './regions.js';

export type RegionSource = 'input' | 'AWS_REGION' | 'AWS_DEFAULT_REGION' | 'profile';

export interface ResolvedRegion {
  region: string;
  source: RegionSource;
}

/**
 * input > AWS_REGION > AWS_DEFAULT_REGION > the profile's region (AWS_PROFILE or default, from the config file)
 * > a clear error. The value must look like a region; whether AWS knows it is the region check's business.
 */
export async function resolveRegion(input: string | undefined, inputName = 'region'): Promise<ResolvedRegion> {
  const candidates: [RegionSource, string | undefined][] = [
    ['input', input],
    ['AWS_REGION', process.env['AWS_REGION']],
    ['AWS_DEFAULT_REGION', process.env['AWS_DEFAULT_REGION']],
  ];
  for (const [source, value] of candidates) {
    if (value && value.trim() !== '') return checked(value.trim(), source, inputName);
  }
  const fromProfile = await profileRegion();
  if (fromProfile) return checked(fromProfile, 'profile', inputName);
  throw new UserError('No AWS region is set.', {
    code: 'no-region',
    fix: `set the '${inputName}' input, or AWS_REGION (aws-actions/configure-aws-credentials sets it from its aws-region input).`,
  });
}

function checked(region: string, source: RegionSource, inputName: string): ResolvedRegion {
  if (REGION_SHAPE.test(region)) return { region, source };
  const expected = 'an AWS region code such as us-east-1 or eu-west-1';
  if (source === 'input') throw new InputError(inputName, region, expected);
  throw new UserError(`${source === 'profile' ? 'The profile region' : source} is '${region}': expected ${expected}.`, {
    code: 'bad-region',
  });
}

async function profileRegion(): Promise<string | undefined> {
  try {
    const { configFile } = await loadSharedConfigFiles({ ignoreCache: true });
    const profile = process.env['AWS_PROFILE'] || 'default';
    return configFile[profile]?.['region'];
  } catch {
    return undefined;
  }
}
