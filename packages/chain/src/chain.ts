/**
 * The deploy chain: the order of hoist's steps and when a failed deploy is rolled back. `ship`, `npm run demo` and
 * `hoist ship` run it through runChain; a test holds the reusable deploy workflow to the same order and conditions.
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

/** A step of the chain, or the rollback that may follow deploy-stack. */
export type StepName = ChainStep | 'rollback';
export const STEPS: readonly StepName[] = [...CHAIN, 'rollback'];

/** deploy-stack's `status` output. */
export const DEPLOY_STATUSES = ['deployed', 'no-changes', 'preview', 'rolled-back', 'unhealthy', 'failed'] as const;
export type DeployStatus = (typeof DEPLOY_STATUSES)[number];

/**
 * Stack states that need the rollback action after a failed deploy: a failed rollback or an update failed with
 * rollback disabled (recovered with ContinueUpdateRollback or a rollback), and an update still running when
 * deploy-stack gave up (cancelled first: rollback's `cancel-in-progress`).
 */
export function isStuck(stackStatus: string | undefined): boolean {
  return (
    stackStatus === 'UPDATE_ROLLBACK_FAILED' ||
    stackStatus === 'UPDATE_FAILED' ||
    (stackStatus !== undefined && stackStatus.endsWith('_IN_PROGRESS'))
  );
}

/**
 * Roll back when the new release runs and is unhealthy, or the deploy failed and left the stack stuck. Not after
 * `rolled-back`: CloudFormation has already put the previous release back.
 */
export function shouldRollBack(status: string | undefined, stackStatus?: string): boolean {
  return status === 'unhealthy' || (status === 'failed' && isStuck(stackStatus));
}
