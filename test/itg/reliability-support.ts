/**
 * The chain of hoist's actions for the reliability tests (faults, least privilege): a small workload whose stack moto
 * can create (a VPC for quota-check to count, SSM parameters for the image and the secret ARN), run step by step
 * exactly as deploy.yml runs it, outputs flowing into inputs and the parameters file updated in place.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fakeTool, scratchContext, type FakeTool } from '../support/buildah.js';
import { runAction, type ActionResult } from '../support/run-action.js';
import { runnerEnv } from './deploy-stack-support.js';

export const CHAIN_STACK = 'hoist-chain';
export const CHAIN_ACCOUNT = '210987654321';
export const CHAIN_SECRET = 'chain/api-key';
export const CHAIN_REPOSITORY = 'chain/worker';
export const SHA_A = 'aaaa0000bbbb1111cccc2222dddd3333eeee4444';
export const SHA_B = 'bbbb0000cccc1111dddd2222eeee3333ffff4444';

export const CHAIN_TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Description: hoist reliability chain
Parameters:
  ImageUri:
    Type: String
  ApiKeyArn:
    Type: String
  Env:
    Type: String
    Default: dev
  Owner:
    Type: String
Resources:
  Network:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.50.0.0/16
      Tags:
        - Key: env
          Value: !Ref Env
        - Key: owner
          Value: !Ref Owner
  ImageParam:
    Type: AWS::SSM::Parameter
    Properties:
      Name: !Sub '/chain/\${AWS::StackName}/image'
      Type: String
      Value: !Ref ImageUri
  SecretParam:
    Type: AWS::SSM::Parameter
    Properties:
      Name: !Sub '/chain/\${AWS::StackName}/secret'
      Type: String
      Value: !Ref ApiKeyArn
`;

/** A workspace with the template, a parameters file that lacks what later steps supply, and a build context. */
export function chainWorkspace(): { dir: string; context: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'hoist-chain-'));
  writeFileSync(path.join(dir, 'app.yaml'), CHAIN_TEMPLATE);
  // Env stays at its default here: moto's ExecuteChangeSet never updates the parameters it compares a new change set
  // with (those of the stack's creation), so a rollback to exactly the creation's values would look like "no changes".
  writeFileSync(
    path.join(dir, 'params.json'),
    JSON.stringify({ Parameters: { Owner: 'reliability' } }, null, 2) + '\n',
  );
  return { dir, context: scratchContext() };
}

/**
 * moto has no registry (v2) API: a fake `docker` whose `buildx build` "pushes" each --tag with ECR's PutImage
 * (awscli, straight to moto — the registry is not AWS's API and is not what the proxy plays), so the action's own
 * ECR calls (ensure repository, lifecycle, token, BatchGetImage read-back, retag) go through the proxy for real.
 */
export function ecrFakeDocker(motoUrl: string): FakeTool {
  const dir = mkdtempSync(path.join(tmpdir(), 'hoist-chain-index-'));
  const index = path.join(dir, 'index.json');
  writeFileSync(
    index,
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: ['amd64', 'arm64'].map((architecture, i) => ({
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        digest: `sha256:${String(i + 7).repeat(64)}`,
        size: 500,
        platform: { os: 'linux', architecture },
      })),
    }),
  );
  return fakeTool(
    'docker',
    `[ "$1 $2" = "buildx build" ] || exit 0
prev=""
for a in "$@"; do
  if [ "$prev" = "--tag" ]; then
    repo=\${a#*/}; tag=\${repo##*:}; repo=\${repo%:*}
    AWS_ENDPOINT_URL= aws --endpoint-url "${motoUrl}" ecr put-image --repository-name "$repo" --image-tag "$tag" \\
      --image-manifest "file://${index}" --image-manifest-media-type application/vnd.oci.image.index.v1+json >/dev/null 2>&1 || true
  fi
  prev="$a"
done`,
  );
}

export interface ChainStep {
  step: string;
  action: string;
  result: ActionResult;
}

export interface ChainOptions {
  /** AWS environment of the actions (the proxy's). */
  awsEnv: Record<string, string>;
  motoUrl: string;
  /** Extra environment for every step (timeouts, attempts). */
  env?: Record<string, string>;
  apiKey: string;
  /** Called after each step (e.g. to take that step's share of the proxy's call log). */
  afterStep?: (step: ChainStep) => void;
}

/**
 * preflight → secrets-sync → quota-check → cfn-validate → build-push-multiarch → deploy-stack (release A) →
 * deploy-stack (release B) → rollback (to A). Stops at the first step that fails; returns the steps run.
 */
export async function runChain(options: ChainOptions): Promise<ChainStep[]> {
  const { dir, context } = chainWorkspace();
  const docker = ecrFakeDocker(options.motoUrl);
  const steps: ChainStep[] = [];
  const envFor = (sha: string) =>
    runnerEnv(options.awsEnv, {
      GITHUB_SHA: sha,
      GITHUB_REF: 'refs/heads/main',
      CHAIN_API_KEY: options.apiKey,
      PATH: `${docker.dir}${path.delimiter}${process.env['PATH'] ?? ''}`,
      ...(options.env ?? {}),
    });
  const step = async (name: string, action: string, inputs: Record<string, string>, sha = SHA_A) => {
    const result = await runAction(action, inputs, { cwd: dir, env: envFor(sha), timeoutMs: 180_000 });
    const done = { step: name, action, result };
    steps.push(done);
    options.afterStep?.(done);
    return result.exitCode === 0 ? result : undefined;
  };
  const deferred = 'ImageUri,ApiKeyArn';
  const ok =
    (await step('preflight', 'preflight', {
      // Not `permissions`: moto has no policy simulation (HTTP 500), so that check would only measure retries.
      checks: 'identity,region,template,parameters,quotas',
      template: 'app.yaml',
      parameters: 'params.json',
      'deferred-parameters': deferred,
      'stack-name': CHAIN_STACK,
      builder: 'none',
    })) &&
    (await step('secrets-sync', 'secrets-sync', {
      secrets: `${CHAIN_SECRET}: { from-env: CHAIN_API_KEY, parameter: ApiKeyArn }`,
      'parameters-file': 'params.json',
    })) &&
    (await step('quota-check', 'quota-check', { template: 'app.yaml', parameters: 'params.json' })) &&
    (await step('cfn-validate', 'cfn-validate', {
      template: 'app.yaml',
      parameters: 'params.json',
      'deferred-parameters': 'ImageUri',
      'remote-validation': 'true',
    }));
  if (!ok) return steps;
  const build = await step('build-push-multiarch', 'build-push-multiarch', {
    repository: CHAIN_REPOSITORY,
    builder: 'buildx',
    context,
    'default-branch': 'main',
    'parameters-file': 'params.json',
  });
  if (!build) return steps;
  const deployInputs = { 'stack-name': CHAIN_STACK, template: 'app.yaml', parameters: 'params.json' };
  if (!(await step('deploy-stack (A)', 'deploy-stack', deployInputs))) return steps;
  const imageB = (build.outputs['image-uri'] ?? '').replace(/@sha256:.*/, `@sha256:${'b'.repeat(64)}`);
  if (
    !(await step(
      'deploy-stack (B)',
      'deploy-stack',
      { ...deployInputs, 'parameter-overrides': `ImageUri=${imageB}` },
      SHA_B,
    ))
  )
    return steps;
  await step('rollback', 'rollback', { 'stack-name': CHAIN_STACK, to: SHA_A.slice(0, 12) }, SHA_B);
  return steps;
}

/**
 * moto loads each service's backend on its first call, which can take seconds on a busy machine: longer than the
 * short request timeout the fault runs use. One read per service first, so that only injected faults are slow.
 */
export async function warmUp(motoUrl: string): Promise<void> {
  const config = {
    endpoint: motoUrl,
    region: 'us-east-1',
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    forcePathStyle: true,
  };
  const [sts, ec2, cfn, ssm, sm, ecr, sq, s3, asg, ecs, iam] = await Promise.all([
    import('@aws-sdk/client-sts'),
    import('@aws-sdk/client-ec2'),
    import('@aws-sdk/client-cloudformation'),
    import('@aws-sdk/client-ssm'),
    import('@aws-sdk/client-secrets-manager'),
    import('@aws-sdk/client-ecr'),
    import('@aws-sdk/client-service-quotas'),
    import('@aws-sdk/client-s3'),
    import('@aws-sdk/client-auto-scaling'),
    import('@aws-sdk/client-ecs'),
    import('@aws-sdk/client-iam'),
  ]);
  const reads: Promise<unknown>[] = [
    new sts.STSClient(config).send(new sts.GetCallerIdentityCommand({})),
    new ec2.EC2Client(config).send(new ec2.DescribeVpcsCommand({})),
    new cfn.CloudFormationClient(config).send(new cfn.ListStacksCommand({})),
    // moto validates with cfn-lint, whose first import takes seconds.
    new cfn.CloudFormationClient(config).send(new cfn.ValidateTemplateCommand({ TemplateBody: CHAIN_TEMPLATE })),
    new ssm.SSMClient(config).send(new ssm.DescribeParametersCommand({})),
    new sm.SecretsManagerClient(config).send(new sm.ListSecretsCommand({})),
    new ecr.ECRClient(config).send(new ecr.DescribeRepositoriesCommand({})),
    new sq.ServiceQuotasClient(config).send(
      new sq.GetServiceQuotaCommand({ ServiceCode: 'vpc', QuotaCode: 'L-F678F1CE' }),
    ),
    new s3.S3Client(config).send(new s3.ListBucketsCommand({})),
    new asg.AutoScalingClient(config).send(new asg.DescribeAutoScalingGroupsCommand({})),
    new ecs.ECSClient(config).send(new ecs.ListClustersCommand({})),
    new iam.IAMClient(config).send(new iam.ListRolesCommand({})),
  ];
  await Promise.allSettled(reads);
}

/**
 * The same workload through `ship` (the chain as one step, packages/chain deciding what flows): ship release A
 * (built with the fake docker), ship release B (promoting an image by digest), then rollback to A.
 */
export async function runShipChain(options: ChainOptions): Promise<ChainStep[]> {
  const { dir, context } = chainWorkspace();
  const docker = ecrFakeDocker(options.motoUrl);
  const steps: ChainStep[] = [];
  const envFor = (sha: string) =>
    runnerEnv(options.awsEnv, {
      GITHUB_SHA: sha,
      GITHUB_REF: 'refs/heads/main',
      CHAIN_API_KEY: options.apiKey,
      PATH: `${docker.dir}${path.delimiter}${process.env['PATH'] ?? ''}`,
      ...(options.env ?? {}),
    });
  const step = async (name: string, action: string, inputs: Record<string, string>, sha: string) => {
    const result = await runAction(action, inputs, { cwd: dir, env: envFor(sha), timeoutMs: 240_000 });
    const done = { step: name, action, result };
    steps.push(done);
    options.afterStep?.(done);
    return result.exitCode === 0 ? result : undefined;
  };
  const common = {
    'stack-name': CHAIN_STACK,
    template: 'app.yaml',
    parameters: 'params.json',
    secrets: `${CHAIN_SECRET}: { from-env: CHAIN_API_KEY, parameter: ApiKeyArn }`,
    // Not `permissions`: moto has no policy simulation (HTTP 500), so that check would only measure retries.
    checks: 'identity,region,template,parameters,quotas',
  };
  const a = await step(
    'ship (A)',
    'ship',
    { ...common, repository: CHAIN_REPOSITORY, builder: 'buildx', context, 'default-branch': 'main' },
    SHA_A,
  );
  if (!a) return steps;
  const imageB = (a.outputs['image-uri'] ?? '').replace(/@sha256:.*/, `@sha256:${'b'.repeat(64)}`);
  if (!(await step('ship (B)', 'ship', { ...common, image: imageB, builder: 'none' }, SHA_B))) return steps;
  await step('rollback', 'rollback', { 'stack-name': CHAIN_STACK, to: SHA_A.slice(0, 12) }, SHA_B);
  return steps;
}
