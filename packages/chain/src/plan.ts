import { parseSecretNames } from '@hoist/aws';
import { parseParameterOverrides } from '@hoist/cfn';
import { CHAIN, STEPS, type StepName } from './chain.js';

/**
 * What a user gives the whole chain. Every input keeps the name it has on the action it goes to; `routes` says
 * which steps take it as it is. The rest (image, environment, …) is the chain's own and shapes the steps' inputs.
 */
export interface ShipSettings {
  'stack-name': string;
  template: string;
  parameters: string | undefined;
  repository: string | undefined;
  /** Promote instead of build: an image by digest, or a tag of `repository` (build-push-multiarch is skipped). */
  image: string | undefined;
  'image-parameter': string;
  /** Parameters a later step supplies, beyond the image and the secret ARNs the chain knows about. */
  'deferred-parameters': string[];
  secrets: string | undefined;
  'parameter-overrides': string | undefined;
  /** A label for the deploy: the stack tag `hoist:environment` and the summary's first line. */
  environment: string | undefined;
  /** `false`: preview only (secrets-sync dry-run, no image pushed, the change set shown and deleted). */
  execute: boolean;
  /** `auto`: run rollback when deploy-stack says so; `never`: leave the stack as deploy-stack left it. */
  rollback: 'auto' | 'never';
  /** Inputs handed as they are to the steps `ROUTES` names. */
  pass: Record<string, string>;
}

/** Which steps take a pass-through input, under the same name. */
export const ROUTES: Record<string, readonly StepName[]> = {
  region: STEPS,
  'allowed-account-ids': ['preflight'],
  checks: ['preflight'],
  'fail-on': ['preflight', 'cfn-validate'],
  builder: ['preflight', 'build-push-multiarch'],
  'role-arn': ['preflight', 'deploy-stack'],
  'kms-key-id': ['secrets-sync'],
  'name-prefix': ['secrets-sync'],
  threshold: ['quota-check'],
  registry: ['build-push-multiarch'],
  'insecure-registry': ['build-push-multiarch'],
  platforms: ['build-push-multiarch'],
  context: ['build-push-multiarch'],
  file: ['build-push-multiarch'],
  target: ['build-push-multiarch'],
  'build-args': ['build-push-multiarch'],
  'secret-envs': ['build-push-multiarch'],
  cache: ['build-push-multiarch'],
  'scan-on-push': ['build-push-multiarch'],
  'tag-mutability': ['build-push-multiarch'],
  'default-branch': ['build-push-multiarch'],
  capabilities: ['deploy-stack'],
  'termination-protection': ['deploy-stack'],
  'on-replacement': ['deploy-stack'],
  'artifacts-bucket': ['deploy-stack', 'rollback'],
  'timeout-minutes': ['deploy-stack', 'rollback'],
  'health-check-url': ['deploy-stack', 'rollback'],
  'environment-url': ['deploy-stack'],
  'github-token': ['preflight', 'quota-check', 'deploy-stack'],
};

/** What earlier steps handed on: the outputs each step wrote. */
export type Flow = Partial<Record<StepName, Record<string, string>>>;

/** Why a step does not run for these settings, or undefined when it runs. */
export function skipReason(step: StepName, settings: ShipSettings): string | undefined {
  if (step === 'secrets-sync' && !settings.secrets) return 'no `secrets` mapping given';
  if (step === 'build-push-multiarch' && settings.image) return `promoting ${settings.image}: nothing is built`;
  if (step === 'build-push-multiarch' && !settings.execute) return 'preview only (`execute: false`): nothing is built';
  return undefined;
}

/** The template parameters that get a secret's ARN, from the secrets-sync mapping. */
export function secretParameters(settings: ShipSettings): string[] {
  if (!settings.secrets) return [];
  return parseSecretNames(settings.secrets).flatMap((s) => (s.parameter ? [s.parameter] : []));
}

const unique = (items: readonly string[]): string[] => [...new Set(items.filter((i) => i !== ''))];

/** The image deploy-stack sets: this run's build, or the promoted one (a tag is resolved by build-push's retag). */
export function imageUri(settings: ShipSettings, flow: Flow): string | undefined {
  return flow['build-push-multiarch']?.['image-uri'] || settings.image || undefined;
}

/**
 * The inputs of one step, named as its action.yml names them: the pass-through inputs routed to it, the settings
 * it takes, and what earlier steps handed on (registry, capabilities, secret ARNs, image URI, updated secrets).
 */
export function stepInputs(step: StepName, settings: ShipSettings, flow: Flow): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const [name, value] of Object.entries(settings.pass)) {
    if (ROUTES[name]?.includes(step) && value !== '') inputs[name] = value;
  }
  const stack = settings['stack-name'];
  const template = settings.template;
  const parameters = settings.parameters ?? '';
  const image = settings['image-parameter'];
  const secretParams = secretParameters(settings);
  const set = (name: string, value: string | undefined) => {
    if (value !== undefined && value !== '') inputs[name] = value;
  };
  switch (step) {
    case 'preflight':
      set('stack-name', stack);
      set('template', template);
      set('parameters', parameters);
      // Before secrets-sync and the build: the image and every secret ARN are still to come.
      set('deferred-parameters', unique([image, ...secretParams, ...settings['deferred-parameters']]).join(','));
      set('repository', settings.repository);
      set('secrets', settings.secrets);
      set('for', chainActions(settings).join(','));
      if (skipReason('build-push-multiarch', settings)) inputs['builder'] = 'none';
      break;
    case 'secrets-sync':
      set('secrets', settings.secrets);
      set('mode', settings.execute ? 'upsert' : 'dry-run');
      set('parameters-file', parameters);
      break;
    case 'quota-check':
      set('mode', 'gate');
      set('template', template);
      set('parameters', parameters);
      set('stack-name', stack);
      break;
    case 'cfn-validate':
      set('template', template);
      set('parameters', parameters);
      // secrets-sync wrote the ARNs into the parameters file; without a file (or in a preview) they come later.
      set(
        'deferred-parameters',
        unique([
          image,
          ...(parameters && settings.execute ? [] : secretParams),
          ...settings['deferred-parameters'],
        ]).join(','),
      );
      break;
    case 'build-push-multiarch':
      set('repository', settings.repository);
      if (!inputs['registry']) set('registry', flow.preflight?.['registry']);
      break;
    case 'deploy-stack': {
      set('stack-name', stack);
      set('template', template);
      set('parameters', parameters);
      set('parameter-overrides', deployOverrides(settings, flow));
      if (!inputs['capabilities']) set('capabilities', flow['cfn-validate']?.['capabilities']);
      if (settings.environment) {
        set('tags', JSON.stringify({ 'hoist:environment': settings.environment }));
        set('environment', settings.environment);
      }
      const updated = flow['secrets-sync']?.['updated'] ?? '';
      if (updated !== '' && updated !== '[]') {
        set('updated-secrets', updated);
        set('force-new-deployment', 'auto');
      }
      if (!settings.execute) {
        set('execute', 'false');
        set('delete-preview', 'true');
      }
      break;
    }
    case 'rollback':
      set('stack-name', stack);
      // The deploy may have timed out with the update still running: cancel it first.
      set('cancel-in-progress', 'true');
      break;
  }
  return inputs;
}

/**
 * deploy-stack's overrides: the user's, the image URI, and the secret ARNs when there is no parameters file for
 * secrets-sync to write them into. A JSON mapping, so values with commas or `=` pass unchanged.
 */
export function deployOverrides(settings: ShipSettings, flow: Flow): string {
  const overrides: Record<string, string> = settings['parameter-overrides']
    ? parseParameterOverrides(settings['parameter-overrides'])
    : {};
  if (!settings.parameters && settings.secrets) {
    const arns = parseArns(flow['secrets-sync']?.['secret-arns']);
    for (const s of parseSecretNames(settings.secrets)) {
      const arn = arns[s.name] ?? Object.entries(arns).find(([name]) => name.endsWith(`/${s.name}`))?.[1];
      if (s.parameter && arn) overrides[s.parameter] = arn;
    }
  }
  const uri = imageUri(settings, flow);
  if (uri) overrides[settings['image-parameter']] = uri;
  return Object.keys(overrides).length > 0 ? JSON.stringify(overrides) : '';
}

function parseArns(value: string | undefined): Record<string, string> {
  if (!value) return {};
  try {
    const parsed = JSON.parse(value) as unknown;
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
      ? Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'))
      : {};
  } catch {
    return {};
  }
}

/** The hoist actions these settings run (preflight's permission check evaluates what they call). */
export function chainActions(settings: ShipSettings): StepName[] {
  return [
    ...CHAIN.filter((s) => skipReason(s, settings) === undefined),
    ...(settings.rollback === 'auto' && settings.execute ? (['rollback'] as const) : []),
  ];
}
