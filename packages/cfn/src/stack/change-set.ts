import { randomBytes, randomUUID } from 'node:crypto';
import type { Capability, DescribeChangeSetOutput } from '@aws-sdk/client-cloudformation';
import { classifyAwsError, waitFor } from '@hoist/aws';
import { UserError } from '@hoist/kit';
import type { Change, CloudFormationApi, Parameter } from './api.js';

export type ChangeSetDescription = DescribeChangeSetOutput & { Changes: Change[] };

/** CloudFormation's two ways of saying "nothing to do": a FAILED change set, or an error from CreateChangeSet. */
const NO_CHANGES = [/didn't contain changes/i, /No updates are to be performed/i];

export function isNoChangesReason(reason: string | undefined): boolean {
  return NO_CHANGES.some((re) => re.test(reason ?? ''));
}

export interface ChangeSetRequest {
  stackName: string;
  type: 'CREATE' | 'UPDATE';
  /** TemplateBody, or TemplateURL for templates kept in S3. */
  template: { body: string } | { url: string };
  parameters: Parameter[];
  capabilities: readonly string[];
  tags: Readonly<Record<string, string>>;
  roleArn?: string;
  description?: string;
  includeNestedStacks?: boolean;
}

export type ChangeSetResult =
  | { kind: 'no-changes'; reason: string; id: string | undefined }
  | { kind: 'ready'; id: string; name: string; stackId: string; description: ChangeSetDescription };

/** `hoist-<time>-<random>`: unique, sortable, and a valid change set name. */
export function changeSetName(now: Date = new Date()): string {
  return `hoist-${now.toISOString().replace(/\D/g, '').slice(0, 14)}-${randomBytes(3).toString('hex')}`;
}

const PENDING = new Set(['CREATE_PENDING', 'CREATE_IN_PROGRESS']);

/**
 * Creates a change set (with an idempotency token, so a retried request cannot make two) and waits until it is
 * ready. An empty one is deleted and reported as `no-changes`; one that failed otherwise is deleted and thrown.
 */
export async function createChangeSet(
  api: CloudFormationApi,
  request: ChangeSetRequest,
  wait: { deadline: number; signal?: AbortSignal },
): Promise<ChangeSetResult> {
  const name = changeSetName();
  let created: { id: string; stackId: string };
  try {
    created = await api.createChangeSet({
      StackName: request.stackName,
      ChangeSetName: name,
      ChangeSetType: request.type,
      ClientToken: randomUUID(),
      ...('body' in request.template ? { TemplateBody: request.template.body } : { TemplateURL: request.template.url }),
      Parameters: request.parameters,
      Capabilities: [...request.capabilities] as Capability[],
      Tags: Object.entries(request.tags).map(([Key, Value]) => ({ Key, Value })),
      ...(request.roleArn ? { RoleARN: request.roleArn } : {}),
      ...(request.description ? { Description: request.description.slice(0, 1024) } : {}),
      ...(request.includeNestedStacks ? { IncludeNestedStacks: true } : {}),
    });
  } catch (error) {
    const c = classifyAwsError(error);
    if (isNoChangesReason(c.message)) return { kind: 'no-changes', reason: c.message, id: undefined };
    if (c.kind === 'validation' || c.name === 'InsufficientCapabilitiesException') {
      throw new UserError(
        `CloudFormation refused the change set for stack ${request.stackName}: ${c.name}: ${c.message}`,
        {
          code: 'change-set-refused',
          cause: error,
          fix:
            c.name === 'InsufficientCapabilitiesException' || /capabilit/i.test(c.message)
              ? 'add the capability it names to `capabilities` (e.g. CAPABILITY_NAMED_IAM).'
              : 'fix the template or parameters as the message says (cfn-validate checks most of this before a deploy).',
        },
      );
    }
    throw error;
  }
  const description = await waitForChangeSet(api, request.stackName, created.id, wait);
  if (description.Status === 'FAILED') {
    await deleteChangeSetQuietly(api, request.stackName, created.id);
    if (isNoChangesReason(description.StatusReason))
      return { kind: 'no-changes', reason: description.StatusReason ?? '', id: created.id };
    throw new UserError(
      `The change set for stack ${request.stackName} failed: ${description.StatusReason ?? 'no reason given'}`,
      {
        code: 'change-set-failed',
        fix: 'fix the template or parameters as the reason says.',
      },
    );
  }
  return { kind: 'ready', id: created.id, name, stackId: created.stackId || (description.StackId ?? ''), description };
}

/** Waits until a change set is no longer being computed; returns its full description (all pages). */
export async function waitForChangeSet(
  api: CloudFormationApi,
  stackName: string,
  changeSet: string,
  wait: { deadline: number; signal?: AbortSignal },
): Promise<ChangeSetDescription> {
  const described = await waitFor<ChangeSetDescription>(
    async () => {
      const d = await api.describeChangeSet(stackName, changeSet);
      return PENDING.has(d.Status ?? '') ? undefined : d;
    },
    {
      description: `the change set of stack ${stackName} to be ready`,
      deadline: wait.deadline,
      intervalMs: 1000,
      backoff: 1.5,
      maxIntervalMs: 5000,
      ...(wait.signal ? { signal: wait.signal } : {}),
      timeoutFix: 'raise timeout-minutes.',
    },
  );
  if (!described)
    throw new UserError(`The change set ${changeSet} of stack ${stackName} disappeared while it was being created.`);
  return described;
}

/** Deleting a change set is housekeeping: a failure is not worth failing the run for. */
export async function deleteChangeSetQuietly(
  api: CloudFormationApi,
  stackName: string,
  changeSet: string,
): Promise<boolean> {
  try {
    await api.deleteChangeSet(stackName, changeSet);
    return true;
  } catch {
    return false;
  }
}
