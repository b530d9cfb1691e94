import type { StackEvent } from './api.js';
import { isFailedResourceStatus } from './status.js';

/** The failure that started it all: what a failed deploy reports instead of "Resource creation cancelled". */
export interface RootCause {
  logicalId: string;
  type: string;
  status: string;
  reason: string;
  /** The stack the resource belongs to (a nested stack's name when the failure was inside one). */
  stackName: string;
  /** Logical ids of the nested stacks leading to the resource, outermost first; empty for the root stack. */
  nestedPath: string[];
  timestamp: Date | undefined;
}

/** Failures that only follow another one: CloudFormation cancels the resources it was working on. */
const CASCADE = [/^Resource creation cancelled/i, /^Resource update cancelled/i, /^Resource deletion cancelled/i];

export function isCascade(reason: string | undefined): boolean {
  return CASCADE.some((re) => re.test(reason ?? ''));
}

const NESTED_STACK = 'AWS::CloudFormation::Stack';

/** A stack's own events (its status changes) are not resource failures. */
function isStackItself(event: StackEvent): boolean {
  return (
    event.ResourceType === NESTED_STACK &&
    (event.PhysicalResourceId === event.StackId || event.LogicalResourceId === event.StackName)
  );
}

/**
 * The first FAILED resource event that is not a cascade, in the stack's events (oldest first, nested stacks'
 * events included); a nested stack's failure is followed into that stack. Undefined when no resource failed.
 */
export function findRootCause(events: readonly StackEvent[], rootStackId: string): RootCause | undefined {
  const byStack = new Map<string, StackEvent[]>();
  for (const e of events) {
    const id = e.StackId ?? '';
    byStack.set(id, [...(byStack.get(id) ?? []), e]);
  }
  const sorted = (list: StackEvent[]) =>
    [...list].sort((a, b) => (a.Timestamp?.getTime() ?? 0) - (b.Timestamp?.getTime() ?? 0));
  // The root may be given by id or by name (an ARN names the stack: arn:…:stack/<name>/<uuid>).
  const rootName = /:stack\/([^/]+)\//.exec(rootStackId)?.[1] ?? rootStackId;
  const rootId = byStack.has(rootStackId)
    ? rootStackId
    : (events.find((e) => e.StackName === rootName)?.StackId ?? rootStackId);

  const visit = (stackId: string, path: string[], depth: number): RootCause | undefined => {
    const failures = sorted(byStack.get(stackId) ?? []).filter(
      (e) => isFailedResourceStatus(e.ResourceStatus) && !isStackItself(e),
    );
    const first = failures.find((e) => !isCascade(e.ResourceStatusReason)) ?? failures[0];
    if (!first) return undefined;
    const nestedId = first.ResourceType === NESTED_STACK ? first.PhysicalResourceId : undefined;
    if (nestedId && nestedId !== stackId && byStack.has(nestedId) && depth < 10) {
      const inner = visit(nestedId, [...path, first.LogicalResourceId ?? ''], depth + 1);
      if (inner) return inner;
    }
    return {
      logicalId: first.LogicalResourceId ?? '',
      type: first.ResourceType ?? '',
      status: first.ResourceStatus ?? '',
      reason: first.ResourceStatusReason ?? '(no reason given)',
      stackName: first.StackName ?? '',
      nestedPath: path,
      timestamp: first.Timestamp,
    };
  };
  return visit(rootId, [], 0);
}

export function describeRootCause(cause: RootCause): string {
  const where = cause.nestedPath.length > 0 ? ` (in nested stack ${cause.nestedPath.join(' → ')})` : '';
  return `${cause.logicalId} (${cause.type}) ${cause.status}${where}: ${cause.reason}`;
}
