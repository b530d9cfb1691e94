/**
 * Least privilege (issue 12): every AWS call each action makes in a representative set of its scenarios — the whole
 * chain, then the paths the chain does not take (preflight's every check, secrets-sync upsert with tags, quota-check
 * audit, deploy-stack through an artifacts bucket and as a deleted preview, rollback from the bucket and as a dry
 * run) — is mapped to its IAM action and must be in that action's policy (`policyDocument` in packages/aws, the
 * source of docs/iam/<action>.json). Policy actions no scenario exercised are printed, not failed.
 */
import { afterAll, beforeAll, expect, jest, test } from '@jest/globals';
import { ACTION_NAMES, policyDocument, type ActionName } from '@hoist/aws';
import { iamAction, s3IamAction } from '../support/iam-census.js';
import { startMoto, type Moto } from '../support/moto.js';
import { runAction } from '../support/run-action.js';
import { startScenarioProxy, type ScenarioProxy } from '../support/scenario-proxy.js';
import { registerTestSecret } from '../support/secrets-registry.js';
import { runnerEnv, workspaceWith } from './deploy-stack-support.js';
import {
  CHAIN_ACCOUNT,
  CHAIN_REPOSITORY,
  CHAIN_SECRET,
  CHAIN_STACK,
  CHAIN_TEMPLATE,
  SHA_A,
  SHA_B,
  runChain,
} from './reliability-support.js';

jest.setTimeout(300_000);

let moto: Moto;
let proxy: ScenarioProxy;
beforeAll(async () => {
  moto = await startMoto({ MOTO_ACCOUNT_ID: CHAIN_ACCOUNT });
  proxy = await startScenarioProxy(moto.url);
}, 60_000);
afterAll(async () => {
  await proxy?.close();
  await moto?.stop();
});

/** Calls that need no permission. */
const FREE = new Set(['sts:GetCallerIdentity']);

const used = new Map<ActionName, Set<string>>(ACTION_NAMES.map((a) => [a, new Set<string>()]));
const seen = new Set<ActionName>();

/** Takes the proxy's log since the last take as the given action's calls. */
function take(action: string): void {
  const name = action as ActionName;
  seen.add(name);
  for (const call of proxy.calls()) if (call.service !== 'unknown') used.get(name)?.add(iamAction(call));
  proxy.clear();
}

async function run(action: string, inputs: Record<string, string>, cwd: string, env: Record<string, string> = {}) {
  const r = await runAction(action, inputs, { cwd, env: runnerEnv(proxy.env, env), timeoutMs: 120_000 });
  take(action);
  // The scenario must have run its course: a failed run proves nothing about the calls it did not reach.
  expect(r.annotations.filter((a) => a.level === 'error').map((a) => `${action}: ${a.message}`)).toEqual([]);
  return r;
}

/** A template over CloudFormation's 51,200-byte inline limit: deploy-stack must go through an artifacts bucket. */
const BIG_TEMPLATE = `${CHAIN_TEMPLATE}${Array.from({ length: 700 }, (_, i) => `# padding line ${i} ${'x'.repeat(60)}`).join('\n')}\n`;

test('every call of every action is in its policy', async () => {
  const apiKey = registerTestSecret('sk-least-privilege-0123456789abcdef');
  const chain = await runChain({
    awsEnv: proxy.env,
    motoUrl: moto.url,
    apiKey,
    afterStep: (step) => take(step.action),
  });
  expect(chain.map((s) => [s.step, s.result.exitCode])).toEqual(chain.map((s) => [s.step, 0]));
  expect(chain).toHaveLength(8);

  const cwd = workspaceWith({
    'app.yaml': CHAIN_TEMPLATE,
    'big.yaml': BIG_TEMPLATE,
    'params.json': JSON.stringify({
      Parameters: {
        ImageUri: `${CHAIN_ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/x@sha256:${'a'.repeat(64)}`,
        ApiKeyArn: 'arn',
        Owner: 'lp',
      },
    }),
  });
  // preflight with every check its inputs make possible, permissions included.
  const preflight = await run(
    'preflight',
    {
      template: 'app.yaml',
      parameters: 'params.json',
      'stack-name': CHAIN_STACK,
      repository: CHAIN_REPOSITORY,
      secrets: CHAIN_SECRET,
      'bucket-name': 'hoist-lp-bucket',
      builder: 'none',
      'fail-on': 'error',
    },
    cwd,
  );
  expect(preflight.log).toContain('identity');
  // secrets-sync: a changed value (upsert), tags.
  const upsert = await run(
    'secrets-sync',
    { secrets: `${CHAIN_SECRET}: { from-env: CHAIN_API_KEY }`, mode: 'upsert', tags: '{ team: platform }' },
    cwd,
    { CHAIN_API_KEY: registerTestSecret('sk-least-privilege-changed-0123456789') },
  );
  expect(upsert.exitCode).toBe(0);
  // quota-check in audit mode.
  const audit = await run('quota-check', { mode: 'audit', 'stack-name': CHAIN_STACK }, cwd);
  expect(audit.exitCode).toBe(0);
  // deploy-stack: a preview deleted again; a big template through the auto artifacts bucket, twice.
  const preview = await run(
    'deploy-stack',
    { 'stack-name': 'lp-preview', template: 'app.yaml', parameters: 'params.json', 'delete-preview': 'true' },
    cwd,
  );
  expect(preview.exitCode).toBe(0);
  const big = { 'stack-name': 'lp-big', template: 'big.yaml', parameters: 'params.json', 'artifacts-bucket': 'auto' };
  expect((await run('deploy-stack', big, cwd, { GITHUB_SHA: SHA_A })).exitCode).toBe(0);
  expect(
    (await run('deploy-stack', { ...big, 'parameter-overrides': 'Owner=changed' }, cwd, { GITHUB_SHA: SHA_B }))
      .exitCode,
  ).toBe(0);
  // rollback: a dry run, then the template back from the bucket.
  expect((await run('rollback', { 'stack-name': 'lp-big', 'dry-run': 'true' }, cwd)).exitCode).toBe(0);
  const restored = await run('rollback', { 'stack-name': 'lp-big', 'artifacts-bucket': 'auto' }, cwd);
  expect(restored.outputs['status']).toBe('restored');

  expect([...seen].sort()).toEqual([...ACTION_NAMES].sort());
  const outside: Record<string, string[]> = {};
  const report: string[] = [];
  for (const action of ACTION_NAMES) {
    const allowed = new Set(policyDocument(action).Statement.flatMap((s) => (s as { Action: string[] }).Action));
    const calls = [...(used.get(action) ?? [])].sort();
    const extra = calls.filter((a) => !allowed.has(a) && !FREE.has(a));
    if (extra.length > 0) outside[action] = extra;
    const unexercised = [...allowed].filter((a) => !calls.includes(a)).sort();
    report.push(`${action}: ${calls.length} IAM actions called; not exercised: ${unexercised.join(', ') || 'none'}`);
  }
  console.log(`least privilege — policy actions no scenario exercised:\n  ${report.join('\n  ')}`);
  expect(outside).toEqual({});
});

test('S3 REST calls map to the IAM actions S3 checks', () => {
  const s3 = (method: string, path: string, query: Record<string, string> = {}) => s3IamAction(method, path, query);
  expect(s3('GET', '/')).toBe('s3:ListAllMyBuckets');
  expect(s3('HEAD', '/b')).toBe('s3:ListBucket');
  expect(s3('PUT', '/b')).toBe('s3:CreateBucket');
  expect(s3('PUT', '/b', { versioning: '' })).toBe('s3:PutBucketVersioning');
  expect(s3('PUT', '/b', { encryption: '' })).toBe('s3:PutEncryptionConfiguration');
  expect(s3('PUT', '/b', { publicAccessBlock: '' })).toBe('s3:PutBucketPublicAccessBlock');
  expect(s3('PUT', '/b', { lifecycle: '' })).toBe('s3:PutLifecycleConfiguration');
  expect(s3('GET', '/b', { 'list-type': '2' })).toBe('s3:ListBucket');
  expect(s3('PUT', '/b/k/t.yaml')).toBe('s3:PutObject');
  expect(s3('GET', '/b/k/t.yaml')).toBe('s3:GetObject');
  expect(s3('GET', '/b/k/t.yaml', { versionId: 'v1' })).toBe('s3:GetObjectVersion');
  expect(iamAction({ service: 'ecr', operation: 'PutImage', method: 'POST', path: '/', params: {} })).toBe(
    'ecr:PutImage',
  );
});
