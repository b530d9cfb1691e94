import { ListStackResourcesCommand, type CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { classifyAwsError } from '@hoist/aws';

/**
 * The resources a stack has now, logical id → type; undefined when the stack does not exist (a first deploy
 * counts everything). Deleted resources are left out.
 */
export async function stackResources(
  client: CloudFormationClient,
  stackName: string,
  signal: AbortSignal,
): Promise<Map<string, string> | undefined> {
  const resources = new Map<string, string>();
  let token: string | undefined;
  try {
    do {
      const page = await client.send(new ListStackResourcesCommand({ StackName: stackName, NextToken: token }), {
        abortSignal: signal,
      });
      for (const r of page.StackResourceSummaries ?? []) {
        if (r.LogicalResourceId && r.ResourceType && r.ResourceStatus !== 'DELETE_COMPLETE')
          resources.set(r.LogicalResourceId, r.ResourceType);
      }
      token = page.NextToken;
    } while (token);
  } catch (error) {
    if (classifyAwsError(error).kind === 'not-found') return undefined;
    throw error;
  }
  return resources;
}
