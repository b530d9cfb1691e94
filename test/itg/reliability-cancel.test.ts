/**
 * Cancel and concurrency across actions (issue 12). deploy-stack's and rollback's own tests cover SIGTERM in their
 * stack waits (with CancelUpdateStack); here every action is cancelled while one of its AWS calls hangs in the proxy,
 * and two deploy-stack runs meet on one stack.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { GetParameterCommand } from '@aws-sdk/client-ssm';
import { describeStacksAnswer } from '../support/aws-shapes.js';
import { startMoto, type Moto } from '../support/moto.js';
import { runAction, type ActionResult } from '../support/run-action.js';
import { delay, forward, respond, startScenarioProxy, type ScenarioProxy } from '../support/scenario-proxy.js';
import { registerTestSecret } from '../support/secrets-registry.js';
import { APP_TEMPLATE, IMAGE_A, IMAGE_B, clientsFor, runnerEnv, workspaceWith } from './deploy-stack-support.js';
import { CHAIN_TEMPLATE } from './reliability-support.js';

jest.setTimeout(120_000);

const IMAGE_C = IMAGE_A.replace(/@sha256:.*/, `@sha256:${'c'.repeat(64)}`);
/** How long a held call would hang: far beyond the 10 s a cancelled step may take. */
const HOLD_MS = 60_000;

let moto: Moto;
let proxy: ScenarioProxy;
let aws: ReturnType<typeof clientsFor>;
beforeAll(async () => {
  moto = await startMoto();
  proxy = await startScenarioProxy(moto.url);
  aws = clientsFor(moto.url);
}, 60_000);
afterAll(async () => {
  await proxy?.close();
  await moto?.stop();
});
beforeEach(async () => {
  await moto.reset();
  proxy.clearRules();
  proxy.clear();
});

async function until(condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('the awaited call never came');
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface CancelCase {
  action: string;
  inputs: Record<string, string>;
  /** The AWS call held in the proxy when SIGTERM comes. */
  service: string;
  operation: string;
  files?: Record<string, string>;
  env?: Record<string, string>;
}

const CANCEL_CASES: CancelCase[] = [
  {
    action: 'preflight',
    inputs: { checks: 'identity' },
    service: 'sts',
    operation: 'GetCallerIdentity',
  },
  {
    action: 'secrets-sync',
    inputs: { secrets: 'cancel/key: { from-env: CANCEL_KEY }' },
    service: 'secretsmanager',
    operation: 'CreateSecret',
    env: { CANCEL_KEY: registerTestSecret('sk-cancel-value-0123456789abcdef') },
  },
  {
    action: 'quota-check',
    inputs: { template: 'app.yaml' },
    service: 'ec2',
    operation: 'DescribeVpcs',
    files: { 'app.yaml': CHAIN_TEMPLATE },
  },
  {
    action: 'cfn-validate',
    inputs: { template: 'app.yaml', 'remote-validation': 'true' },
    service: 'cloudformation',
    operation: 'ValidateTemplate',
    files: { 'app.yaml': APP_TEMPLATE },
  },
  {
    action: 'build-push-multiarch',
    inputs: { repository: 'cancel/worker', builder: 'buildx', context: '.' },
    service: 'ecr',
    operation: 'DescribeRepositories',
    files: { Dockerfile: 'FROM scratch\n' },
    env: { GITHUB_SHA: 'c'.repeat(40), GITHUB_REF: 'refs/heads/main' },
  },
  {
    action: 'deploy-stack',
    inputs: { 'stack-name': 'app', template: 'app.yaml', 'parameter-overrides': `ImageUri=${IMAGE_A}` },
    service: 'cloudformation',
    operation: 'CreateChangeSet',
    files: { 'app.yaml': APP_TEMPLATE },
  },
  { action: 'rollback', inputs: { 'stack-name': 'app' }, service: 'cloudformation', operation: 'DescribeStacks' },
];

/** Cancels the action with `signal` while its AWS call hangs in the proxy: it must end within 10 s, clearly. */
async function cancelled(c: CancelCase, signal: 'SIGTERM' | 'SIGINT' = 'SIGTERM'): Promise<ActionResult> {
  proxy.addRule({ service: c.service, operation: c.operation, effect: delay(HOLD_MS) });
  let terminatedAt = 0;
  const r = await runAction(c.action, c.inputs, {
    cwd: workspaceWith(c.files ?? {}),
    env: runnerEnv(proxy.env, c.env ?? {}),
    timeoutMs: 45_000,
    onSpawn: (child) => {
      void until(() => proxy.count({ service: c.service, operation: c.operation }) > 0).then(() => {
        terminatedAt = Date.now();
        child.kill(signal);
      });
    },
  });
  expect(terminatedAt).toBeGreaterThan(0);
  expect(Date.now() - terminatedAt).toBeLessThan(10_000);
  expect(r.exitCode).not.toBe(0);
  expect(r.log).toContain(`Received ${signal}: cancelling.`);
  const errors = r.annotations.filter((a) => a.level === 'error').map((a) => a.message);
  expect(errors.join('\n')).toMatch(/cancel/i);
  expect(r.log).not.toMatch(/\n\s+at /);
  return r;
}

describe('SIGTERM while an AWS call hangs: every action exits within 10 s with a clear message', () => {
  for (const c of CANCEL_CASES) {
    test(c.action, async () => {
      await cancelled(c);
    });
  }
});

// Ctrl-C in a terminal (the hoist CLI runs the same bundles): run() treats SIGINT as the runner's SIGTERM.
test('SIGINT while an AWS call hangs: preflight exits 1 with one clear cancel line', async () => {
  const preflight = CANCEL_CASES.find((c) => c.action === 'preflight');
  if (!preflight) throw new Error('the preflight cancel case is missing');
  const r = await cancelled(preflight, 'SIGINT');
  expect(r.exitCode).toBe(1);
  expect(r.annotations.filter((a) => a.level === 'error').map((a) => a.message)).toEqual([
    'The run was cancelled (SIGINT).',
  ]);
});

describe('two deploy-stack runs on one stack at once', () => {
  const deploy = (cwd: string, image: string, sha: string, extra: Record<string, string> = {}) =>
    runAction(
      'deploy-stack',
      { 'stack-name': 'app', template: 'app.yaml', 'parameter-overrides': `ImageUri=${image}`, ...extra },
      { cwd, env: runnerEnv(proxy.env, { GITHUB_SHA: sha }), timeoutMs: 90_000 },
    );

  /** The stack "runs" the first update for `holdMs` after its ExecuteChangeSet: DescribeStacks says IN_PROGRESS. */
  function holdUpdate(holdMs: number): { executedAt: () => number } {
    let executedAt = 0;
    proxy.addRule({
      service: 'cloudformation',
      operation: 'ExecuteChangeSet',
      effect: () => {
        executedAt ||= Date.now();
        return forward();
      },
    });
    proxy.addRule({
      service: 'cloudformation',
      operation: 'DescribeStacks',
      where: () => executedAt > 0 && Date.now() - executedAt < holdMs,
      effect: respond(
        describeStacksAnswer([
          { StackName: 'app', StackStatus: 'UPDATE_IN_PROGRESS', Parameters: { ImageUri: IMAGE_B } },
        ]),
      ),
    });
    return { executedAt: () => executedAt };
  }

  async function releaseImages(): Promise<string[]> {
    const out = await aws.ssm.send(new GetParameterCommand({ Name: '/hoist/app/releases' }));
    const history = JSON.parse(out.Parameter?.Value ?? '{"releases":[]}') as {
      releases: { images: Record<string, string>; outcome: string; gitSha?: string }[];
    };
    return history.releases.map(
      (r) => `${r.outcome} ${r.gitSha?.slice(0, 4) ?? '?'} ${r.images['ImageUri']?.slice(-4) ?? '?'}`,
    );
  }

  let waited: string[] = [];

  async function stackNow(): Promise<{ status: string | undefined; image: string | undefined }> {
    const stack = (await aws.cfn.send(new DescribeStacksCommand({ StackName: 'app' }))).Stacks?.[0];
    return {
      status: stack?.StackStatus,
      image: stack?.Parameters?.find((p) => p.ParameterKey === 'ImageUri')?.ParameterValue,
    };
  }

  async function race(secondExtra: Record<string, string>, holdMs: number): Promise<[ActionResult, ActionResult]> {
    const cwd = workspaceWith({ 'app.yaml': APP_TEMPLATE });
    expect((await deploy(cwd, IMAGE_A, 'a'.repeat(40))).outputs['status']).toBe('deployed');
    proxy.clear();
    const gate = holdUpdate(holdMs);
    const first = deploy(cwd, IMAGE_B, 'b'.repeat(40));
    await until(() => gate.executedAt() > 0);
    const second = deploy(cwd, IMAGE_C, 'c'.repeat(40), secondExtra);
    return Promise.all([first, second]);
  }

  test('the second waits for the first, then deploys: both succeed, the stack ends stable on the second', async () => {
    const [first, second] = await race({}, 5000);
    expect([first.exitCode, first.outputs['status']]).toEqual([0, 'deployed']);
    expect([second.exitCode, second.outputs['status']]).toEqual([0, 'deployed']);
    expect(second.log).toContain('Stack app is UPDATE_IN_PROGRESS: waiting for that operation to finish first.');
    // The second change set was made after the first update had finished.
    const creates = proxy.calls('CreateChangeSet');
    expect(creates).toHaveLength(2);
    expect(creates[1]!.startedAt).toBeGreaterThan(proxy.calls('ExecuteChangeSet')[0]!.startedAt + 4000);
    expect(proxy.calls('ExecuteChangeSet')).toHaveLength(2);
    expect(await stackNow()).toEqual({ status: 'UPDATE_COMPLETE', image: IMAGE_C });
    waited = await releaseImages();
    // One record per run, each under its own commit (their order and images: the next test).
    expect(waited.map((r) => r.split(' ').slice(0, 2).join(' ')).sort()).toEqual([
      'deployed aaaa',
      'deployed bbbb',
      'deployed cccc',
    ]);
  });

  // Each record holds the values its own change set deployed, and the history is ordered by when each update was
  // executed: the stack runs C, so C is the newest release although B's run recorded last.
  test('each run records the image it deployed, newest last deployed first', () => {
    expect(waited).toEqual(['deployed cccc cccc', 'deployed bbbb bbbb', 'deployed aaaa aaaa']);
  });

  test('a second run whose deadline passes first fails clearly, changes nothing; the first completes', async () => {
    const [first, second] = await race({ 'timeout-minutes': '3s' }, 8000);
    expect([first.exitCode, first.outputs['status']]).toEqual([0, 'deployed']);
    expect(second.exitCode).toBe(1);
    const error = second.annotations.find((a) => a.level === 'error')?.message ?? '';
    expect(error).toMatch(/UPDATE_IN_PROGRESS/);
    expect(error).toMatch(/timeout-minutes/);
    expect(proxy.calls('CreateChangeSet')).toHaveLength(1);
    expect(proxy.calls('ExecuteChangeSet')).toHaveLength(1);
    expect(await stackNow()).toEqual({ status: 'UPDATE_COMPLETE', image: IMAGE_B });
    expect(await releaseImages()).toEqual(['deployed bbbb bbbb', 'deployed aaaa aaaa']);
  });
});
