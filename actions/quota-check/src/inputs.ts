import { REGION_SHAPE } from '@hoist/aws';
import { getEnum, getList, getPath, getString, InputError, type InputSource } from '@hoist/kit';

export const MODES = ['gate', 'audit'] as const;
export type Mode = (typeof MODES)[number];

export interface QuotaCode {
  serviceCode: string;
  quotaCode: string;
}

export interface Inputs {
  mode: Mode;
  /** Resolved path; required in gate mode. */
  template: string | undefined;
  parameters: string | undefined;
  'stack-name': string | undefined;
  region: string | undefined;
  /** Audit mode: the regions to audit (default: the resolved region). */
  regions: string[];
  /** Percent of a quota above which a WARN is given. */
  threshold: number;
  quotas: QuotaCode[];
  'github-token': string | undefined;
}

const QUOTA_CODE = /^([a-z0-9-]+)\/(L-[0-9A-F]{8})$/;
const STACK_NAME = /^[A-Za-z][A-Za-z0-9-]{0,127}$/;

export function getInputs(source: InputSource): Inputs {
  const mode = getEnum('mode', MODES, { source, default: 'gate' });
  const template = getPath('template', { source, kind: 'file' });
  if (mode === 'gate' && template === undefined) {
    throw new InputError(
      'template',
      undefined,
      'the path of a CloudFormation template (mode: gate checks what it adds)',
      'set `template:`, or use `mode: audit` to report usage without a template.',
    );
  }
  const stackName = getString('stack-name', { source });
  if (stackName !== undefined && !STACK_NAME.test(stackName)) {
    throw new InputError(
      'stack-name',
      stackName,
      'a stack name: a letter, then letters, digits and hyphens, at most 128 characters',
    );
  }
  const regions = getList('regions', { source });
  for (const region of regions) {
    if (!REGION_SHAPE.test(region))
      throw new InputError('regions', region, 'AWS region codes such as us-east-1, comma or newline separated');
  }
  const quotas = getList('quotas', { source }).map((item) => {
    const match = QUOTA_CODE.exec(item);
    if (!match)
      throw new InputError(
        'quotas',
        item,
        'quota codes as service/L-XXXXXXXX (e.g. ec2/L-1216C47A), comma or newline separated',
        'find the code in the Service Quotas console.',
      );
    return { serviceCode: match[1] ?? '', quotaCode: match[2] ?? '' };
  });
  return {
    mode,
    template,
    parameters: getPath('parameters', { source, kind: 'file' }),
    'stack-name': stackName,
    region: getString('region', { source }),
    regions,
    threshold: getThreshold(source),
    quotas,
    'github-token': getString('github-token', { source, secret: true }),
  };
}

/** `80`, `80%` or `85.5%`: a percentage above 0 and at most 100. */
function getThreshold(source: InputSource): number {
  const raw = getString('threshold', { source, default: '80' }) ?? '80';
  const match = /^(\d+(?:\.\d+)?)\s*%?$/.exec(raw);
  const value = match ? Number(match[1]) : NaN;
  if (!(value > 0 && value <= 100))
    throw new InputError('threshold', raw, 'a percentage above 0 and at most 100, such as 80 or 80%');
  return value;
}
