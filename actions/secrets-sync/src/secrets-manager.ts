import { randomUUID } from 'node:crypto';
import {
  CreateSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  RestoreSecretCommand,
  SecretsManagerClient,
  TagResourceCommand,
  UpdateSecretCommand,
} from '@aws-sdk/client-secrets-manager';
import { classifyAwsError, createClient, type AwsContext } from '@hoist/aws';

/** What DescribeSecret says about a secret (never its value). */
export interface SecretState {
  arn: string;
  /** Set when the secret is scheduled for deletion. */
  deletedDate: Date | undefined;
  /** Whether a version carries AWSCURRENT (a secret created without a value has none). */
  hasCurrentValue: boolean;
  description: string | undefined;
  kmsKeyId: string | undefined;
  tags: Record<string, string>;
}

/** The stored AWSCURRENT value: a string, or `binary` for a SecretBinary secret, or `none`. */
export type CurrentValue = { kind: 'string'; value: string } | { kind: 'binary' } | { kind: 'none' };

/** One method per Secrets Manager call secrets-sync makes. */
export interface SecretsApi {
  describe(name: string): Promise<SecretState | undefined>;
  currentValue(arn: string): Promise<CurrentValue>;
  create(request: {
    name: string;
    value: string;
    description?: string;
    kmsKeyId?: string;
    tags: Record<string, string>;
  }): Promise<{ arn: string }>;
  putValue(arn: string, value: string): Promise<void>;
  restore(arn: string): Promise<void>;
  tag(arn: string, tags: Record<string, string>): Promise<void>;
  setDescription(arn: string, description: string): Promise<void>;
}

/**
 * Every write that makes a version carries a ClientRequestToken chosen here, once per logical write: the SDK sends
 * the same request (same token) on each of its retries, so a write whose answer was lost is not done twice, and the
 * token has nothing to do with the value, so A→B→A makes A current again. (The SDK fills an omitted token at
 * serialization, which runs once per `send`, before its retry loop; setting it here keeps that guarantee in view.)
 */
export function secretsManagerApi(aws: AwsContext, signal: AbortSignal): SecretsApi {
  const client = createClient(SecretsManagerClient, aws);
  const options = { abortSignal: signal };
  return {
    async describe(name) {
      try {
        const s = await client.send(new DescribeSecretCommand({ SecretId: name }), options);
        return {
          arn: s.ARN ?? '',
          deletedDate: s.DeletedDate,
          hasCurrentValue: Object.values(s.VersionIdsToStages ?? {}).some((stages) => stages.includes('AWSCURRENT')),
          description: s.Description,
          kmsKeyId: s.KmsKeyId,
          tags: Object.fromEntries((s.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? ''])),
        };
      } catch (error) {
        if (classifyAwsError(error).name === 'ResourceNotFoundException') return undefined;
        throw error;
      }
    },
    async currentValue(arn) {
      try {
        const v = await client.send(new GetSecretValueCommand({ SecretId: arn, VersionStage: 'AWSCURRENT' }), options);
        if (v.SecretString !== undefined) return { kind: 'string', value: v.SecretString };
        return v.SecretBinary !== undefined ? { kind: 'binary' } : { kind: 'none' };
      } catch (error) {
        if (classifyAwsError(error).name === 'ResourceNotFoundException') return { kind: 'none' };
        throw error;
      }
    },
    async create({ name, value, description, kmsKeyId, tags }) {
      const tagList = Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
      const created = await client.send(
        new CreateSecretCommand({
          Name: name,
          SecretString: value,
          ClientRequestToken: randomUUID(),
          ...(description !== undefined ? { Description: description } : {}),
          ...(kmsKeyId !== undefined ? { KmsKeyId: kmsKeyId } : {}),
          ...(tagList.length > 0 ? { Tags: tagList } : {}),
        }),
        options,
      );
      return { arn: created.ARN ?? '' };
    },
    async putValue(arn, value) {
      // Without VersionStages the new version becomes AWSCURRENT and the one before it AWSPREVIOUS.
      await client.send(
        new PutSecretValueCommand({ SecretId: arn, SecretString: value, ClientRequestToken: randomUUID() }),
        options,
      );
    },
    async restore(arn) {
      await client.send(new RestoreSecretCommand({ SecretId: arn }), options);
    },
    async tag(arn, tags) {
      await client.send(
        new TagResourceCommand({ SecretId: arn, Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) }),
        options,
      );
    },
    async setDescription(arn, description) {
      // UpdateSecret without a value changes metadata only: no new version.
      await client.send(new UpdateSecretCommand({ SecretId: arn, Description: description }), options);
    },
  };
}
