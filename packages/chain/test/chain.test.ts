import { describe, expect, test } from '@jest/globals';
import {
  CHAIN,
  headline,
  runChain,
  stepInputs,
  type ShipSettings,
  type StepName,
  type StepResult,
  type StepRunner,
} from '../src/index.js';

const settings = (over: Partial<ShipSettings> = {}): ShipSettings => ({
  'stack-name': 'workers',
  template: 'ecs.yaml',
  parameters: 'params.json',
  repository: 'ray-worker',
  image: undefined,
  'image-parameter': 'ImageUri',
  'deferred-parameters': [],
  secrets: 'ray/openai: { from-env: OPENAI_API_KEY, parameter: OpenAiSecretArn }',
  'parameter-overrides': undefined,
  environment: undefined,
  execute: true,
  rollback: 'auto',
  pass: {},
  ...over,
});

const IMAGE = `111122223333.dkr.ecr.eu-west-1.amazonaws.com/ray-worker@sha256:${'c'.repeat(64)}`;

describe('stepInputs: what flows from step to step', () => {
  test('preflight defers the image and every secret ARN; cfn-validate only the image once the file has the ARNs', () => {
    expect(stepInputs('preflight', settings(), {})['deferred-parameters']).toBe('ImageUri,OpenAiSecretArn');
    expect(stepInputs('cfn-validate', settings(), {})['deferred-parameters']).toBe('ImageUri');
    // Without a parameters file the ARNs reach deploy-stack as overrides, so they stay deferred for cfn-validate.
    expect(stepInputs('cfn-validate', settings({ parameters: undefined }), {})['deferred-parameters']).toBe(
      'ImageUri,OpenAiSecretArn',
    );
  });

  test('the registry preflight found goes to the build; capabilities, the image and updated secrets to the deploy', () => {
    const flow = {
      preflight: { registry: '111122223333.dkr.ecr.eu-west-1.amazonaws.com' },
      'secrets-sync': { updated: 'ray/openai', 'secret-arns': '{"ray/openai":"arn:aws:secretsmanager:x"}' },
      'cfn-validate': { capabilities: 'CAPABILITY_IAM' },
      'build-push-multiarch': { 'image-uri': IMAGE },
    };
    expect(stepInputs('build-push-multiarch', settings(), flow)).toEqual({
      repository: 'ray-worker',
      registry: '111122223333.dkr.ecr.eu-west-1.amazonaws.com',
    });
    const deploy = stepInputs('deploy-stack', settings({ 'parameter-overrides': 'Env=dev,blue' }), flow);
    expect(deploy).toMatchObject({
      'stack-name': 'workers',
      capabilities: 'CAPABILITY_IAM',
      'updated-secrets': 'ray/openai',
      'force-new-deployment': 'auto',
    });
    // The user's overrides (a comma inside a value included) and the image, as one JSON mapping.
    expect(JSON.parse(deploy['parameter-overrides'] ?? '')).toEqual({ Env: 'dev,blue', ImageUri: IMAGE });
    // Without a parameters file, the secret ARN becomes an override.
    const noFile = stepInputs('deploy-stack', settings({ parameters: undefined }), flow);
    expect(JSON.parse(noFile['parameter-overrides'] ?? '')).toEqual({
      OpenAiSecretArn: 'arn:aws:secretsmanager:x',
      ImageUri: IMAGE,
    });
  });

  test('a user’s registry and capabilities win over what earlier steps found', () => {
    const s = settings({ pass: { registry: 'registry.internal:5000', capabilities: 'CAPABILITY_NAMED_IAM' } });
    const flow = { preflight: { registry: 'x' }, 'cfn-validate': { capabilities: 'CAPABILITY_IAM' } };
    expect(stepInputs('build-push-multiarch', s, flow)['registry']).toBe('registry.internal:5000');
    expect(stepInputs('deploy-stack', s, flow)['capabilities']).toBe('CAPABILITY_NAMED_IAM');
  });

  test('pass-through inputs reach only the steps that take them, under the same name', () => {
    const s = settings({ pass: { region: 'eu-west-1', 'health-check-url': 'https://x/health', target: 'slim' } });
    for (const step of ['preflight', 'deploy-stack', 'rollback'] as StepName[])
      expect(stepInputs(step, s, {})['region']).toBe('eu-west-1');
    expect(stepInputs('rollback', s, {})['health-check-url']).toBe('https://x/health');
    expect(stepInputs('preflight', s, {})['health-check-url']).toBeUndefined();
    expect(stepInputs('build-push-multiarch', s, {})['target']).toBe('slim');
    expect(stepInputs('deploy-stack', s, {})['target']).toBeUndefined();
  });

  test('a preview: secrets-sync in dry-run, deploy-stack shows the change set and deletes it', () => {
    const s = settings({ execute: false });
    expect(stepInputs('secrets-sync', s, {})['mode']).toBe('dry-run');
    expect(stepInputs('deploy-stack', s, {})).toMatchObject({ execute: 'false', 'delete-preview': 'true' });
    expect(stepInputs('preflight', s, {})['builder']).toBe('none');
  });

  test('environment becomes the stack tag hoist:environment and the GitHub deployment’s environment', () => {
    const deploy = stepInputs('deploy-stack', settings({ environment: 'prod' }), {});
    expect(JSON.parse(deploy['tags'] ?? '')).toEqual({ 'hoist:environment': 'prod' });
    expect(deploy['environment']).toBe('prod');
    const token = settings({ pass: { 'github-token': 'ghs_x' } });
    expect(
      ['preflight', 'quota-check', 'deploy-stack'].map((s) => stepInputs(s as StepName, token, {})['github-token']),
    ).toEqual(['ghs_x', 'ghs_x', 'ghs_x']);
    expect(stepInputs('secrets-sync', token, {})['github-token']).toBeUndefined();
  });
});

/** A runner that answers each step from a script and records what ran. */
function scripted(
  answers: Partial<Record<StepName, StepResult>>,
  stackStatus?: string,
): StepRunner & { ran: StepName[] } {
  const ran: StepName[] = [];
  return {
    ran,
    run: async (step) => {
      ran.push(step);
      return answers[step] ?? { ok: true, outputs: {} };
    },
    stackStatus: async () => stackStatus,
  };
}

const deployed = (status: string): StepResult => ({
  ok: status === 'deployed' || status === 'no-changes',
  outputs: { status, 'release-id': 'r2', 'stack-id': 'arn:stack' },
});

describe('runChain: order, stopping, and when to roll back', () => {
  test('every step in order; a skipped build when promoting an image', async () => {
    const runner = scripted({ 'deploy-stack': deployed('deployed') });
    const report = await runChain(settings({ image: IMAGE }), runner);
    expect(runner.ran).toEqual(['preflight', 'secrets-sync', 'quota-check', 'cfn-validate', 'deploy-stack']);
    expect(report).toMatchObject({ ok: true, status: 'deployed', imageUri: IMAGE, releaseId: 'r2' });
    expect(report.steps.map((s) => s.outcome)).toEqual([
      'success',
      'success',
      'success',
      'success',
      'skipped',
      'success',
    ]);
    expect(headline(report, { 'stack-name': 'workers', environment: undefined })).toMatch(/^✅ Shipped `/);
  });

  test('a failed gate stops the chain: nothing after it runs, no rollback', async () => {
    const runner = scripted({ 'quota-check': { ok: false, outputs: {}, failure: 'VPCs: 6 of 5' } });
    const report = await runChain(settings(), runner);
    expect(runner.ran).toEqual(['preflight', 'secrets-sync', 'quota-check']);
    expect(report).toMatchObject({ ok: false, status: 'failed', failedStep: 'quota-check' });
    expect(report.steps.map((s) => [s.step, s.outcome])).toEqual([
      ...CHAIN.slice(0, 3).map((s, i) => [s, i < 2 ? 'success' : 'failure']),
      ['cfn-validate', 'not-run'],
      ['build-push-multiarch', 'not-run'],
      ['deploy-stack', 'not-run'],
      ['rollback', 'not-run'],
    ]);
    expect(headline(report, { 'stack-name': 'workers', environment: 'prod' })).toBe(
      '❌ quota-check failed, nothing was deployed to stack `workers` (prod): VPCs: 6 of 5',
    );
  });

  test.each([
    ['unhealthy', 'UPDATE_COMPLETE', true],
    ['failed', 'UPDATE_ROLLBACK_FAILED', true],
    ['failed', 'UPDATE_IN_PROGRESS', true],
    ['failed', 'UPDATE_COMPLETE', false],
    ['rolled-back', 'UPDATE_ROLLBACK_COMPLETE', false],
  ])('deploy-stack %s with the stack %s → rollback runs: %s', async (status, stack, expected) => {
    const runner = scripted(
      { 'deploy-stack': deployed(status), rollback: { ok: true, outputs: { status: 'restored', 'release-id': 'r1' } } },
      stack,
    );
    const report = await runChain(settings(), runner);
    expect(runner.ran.includes('rollback')).toBe(expected);
    expect(report.steps.at(-1)).toMatchObject({ step: 'rollback', outcome: expected ? 'success' : 'skipped' });
    expect(report.rollbackStatus).toBe(expected ? 'restored' : undefined);
    expect(report.ok).toBe(false);
  });

  test('rollback: never, and previews, leave the stack as deploy-stack left it', async () => {
    for (const s of [settings({ rollback: 'never' }), settings({ execute: false })]) {
      const runner = scripted({ 'deploy-stack': deployed('unhealthy') });
      await runChain(s, runner);
      expect(runner.ran).not.toContain('rollback');
    }
  });

  test('a runner that throws is a failed step, not a crash', async () => {
    const runner: StepRunner = {
      run: async (step) => {
        if (step === 'cfn-validate') throw new Error('boom');
        return { ok: true, outputs: {} };
      },
      stackStatus: async () => undefined,
    };
    const report = await runChain(settings(), runner);
    expect(report.failedStep).toBe('cfn-validate');
    expect(report.steps.find((s) => s.step === 'cfn-validate')?.note).toBe('boom');
  });
});
