import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { GetParameterCommand } from '@aws-sdk/client-ssm';
import { queryAnswer, stackId } from '../support/aws-shapes.js';
import { startMoto, type Moto } from '../support/moto.js';
import { runAction } from '../support/run-action.js';
import { error, respond, startScenarioProxy, type ScenarioProxy } from '../support/scenario-proxy.js';
import { APP_TEMPLATE, IMAGE_A, clientsFor, runnerEnv, workspaceWith } from './deploy-stack-support.js';

jest.setTimeout(180_000);

/** Inputs of deploy-stack that must reach AWS: read back from moto, or from the requests the proxy saw. */
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

const deploy = (inputs: Record<string, string>, cwd: string) =>
  runAction('deploy-stack', inputs, { cwd, env: runnerEnv(proxy.env), timeoutMs: 90_000 });

async function describeStack(name: string) {
  return (await aws.cfn.send(new DescribeStacksCommand({ StackName: name }))).Stacks?.[0];
}

describe('deploy-stack inputs reach the stack', () => {
  test('tags and role-arn reach CreateChangeSet and the stack; termination-protection is set only when given', async () => {
    // moto has no UpdateTerminationProtection (and never shows the flag): the proxy answers it as CloudFormation does.
    proxy.addRule({
      service: 'cloudformation',
      operation: 'UpdateTerminationProtection',
      effect: respond(queryAnswer('cloudformation', 'UpdateTerminationProtection', { StackId: stackId('tagged') })),
    });
    const cwd = workspaceWith({ 'app.yaml': APP_TEMPLATE });
    const role = 'arn:aws:iam::123456789012:role/cfn-deploy';
    const r = await deploy(
      {
        'stack-name': 'tagged',
        template: 'app.yaml',
        'parameter-overrides': `ImageUri=${IMAGE_A}`,
        'termination-protection': 'true',
        tags: 'team=payments\ncost-center=cc:42/eu',
        'role-arn': role,
      },
      cwd,
    );
    expect(r.exitCode).toBe(0);
    expect(r.outputs['status']).toBe('deployed');

    const [create] = proxy.calls({ service: 'cloudformation', operation: 'CreateChangeSet' });
    expect(create?.params['RoleARN']).toBe(role);
    const stack = await describeStack('tagged');
    expect(Object.fromEntries((stack?.Tags ?? []).map((t) => [t.Key, t.Value]))).toEqual({
      team: 'payments',
      'cost-center': 'cc:42/eu',
    });
    const protection = proxy.calls({ service: 'cloudformation', operation: 'UpdateTerminationProtection' });
    expect(protection.map((c) => [c.params['StackName'], c.params['EnableTerminationProtection']])).toEqual([
      ['tagged', 'true'],
    ]);
    expect(r.log).toContain('Termination protection enabled on stack tagged.');

    // Left empty, termination protection is left as it is.
    proxy.clear();
    const again = await deploy({ 'stack-name': 'tagged', template: 'app.yaml' }, cwd);
    expect(again.outputs['status']).toBe('no-changes');
    expect(proxy.count('UpdateTerminationProtection')).toBe(0);
  });

  test('termination protection that cannot be set after a good deploy is a warning, not a failed release', async () => {
    proxy.addRule({
      service: 'cloudformation',
      operation: 'UpdateTerminationProtection',
      effect: error({
        code: 'AccessDenied',
        message: 'not allowed: cloudformation:UpdateTerminationProtection',
        status: 403,
      }),
    });
    const cwd = workspaceWith({ 'app.yaml': APP_TEMPLATE });
    const r = await deploy(
      {
        'stack-name': 'protected',
        template: 'app.yaml',
        'parameter-overrides': `ImageUri=${IMAGE_A}`,
        'termination-protection': 'true',
      },
      cwd,
    );
    expect(r.exitCode).toBe(0);
    expect(r.outputs['status']).toBe('deployed');
    const warning = r.annotations.find((a) => a.title === 'termination protection');
    expect(warning?.level).toBe('warning');
    expect(warning?.message).toContain('AccessDenied');
    expect(warning?.message).toContain('Fix: allow cloudformation:UpdateTerminationProtection');
  });

  test('executing a reviewed change set with artifacts-bucket keeps the change set’s template for the release', async () => {
    const v2 = `${APP_TEMPLATE}  EnvParamName:\n    Value: !Ref EnvParam\n`;
    const cwd = workspaceWith({ 'app.yaml': APP_TEMPLATE, 'v2.yaml': v2 });
    expect(
      (
        await deploy(
          { 'stack-name': 'reviewed', template: 'app.yaml', 'parameter-overrides': `ImageUri=${IMAGE_A}` },
          cwd,
        )
      ).outputs['status'],
    ).toBe('deployed');
    const preview = await deploy({ 'stack-name': 'reviewed', template: 'v2.yaml', execute: 'false' }, cwd);
    expect(preview.outputs['status']).toBe('preview');
    const id = preview.outputs['change-set-id'] ?? '';
    expect(id).toMatch(/:changeSet\/hoist-/);

    // moto answers GetTemplate with the stack's template whatever the change set: the proxy answers for the change
    // set as CloudFormation does, with the template the change set was made from.
    proxy.addRule({
      service: 'cloudformation',
      operation: 'GetTemplate',
      params: { ChangeSetName: id },
      effect: respond(
        queryAnswer('cloudformation', 'GetTemplate', { TemplateBody: v2, StagesAvailable: ['Original', 'Processed'] }),
      ),
    });
    proxy.clear();
    const r = await deploy({ 'stack-name': 'reviewed', 'change-set-id': id, 'artifacts-bucket': 'auto' }, cwd);
    expect(r.exitCode).toBe(0);
    expect(r.outputs['status']).toBe('deployed');
    expect(proxy.calls('GetTemplate').map((c) => c.params['ChangeSetName'])).toEqual([id]);
    const bucket = 'hoist-artifacts-123456789012-us-east-1';
    const history = JSON.parse(
      (await aws.ssm.send(new GetParameterCommand({ Name: '/hoist/reviewed/releases' }))).Parameter?.Value ?? '{}',
    ) as { releases: { id: string; templateSha256: string; template?: { bucket: string; key: string } }[] };
    const [release] = history.releases;
    expect(release?.id).toBe(r.outputs['release-id']);
    expect(release?.templateSha256).toBe(createHash('sha256').update(v2).digest('hex'));
    expect(release?.template?.bucket).toBe(bucket);
    expect(release?.template?.key).toMatch(/^templates\/[0-9a-f]{64}\.yaml$/);
    expect(r.summary).toContain(`| Template | s3://${bucket}/${release?.template?.key} |`);
    const stored = await aws.s3.send(new GetObjectCommand({ Bucket: bucket, Key: release?.template?.key ?? '' }));
    expect(await stored.Body?.transformToString()).toBe(v2);
  });
});
