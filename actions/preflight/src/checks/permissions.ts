import type { EvaluationResult } from '@aws-sdk/client-iam';
import type { ActionName, AwsContext, PermissionStatement } from '@hoist/aws';
import type { Finding } from '@hoist/kit';
import { findingsOf, type Check, type CheckContext } from './check.js';
import { probeServices } from './probes.js';

const f = findingsOf('permissions');

/** The principal whose policies decide: the IAM user or role behind the credentials. */
export interface Principal {
  kind: 'user' | 'role' | 'root' | 'other';
  arn: string;
  /** The role's name (an assumed-role session ARN carries the name, not the role's path). */
  roleName?: string;
}

/**
 * `arn:aws:sts::111122223333:assumed-role/deploy/session` → the role `arn:aws:iam::111122223333:role/deploy`
 * (its path is looked up with iam:GetRole: a session ARN drops it). IAM users are their own ARN.
 */
export function principalOf(callerArn: string): Principal {
  const m = /^arn:(aws[a-z-]*):(sts|iam)::(\d{12}):(.+)$/.exec(callerArn);
  if (!m) return { kind: 'other', arn: callerArn };
  const [, partition, service, account, resource = ''] = m;
  if (resource === 'root') return { kind: 'root', arn: callerArn };
  const assumed = /^assumed-role\/([^/]+)\/.+$/.exec(resource);
  if (service === 'sts' && assumed?.[1])
    return { kind: 'role', arn: `arn:${partition}:iam::${account}:role/${assumed[1]}`, roleName: assumed[1] };
  const user = /^user\/(.+)$/.exec(resource);
  if (user?.[1]) return { kind: 'user', arn: `arn:${partition}:iam::${account}:user/${user[1]}` };
  const role = /^role\/(?:.*\/)?([^/]+)$/.exec(resource);
  if (service === 'iam' && role?.[1]) return { kind: 'role', arn: callerArn, roleName: role[1] };
  return { kind: 'other', arn: callerArn };
}

/** One simulation request: a manifest statement's actions on its resources. */
interface Need {
  actions: string[];
  resources: string[];
  /** Which hoist actions need it. */
  for: ActionName[];
  sid: string;
}

type Decision = { allowed: true } | { allowed: false; why: string };

class SimulationUnavailable extends Error {}

/**
 * Check 5 of the prerequisites guide, exact where AWS lets us: iam:SimulatePrincipalPolicy for every AWS action the
 * chosen hoist actions call (the IAM manifest). Where simulation is denied or unavailable, read-only probes per
 * service, reported as unverified: a probe proves read access only.
 */
export const permissionsCheck: Check = {
  id: 'permissions',
  category: 'AWS authentication',
  needsAws: true,
  async run(context) {
    const { inputs, signal } = context;
    const { IAM_MANIFEST, classifyAwsError } = await import('@hoist/aws');
    let identity;
    try {
      identity = await context.callerIdentity();
    } catch (error) {
      if (signal.aborted) throw error;
      return [f.skip(`the caller is unknown (${classifyAwsError(error).name}): see the identity check.`)];
    }
    const needs = collectNeeds(inputs.for, IAM_MANIFEST, identity.account, context.region);
    const principal = principalOf(identity.arn);
    const findings: Finding[] = [];
    const roleArn = inputs['role-arn'];
    if (roleArn)
      needs.push({ actions: ['iam:PassRole'], resources: [roleArn], for: ['deploy-stack'], sid: 'PassStackRole' });
    if (needs.length === 0) {
      findings.push(f.pass(`for: ${inputs.for.join(', ')} — these actions call no AWS API that needs a permission.`));
    } else if (principal.kind === 'root') {
      findings.push(
        f.warn(
          'The credentials are the account root user: every action is allowed, and nothing limits a mistake.',
          'deploy with a role that has the least-privilege policies in docs/iam/ (configure-aws-credentials with role-to-assume).',
        ),
      );
    } else {
      findings.push(...(await simulateOrProbe(context, principal, needs)));
    }
    if (roleArn) findings.push(...(await checkServiceRole(context.aws, roleArn, signal)));
    return findings;
  },
};

function collectNeeds(
  actions: readonly ActionName[],
  manifest: Readonly<Record<ActionName, readonly PermissionStatement[]>>,
  account: string,
  region: string,
): Need[] {
  const byKey = new Map<string, Need>();
  for (const action of actions) {
    for (const statement of manifest[action]) {
      const resources = (statement.resources ?? ['*']).map((r) =>
        r === '*' ? r : r.replace(/^(arn:[^:]+:[^:]+):\*:\*:/, `$1:${region}:${account}:`),
      );
      for (const name of statement.actions) {
        const key = `${name}\0${resources.join(',')}`;
        const need = byKey.get(key);
        if (need) {
          if (!need.for.includes(action)) need.for.push(action);
        } else byKey.set(key, { actions: [name], resources, for: [action], sid: statement.sid });
      }
    }
  }
  // One simulation per distinct resource list keeps the number of calls small.
  const grouped = new Map<string, Need>();
  for (const need of byKey.values()) {
    const key = need.resources.join(',');
    const group = grouped.get(key);
    if (group) {
      group.actions.push(...need.actions);
      for (const a of need.for) if (!group.for.includes(a)) group.for.push(a);
    } else grouped.set(key, { ...need, actions: [...need.actions], for: [...need.for] });
  }
  return [...grouped.values()];
}

async function simulateOrProbe(context: CheckContext, principal: Principal, needs: Need[]): Promise<Finding[]> {
  const { inputs, aws, signal } = context;
  const { classifyAwsError, policyDocument } = await import('@hoist/aws');
  const unavailableReason = (error: unknown) => {
    const e = classifyAwsError(error);
    // An endpoint without policy simulation answers an HTML 500 page: its parse error says nothing useful.
    return e.status !== undefined && e.status >= 500 ? `HTTP ${e.status}` : e.name;
  };
  let decisions: Map<string, Decision>;
  let sourceArn = principal.arn;
  try {
    if (principal.kind === 'other')
      throw new SimulationUnavailable(`${principal.arn} is not an IAM user or role that can be simulated`);
    if (principal.kind === 'role' && principal.roleName)
      sourceArn = (await roleArnWithPath(aws, principal.roleName, signal)) ?? principal.arn;
    decisions = await simulate(aws, sourceArn, needs, signal);
  } catch (error) {
    if (signal.aborted) throw error;
    const reason =
      error instanceof SimulationUnavailable
        ? error.message
        : classifyAwsError(error).kind === 'permission'
          ? 'iam:SimulatePrincipalPolicy is denied to the caller'
          : `iam:SimulatePrincipalPolicy is unavailable (${unavailableReason(error)})`;
    return probeFallback(context, needs, reason);
  }
  const denied = new Map<ActionName, { action: string; why: string }[]>();
  let total = 0;
  for (const need of needs) {
    for (const action of need.actions) {
      total += 1;
      const decision = decisions.get(`${action}\0${need.resources.join(',')}`);
      if (!decision || decision.allowed) continue;
      for (const hoistAction of need.for)
        denied.set(hoistAction, [...(denied.get(hoistAction) ?? []), { action, why: decision.why }]);
    }
  }
  if (denied.size === 0)
    return [
      f.pass(
        `${sourceArn} may call all ${total} AWS actions needed by ${inputs.for.join(', ')}${inputs['role-arn'] ? ' and the role-arn' : ''} (policy simulation).`,
      ),
    ];
  return [...denied.entries()].map(([hoistAction, missing]) => {
    const names = [...new Set(missing.map((m) => m.action))].sort();
    const statement = fixStatement(policyDocument(hoistAction).Statement, names, inputs['role-arn']);
    return f.fail(
      `${hoistAction} needs ${names.join(', ')}, which ${sourceArn} may not call (${[...new Set(missing.map((m) => m.why))].join('; ')}).`,
      `add this statement to the role's policy (the whole least-privilege policy is docs/iam/${hoistAction}.json): ${JSON.stringify(statement)}`,
    );
  });
}

/** The least-privilege statement(s) that grant exactly the missing actions, with the manifest's Sid and resources. */
function fixStatement(
  statements: readonly unknown[],
  missing: readonly string[],
  roleArn: string | undefined,
): unknown {
  const out: unknown[] = [];
  const covered = new Set<string>();
  for (const s of statements as { Sid: string; Effect: string; Action: string[]; Resource: unknown }[]) {
    const actions = s.Action.filter((a) => missing.includes(a));
    if (actions.length === 0) continue;
    actions.forEach((a) => covered.add(a));
    out.push({ ...s, Action: actions });
  }
  const rest = missing.filter((a) => !covered.has(a));
  if (rest.length > 0) out.push({ Sid: 'PassStackRole', Effect: 'Allow', Action: rest, Resource: roleArn ?? '*' });
  return out.length === 1 ? out[0] : out;
}

async function iamClient(aws: AwsContext) {
  const sdk = await import('@aws-sdk/client-iam');
  const { createClient } = await import('@hoist/aws');
  return { sdk, client: createClient(sdk.IAMClient, aws) };
}

/** The role's full ARN (with its path), or undefined when iam:GetRole is not allowed. */
async function roleArnWithPath(aws: AwsContext, roleName: string, signal: AbortSignal): Promise<string | undefined> {
  const { sdk, client } = await iamClient(aws);
  try {
    const answer = await client.send(new sdk.GetRoleCommand({ RoleName: roleName }), { abortSignal: signal });
    return answer.Role?.Arn;
  } catch (error) {
    if (signal.aborted) throw error;
    return undefined;
  }
}

async function simulate(
  aws: AwsContext,
  sourceArn: string,
  needs: readonly Need[],
  signal: AbortSignal,
): Promise<Map<string, Decision>> {
  const { sdk, client } = await iamClient(aws);
  const decisions = new Map<string, Decision>();
  await Promise.all(
    needs.map(async (need) => {
      let marker: string | undefined;
      let answered = 0;
      do {
        const answer = await client.send(
          new sdk.SimulatePrincipalPolicyCommand({
            PolicySourceArn: sourceArn,
            ActionNames: need.actions,
            ...(need.resources[0] === '*' ? {} : { ResourceArns: need.resources }),
            ...(marker ? { Marker: marker } : {}),
          }),
          { abortSignal: signal },
        );
        for (const result of answer.EvaluationResults ?? []) {
          const action = result.EvalActionName ?? '';
          answered += 1;
          decisions.set(`${action}\0${need.resources.join(',')}`, decisionOf(result));
        }
        marker = answer.IsTruncated ? answer.Marker : undefined;
      } while (marker);
      if (answered === 0) throw new SimulationUnavailable('iam:SimulatePrincipalPolicy answered no evaluation results');
    }),
  );
  return decisions;
}

function decisionOf(result: EvaluationResult): Decision {
  if (result.EvalDecision === 'allowed') return { allowed: true };
  if (result.OrganizationsDecisionDetail?.AllowedByOrganizations === false)
    return { allowed: false, why: 'denied by an organization SCP' };
  if (result.PermissionsBoundaryDecisionDetail?.AllowedByPermissionsBoundary === false)
    return { allowed: false, why: 'denied by the permissions boundary' };
  return {
    allowed: false,
    why: result.EvalDecision === 'explicitDeny' ? 'an explicit Deny' : 'no policy allows them',
  };
}

/** Simulation is not possible: a read-only call per service shows read access, and nothing about writes. */
async function probeFallback(context: CheckContext, needs: readonly Need[], reason: string): Promise<Finding[]> {
  const services = [...new Set(needs.flatMap((n) => n.actions.map((a) => a.split(':')[0] ?? '')))];
  const results = await probeServices(context.aws, services, context.signal);
  const readable = results.filter((r) => r.outcome === 'ok').map((r) => r.service);
  const findings: Finding[] = [];
  for (const r of results) {
    if (r.outcome === 'denied')
      findings.push(
        f.fail(
          `${r.service}: the read-only probe ${r.call} was denied (${r.detail}).`,
          `allow the ${r.service} actions listed in docs/iam/ for ${context.inputs.for.join(', ')}.`,
        ),
      );
    else if (r.outcome === 'error') findings.push(f.warn(`${r.service}: the probe ${r.call} failed (${r.detail}).`));
  }
  findings.push(
    f.warn(
      `unverified: ${reason}. Read-only probes answered for ${readable.length > 0 ? readable.join(', ') : 'no service'}; a probe proves read access only, not the write actions a deploy needs.`,
      'allow iam:SimulatePrincipalPolicy on the deploying role (arn of the role itself) so preflight can verify every action.',
    ),
  );
  return findings;
}

/** The CloudFormation service role (`role-arn`): it exists and CloudFormation may assume it. */
async function checkServiceRole(aws: AwsContext, roleArn: string, signal: AbortSignal): Promise<Finding[]> {
  const { classifyAwsError, describeAwsError } = await import('@hoist/aws');
  const { sdk, client } = await iamClient(aws);
  const name = roleArn.split('/').pop() ?? roleArn;
  const perTypeNote = f.skip(
    `role-arn: whether ${name} may create every resource type of the template is not checked — hoist's resource data does not list the IAM permissions each type needs.`,
  );
  let role;
  try {
    role = (await client.send(new sdk.GetRoleCommand({ RoleName: name }), { abortSignal: signal })).Role;
  } catch (error) {
    if (signal.aborted) throw error;
    const kind = classifyAwsError(error).kind;
    if (kind === 'not-found')
      return [
        f.fail(`role-arn: ${roleArn} does not exist.`, 'create the CloudFormation service role, or correct role-arn.'),
        perTypeNote,
      ];
    return [
      f.warn(
        `role-arn: ${roleArn} could not be read (${describeAwsError(error)}).`,
        kind === 'permission' ? 'allow iam:GetRole on the role to the deploying identity.' : undefined,
      ),
      perTypeNote,
    ];
  }
  const trust = decodeTrustPolicy(role?.AssumeRolePolicyDocument);
  const findings = [
    /cloudformation\.amazonaws\.com/.test(trust)
      ? f.pass(`role-arn: ${name} exists and trusts cloudformation.amazonaws.com.`)
      : f.fail(
          `role-arn: ${name} does not trust cloudformation.amazonaws.com, so CloudFormation cannot assume it.`,
          'add a trust statement: {"Effect":"Allow","Principal":{"Service":"cloudformation.amazonaws.com"},"Action":"sts:AssumeRole"}.',
        ),
    perTypeNote,
  ];
  return findings;
}

function decodeTrustPolicy(document: string | undefined): string {
  if (!document) return '';
  try {
    return decodeURIComponent(document);
  } catch {
    return document;
  }
}
