/**
 * The chain under injected AWS faults (issue 12): each AWS call has a 20% chance of one or two consecutive transient
 * failures (throttling in the service's own shape, HTTP 500/503, a connection reset, an answer slower than the client's
 * request timeout) before it goes through. `HOIST_FAULT_RUNS` seeded runs of the whole chain (default 5; the benchmark
 * runs 50 with `HOIST_FAULT_RUNS=50 npm run test:faults`) must all succeed and leave AWS exactly as one clean run
 * would: one secret with one version, one change set executed per deploy, no change set left behind, the expected
 * release records. Non-retryable errors are never retried and reach the user under their AWS name.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { ListChangeSetsCommand } from '@aws-sdk/client-cloudformation';
import { GetParameterCommand } from '@aws-sdk/client-ssm';
import { DescribeSecretCommand, ListSecretsCommand } from '@aws-sdk/client-secrets-manager';
import { startMoto, type Moto } from '../support/moto.js';
import { runAction } from '../support/run-action.js';
import { error, faults, startScenarioProxy, type CallRecord, type ScenarioProxy } from '../support/scenario-proxy.js';
import { registerTestSecret } from '../support/secrets-registry.js';
import { APP_TEMPLATE, IMAGE_A, clientsFor, runnerEnv, workspaceWith } from './deploy-stack-support.js';
import {
  type ChainStep,
  CHAIN_ACCOUNT,
  CHAIN_SECRET,
  CHAIN_STACK,
  CHAIN_TEMPLATE,
  SHA_A,
  SHA_B,
  runChain,
  runShipChain,
  warmUp,
} from './reliability-support.js';

const RUNS = Number(process.env['HOIST_FAULT_RUNS'] ?? 5);
/** Seeded runs of the same chain through `ship` (one process for the six steps): `HOIST_SHIP_FAULT_RUNS`. */
const SHIP_RUNS = Number(process.env['HOIST_SHIP_FAULT_RUNS'] ?? 2);
/** Seeds are consecutive from here: `HOIST_FAULT_SEED=1000` replays another series. */
const FIRST_SEED = Number(process.env['HOIST_FAULT_SEED'] ?? 1);
/**
 * The client's request timeout for these runs; a `slow` fault holds its answer longer than this. It sits well above
 * moto's slowest honest answer — ValidateTemplate, which moto runs through cfn-lint, takes 0.6–1.1 s on an idle
 * 2-core machine — or a loaded machine times out calls no fault touched (at 1000 ms, 4 of 5 seeds failed so).
 */
const REQUEST_TIMEOUT_MS = 3000;

jest.setTimeout(300_000);

let moto: Moto;
let proxy: ScenarioProxy;
let aws: ReturnType<typeof clientsFor>;
beforeAll(async () => {
  // Not the documentation account id (123456789012), which cfn-validate rightly flags in the secret's ARN.
  moto = await startMoto({ MOTO_ACCOUNT_ID: CHAIN_ACCOUNT });
  proxy = await startScenarioProxy(moto.url);
  // Checks read moto directly: the proxy's log holds only what the actions did.
  aws = clientsFor(moto.url);
}, 60_000);
afterAll(async () => {
  await proxy?.close();
  await moto?.stop();
});
beforeEach(async () => {
  await moto.reset();
  await warmUp(moto.url);
  proxy.clearRules();
  proxy.clear();
});

/** What the actions run with: the production retry policy (HOIST_AWS_MAX_ATTEMPTS unset: 5 attempts). */
const FAULT_ENV: Record<string, string | undefined> = {
  HOIST_AWS_MAX_ATTEMPTS: undefined,
  HOIST_AWS_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
};

/** Requests that reached moto: forwarded (a `slow` fault whose client gave up never does). */
const reachedMoto = (c: CallRecord) => c.effect === 'forward';

interface Release {
  id: string;
  kind: string;
  outcome: string;
  restores?: string;
  gitSha?: string;
  changeSetId?: string;
}

async function releases(): Promise<Release[]> {
  const out = await aws.ssm.send(new GetParameterCommand({ Name: `/hoist/${CHAIN_STACK}/releases` }));
  return (JSON.parse(out.Parameter?.Value ?? '{"releases":[]}') as { releases: Release[] }).releases;
}

describe(`the chain under the fault model: ${RUNS} seeded runs from seed ${FIRST_SEED}`, () => {
  const seeds = Array.from({ length: RUNS }, (_, i) => FIRST_SEED + i);
  test.each(seeds)('seed %i: every step succeeds and AWS ends as after one clean run', async (seed) => {
    proxy.addRule(
      faults({
        probability: 0.2,
        seed,
        kinds: ['throttle', '5xx', 'reset', 'slow'],
        maxConsecutive: 2,
        slowMs: REQUEST_TIMEOUT_MS + 300,
      }),
    );
    const apiKey = registerTestSecret(`sk-fault-${seed}-${'k'.repeat(24)}`);
    const steps = await runChain({
      awsEnv: proxy.env,
      motoUrl: moto.url,
      env: FAULT_ENV as Record<string, string>,
      apiKey,
    });
    await expectCleanRun(
      steps,
      [
        'preflight',
        'secrets-sync',
        'quota-check',
        'cfn-validate',
        'build-push-multiarch',
        'deploy-stack (A)',
        'deploy-stack (B)',
        'rollback',
      ],
      [
        { step: 'deploy-stack (A)', output: 'release-id' },
        { step: 'deploy-stack (B)', output: 'release-id' },
      ],
    );
  });
});

describe(`ship under the fault model: ${SHIP_RUNS} seeded runs from seed ${FIRST_SEED + 500}`, () => {
  const seeds = Array.from({ length: SHIP_RUNS }, (_, i) => FIRST_SEED + 500 + i);
  test.each(seeds)('seed %i: ship A, ship B, rollback succeed and AWS ends as after one clean run', async (seed) => {
    proxy.addRule(
      faults({
        probability: 0.2,
        seed,
        kinds: ['throttle', '5xx', 'reset', 'slow'],
        maxConsecutive: 2,
        slowMs: REQUEST_TIMEOUT_MS + 300,
      }),
    );
    const apiKey = registerTestSecret(`sk-shipfault-${seed}-${'k'.repeat(24)}`);
    const steps = await runShipChain({
      awsEnv: proxy.env,
      motoUrl: moto.url,
      env: FAULT_ENV as Record<string, string>,
      apiKey,
    });
    await expectCleanRun(
      steps,
      ['ship (A)', 'ship (B)', 'rollback'],
      [
        { step: 'ship (A)', output: 'release-id' },
        { step: 'ship (B)', output: 'release-id' },
      ],
    );
  });
});

/** After a seeded run: every step succeeded, faults were injected and absorbed, AWS is as after one clean run. */
async function expectCleanRun(steps: ChainStep[], names: string[], deploys: { step: string; output: string }[]) {
  const failed = steps.find((s) => s.result.exitCode !== 0);
  expect(
    failed
      ? `${failed.step}: ${failed.result.log
          .split('\n')
          .filter((l) => l.startsWith('::error'))
          .join(' ')}`
      : 'none',
  ).toBe('none');
  expect(steps.map((s) => s.step)).toEqual(names);
  const log = proxy.calls();
  // The model did inject faults, of every kind, and every one was absorbed.
  const injected = log.filter((c) => c.rule === 'faults' && c.label !== undefined);
  expect(injected.length).toBeGreaterThan(5);

  // No duplicate secret, no duplicate version.
  const secrets = await aws.secrets.send(new ListSecretsCommand({}));
  expect((secrets.SecretList ?? []).map((s) => s.Name)).toEqual([CHAIN_SECRET]);
  const described = await aws.secrets.send(new DescribeSecretCommand({ SecretId: CHAIN_SECRET }));
  expect(Object.keys(described.VersionIdsToStages ?? {})).toHaveLength(1);

  // Exactly one change set executed per deploy (A, B, the rollback), each a different one.
  const executed = log
    .filter((c) => c.operation === 'ExecuteChangeSet' && reachedMoto(c))
    .map((c) => String(c.params['ChangeSetName']));
  expect(executed).toHaveLength(3);
  expect(new Set(executed).size).toBe(3);
  // No change set left behind (moto lists executed change sets, AWS does not: only the others are orphans).
  const left = await aws.cfn.send(new ListChangeSetsCommand({ StackName: CHAIN_STACK }));
  expect((left.Summaries ?? []).filter((c) => c.ExecutionStatus !== 'EXECUTE_COMPLETE')).toEqual([]);
  expect(left.Summaries ?? []).toHaveLength(3);

  // The release history: A, B, then the rollback that restored A — nothing more.
  const history = await releases();
  const [rollback, b, a] = history;
  expect(history.map((r) => [r.kind, r.outcome, r.gitSha])).toEqual([
    ['rollback', 'deployed', SHA_A],
    ['deploy', 'deployed', SHA_B],
    ['deploy', 'deployed', SHA_A],
  ]);
  expect(rollback?.restores).toBe(a?.id);
  expect(b?.id).not.toBe(a?.id);
  const ids = deploys.map((d) => steps.find((s) => s.step === d.step)?.result.outputs[d.output]);
  expect(ids).toEqual([a?.id, b?.id]);
}

describe('non-retryable errors are never retried and are reported under their AWS name', () => {
  const cases = [
    {
      what: 'AccessDeniedException on CreateSecret (secrets-sync)',
      service: 'secretsmanager',
      operation: 'CreateSecret',
      code: 'AccessDeniedException',
      status: 400,
      run: () =>
        runAction(
          'secrets-sync',
          { secrets: 'denied/key: { from-env: DENIED_KEY }' },
          { env: runnerEnv(proxy.env, { DENIED_KEY: registerTestSecret('sk-denied-value-0123456789') }) },
        ),
    },
    {
      what: 'ValidationError on CreateChangeSet (deploy-stack)',
      service: 'cloudformation',
      operation: 'CreateChangeSet',
      code: 'ValidationError',
      status: 400,
      run: () =>
        runAction(
          'deploy-stack',
          { 'stack-name': 'denied', template: 'app.yaml', 'parameter-overrides': `ImageUri=${IMAGE_A}` },
          { cwd: workspaceWith({ 'app.yaml': APP_TEMPLATE }), env: runnerEnv(proxy.env) },
        ),
    },
    {
      what: 'AccessDenied on ExecuteChangeSet (deploy-stack)',
      service: 'cloudformation',
      operation: 'ExecuteChangeSet',
      code: 'AccessDenied',
      status: 403,
      run: () =>
        runAction(
          'deploy-stack',
          { 'stack-name': 'denied', template: 'app.yaml', 'parameter-overrides': `ImageUri=${IMAGE_A}` },
          { cwd: workspaceWith({ 'app.yaml': APP_TEMPLATE }), env: runnerEnv(proxy.env) },
        ),
    },
    {
      what: 'AccessDeniedException on CreateRepository (build-push-multiarch)',
      service: 'ecr',
      operation: 'CreateRepository',
      code: 'AccessDeniedException',
      status: 400,
      run: () =>
        runAction(
          'build-push-multiarch',
          { repository: 'denied/worker', builder: 'buildx', context: workspaceWith({ Dockerfile: 'FROM scratch\n' }) },
          { env: runnerEnv(proxy.env, { GITHUB_SHA: SHA_A, GITHUB_REF: 'refs/heads/main' }) },
        ),
    },
    {
      what: 'AccessDeniedException on DescribeSecret (preflight)',
      service: 'secretsmanager',
      operation: 'DescribeSecret',
      code: 'AccessDeniedException',
      status: 400,
      run: () => runAction('preflight', { checks: 'secrets', secrets: 'denied/key' }, { env: runnerEnv(proxy.env) }),
    },
    {
      what: 'AccessDenied on ListStackResources (quota-check)',
      service: 'cloudformation',
      operation: 'ListStackResources',
      code: 'AccessDenied',
      status: 403,
      run: () =>
        runAction(
          'quota-check',
          { mode: 'gate', template: 'app.yaml', 'stack-name': 'denied' },
          { cwd: workspaceWith({ 'app.yaml': CHAIN_TEMPLATE }), env: runnerEnv(proxy.env) },
        ),
    },
    {
      what: 'AccessDenied on ValidateTemplate (cfn-validate, remote validation)',
      service: 'cloudformation',
      operation: 'ValidateTemplate',
      code: 'AccessDenied',
      status: 403,
      run: () =>
        runAction(
          'cfn-validate',
          { template: 'app.yaml', 'remote-validation': 'true' },
          { cwd: workspaceWith({ 'app.yaml': CHAIN_TEMPLATE }), env: runnerEnv(proxy.env) },
        ),
    },
    {
      what: 'AccessDenied on DescribeStacks (rollback)',
      service: 'cloudformation',
      operation: 'DescribeStacks',
      code: 'AccessDenied',
      status: 403,
      run: () => runAction('rollback', { 'stack-name': 'denied' }, { env: runnerEnv(proxy.env) }),
    },
  ];
  test.each(cases.map((c) => [c.what, c] as const))('%s', async (_what, c) => {
    proxy.addRule({
      service: c.service,
      operation: c.operation,
      effect: error({
        status: c.status,
        code: c.code,
        message: `User is not allowed to call ${c.operation}`,
        type: 'Sender',
      }),
    });
    const r = await c.run();
    expect(r.exitCode).toBe(1);
    const calls = proxy.calls({ service: c.service, operation: c.operation });
    expect(calls).toHaveLength(1);
    const failure = r.annotations
      .filter((a) => a.level === 'error')
      .map((a) => a.message)
      .join('\n');
    expect(failure).toContain(c.code);
    expect(r.log).not.toMatch(/\n\s+at /);
  });
});
