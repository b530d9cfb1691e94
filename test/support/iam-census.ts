/**
 * The call census (issue 12): every AWS call a hoist action makes in any integration test reaches moto, whose recorder
 * keeps it with its User-Agent (`hoist/<version> <action>`). Each moto's recording is written here as it is reset or
 * stopped; the integration run's global teardown checks every call against the action's IAM policy.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

export const CENSUS_DIR = path.resolve(import.meta.dirname, '..', '.artifacts');

/** S3 bucket sub-resources (the query key) → [IAM action to read it, IAM action to write it]. */
const S3_BUCKET_SUBRESOURCES: Record<string, [string, string]> = {
  versioning: ['s3:GetBucketVersioning', 's3:PutBucketVersioning'],
  encryption: ['s3:GetEncryptionConfiguration', 's3:PutEncryptionConfiguration'],
  publicAccessBlock: ['s3:GetBucketPublicAccessBlock', 's3:PutBucketPublicAccessBlock'],
  lifecycle: ['s3:GetLifecycleConfiguration', 's3:PutLifecycleConfiguration'],
  policy: ['s3:GetBucketPolicy', 's3:PutBucketPolicy'],
  tagging: ['s3:GetBucketTagging', 's3:PutBucketTagging'],
  acl: ['s3:GetBucketAcl', 's3:PutBucketAcl'],
  location: ['s3:GetBucketLocation', 's3:GetBucketLocation'],
  versions: ['s3:ListBucketVersions', 's3:ListBucketVersions'],
};

/** The IAM action a REST call to S3 needs (path-style: `/bucket` or `/bucket/key`, the sub-resource in the query). */
export function s3IamAction(method: string, urlPath: string, query: Record<string, unknown>): string {
  const parts = urlPath.split('/').filter(Boolean);
  if (parts.length === 0) return 's3:ListAllMyBuckets';
  if (parts.length === 1) {
    for (const [key, [read, write]] of Object.entries(S3_BUCKET_SUBRESOURCES)) {
      if (key in query) return method === 'GET' || method === 'HEAD' ? read : write;
    }
    if (method === 'PUT') return 's3:CreateBucket';
    if (method === 'DELETE') return 's3:DeleteBucket';
    // GET lists the objects; HEAD (HeadBucket) needs ListBucket too.
    return 's3:ListBucket';
  }
  if (method === 'GET' || method === 'HEAD') return 'versionId' in query ? 's3:GetObjectVersion' : 's3:GetObject';
  if (method === 'DELETE') return 's3:DeleteObject';
  // PUT, and the POSTs of a multipart upload.
  return 's3:PutObject';
}

/** The SigV4 signing name of CloudWatch is `monitoring`; every other service hoist calls signs with its IAM prefix. */
const SIGNING_TO_IAM: Record<string, string> = { monitoring: 'cloudwatch' };

/** `service:Operation` as IAM names it. */
export function iamAction(call: {
  service: string;
  operation: string;
  method: string;
  path: string;
  params: Record<string, unknown>;
}): string {
  if (call.service === 's3') return s3IamAction(call.method, call.path, call.params);
  return `${SIGNING_TO_IAM[call.service] ?? call.service}:${call.operation}`;
}

/** The hoist action in a User-Agent: `… hoist/0.1.0 deploy-stack …`. */
export function hoistActionOf(userAgent: string | undefined): string | undefined {
  return /(?:^| )hoist\/[0-9][^ ]* ([a-z][a-z0-9-]*)(?: |$)/.exec(userAgent ?? '')?.[1];
}

export interface CensusEntry {
  action: string;
  iam: string;
}

/** Appends what a moto recorded to this process's census file. */
export function recordCensus(entries: readonly CensusEntry[]): void {
  if (entries.length === 0) return;
  mkdirSync(CENSUS_DIR, { recursive: true });
  appendFileSync(
    path.join(CENSUS_DIR, `aws-calls-${process.pid}.jsonl`),
    entries.map((e) => JSON.stringify(e)).join('\n') + '\n',
  );
}
