import type {
  Change,
  CreateChangeSetInput,
  DescribeChangeSetOutput,
  ExecuteChangeSetInput,
  Parameter,
  Stack,
  StackEvent,
  StackResourceSummary,
} from '@aws-sdk/client-cloudformation';
import { classifyAwsError, createClient, type AwsContext } from '@hoist/aws';

/**
 * The CloudFormation calls stack operations make: one method per call, so tests and the rollback action can
 * substitute it, and the IAM manifest can be read off it.
 */
export interface CloudFormationApi {
  /** The stack, or undefined when it does not exist (deleted stacks are not found by name). */
  describeStack(stackName: string): Promise<Stack | undefined>;
  createChangeSet(input: CreateChangeSetInput): Promise<{ id: string; stackId: string }>;
  /** Every page of the change set's changes, merged. */
  describeChangeSet(stackName: string, changeSet: string): Promise<DescribeChangeSetOutput & { Changes: Change[] }>;
  executeChangeSet(input: ExecuteChangeSetInput): Promise<void>;
  deleteChangeSet(stackName: string, changeSet: string): Promise<void>;
  /** One page of events, newest first. */
  describeStackEvents(
    stackName: string,
    nextToken?: string,
  ): Promise<{ events: StackEvent[]; nextToken: string | undefined }>;
  deleteStack(stackName: string, clientRequestToken: string): Promise<void>;
  cancelUpdateStack(stackName: string, clientRequestToken: string): Promise<void>;
  updateTerminationProtection(stackName: string, enabled: boolean): Promise<void>;
  /** Every resource of the stack (all pages). */
  listStackResources(stackName: string): Promise<StackResourceSummary[]>;
  /** The template body CloudFormation holds for the stack, or for one of its change sets (as written, not processed). */
  getTemplateBody(stackName: string, changeSetName?: string): Promise<string>;
}

export type { Change, Parameter, Stack, StackEvent, StackResourceSummary };

/** The SDK-backed CloudFormationApi; the SDK is imported when this is first called. */
export async function createCloudFormationApi(aws: AwsContext, signal?: AbortSignal): Promise<CloudFormationApi> {
  const sdk = await import('@aws-sdk/client-cloudformation');
  const client = createClient(sdk.CloudFormationClient, aws);
  const options = signal ? { abortSignal: signal } : {};
  return {
    async describeStack(stackName) {
      try {
        const out = await client.send(new sdk.DescribeStacksCommand({ StackName: stackName }), options);
        return out.Stacks?.[0];
      } catch (error) {
        if (classifyAwsError(error).kind === 'not-found') return undefined;
        throw error;
      }
    },
    async createChangeSet(input) {
      const out = await client.send(new sdk.CreateChangeSetCommand(input), options);
      return { id: out.Id ?? '', stackId: out.StackId ?? '' };
    },
    async describeChangeSet(stackName, changeSet) {
      let first: DescribeChangeSetOutput | undefined;
      const changes: Change[] = [];
      let nextToken: string | undefined;
      do {
        const page = await client.send(
          new sdk.DescribeChangeSetCommand({
            StackName: stackName,
            ChangeSetName: changeSet,
            ...(nextToken ? { NextToken: nextToken } : {}),
          }),
          options,
        );
        first ??= page;
        changes.push(...(page.Changes ?? []));
        nextToken = page.NextToken;
      } while (nextToken);
      return { ...(first ?? {}), Changes: changes } as DescribeChangeSetOutput & { Changes: Change[] };
    },
    async executeChangeSet(input) {
      await client.send(new sdk.ExecuteChangeSetCommand(input), options);
    },
    async deleteChangeSet(stackName, changeSet) {
      await client.send(new sdk.DeleteChangeSetCommand({ StackName: stackName, ChangeSetName: changeSet }), options);
    },
    async describeStackEvents(stackName, nextToken) {
      const out = await client.send(
        new sdk.DescribeStackEventsCommand({ StackName: stackName, ...(nextToken ? { NextToken: nextToken } : {}) }),
        options,
      );
      return { events: out.StackEvents ?? [], nextToken: out.NextToken };
    },
    async deleteStack(stackName, clientRequestToken) {
      await client.send(
        new sdk.DeleteStackCommand({ StackName: stackName, ClientRequestToken: clientRequestToken }),
        options,
      );
    },
    async cancelUpdateStack(stackName, clientRequestToken) {
      // Called because the run was cancelled: the aborted signal must not abort the cancel itself.
      await client.send(
        new sdk.CancelUpdateStackCommand({ StackName: stackName, ClientRequestToken: clientRequestToken }),
      );
    },
    async updateTerminationProtection(stackName, enabled) {
      await client.send(
        new sdk.UpdateTerminationProtectionCommand({ StackName: stackName, EnableTerminationProtection: enabled }),
        options,
      );
    },
    async listStackResources(stackName) {
      const resources: StackResourceSummary[] = [];
      let nextToken: string | undefined;
      do {
        const page = await client.send(
          new sdk.ListStackResourcesCommand({ StackName: stackName, ...(nextToken ? { NextToken: nextToken } : {}) }),
          options,
        );
        resources.push(...(page.StackResourceSummaries ?? []));
        nextToken = page.NextToken;
      } while (nextToken);
      return resources;
    },
    async getTemplateBody(stackName, changeSetName) {
      const out = await client.send(
        new sdk.GetTemplateCommand({
          StackName: stackName,
          TemplateStage: 'Original',
          ...(changeSetName ? { ChangeSetName: changeSetName } : {}),
        }),
        options,
      );
      return out.TemplateBody ?? '';
    },
  };
}
