/**
 * deploy-stack with `github-token`: a GitHub deployment of the commit to `environment`, in progress while the stack
 * changes, then success or failure with the environment URL — against moto and the loopback GitHub fake. The
 * deployment record never fails a deploy, and a token that may not write deployments only adds a notice.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, jest, test } from '@jest/globals';
import {
  GITHUB_FAKE_READONLY_TOKEN,
  GITHUB_FAKE_TOKEN,
  startGitHubFake,
  type GitHubFake,
} from '../support/github-fake.js';
import { startMoto, type Moto } from '../support/moto.js';
import { runAction } from '../support/run-action.js';
import { error, startScenarioProxy, type ScenarioProxy } from '../support/scenario-proxy.js';
import { APP_TEMPLATE, IMAGE_A, runnerEnv, workspaceWith } from './deploy-stack-support.js';

jest.setTimeout(120_000);

const SHA = '0123456789abcdef0123456789abcdef01234567';

let moto: Moto;
let proxy: ScenarioProxy;
let github: GitHubFake;
beforeAll(async () => {
  moto = await startMoto();
  proxy = await startScenarioProxy(moto.url);
  github = await startGitHubFake({ repository: 'acme/app' });
}, 60_000);
afterAll(async () => {
  await github?.close();
  await proxy?.close();
  await moto?.stop();
});
beforeEach(async () => {
  await moto.reset();
  proxy.clearRules();
  github.reset();
});

const deploy = (inputs: Record<string, string>) =>
  runAction(
    'deploy-stack',
    { template: 'app.yaml', 'parameter-overrides': `ImageUri=${IMAGE_A}`, ...inputs },
    { cwd: workspaceWith({ 'app.yaml': APP_TEMPLATE }), env: runnerEnv(proxy.env, github.env), timeoutMs: 90_000 },
  );

describe('deploy-stack records a GitHub deployment', () => {
  test('in progress, then success with the environment URL and the run as its log', async () => {
    const r = await deploy({
      'stack-name': 'web',
      'github-token': GITHUB_FAKE_TOKEN,
      environment: 'staging',
      'environment-url': 'https://workers.example.org/health',
    });
    expect(r.exitCode).toBe(0);
    expect(github.deployments()).toEqual([
      expect.objectContaining({
        ref: SHA,
        environment: 'staging',
        payload: { stack: 'web' },
        statuses: [
          expect.objectContaining({ state: 'in_progress', logUrl: 'https://github.com/acme/app/actions/runs/42' }),
          expect.objectContaining({
            state: 'success',
            environmentUrl: 'https://workers.example.org/health',
            description: expect.stringMatching(/^deployed, release \d{8}-\d{6}-0123456$/),
          }),
        ],
      }),
    ]);
    // The token was masked as soon as it was read.
    expect(r.masked).toContain(GITHUB_FAKE_TOKEN);
  });

  test('the environment defaults to the stack name; no URL is made up when none is known', async () => {
    // moto gives a stack made from a change set no Outputs: the output lookup is unit-tested (environmentUrl).
    await deploy({ 'stack-name': 'web', 'github-token': GITHUB_FAKE_TOKEN });
    const [first] = github.deployments();
    expect(first?.environment).toBe('web');
    expect(first?.statuses.at(-1)).toEqual(expect.objectContaining({ state: 'success' }));
    expect(first?.statuses.at(-1)?.environmentUrl).toBeUndefined();
  });

  test('a deploy that fails sets the deployment to failure, and still fails the step for its own reason', async () => {
    proxy.addRule({
      service: 'cloudformation',
      operation: 'CreateChangeSet',
      effect: error({ code: 'ValidationError', message: 'Template format error: nope', status: 400 }),
    });
    const r = await deploy({ 'stack-name': 'broken', 'github-token': GITHUB_FAKE_TOKEN });
    expect(r.exitCode).toBe(1);
    expect(r.annotations.filter((a) => a.level === 'error').map((a) => a.message)).toEqual([
      expect.stringContaining('Template format error: nope'),
    ]);
    expect(github.deployments()[0]?.statuses.map((s) => s.state)).toEqual(['in_progress', 'failure']);
  });

  test('a read-only token: a notice, no deployment, and the deploy succeeds', async () => {
    const r = await deploy({ 'stack-name': 'web', 'github-token': GITHUB_FAKE_READONLY_TOKEN });
    expect(r.exitCode).toBe(0);
    expect(github.deployments()).toEqual([]);
    expect(r.annotations).toContainEqual(expect.objectContaining({ level: 'notice', title: 'GitHub deployment' }));
  });

  test('a preview records no deployment', async () => {
    const r = await deploy({ 'stack-name': 'web', 'github-token': GITHUB_FAKE_TOKEN, execute: 'false' });
    expect(r.exitCode).toBe(0);
    expect(github.deployments()).toEqual([]);
  });
});
