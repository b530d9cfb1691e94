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
  'secrets-sync': [],
  'build-push-multiarch': [],
  'quota-check': [],
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
