/**
 * The AWS actions each hoist action may call: the source of docs/iam/<action>.json (least privilege), of
 * preflight's permission check, and of the test that fails when an action calls anything not listed here.
 */
export const ACTION_NAMES = [
  'preflight',
  'secrets-sync',
  'build-push-multiarch',
  'quota-check',
  'cfn-validate',
  'deploy-stack',
  'rollback',
] as const;

export type ActionName = (typeof ACTION_NAMES)[number];

export interface PermissionStatement {
  /** Why the action needs these, one line. */
  sid: string;
  actions: readonly string[];
  /** Resource ARN patterns; `*` where the API supports no resource-level permission. */
  resources?: readonly string[];
}

export const IAM_MANIFEST: Record<ActionName, readonly PermissionStatement[]> = {
  // Read-only, all of it: preflight is a pull-request gate. The probes are its fallback when policy simulation is
  // denied or unavailable (one cheap read per service).
  preflight: [
    { sid: 'Identity', actions: ['sts:GetCallerIdentity'] },
    { sid: 'RegionEnabled', actions: ['ec2:DescribeRegions'] },
    { sid: 'SimulatePermissions', actions: ['iam:SimulatePrincipalPolicy', 'iam:GetRole'] },
    {
      sid: 'SecretsExist',
      actions: ['secretsmanager:DescribeSecret'],
      resources: ['arn:aws:secretsmanager:*:*:secret:*'],
    },
    { sid: 'BucketAvailable', actions: ['s3:ListBucket'] },
    { sid: 'ImageRepository', actions: ['ecr:DescribeRepositories', 'ecr:GetLifecyclePolicy'] },
    { sid: 'QuotaValues', actions: ['servicequotas:GetServiceQuota', 'servicequotas:GetAWSDefaultServiceQuota'] },
    {
      sid: 'QuotaUsage',
      actions: [
        'ec2:DescribeVpcs',
        'ec2:DescribeInternetGateways',
        'ec2:DescribeNatGateways',
        'ec2:DescribeSubnets',
        'ec2:DescribeAddresses',
        'ec2:DescribeSecurityGroups',
        'ec2:DescribeInstances',
        'ec2:DescribeInstanceTypes',
        'autoscaling:DescribeAutoScalingGroups',
        'ecs:ListClusters',
        'ecs:ListServices',
        'ecs:ListTasks',
        'ecs:DescribeTasks',
        'cloudformation:ListStackResources',
      ],
    },
    {
      sid: 'ReadProbes',
      actions: ['cloudformation:ListStacks', 's3:ListAllMyBuckets', 'secretsmanager:ListSecrets'],
    },
  ],
  // Scoped to secrets, not to one prefix: the prefix is an input. For a tighter policy, replace `secret:*` with
  // `secret:<name-prefix>*` (the ARN ends in a random suffix, hence the `*`). A customer managed `kms-key-id` also
  // needs kms:GenerateDataKey and kms:Decrypt on that key.
  'secrets-sync': [
    {
      sid: 'InspectSecrets',
      actions: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'],
      resources: ['arn:aws:secretsmanager:*:*:secret:*'],
    },
    {
      sid: 'WriteSecrets',
      actions: [
        'secretsmanager:CreateSecret',
        'secretsmanager:PutSecretValue',
        'secretsmanager:UpdateSecret',
        'secretsmanager:TagResource',
        'secretsmanager:RestoreSecret',
      ],
      resources: ['arn:aws:secretsmanager:*:*:secret:*'],
    },
  ],
  'build-push-multiarch': [
    // The registry login: GetAuthorizationToken has no resource-level permission.
    { sid: 'RegistryLogin', actions: ['ecr:GetAuthorizationToken'] },
    {
      sid: 'EnsureRepository',
      actions: [
        'ecr:DescribeRepositories',
        'ecr:CreateRepository',
        'ecr:TagResource',
        'ecr:GetLifecyclePolicy',
        'ecr:PutLifecyclePolicy',
      ],
      // Narrow to repository/<name> and repository/<name>-cache in your account.
      resources: ['arn:aws:ecr:*:*:repository/*'],
    },
    {
      sid: 'PushAndRetag',
      actions: [
        'ecr:BatchGetImage',
        'ecr:PutImage',
        'ecr:BatchCheckLayerAvailability',
        'ecr:GetDownloadUrlForLayer',
        'ecr:InitiateLayerUpload',
        'ecr:UploadLayerPart',
        'ecr:CompleteLayerUpload',
      ],
      // Narrow to repository/<name> and repository/<name>-cache in your account.
      resources: ['arn:aws:ecr:*:*:repository/*'],
    },
  ],
  'quota-check': [
    { sid: 'QuotaValues', actions: ['servicequotas:GetServiceQuota', 'servicequotas:GetAWSDefaultServiceQuota'] },
    // Usage of quota codes given in `quotas` that hoist has no probe for: the metric Service Quotas names.
    { sid: 'QuotaUsageMetrics', actions: ['cloudwatch:GetMetricStatistics'] },
    {
      sid: 'Ec2Usage',
      actions: [
        'ec2:DescribeVpcs',
        'ec2:DescribeInternetGateways',
        'ec2:DescribeNatGateways',
        'ec2:DescribeSubnets',
        'ec2:DescribeAddresses',
        'ec2:DescribeSecurityGroups',
        'ec2:DescribeInstances',
        'ec2:DescribeInstanceTypes',
      ],
    },
    { sid: 'AutoScalingUsage', actions: ['autoscaling:DescribeAutoScalingGroups'] },
    // Clusters, services per cluster, and the vCPUs of running Fargate tasks.
    { sid: 'EcsUsage', actions: ['ecs:ListClusters', 'ecs:ListServices', 'ecs:ListTasks', 'ecs:DescribeTasks'] },
    { sid: 'ExistingStack', actions: ['cloudformation:ListStackResources'] },
  ],
  'cfn-validate': [{ sid: 'RemoteValidation', actions: ['cloudformation:ValidateTemplate'] }],
  // With `role-arn`, CloudFormation makes the stack's resources with that role; without it, with these credentials,
  // which then also need every permission the template's resources do. Narrow `stack/*` to your stack names.
  'deploy-stack': [
    {
      sid: 'StackChanges',
      actions: [
        'cloudformation:DescribeStacks',
        'cloudformation:DescribeStackEvents',
        'cloudformation:ListStackResources',
        'cloudformation:GetTemplate',
        'cloudformation:CreateChangeSet',
        'cloudformation:DescribeChangeSet',
        'cloudformation:ExecuteChangeSet',
        'cloudformation:DeleteChangeSet',
        'cloudformation:DeleteStack',
        'cloudformation:CancelUpdateStack',
        'cloudformation:UpdateTerminationProtection',
      ],
      resources: ['arn:aws:cloudformation:*:*:stack/*/*', 'arn:aws:cloudformation:*:*:changeSet/*/*'],
    },
    // Only with `role-arn`: hand the service role to CloudFormation. Narrow to that role.
    { sid: 'PassServiceRole', actions: ['iam:PassRole'], resources: ['arn:aws:iam::*:role/*'] },
    {
      sid: 'ReleaseRecords',
      actions: ['ssm:GetParameter', 'ssm:PutParameter'],
      resources: ['arn:aws:ssm:*:*:parameter/hoist/*'],
    },
    // Only with `artifacts-bucket`; `auto` names the bucket hoist-artifacts-<account>-<region>.
    { sid: 'ArtifactsAccount', actions: ['sts:GetCallerIdentity'] },
    {
      sid: 'ArtifactsBucket',
      actions: [
        's3:ListBucket',
        's3:CreateBucket',
        's3:PutEncryptionConfiguration',
        's3:PutBucketVersioning',
        's3:PutBucketPublicAccessBlock',
        's3:PutLifecycleConfiguration',
      ],
      resources: ['arn:aws:s3:::hoist-artifacts-*'],
    },
    {
      sid: 'ArtifactsObjects',
      actions: ['s3:GetObject', 's3:GetObjectVersion', 's3:PutObject'],
      resources: ['arn:aws:s3:::hoist-artifacts-*/*'],
    },
    // Verification after a deploy, and `force-new-deployment`.
    {
      sid: 'VerifyServices',
      actions: ['ecs:DescribeServices', 'ecs:ListTasks', 'ecs:DescribeTasks', 'ecs:UpdateService'],
      resources: ['arn:aws:ecs:*:*:service/*', 'arn:aws:ecs:*:*:task/*', 'arn:aws:ecs:*:*:container-instance/*'],
    },
    // These three have no resource-level permissions.
    {
      sid: 'VerifyDescribe',
      actions: [
        'ecs:DescribeTaskDefinition',
        'autoscaling:DescribeAutoScalingGroups',
        'ec2:DescribeLaunchTemplateVersions',
      ],
    },
    {
      sid: 'RefreshInstances',
      actions: ['autoscaling:StartInstanceRefresh'],
      resources: ['arn:aws:autoscaling:*:*:autoScalingGroup:*:autoScalingGroupName/*'],
    },
  ],
  // The deploy path of deploy-stack (a rollback is a deploy of an earlier release) plus the recovery calls. The stack's
  // own service role is reused: without one, these credentials also need what the template's resources do.
  rollback: [
    {
      sid: 'StackRollback',
      actions: [
        'cloudformation:DescribeStacks',
        'cloudformation:DescribeStackEvents',
        'cloudformation:ListStackResources',
        'cloudformation:GetTemplate',
        'cloudformation:CreateChangeSet',
        'cloudformation:DescribeChangeSet',
        'cloudformation:ExecuteChangeSet',
        'cloudformation:DeleteChangeSet',
        'cloudformation:CancelUpdateStack',
        'cloudformation:ContinueUpdateRollback',
        'cloudformation:RollbackStack',
      ],
      resources: ['arn:aws:cloudformation:*:*:stack/*/*', 'arn:aws:cloudformation:*:*:changeSet/*/*'],
    },
    // Only for a stack that has a service role (RoleARN): hand it to CloudFormation again. Narrow to that role.
    { sid: 'PassServiceRole', actions: ['iam:PassRole'], resources: ['arn:aws:iam::*:role/*'] },
    {
      sid: 'ReleaseRecords',
      actions: ['ssm:GetParameter', 'ssm:PutParameter'],
      resources: ['arn:aws:ssm:*:*:parameter/hoist/*'],
    },
    // The restored release's template, and the rollback's own; `auto` names hoist-artifacts-<account>-<region>.
    { sid: 'ArtifactsAccount', actions: ['sts:GetCallerIdentity'] },
    {
      sid: 'ArtifactsBucket',
      actions: [
        's3:ListBucket',
        's3:CreateBucket',
        's3:PutEncryptionConfiguration',
        's3:PutBucketVersioning',
        's3:PutBucketPublicAccessBlock',
        's3:PutLifecycleConfiguration',
      ],
      resources: ['arn:aws:s3:::hoist-artifacts-*'],
    },
    {
      sid: 'ArtifactsObjects',
      actions: ['s3:GetObject', 's3:GetObjectVersion', 's3:PutObject'],
      resources: ['arn:aws:s3:::hoist-artifacts-*/*'],
    },
    // Verification after the restore.
    {
      sid: 'VerifyServices',
      actions: ['ecs:DescribeServices', 'ecs:ListTasks', 'ecs:DescribeTasks'],
      resources: ['arn:aws:ecs:*:*:service/*', 'arn:aws:ecs:*:*:task/*', 'arn:aws:ecs:*:*:container-instance/*'],
    },
    {
      sid: 'VerifyDescribe',
      actions: [
        'ecs:DescribeTaskDefinition',
        'autoscaling:DescribeAutoScalingGroups',
        'ec2:DescribeLaunchTemplateVersions',
      ],
    },
  ],
};

export function actionsFor(action: ActionName): string[] {
  return IAM_MANIFEST[action].flatMap((s) => s.actions);
}

/** The least-privilege policy document for an action. */
export function policyDocument(action: ActionName): { Version: string; Statement: unknown[] } {
  return {
    Version: '2012-10-17',
    Statement: IAM_MANIFEST[action].map((s) => ({
      Sid: s.sid.replace(/[^A-Za-z0-9]/g, ''),
      Effect: 'Allow',
      Action: [...s.actions].sort(),
      Resource: s.resources && s.resources.length > 0 ? [...s.resources] : '*',
    })),
  };
}
