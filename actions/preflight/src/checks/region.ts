import { isKnownRegion, OPT_IN_REGIONS, type AwsContext } from '@hoist/aws';
import type { Check } from './check.js';

type OptIn = 'opt-in-not-required' | 'opted-in' | 'not-opted-in' | 'unknown';

/** The account's view of a region: whether AWS lists it, and whether it is enabled. Read-only. */
export async function describeRegion(aws: AwsContext, region: string, signal: AbortSignal): Promise<OptIn | 'absent'> {
  const { EC2Client, DescribeRegionsCommand } = await import('@aws-sdk/client-ec2');
  const { createClient } = await import('@hoist/aws');
  const answer = await createClient(EC2Client, aws).send(new DescribeRegionsCommand({ AllRegions: true }), {
    abortSignal: signal,
  });
  const found = answer.Regions?.find((r) => r.RegionName === region);
  if (!found) return 'absent';
  return (found.OptInStatus as OptIn | undefined) ?? 'unknown';
}

/** Check 3 of the prerequisites guide: the region is set, real, and enabled for this account. */
export const regionCheck: Check = {
  id: 'region',
  category: 'AWS authentication',
  needsAws: true,
  async run({ aws, region, signal }) {
    const { classifyAwsError, describeAwsError } = await import('@hoist/aws');
    let status;
    try {
      status = await describeRegion(aws, region, signal);
    } catch (error) {
      // The check's timeout or a cancel: runCheck reports those, not "could not ask AWS".
      if (signal.aborted) throw error;
      const known = isKnownRegion(region);
      return [
        {
          check: 'region',
          status: known ? 'warn' : 'fail',
          message: `${region}: could not ask AWS whether it is enabled (${describeAwsError(error)}).${known ? ' It is a known region.' : ''}`,
          fix:
            classifyAwsError(error).kind === 'permission'
              ? 'allow ec2:DescribeRegions to the deploying identity.'
              : 'check network access to the EC2 API of this region.',
        },
      ];
    }
    if (status === 'absent') {
      return [
        {
          check: 'region',
          status: 'fail',
          message: `${region} is not an AWS region this account can see.`,
          fix: 'use a region code such as us-east-1.',
        },
      ];
    }
    if (status === 'not-opted-in') {
      return [
        {
          check: 'region',
          status: 'fail',
          message: `${region} is not enabled for this account (it is an opt-in region).`,
          fix: `enable it: \`aws account enable-region --region-name ${region}\`, or the console's Account page → AWS Regions.`,
        },
      ];
    }
    const note = OPT_IN_REGIONS.has(region) || status === 'opted-in' ? 'enabled (opted in)' : 'enabled';
    return [{ check: 'region', status: 'pass', message: `${region}: ${note}` }];
  },
};
