import { afterAll, beforeAll, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { DescribeStacksCommand, ListChangeSetsCommand, DescribeChangeSetCommand } from '@aws-sdk/client-cloudformation';
import {
  GetBucketVersioningCommand,
  GetBucketEncryptionCommand,
  GetPublicAccessBlockCommand,
} from '@aws-sdk/client-s3';
import { GetParameterCommand } from '@aws-sdk/client-ssm';
import { createServer } from 'node:http';
import { GITHUB_FAKE_TOKEN, pullRequestEventEnv, startGitHubFake } from '../support/github-fake.js';
import { isWriteCall, startMoto, type Moto } from '../support/moto.js';
import { runAction } from '../support/run-action.js';
import { registerTestSecret } from '../support/secrets-registry.js';
import {
  APP_TEMPLATE,
  IMAGE_A,
  IMAGE_B,
  DIGEST_A,
  clientsFor,
  runnerEnv,
  workspaceWith,
} from './deploy-stack-support.js';

jest.setTimeout(180_000);

let moto: Moto;
let aws: ReturnType<typeof clientsFor>;
beforeAll(async () => {
  moto = await startMoto();
  aws = clientsFor(moto.url);
}, 60_000);
afterAll(async () => {
  await moto?.stop();
});
beforeEach(async () => {
  await moto.reset();
});

const deploy = (inputs: Record<string, string>, cwd: string, env: Record<string, string> = {}) =>
  runAction('deploy-stack', inputs, { cwd, env: runnerEnv(moto.env, env), timeoutMs: 90_000 });

async function ssmValue(name: string): Promise<string | undefined> {
  const out = await aws.ssm.send(new GetParameterCommand({ Name: name }));
  return out.Parameter?.Value;
}

interface History {
  releases: {
    id: string;
    outcome: string;
    parameters: Record<string, string>;
    noEcho: string[];
    images: Record<string, string>;
    gitSha?: string;
    actor?: string;
    templateSha256: string;
    template?: { bucket: string; key: string };
  }[];
}
async function releases(stack: string): Promise<History> {
  return JSON.parse((await ssmValue(`/hoist/${stack}/releases`)) ?? '{"releases":[]}') as History;
}

describe('deploy-stack against moto', () => {
  test('create, then update with a new ImageUri: parameters kept with UsePreviousValue, two release records', async () => {
    const password = registerTestSecret('s3cr3t-Pa55word-for-deploy-test');
    const cwd = workspaceWith({ 'app.yaml': APP_TEMPLATE });
    const first = await deploy(
      {
        'stack-name': 'app',
        template: 'app.yaml',
        'parameter-overrides': `ImageUri=${IMAGE_A}\nEnv=prod,eu\nDbPassword=${password}`,
      },
      cwd,
    );
    expect(first.log).not.toContain(password);
    expect(first.exitCode).toBe(0);
    expect(first.outputs['status']).toBe('deployed');
    expect(first.outputs['stack-id']).toMatch(/^arn:aws:cloudformation:us-east-1:123456789012:stack\/app\//);
    expect(first.outputs['change-set-id']).toMatch(/:changeSet\/hoist-/);
    expect(first.summary).toContain('### Change set for `app` (new stack)');
    expect(first.summary).toMatch(/\| ➕ Add \| ImageParam \| AWS::SSM::Parameter \|/);
    expect(first.log).toContain('CREATE_COMPLETE');
    expect(await ssmValue('/app/app/image')).toBe(IMAGE_A);
    // A value with a comma goes through whole.
    expect(await ssmValue('/app/app/env')).toBe('prod,eu');

    const second = await deploy(
      { 'stack-name': 'app', template: 'app.yaml', 'parameter-overrides': `ImageUri=${IMAGE_B}` },
      cwd,
    );
    expect(second.exitCode).toBe(0);
    expect(second.outputs['status']).toBe('deployed');
    expect(second.log).toContain('Keeping the current value of: Env, DbPassword (UsePreviousValue).');
    expect(second.summary).toContain(`| ImageUri | \`${IMAGE_A}\` | \`${IMAGE_B}\` |`);
    expect(await ssmValue('/app/app/image')).toBe(IMAGE_B);
    expect(await ssmValue('/app/app/env')).toBe('prod,eu');

    const history = await releases('app');
    expect(history.releases.map((r) => r.id)).toEqual([second.outputs['release-id'], first.outputs['release-id']]);
    const [newest, oldest] = history.releases;
    expect(newest?.outcome).toBe('deployed');
    expect(newest?.parameters).toEqual({ ImageUri: IMAGE_B, Env: 'prod,eu' });
    expect(newest?.noEcho).toEqual(['DbPassword']);
    expect(newest?.images).toEqual({ ImageUri: IMAGE_B });
    expect(newest?.gitSha).toBe('0123456789abcdef0123456789abcdef01234567');
    expect(newest?.actor).toBe('octocat');
    expect(newest?.templateSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(oldest?.images).toEqual({ ImageUri: IMAGE_A });
    expect(first.outputs['release-id']).toMatch(/^\d{8}-\d{6}-0123456$/);
    // The NoEcho value is in no record.
    expect(JSON.stringify(history)).not.toContain(password);
  });

  // moto answers an unchanged update with the "No updates are to be performed" error; the other form (a FAILED,
  // empty change set) is played by the scenario proxy in deploy-stack-scenarios.test.ts.
  test('no changes, twice: status no-changes, exit 0, no release recorded', async () => {
    const cwd = workspaceWith({ 'app.yaml': APP_TEMPLATE });
    const inputs = { 'stack-name': 'same', template: 'app.yaml', 'parameter-overrides': `ImageUri=${IMAGE_A}` };
    const created = await deploy(inputs, cwd);
    expect(created.outputs['status']).toBe('deployed');
    for (const again of [inputs, { 'stack-name': 'same', template: 'app.yaml' }]) {
      const r = await deploy(again, cwd);
      expect(r.exitCode).toBe(0);
      expect(r.outputs['status']).toBe('no-changes');
      expect(r.outputs['release-id']).toBe(created.outputs['release-id']);
      expect(r.log).toContain('No changes: No updates are to be performed.');
    }
    const sets = await aws.cfn.send(new ListChangeSetsCommand({ StackName: 'same' }));
    expect(sets.Summaries?.filter((s) => s.ExecutionStatus !== 'EXECUTE_COMPLETE')).toEqual([]);
    expect((await releases('same')).releases).toHaveLength(1);
  });

  test('preview only keeps the change set; a later run executes it by id', async () => {
    const cwd = workspaceWith({ 'app.yaml': APP_TEMPLATE });
    await deploy({ 'stack-name': 'rev', template: 'app.yaml', 'parameter-overrides': `ImageUri=${IMAGE_A}` }, cwd);
    const preview = await deploy(
      { 'stack-name': 'rev', template: 'app.yaml', 'parameter-overrides': `ImageUri=${IMAGE_B}`, execute: 'false' },
      cwd,
    );
    expect(preview.exitCode).toBe(0);
    expect(preview.outputs['status']).toBe('preview');
    const id = preview.outputs['change-set-id'] ?? '';
    expect(id).toMatch(/:changeSet\/hoist-/);
    expect(preview.outputs['change-set']).toContain('### Change set for `rev`');
    const kept = await aws.cfn.send(new DescribeChangeSetCommand({ StackName: 'rev', ChangeSetName: id }));
    expect(kept.ExecutionStatus).toBe('AVAILABLE');
    expect(await ssmValue('/app/rev/image')).toBe(IMAGE_A);

    const executed = await deploy({ 'stack-name': 'rev', 'change-set-id': id }, cwd);
    expect(executed.exitCode).toBe(0);
    expect(executed.outputs['status']).toBe('deployed');
    expect(await ssmValue('/app/rev/image')).toBe(IMAGE_B);
  });

  test('delete-preview on a new stack leaves nothing behind', async () => {
    const cwd = workspaceWith({ 'app.yaml': APP_TEMPLATE });
    await moto.startRecording();
    const r = await deploy(
      {
        'stack-name': 'pr-gate',
        template: 'app.yaml',
        'parameter-overrides': `ImageUri=${IMAGE_A}`,
        'delete-preview': 'true',
      },
      cwd,
    );
    expect(r.exitCode).toBe(0);
    expect(r.outputs['status']).toBe('preview');
    expect(r.summary).toContain('ImageParam');
    const writes = (await moto.recorded()).filter(isWriteCall).map((c) => c.operation);
    expect(writes).toEqual(['CreateChangeSet', 'DeleteChangeSet', 'DeleteStack']);
    const stacks = await aws.cfn.send(new DescribeStacksCommand({})).catch(() => ({ Stacks: [] }));
    expect(
      (stacks.Stacks ?? []).filter((s) => s.StackName === 'pr-gate' && s.StackStatus !== 'DELETE_COMPLETE'),
    ).toEqual([]);
  });

  test.each([
    ['codepipeline JSON', 'params.json', JSON.stringify({ Parameters: { ImageUri: IMAGE_A, Env: 'qa' } })],
    [
      'awscli YAML',
      'params.yaml',
      `- ParameterKey: ImageUri\n  ParameterValue: ${IMAGE_A}\n- ParameterKey: Env\n  ParameterValue: qa\n`,
    ],
    ['key-value JSON', 'params.json', JSON.stringify([`ImageUri=${IMAGE_A}`, 'Env=qa'])],
  ])('parameters file in %s format', async (_format, file, text) => {
    const cwd = workspaceWith({ 'app.yaml': APP_TEMPLATE, [file]: text });
    const r = await deploy({ 'stack-name': 'fmt', template: 'app.yaml', parameters: file }, cwd);
    expect(r.exitCode).toBe(0);
    expect(await ssmValue('/app/fmt/image')).toBe(IMAGE_A);
    expect(await ssmValue('/app/fmt/env')).toBe('qa');
  });

  test('a template over 51,200 bytes goes through the auto artifacts bucket as a path-style TemplateURL', async () => {
    const padding = Array.from({ length: 700 }, (_, i) => `    - "padding line ${i} ${'x'.repeat(60)}"`).join('\n');
    const big = `${APP_TEMPLATE}Metadata:\n  Padding:\n${padding}\n`;
    expect(Buffer.byteLength(big)).toBeGreaterThan(51_200);
    const cwd = workspaceWith({ 'big.yaml': big });
    const r = await deploy(
      {
        'stack-name': 'big',
        template: 'big.yaml',
        'parameter-overrides': `ImageUri=${IMAGE_A}`,
        'artifacts-bucket': 'auto',
      },
      cwd,
    );
    expect(r.exitCode).toBe(0);
    expect(r.outputs['status']).toBe('deployed');
    const bucket = 'hoist-artifacts-123456789012-us-east-1';
    expect(r.log).toContain(`Creating the artifacts bucket ${bucket}`);
    expect(r.summary).toMatch(new RegExp(`s3://${bucket}/templates/[0-9a-f]{64}\\.yaml`));
    expect(r.log).toMatch(
      new RegExp(
        `passed as TemplateURL https://s3\\.us-east-1\\.amazonaws\\.com/${bucket}/templates/[0-9a-f]{64}\\.yaml`,
      ),
    );
    expect((await aws.s3.send(new GetBucketVersioningCommand({ Bucket: bucket }))).Status).toBe('Enabled');
    const encryption = await aws.s3.send(new GetBucketEncryptionCommand({ Bucket: bucket }));
    expect(
      encryption.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm,
    ).toBe('AES256');
    const block = await aws.s3.send(new GetPublicAccessBlockCommand({ Bucket: bucket }));
    expect(block.PublicAccessBlockConfiguration?.BlockPublicPolicy).toBe(true);
    expect(await ssmValue('/app/big/image')).toBe(IMAGE_A);
    const [release] = (await releases('big')).releases;
    expect(release?.template?.bucket).toBe(bucket);
    expect(release?.images).toEqual({ ImageUri: IMAGE_A });
    expect(DIGEST_A).toBe(IMAGE_A.split('@')[1]);
  });

  test('a template over 51,200 bytes without a bucket: a clear error, no AWS writes', async () => {
    const big = `${APP_TEMPLATE}Metadata:\n  Padding: "${'x'.repeat(52_000)}"\n`;
    const cwd = workspaceWith({ 'big.yaml': big });
    await moto.startRecording();
    const r = await deploy(
      { 'stack-name': 'big', template: 'big.yaml', 'parameter-overrides': `ImageUri=${IMAGE_A}` },
      cwd,
    );
    expect(r.exitCode).toBe(1);
    expect(r.outputs['status']).toBe('failed');
    expect(r.log).toContain('CloudFormation takes at most 51,200 bytes inline');
    expect(r.log).toContain('set `artifacts-bucket`');
    expect((await moto.recorded()).filter(isWriteCall)).toEqual([]);
  });

  test('on a pull request, the preview is the deploy-stack section of the one hoist comment', async () => {
    const github = await startGitHubFake({ repository: 'acme/app' });
    try {
      github.addPullRequest(7);
      const cwd = workspaceWith({ 'app.yaml': APP_TEMPLATE });
      const inputs = {
        'stack-name': 'pr',
        template: 'app.yaml',
        'parameter-overrides': `ImageUri=${IMAGE_A}`,
        'delete-preview': 'true',
        'github-token': GITHUB_FAKE_TOKEN,
      };
      const env = { ...github.env, ...pullRequestEventEnv(7, { repository: 'acme/app' }) };
      const first = await deploy(inputs, cwd, env);
      expect(first.exitCode).toBe(0);
      expect(first.log).toContain('Pull request #7: preview comment created');
      const again = await deploy(inputs, cwd, env);
      expect(again.log).toMatch(/Pull request #7: preview comment (updated|unchanged)/);
      const comments = github.comments(7);
      expect(comments).toHaveLength(1);
      expect(comments[0]?.body).toContain('<!-- hoist:deploy-stack:start -->');
      expect(comments[0]?.body).toContain('| ➕ Add | ImageParam | AWS::SSM::Parameter |');
    } finally {
      await github.close();
    }
  });

  test('health-check-url: retried until HTTP 200; never 200 within the deadline makes the release unhealthy', async () => {
    let calls = 0;
    let healthy = 2;
    const server = createServer((_req, res) => {
      calls += 1;
      res.writeHead(calls > healthy ? 200 : 503).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const cwd = workspaceWith({ 'app.yaml': APP_TEMPLATE });
      const url = `http://127.0.0.1:${port}/health`;
      const ok = await deploy(
        {
          'stack-name': 'web',
          template: 'app.yaml',
          'parameter-overrides': `ImageUri=${IMAGE_A}`,
          'health-check-url': url,
        },
        cwd,
      );
      expect(ok.exitCode).toBe(0);
      expect(ok.summary).toContain(`| ✅ PASS | health-check-url | ${url} answered HTTP 200 |`);
      expect(calls).toBe(3);

      healthy = Number.POSITIVE_INFINITY;
      const bad = await deploy(
        {
          'stack-name': 'web',
          template: 'app.yaml',
          'parameter-overrides': `ImageUri=${IMAGE_B}`,
          'health-check-url': url,
          'health-check-timeout': '4s',
        },
        cwd,
      );
      expect(bad.exitCode).toBe(1);
      expect(bad.outputs['status']).toBe('unhealthy');
      expect(bad.summary).toContain('did not answer HTTP 200 by the deadline (last: HTTP 503)');
      expect((await releases('web')).releases.map((r) => r.outcome)).toEqual(['unhealthy', 'deployed']);
    } finally {
      server.close();
    }
  });

  test('bad inputs fail before any AWS call', async () => {
    await moto.startRecording();
    const cwd = workspaceWith({ 'app.yaml': APP_TEMPLATE });
    const r = await deploy({ 'stack-name': '1-bad_name', template: 'app.yaml' }, cwd);
    expect(r.exitCode).toBe(1);
    expect(r.log).toContain("Input 'stack-name' is '1-bad_name': expected a CloudFormation stack name");
    const role = await deploy({ 'stack-name': 'ok', template: 'app.yaml', 'role-arn': 'arn:aws:iam::12:role/x' }, cwd);
    expect(role.log).toContain("Input 'role-arn'");
    expect(await moto.recorded()).toEqual([]);
  });
});
