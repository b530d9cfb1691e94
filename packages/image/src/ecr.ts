import type * as EcrSdkModule from '@aws-sdk/client-ecr';
import type { ECRClient, ImageIdentifier, Repository, Image } from '@aws-sdk/client-ecr';
import { classifyAwsError, createClient, describeAwsError } from '@hoist/aws';
import { UserError } from '@hoist/kit';
import { MANIFEST_ACCEPT } from './media-types.js';
import type { RegistryCredentials, StoredManifest } from './registry.js';

export type TagMutability = 'MUTABLE' | 'IMMUTABLE';

export interface RepositorySettings {
  scanOnPush: boolean;
  tagMutability: TagMutability;
  /** A KMS key id/ARN/alias: KMS encryption; undefined: AES256 (ECR's default). */
  kmsKey?: string;
}

export interface EnsuredRepository {
  name: string;
  uri: string;
  arn: string;
  created: boolean;
  /** As ECR reports it (it may also be one of the *_WITH_EXCLUSION values). */
  tagMutability: string;
}

/** The SDK module, loaded lazily. */
type EcrSdk = typeof EcrSdkModule;

/** The ECR calls hoist makes, on one client made through createClient (retries, endpoint, user agent). */
export class Ecr {
  private constructor(
    private readonly client: ECRClient,
    private readonly sdk: EcrSdk,
    readonly region: string,
  ) {}

  /** The SDK is imported here, lazily, so an input error never pays for loading it. */
  static async create(region: string, action = 'build-push-multiarch'): Promise<Ecr> {
    const sdk = await import('@aws-sdk/client-ecr');
    return new Ecr(createClient(sdk.ECRClient, { region, action }), sdk, region);
  }

  async describeRepository(name: string, signal?: AbortSignal): Promise<Repository | undefined> {
    try {
      const out = await this.client.send(
        new this.sdk.DescribeRepositoriesCommand({ repositoryNames: [name] }),
        withSignal(signal),
      );
      return out.repositories?.[0];
    } catch (error) {
      if (classifyAwsError(error).kind === 'not-found') return undefined;
      throw awsFailure(error, `DescribeRepositories for '${name}'`);
    }
  }

  /** Creates the repository when it is missing (scan on push, tag mutability, encryption); never changes one that exists. */
  async ensureRepository(name: string, settings: RepositorySettings, signal?: AbortSignal): Promise<EnsuredRepository> {
    const existing = await this.describeRepository(name, signal);
    if (existing) return summarise(existing, false);
    try {
      const out = await this.client.send(
        new this.sdk.CreateRepositoryCommand({
          repositoryName: name,
          imageScanningConfiguration: { scanOnPush: settings.scanOnPush },
          imageTagMutability: settings.tagMutability,
          encryptionConfiguration: settings.kmsKey
            ? { encryptionType: 'KMS', kmsKey: settings.kmsKey }
            : { encryptionType: 'AES256' },
          tags: [{ Key: 'managed-by', Value: 'hoist' }],
        }),
        withSignal(signal),
      );
      if (!out.repository) throw new UserError(`CreateRepository for '${name}' returned no repository.`);
      return summarise(out.repository, true);
    } catch (error) {
      // Another job created it between the describe and the create (parallel matrix legs).
      if (classifyAwsError(error).name === 'RepositoryAlreadyExistsException') {
        const raced = await this.describeRepository(name, signal);
        if (raced) return summarise(raced, false);
      }
      throw awsFailure(error, `CreateRepository '${name}'`);
    }
  }

  /** Puts `policy` when the repository has no lifecycle policy; an existing one (the user's) is left alone. */
  async ensureLifecyclePolicy(name: string, policy: string, signal?: AbortSignal): Promise<'put' | 'kept'> {
    try {
      await this.client.send(new this.sdk.GetLifecyclePolicyCommand({ repositoryName: name }), withSignal(signal));
      return 'kept';
    } catch (error) {
      if (classifyAwsError(error).kind !== 'not-found') throw awsFailure(error, `GetLifecyclePolicy for '${name}'`);
    }
    try {
      await this.client.send(
        new this.sdk.PutLifecyclePolicyCommand({ repositoryName: name, lifecyclePolicyText: policy }),
        withSignal(signal),
      );
      return 'put';
    } catch (error) {
      throw awsFailure(error, `PutLifecyclePolicy for '${name}'`);
    }
  }

  /** Registry credentials (user `AWS`) and the registry host, from GetAuthorizationToken. */
  async authorization(
    signal?: AbortSignal,
  ): Promise<{ registry: string; credentials: RegistryCredentials; expiresAt?: Date }> {
    let out;
    try {
      out = await this.client.send(new this.sdk.GetAuthorizationTokenCommand({}), withSignal(signal));
    } catch (error) {
      throw awsFailure(error, 'GetAuthorizationToken');
    }
    const data = out.authorizationData?.[0];
    if (!data?.authorizationToken || !data.proxyEndpoint)
      throw new UserError('GetAuthorizationToken returned no token.', { code: 'ecr-auth' });
    const decoded = Buffer.from(data.authorizationToken, 'base64').toString('utf8');
    const at = decoded.indexOf(':');
    if (at < 0)
      throw new UserError('GetAuthorizationToken returned a token that is not user:password.', { code: 'ecr-auth' });
    return {
      registry: data.proxyEndpoint.replace(/^https?:\/\//, '').replace(/\/+$/, ''),
      credentials: { username: decoded.slice(0, at), password: decoded.slice(at + 1) },
      ...(data.expiresAt ? { expiresAt: data.expiresAt } : {}),
    };
  }

  /** The manifest a tag or digest names, read with BatchGetImage; undefined when there is none. */
  async getManifest(
    repository: string,
    id: { tag: string } | { digest: string },
    signal?: AbortSignal,
  ): Promise<StoredManifest | undefined> {
    const imageId: ImageIdentifier = 'tag' in id ? { imageTag: id.tag } : { imageDigest: id.digest };
    const images = await this.batchGet(repository, [imageId], signal);
    const image = images[0];
    if (!image?.imageManifest) return undefined;
    const bytes = Buffer.from(image.imageManifest, 'utf8');
    return {
      bytes,
      mediaType: image.imageManifestMediaType ?? mediaTypeFromBytes(bytes),
      // ECR's digest is the sha256 of the manifest bytes; take the service's word for it.
      digest: image.imageId?.imageDigest ?? '',
    };
  }

  /** Which of `tags` exist, and the digest each names (one call per tag: the answer names the tag asked for). */
  async tagDigests(repository: string, tags: readonly string[], signal?: AbortSignal): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const tag of tags) {
      const digest = (await this.batchGet(repository, [{ imageTag: tag }], signal))[0]?.imageId?.imageDigest;
      if (digest) found.set(tag, digest);
    }
    return found;
  }

  private async batchGet(repository: string, imageIds: ImageIdentifier[], signal?: AbortSignal): Promise<Image[]> {
    try {
      const out = await this.client.send(
        new this.sdk.BatchGetImageCommand({
          repositoryName: repository,
          imageIds,
          acceptedMediaTypes: [...MANIFEST_ACCEPT],
        }),
        withSignal(signal),
      );
      return out.images ?? [];
    } catch (error) {
      throw awsFailure(error, `BatchGetImage in '${repository}'`);
    }
  }

  /**
   * Points `tag` at an existing manifest with PutImage: the manifest is copied, zero layers move. An
   * identical tag already in place is success; a tag an IMMUTABLE repository refuses to move is reported.
   */
  async putTag(
    repository: string,
    manifest: StoredManifest,
    tag: string,
    signal?: AbortSignal,
  ): Promise<'tagged' | 'already' | 'immutable'> {
    try {
      await this.client.send(
        new this.sdk.PutImageCommand({
          repositoryName: repository,
          imageManifest: manifest.bytes.toString('utf8'),
          imageManifestMediaType: manifest.mediaType,
          imageTag: tag,
          ...(manifest.digest ? { imageDigest: manifest.digest } : {}),
        }),
        withSignal(signal),
      );
      return 'tagged';
    } catch (error) {
      const name = classifyAwsError(error).name;
      if (name === 'ImageAlreadyExistsException') return 'already';
      if (name === 'ImageTagAlreadyExistsException') return 'immutable';
      throw awsFailure(error, `PutImage ${repository}:${tag}`);
    }
  }
}

function withSignal(signal: AbortSignal | undefined): { abortSignal?: AbortSignal } {
  return signal ? { abortSignal: signal } : {};
}

function summarise(repository: Repository, created: boolean): EnsuredRepository {
  return {
    name: repository.repositoryName ?? '',
    uri: repository.repositoryUri ?? '',
    arn: repository.repositoryArn ?? '',
    created,
    tagMutability: repository.imageTagMutability ?? 'MUTABLE',
  };
}

function mediaTypeFromBytes(bytes: Buffer): string {
  try {
    return (
      (JSON.parse(bytes.toString('utf8')) as { mediaType?: string }).mediaType ??
      'application/vnd.oci.image.manifest.v1+json'
    );
  } catch {
    return 'application/vnd.oci.image.manifest.v1+json';
  }
}

/** An AWS failure as one line a user can act on; permission errors name the IAM action. */
function awsFailure(error: unknown, what: string): Error {
  const c = classifyAwsError(error);
  if (c.kind === 'permission' || c.kind === 'auth') {
    const action = /^(\w+)/.exec(what)?.[1];
    return new UserError(`${what} failed: ${describeAwsError(error)}`, {
      code: `aws-${c.kind}`,
      cause: error,
      fix:
        c.kind === 'permission'
          ? `allow ecr:${action} for this role (docs/iam/build-push-multiarch.json).`
          : 'check the AWS credentials of this job (aws-actions/configure-aws-credentials).',
    });
  }
  if (error instanceof Error) {
    error.message = `${what}: ${error.message}`;
    return error;
  }
  return new Error(`${what}: ${String(error)}`);
}

/** Whether a repository refuses to move tags (IMMUTABLE, or IMMUTABLE with exclusions — treated as immutable). */
export function isImmutable(tagMutability: string): boolean {
  return tagMutability.startsWith('IMMUTABLE');
}
