import type { Finding, SourcePosition } from '@hoist/kit';
import { relativePath, type Project } from '../project.js';
import type { Inputs } from '../inputs.js';
import { findingsOf, type Check, type CheckContext } from './check.js';

const f = findingsOf('bucket');

interface BucketName {
  name: string;
  /** Where it comes from, for the message. */
  from: string;
  position?: SourcePosition;
}

/**
 * Check 7 of the prerequisites guide and more: the bucket name is not a placeholder, follows S3's naming rules, and
 * is free or already yours (HeadBucket: 404 free, 200 yours, 403 someone else's).
 */
export const bucketCheck: Check = {
  id: 'bucket',
  category: 'Resource provisioning',
  needsAws: false,
  async run(context) {
    const { bucketNameProblem, detectPlaceholder } = await import('@hoist/cfn');
    const bucket = bucketNameOf(context.inputs, context.project);
    if ('finding' in bucket) return [bucket.finding];
    const at = bucket.position ? { position: bucket.position } : {};
    const placeholder = detectPlaceholder(bucket.name);
    if (placeholder) {
      return [
        f.fail(
          `The bucket name '${bucket.name}' (${bucket.from}) is a placeholder: ${placeholder}.`,
          'choose a globally unique name, e.g. {project}-{owner}-{environment}-{region} (ray-pipeline-acme-prod-us-east-1).',
          at,
        ),
      ];
    }
    const problem = bucketNameProblem(bucket.name);
    if (problem) {
      return [
        f.fail(
          `The bucket name '${bucket.name}' (${bucket.from}) is not a valid S3 bucket name: ${problem}.`,
          `use 3–63 lowercase letters, digits, hyphens and dots, starting and ending with a letter or digit (e.g. '${suggestName(bucket.name)}').`,
          at,
        ),
      ];
    }
    if (!context.awsAvailable) {
      return [
        f.pass(`'${bucket.name}' (${bucket.from}) follows the S3 naming rules.`, at),
        f.skip(`whether '${bucket.name}' is free was not asked: no AWS credentials (aws: optional).`),
      ];
    }
    return [await availability(context, bucket, at)];
  },
};

function bucketNameOf(inputs: Inputs, project: Project): BucketName | { finding: Finding } {
  const given = inputs['bucket-name'];
  if (given !== undefined) return { name: given, from: 'bucket-name' };
  const parameter = inputs['bucket-parameter'] ?? '';
  const file = project.parametersFile;
  const entry = file?.entries.find((e) => e.key === parameter && e.value !== undefined);
  if (file && entry?.value !== undefined) {
    return {
      name: entry.value,
      from: `parameter ${parameter} in ${relativePath(file.path ?? '')}`,
      ...(file.path
        ? { position: { file: relativePath(file.path), line: entry.valuePos.line, column: entry.valuePos.column } }
        : {}),
    };
  }
  const definition = project.template?.parameters.get(parameter);
  if (definition?.default !== undefined) {
    const template = project.template?.file;
    return {
      name: definition.default,
      from: `the Default of parameter ${parameter}`,
      ...(template ? { position: { file: relativePath(template), line: definition.pos.line } } : {}),
    };
  }
  if (inputs['deferred-parameters'].includes(parameter))
    return { finding: f.skip(`${parameter} is supplied by a later step (deferred-parameters): no name to check yet.`) };
  if (project.parametersProblem || project.templateProblem)
    return { finding: f.skip(`${parameter} could not be read: see the parameters and template checks.`) };
  return {
    finding: f.fail(
      `bucket-parameter names ${parameter}, which has no value in ${file?.path ? relativePath(file.path) : 'the parameters'}${project.template ? ' and no Default in the template' : ''}.`,
      `add "${parameter}": "<your-bucket-name>" to the parameters file, or give the name as bucket-name.`,
    ),
  };
}

/** A valid name close to the one given: lowercase, hyphens for anything else. */
function suggestName(name: string): string {
  const cleaned = name
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^(xn--|sthree-)/, '')
    .replace(/-s3alias$/, '')
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '')
    .slice(0, 63);
  return cleaned.length >= 3 ? cleaned : `${cleaned}-bucket`.replace(/^-/, 'my-');
}

async function availability(context: CheckContext, bucket: BucketName, at: Partial<Finding>): Promise<Finding> {
  const { S3Client, HeadBucketCommand } = await import('@aws-sdk/client-s3');
  const { createClient, classifyAwsError, describeAwsError } = await import('@hoist/aws');
  const name = bucket.name;
  try {
    await createClient(S3Client, context.aws).send(new HeadBucketCommand({ Bucket: name }), {
      abortSignal: context.signal,
    });
    return f.pass(`'${name}' (${bucket.from}) exists and this account can use it.`, at);
  } catch (error) {
    if (context.signal.aborted) throw error;
    const e = classifyAwsError(error);
    if (e.status === 404 || e.kind === 'not-found')
      return f.pass(`'${name}' (${bucket.from}) is free: CloudFormation will create it.`, at);
    if (e.status === 403)
      return f.fail(
        `'${name}' (${bucket.from}) is taken: it exists in another AWS account (HeadBucket answered 403).`,
        `choose another name — bucket names are global across all AWS accounts — e.g. with your project, owner and region in it ('${name.slice(0, 40)}-${context.region}').`,
        at,
      );
    if (e.status === 301)
      return f.warn(
        `'${name}' (${bucket.from}) exists in a region other than ${context.region}.`,
        'use a bucket in the stack’s region, or another name.',
        at,
      );
    return f.warn(
      `whether '${name}' is free could not be asked (${describeAwsError(error)}).`,
      e.kind === 'permission' ? 'allow s3:ListBucket to the deploying identity.' : undefined,
      at,
    );
  }
}
