/** What a CloudFormation stack status means for a deploy. */
export type StackPhase =
  /** An operation is running: wait for it. */
  | 'in-progress'
  /** A change set for a new stack exists, nothing was created: the stack can be created through a change set. */
  | 'review'
  /** Stable after a successful create or update. */
  | 'complete'
  /** Stable after an update failed and CloudFormation restored the previous state. */
  | 'rolled-back'
  /** A first create failed and was rolled back: the stack holds nothing and can only be deleted. */
  | 'create-rolled-back'
  /** Stuck: needs ContinueUpdateRollback or RollbackStack (the rollback action). */
  | 'stuck'
  /** A failed state with rollback disabled, or a failed delete. */
  | 'failed'
  | 'deleted';

export function stackPhase(status: string | undefined): StackPhase {
  if (!status) return 'deleted';
  if (status === 'REVIEW_IN_PROGRESS') return 'review';
  if (status.endsWith('_IN_PROGRESS')) return 'in-progress';
  if (status === 'DELETE_COMPLETE') return 'deleted';
  if (status === 'ROLLBACK_COMPLETE') return 'create-rolled-back';
  if (status === 'UPDATE_ROLLBACK_COMPLETE' || status === 'IMPORT_ROLLBACK_COMPLETE') return 'rolled-back';
  if (status === 'UPDATE_ROLLBACK_FAILED' || status === 'ROLLBACK_FAILED' || status === 'IMPORT_ROLLBACK_FAILED')
    return 'stuck';
  if (status.endsWith('_FAILED')) return 'failed';
  return 'complete';
}

export function isInProgress(status: string | undefined): boolean {
  return stackPhase(status) === 'in-progress';
}

/** Resource statuses that are failures (CREATE_FAILED, UPDATE_FAILED, DELETE_FAILED, …). */
export function isFailedResourceStatus(status: string | undefined): boolean {
  return status !== undefined && status.endsWith('_FAILED');
}

/** The command that gets a stack out of UPDATE_ROLLBACK_FAILED (or an UPDATE_FAILED with rollback disabled). */
export function rollbackCommand(stackName: string): string {
  return `run the hoist rollback action (uses: ./actions/rollback with stack-name: ${stackName}), or \`hoist rollback --stack-name ${stackName}\`; by hand: \`aws cloudformation continue-update-rollback --stack-name ${stackName}\``;
}
