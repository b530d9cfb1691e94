import { ListStackResourcesCommand, type CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { classifyAwsError } from '@hoist/aws';

export interface StackResources {
  /** Logical id → resource type. */
  types: Map<string, string>;
  /** Logical id → physical id (a cluster's name, a subnet's id). */
  physicalIds: Map<string, string>;
}

/**
 * The resources a stack has now; undefined when the stack does not exist (a first deploy counts everything).
 * Deleted resources are left out.
 */
export async function stackResources(
  client: CloudFormationClient,
  stackName: string,
  signal: AbortSignal,
): Promise<StackResources | undefined> {
  const types = new Map<string, string>();
  const physicalIds = new Map<string, string>();
  let token: string | undefined;
  try {
    do {
      const page = await client.send(new ListStackResourcesCommand({ StackName: stackName, NextToken: token }), {
        abortSignal: signal,
      });
      for (const r of page.StackResourceSummaries ?? []) {
        if (!r.LogicalResourceId || !r.ResourceType || r.ResourceStatus === 'DELETE_COMPLETE') continue;
        types.set(r.LogicalResourceId, r.ResourceType);
        if (r.PhysicalResourceId) physicalIds.set(r.LogicalResourceId, r.PhysicalResourceId);
      }
      token = page.NextToken;
    } while (token);
  } catch (error) {
    if (classifyAwsError(error).kind === 'not-found') return undefined;
    throw error;
  }
  return { types, physicalIds };
}
