/**
 * The deploy chain: the order of hoist's steps and when a failed deploy is rolled back. The demo runs it, the CLI
 * shows it, and a test holds the reusable deploy workflow to the same order.
 */
export const CHAIN = [
  'preflight',
  'secrets-sync',
  'quota-check',
  'cfn-validate',
  'build-push-multiarch',
  'deploy-stack',
] as const;
export type ChainStep = (typeof CHAIN)[number];

/** deploy-stack's `status` output. */
export type DeployStatus = 'deployed' | 'no-changes' | 'preview' | 'rolled-back' | 'unhealthy' | 'failed';

/** Stack states a rollback can bring back (UPDATE_ROLLBACK_FAILED, UPDATE_FAILED with rollback disabled, …). */
export function isStuck(stackStatus: string | undefined): boolean {
  return (
    stackStatus === 'UPDATE_ROLLBACK_FAILED' || stackStatus === 'UPDATE_FAILED' || stackStatus === 'ROLLBACK_FAILED'
  );
}

/**
 * Roll back when the new release runs and is unhealthy, or the deploy failed and left the stack stuck. Not after
 * `rolled-back`: CloudFormation has already put the previous release back.
 */
export function shouldRollBack(status: DeployStatus, stackStatus?: string): boolean {
  return status === 'unhealthy' || (status === 'failed' && isStuck(stackStatus));
}
