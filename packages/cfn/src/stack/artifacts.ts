import { createHash } from 'node:crypto';
import { classifyAwsError, createClient, type AwsContext } from '@hoist/aws';
import { UserError } from '@hoist/kit';

/** The S3 (and STS) calls the artifacts bucket needs. */
export interface ArtifactsApi {
  accountId(): Promise<string>;
  /** `exists`, `missing`, or `forbidden` (someone else's bucket, or no permission). */
  headBucket(bucket: string): Promise<'exists' | 'missing' | 'forbidden'>;
  createBucket(bucket: string, region: string): Promise<void>;
  /** Encryption (SSE-S3), versioning, public access blocked, a lifecycle rule for old versions. */
  secureBucket(bucket: string): Promise<void>;
  /** The object's version id when it exists, `null` for an unversioned one, undefined when missing. */
  headObject(bucket: string, key: string): Promise<string | null | undefined>;
  putObject(bucket: string, key: string, body: string, contentType: string): Promise<string | null>;
  getObject(bucket: string, key: string, versionId?: string): Promise<string>;
}

export async function createArtifactsApi(aws: AwsContext, signal?: AbortSignal): Promise<ArtifactsApi> {
  const [s3sdk, stssdk] = await Promise.all([import('@aws-sdk/client-s3'), import('@aws-sdk/client-sts')]);
  const s3 = createClient(s3sdk.S3Client, aws);
  const sts = createClient(stssdk.STSClient, aws);
  const options = signal ? { abortSignal: signal } : {};
  return {
    async accountId() {
      const out = await sts.send(new stssdk.GetCallerIdentityCommand({}), options);
      return out.Account ?? '';
    },
    async headBucket(bucket) {
      try {
        await s3.send(new s3sdk.HeadBucketCommand({ Bucket: bucket }), options);
        return 'exists';
      } catch (error) {
        const kind = classifyAwsError(error).kind;
        if (kind === 'not-found') return 'missing';
        if (kind === 'permission') return 'forbidden';
        throw error;
      }
    },
    async createBucket(bucket, region) {
      await s3.send(
        new s3sdk.CreateBucketCommand({
          Bucket: bucket,
          ...(region === 'us-east-1' ? {} : { CreateBucketConfiguration: { LocationConstraint: region as never } }),
        }),
        options,
      );
    },
    async secureBucket(bucket) {
      await s3.send(
        new s3sdk.PutPublicAccessBlockCommand({
          Bucket: bucket,
          PublicAccessBlockConfiguration: {
            BlockPublicAcls: true,
            IgnorePublicAcls: true,
            BlockPublicPolicy: true,
            RestrictPublicBuckets: true,
          },
        }),
        options,
      );
      await s3.send(
        new s3sdk.PutBucketEncryptionCommand({
          Bucket: bucket,
          ServerSideEncryptionConfiguration: {
            Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: true }],
          },
        }),
        options,
      );
      await s3.send(
        new s3sdk.PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }),
        options,
      );
      await s3.send(
        new s3sdk.PutBucketLifecycleConfigurationCommand({
          Bucket: bucket,
          LifecycleConfiguration: {
            Rules: [
              {
                ID: 'hoist-old-versions',
                Status: 'Enabled',
                Filter: { Prefix: '' },
                NoncurrentVersionExpiration: { NoncurrentDays: 90 },
                AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
              },
            ],
          },
        }),
        options,
      );
    },
    async headObject(bucket, key) {
      try {
        const out = await s3.send(new s3sdk.HeadObjectCommand({ Bucket: bucket, Key: key }), options);
        return out.VersionId ?? null;
      } catch (error) {
        if (classifyAwsError(error).kind === 'not-found') return undefined;
        throw error;
      }
    },
    async putObject(bucket, key, body, contentType) {
      const out = await s3.send(
        new s3sdk.PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }),
        options,
      );
      return out.VersionId ?? null;
    },
    async getObject(bucket, key, versionId) {
      const out = await s3.send(
        new s3sdk.GetObjectCommand({ Bucket: bucket, Key: key, ...(versionId ? { VersionId: versionId } : {}) }),
        options,
      );
      return (await out.Body?.transformToString('utf8')) ?? '';
    },
  };
}

/** CloudFormation takes a template body up to this many bytes; a larger one must come from S3. */
export const MAX_TEMPLATE_BODY_BYTES = 51_200;

export function autoBucketName(accountId: string, region: string): string {
  return `hoist-artifacts-${accountId}-${region}`;
}

/**
 * The bucket to use: a name as given (it must exist), or `auto`: `hoist-artifacts-<account>-<region>`, created on
 * first use with encryption, versioning, public access blocked and a lifecycle rule, then reused.
 */
export async function ensureArtifactsBucket(
  api: ArtifactsApi,
  spec: string,
  region: string,
  log: (message: string) => void = () => {},
): Promise<string> {
  if (spec !== 'auto') {
    const state = await api.headBucket(spec);
    if (state === 'missing') {
      throw new UserError(`The artifacts bucket ${spec} does not exist.`, {
        code: 'no-bucket',
        fix: 'create it, or set `artifacts-bucket: auto` to let hoist create and reuse hoist-artifacts-<account>-<region>.',
      });
    }
    if (state === 'forbidden') {
      throw new UserError(`The artifacts bucket ${spec} cannot be reached with these credentials (403).`, {
        code: 'bucket-forbidden',
        fix: 'grant s3:GetObject/PutObject/ListBucket on it, or use `artifacts-bucket: auto`.',
      });
    }
    return spec;
  }
  const bucket = autoBucketName(await api.accountId(), region);
  const state = await api.headBucket(bucket);
  if (state === 'forbidden') {
    throw new UserError(`The bucket ${bucket} exists but these credentials cannot use it.`, {
      code: 'bucket-forbidden',
      fix: 'grant the deploy role access to it, or name another bucket in `artifacts-bucket`.',
    });
  }
  if (state === 'missing') {
    log(`Creating the artifacts bucket ${bucket} (encrypted, versioned, public access blocked).`);
    await api.createBucket(bucket, region);
    await api.secureBucket(bucket);
  }
  return bucket;
}

export interface StoredTemplate {
  bucket: string;
  key: string;
  versionId: string | undefined;
  /** The path-style URL CloudFormation's TemplateURL takes. */
  url: string;
  sha256: string;
}

export function templateChecksum(body: string): string {
  return createHash('sha256').update(body, 'utf8').digest('hex');
}

/** The key depends only on the content: the same template is stored once, and a release names it exactly. */
export function templateKey(body: string): string {
  const format = /^\s*[{[]/.test(body) ? 'json' : 'yaml';
  return `templates/${templateChecksum(body)}.${format}`;
}

/** A path-style S3 URL in the region's partition, as CloudFormation's TemplateURL accepts it. */
export function templateUrl(bucket: string, key: string, region: string): string {
  const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return `https://s3.${region}.${suffix}/${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
}

/** Stores the template under its content-addressed key (skipped when already there). */
export async function storeTemplate(
  api: ArtifactsApi,
  bucket: string,
  body: string,
  region: string,
): Promise<StoredTemplate> {
  const key = templateKey(body);
  let versionId = await api.headObject(bucket, key);
  if (versionId === undefined) {
    versionId = await api.putObject(bucket, key, body, key.endsWith('.json') ? 'application/json' : 'application/yaml');
  }
  return {
    bucket,
    key,
    versionId: versionId ?? undefined,
    url: templateUrl(bucket, key, region),
    sha256: templateChecksum(body),
  };
}
