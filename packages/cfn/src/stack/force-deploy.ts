import type { TaskDefinition } from '@aws-sdk/client-ecs';
import type { AutoScalingApi, EcsApi, StackService } from './verify.js';

/** `force-new-deployment`: `auto` (the services and groups that use an updated secret) or named services. */
export type ForceNewDeployment = { mode: 'auto'; updatedSecrets: string[] } | { mode: 'services'; services: string[] };

/** The part of a secret reference that names the secret: `arn:…:secret:name-AbCdEf` → `name`. */
function secretNames(secret: string): string[] {
  const arn = /^arn:[^:]+:secretsmanager:[^:]+:\d+:secret:(.+?)(?::.*)?$/.exec(secret);
  if (!arn) return [secret];
  const full = arn[1] ?? '';
  // Secrets Manager appends a dash and six characters to the name in the ARN.
  const bare = full.replace(/-[A-Za-z0-9]{6}$/, '');
  return [...new Set([full, bare])];
}

/** Whether a reference (an ECS `valueFrom`, text of user data) names one of the secrets. */
export function referencesSecret(reference: string, secret: string): boolean {
  if (reference === secret) return true;
  return secretNames(secret).some((name) => {
    const escaped = name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    // As a whole name: an ARN part (`:secret:name-XXXXXX`, `:secret:name:`), or the name alone.
    return new RegExp(`(^|[:\\s"'=/])${escaped}($|[-:\\s"'])`).test(reference);
  });
}

/** Secret references of a task definition's containers: `secrets[].valueFrom` and `repositoryCredentials`. */
export function taskDefinitionSecretRefs(taskDefinition: TaskDefinition): string[] {
  return (taskDefinition.containerDefinitions ?? []).flatMap((c) => [
    ...(c.secrets ?? []).map((s) => s.valueFrom ?? ''),
    ...(c.repositoryCredentials?.credentialsParameter ? [c.repositoryCredentials.credentialsParameter] : []),
  ]);
}

export interface ForcedTargets {
  services: { service: StackService; secrets: string[] }[];
  groups: { name: string; logicalId: string; secrets: string[] }[];
  /** Names given in the list that match no service of the stack. */
  unknown: string[];
}

/** Which services (and groups) to roll: those whose task definitions or instances use an updated secret, or named ones. */
export async function forcedTargets(
  request: ForceNewDeployment,
  services: readonly StackService[],
  groups: readonly { logicalId: string; name: string }[],
  apis: { ecs: EcsApi; autoscaling: AutoScalingApi | undefined },
): Promise<ForcedTargets> {
  if (request.mode === 'services') {
    const matched = services.filter((s) =>
      request.services.some((n) => n === s.name || n === s.logicalId || n.endsWith(`/${s.name}`)),
    );
    const unknown = request.services.filter(
      (n) => !services.some((s) => n === s.name || n === s.logicalId || n.endsWith(`/${s.name}`)),
    );
    return { services: matched.map((service) => ({ service, secrets: [] })), groups: [], unknown };
  }
  const out: ForcedTargets = { services: [], groups: [], unknown: [] };
  if (request.updatedSecrets.length === 0) return out;
  for (const service of services) {
    const described = (await apis.ecs.describeServices(service.cluster, [service.name]))[0];
    const taskDefinition = described?.taskDefinition
      ? await apis.ecs.describeTaskDefinition(described.taskDefinition)
      : undefined;
    const refs = taskDefinition ? taskDefinitionSecretRefs(taskDefinition) : [];
    const used = request.updatedSecrets.filter((secret) => refs.some((ref) => referencesSecret(ref, secret)));
    if (used.length > 0) out.services.push({ service, secrets: used });
  }
  if (apis.autoscaling) {
    for (const g of groups) {
      const group = (await apis.autoscaling.describeGroups([g.name]))[0];
      const spec = group?.LaunchTemplate ?? group?.MixedInstancesPolicy?.LaunchTemplate?.LaunchTemplateSpecification;
      if (!spec) continue;
      const userData = await apis.autoscaling.launchTemplateUserData(
        spec.LaunchTemplateId,
        spec.LaunchTemplateName,
        spec.Version ?? '$Default',
      );
      const used = request.updatedSecrets.filter((secret) => referencesSecret(userData, secret));
      if (used.length > 0) out.groups.push({ ...g, secrets: used });
    }
  }
  return out;
}
