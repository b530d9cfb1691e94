import type { AwsContext, ClientSettings } from '@hoist/aws';

export interface ProbeResult {
  service: string;
  /** The IAM action the probe needs, e.g. `ecr:DescribeRepositories`. */
  call: string;
  outcome: 'ok' | 'denied' | 'error';
  detail?: string;
}

/** Makes a client through packages/aws (region, retries, endpoint). */
type MakeClient = <C>(Client: new (config: ClientSettings) => C) => C;

type Probe = { call: string; run: (make: MakeClient, signal: AbortSignal) => Promise<unknown> };

/**
 * One cheap read-only call per service, as the prerequisites guide's check 5 does with the CLI: it shows the
 * identity can reach the service, and nothing about write access. Services without a probe are not listed.
 */
const PROBES: Readonly<Record<string, Probe>> = {
  cloudformation: {
    call: 'cloudformation:ListStacks',
    run: async (make, signal) => {
      const sdk = await import('@aws-sdk/client-cloudformation');
      return make(sdk.CloudFormationClient).send(new sdk.ListStacksCommand({}), { abortSignal: signal });
    },
  },
  ecr: {
    call: 'ecr:DescribeRepositories',
    run: async (make, signal) => {
      const sdk = await import('@aws-sdk/client-ecr');
      return make(sdk.ECRClient).send(new sdk.DescribeRepositoriesCommand({ maxResults: 1 }), {
        abortSignal: signal,
      });
    },
  },
  ecs: {
    call: 'ecs:ListClusters',
    run: async (make, signal) => {
      const sdk = await import('@aws-sdk/client-ecs');
      return make(sdk.ECSClient).send(new sdk.ListClustersCommand({ maxResults: 1 }), {
        abortSignal: signal,
      });
    },
  },
  s3: {
    call: 's3:ListAllMyBuckets',
    run: async (make, signal) => {
      const sdk = await import('@aws-sdk/client-s3');
      return make(sdk.S3Client).send(new sdk.ListBucketsCommand({}), { abortSignal: signal });
    },
  },
  secretsmanager: {
    call: 'secretsmanager:ListSecrets',
    run: async (make, signal) => {
      const sdk = await import('@aws-sdk/client-secrets-manager');
      return make(sdk.SecretsManagerClient).send(new sdk.ListSecretsCommand({ MaxResults: 1 }), {
        abortSignal: signal,
      });
    },
  },
  ec2: {
    call: 'ec2:DescribeVpcs',
    run: async (make, signal) => {
      const sdk = await import('@aws-sdk/client-ec2');
      return make(sdk.EC2Client).send(new sdk.DescribeVpcsCommand({ MaxResults: 5 }), {
        abortSignal: signal,
      });
    },
  },
  autoscaling: {
    call: 'autoscaling:DescribeAutoScalingGroups',
    run: async (make, signal) => {
      const sdk = await import('@aws-sdk/client-auto-scaling');
      return make(sdk.AutoScalingClient).send(new sdk.DescribeAutoScalingGroupsCommand({ MaxRecords: 1 }), {
        abortSignal: signal,
      });
    },
  },
  servicequotas: {
    call: 'servicequotas:GetServiceQuota',
    run: async (make, signal) => {
      const sdk = await import('@aws-sdk/client-service-quotas');
      // VPCs per Region: a quota every account has.
      return make(sdk.ServiceQuotasClient).send(
        new sdk.GetServiceQuotaCommand({ ServiceCode: 'vpc', QuotaCode: 'L-F678F1CE' }),
        { abortSignal: signal },
      );
    },
  },
};

/** The IAM actions the probes may call, for the manifest. */
export const PROBE_ACTIONS: readonly string[] = Object.values(PROBES).map((p) => p.call);

/** Runs the probes of these services at once. */
export async function probeServices(
  aws: AwsContext,
  services: readonly string[],
  signal: AbortSignal,
): Promise<ProbeResult[]> {
  const { classifyAwsError, createClient, describeAwsError } = await import('@hoist/aws');
  const make: MakeClient = (Client) => createClient(Client, aws);
  const known = services.filter((s) => Object.hasOwn(PROBES, s));
  return Promise.all(
    known.map(async (service): Promise<ProbeResult> => {
      const probe = PROBES[service] as Probe;
      try {
        await probe.run(make, signal);
        return { service, call: probe.call, outcome: 'ok' };
      } catch (error) {
        if (signal.aborted) throw error;
        const kind = classifyAwsError(error).kind;
        return {
          service,
          call: probe.call,
          outcome: kind === 'permission' || kind === 'auth' ? 'denied' : 'error',
          detail: describeAwsError(error),
        };
      }
    }),
  );
}
