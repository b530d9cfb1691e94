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
  preflight: [
    { sid: 'Identity', actions: ['sts:GetCallerIdentity'] },
    { sid: 'RegionEnabled', actions: ['ec2:DescribeRegions'] },
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
  'build-push-multiarch': [],
  'quota-check': [
    { sid: 'QuotaValues', actions: ['servicequotas:GetServiceQuota', 'servicequotas:GetAWSDefaultServiceQuota'] },
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
    { sid: 'FargateUsage', actions: ['ecs:ListClusters', 'ecs:ListTasks', 'ecs:DescribeTasks'] },
    { sid: 'ExistingStack', actions: ['cloudformation:ListStackResources'] },
  ],
  'cfn-validate': [{ sid: 'RemoteValidation', actions: ['cloudformation:ValidateTemplate'] }],
  'deploy-stack': [],
  rollback: [],
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
