import { afterAll, beforeAll, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { DescribeStacksCommand, ListStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import { DeleteObjectCommand, ListObjectVersionsCommand } from '@aws-sdk/client-s3';
import { GetParameterCommand } from '@aws-sdk/client-ssm';
import { isWriteCall, startMoto, type Moto } from '../support/moto.js';
import { runAction } from '../support/run-action.js';
import { registerTestSecret } from '../support/secrets-registry.js';
import { APP_TEMPLATE, IMAGE_A, IMAGE_B, clientsFor, runnerEnv, workspaceWith } from './deploy-stack-support.js';

jest.setTimeout(240_000);

const SHA_A = 'aaaa111122223333444455556666777788889999';
const SHA_B = 'bbbb111122223333444455556666777788889999';
const SHA_C = 'cccc111122223333444455556666777788889999';
/** The commit of the workflow run that rolls back: not the commit of any release. */
const SHA_RUN = 'dddd111122223333444455556666777788889999';
const IMAGE_C = IMAGE_A.replace(/@sha256:.*/, `@sha256:${'c'.repeat(64)}`);

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

const deploy = (cwd: string, sha: string, inputs: Record<string, string>) =>
  runAction(
    'deploy-stack',
    { 'stack-name': 'app', template: 'app.yaml', ...inputs },
    { cwd, env: runnerEnv(moto.env, { GITHUB_SHA: sha }), timeoutMs: 90_000 },
  );

const rollback = (inputs: Record<string, string>) =>
  runAction(
    'rollback',
    { 'stack-name': 'app', ...inputs },
    { env: runnerEnv(moto.env, { GITHUB_SHA: SHA_RUN }), timeoutMs: 90_000 },
  );

/** Deploys each image in turn (one commit each); returns the release ids. */
async function releasesOf(cwd: string, deploys: [sha: string, inputs: Record<string, string>][]): Promise<string[]> {
  const ids: string[] = [];
  for (const [sha, inputs] of deploys) {
    const r = await deploy(cwd, sha, inputs);
    expect(r.outputs['status']).toBe('deployed');
    ids.push(r.outputs['release-id'] ?? '');
  }
  return ids;
}

async function stackParameter(name: string): Promise<string | undefined> {
  const out = await aws.cfn.send(new DescribeStacksCommand({ StackName: 'app' }));
  return out.Stacks?.[0]?.Parameters?.find((p) => p.ParameterKey === name)?.ParameterValue;
}

interface Release {
  id: string;
  kind: string;
  outcome: string;
  restores?: string;
  gitSha?: string;
  actor?: string;
  parameters: Record<string, string>;
  images: Record<string, string>;
  template?: { bucket: string; key: string };
}
async function history(): Promise<Release[]> {
  const out = await aws.ssm.send(new GetParameterCommand({ Name: '/hoist/app/releases' }));
  return (JSON.parse(out.Parameter?.Value ?? '{"releases":[]}') as { releases: Release[] }).releases;
}

/** The template with one more resource than A's: what B deploys in the template tests. */
const WITH_EXTRA = APP_TEMPLATE.replace(
  'Outputs:',
  `  Extra:\n    Type: AWS::SSM::Parameter\n    Properties:\n      Name: !Sub '/app/\${AWS::StackName}/extra'\n      Type: String\n      Value: extra\nOutputs:`,
);

async function stackResources(): Promise<(string | undefined)[]> {
  const out = await aws.cfn.send(new ListStackResourcesCommand({ StackName: 'app' }));
  return (out.StackResourceSummaries ?? []).map((s) => s.LogicalResourceId).sort();
}

const writesOf = async () => (await moto.recorded()).filter(isWriteCall);

describe('rollback against moto, after deploys made by deploy-stack', () => {
  test('A, then B (new ImageUri), rollback → ImageUri is A again, recorded as a rollback; no image built or pushed', async () => {
    const password = registerTestSecret('rollback-test-Pa55word-0451');
    const cwd = workspaceWith({ 'app.yaml': APP_TEMPLATE });
    // moto compares a change set with the parameters the stack was created with (executing a change set does not
    // update them), so restoring the creating release's values looks like "no changes" to it: the stack is created
    // by an earlier release (C), then A and B follow.
    const [, idA, idB] = await releasesOf(cwd, [
      [SHA_C, { 'parameter-overrides': `ImageUri=${IMAGE_C}\nEnv=prod\nDbPassword=${password}` }],
      [SHA_A, { 'parameter-overrides': `ImageUri=${IMAGE_A}` }],
      [SHA_B, { 'parameter-overrides': `ImageUri=${IMAGE_B}` }],
    ]);
    expect(await stackParameter('ImageUri')).toBe(IMAGE_B);

    await moto.startRecording();
    const r = await rollback({});
    expect(r.log).not.toContain(password);
    expect(r.exitCode).toBe(0);
    expect(r.outputs['status']).toBe('restored');
    expect(r.outputs['release-id']).toBe(idA);
    expect(r.outputs['image-uri']).toBe(IMAGE_A);
    expect(await stackParameter('ImageUri')).toBe(IMAGE_A);
    expect(await stackParameter('Env')).toBe('prod');
    expect((await aws.ssm.send(new GetParameterCommand({ Name: '/app/app/image' }))).Parameter?.Value).toBe(IMAGE_A);

    // Through deploy-stack's path: a change set, its preview, executed. Nothing else written: no ECR, no image.
    const writes = await writesOf();
    expect(writes.filter((c) => c.service === 'ecr')).toEqual([]);
    expect([...new Set(writes.map((c) => c.operation))].sort()).toEqual([
      'CreateChangeSet',
      'ExecuteChangeSet',
      'PutParameter',
    ]);
    expect(r.summary).toContain(`| ImageUri | \`${IMAGE_B}\` | \`${IMAGE_A}\` |`);
    expect(r.log).toContain('NoEcho parameter DbPassword keeps the current value (UsePreviousValue)');
    expect(r.log).toContain(
      `Restoring release ${idA}: it is the newest successful release before the running release ${idB} (deployed, commit bbbb111)`,
    );

    const [recorded, ...older] = await history();
    expect(older.map((x) => x.id).slice(0, 2)).toEqual([idB, idA]);
    expect(recorded).toMatchObject({
      kind: 'rollback',
      outcome: 'deployed',
      restores: idA,
      gitSha: SHA_A,
      actor: 'octocat',
    });
    expect(recorded?.parameters).toEqual({ ImageUri: IMAGE_A, Env: 'prod' });
    expect(recorded?.images).toEqual({ ImageUri: IMAGE_A });
    expect(JSON.stringify(await history())).not.toContain(password);

    // The summary's release history: the rollback, the running release it replaced, the one it restored.
    expect(r.summary).toMatch(
      new RegExp(
        `\\| 🆕 this rollback \\| \`${recorded?.id}\` \\| [^|]+ \\| \`aaaa111\` \\| \`sha256:aaaaaaaaaaaa…\` \\| deployed \\(rollback to ${idA}\\) \\|`,
      ),
    );
    expect(r.summary).toMatch(
      new RegExp(
        `\\| ▶️ was running \\| \`${idB}\` \\| [^|]+ \\| \`bbbb111\` \\| \`sha256:bbbbbbbbbbbb…\` \\| deployed \\|`,
      ),
    );
    expect(r.summary).toMatch(new RegExp(`\\| ↩️ restored \\| \`${idA}\` \\|`));
    expect(r.summary).toContain("the stack's current template, which is release");

    expect(r.summary).toContain('| DbPassword | `****` | kept (NoEcho: UsePreviousValue) |');
  });

  test('`to` a git sha: A, B, C deployed, rollback to A’s commit restores A (not B, the default)', async () => {
    const cwd = workspaceWith({ 'app.yaml': APP_TEMPLATE });
    const [idA] = await releasesOf(cwd, [
      [SHA_A, { 'parameter-overrides': `ImageUri=${IMAGE_A}` }],
      [SHA_B, { 'parameter-overrides': `ImageUri=${IMAGE_B}` }],
      [SHA_C, { 'parameter-overrides': `ImageUri=${IMAGE_C}` }],
    ]);
    const r = await rollback({ to: SHA_A.slice(0, 9) });
    expect(r.exitCode).toBe(0);
    expect(r.outputs['status']).toBe('restored');
    expect(r.outputs['release-id']).toBe(idA);
    expect(await stackParameter('ImageUri')).toBe(IMAGE_A);
    expect(r.summary).toContain('it is the release asked for (to: commit aaaa11112)');
    // A sha no release was deployed from: a clear error, nothing changed.
    const unknown = await rollback({ to: 'feedfacecafe' });
    expect(unknown.exitCode).toBe(1);
    expect(unknown.log).toContain(
      "Input 'to' is 'feedfacecafe': no release of stack app was deployed from a commit starting with it.",
    );
    expect(await stackParameter('ImageUri')).toBe(IMAGE_A);
  });

  test('a stack with one release: nothing-to-do, exit 0, nothing written', async () => {
    const cwd = workspaceWith({ 'app.yaml': APP_TEMPLATE });
    const [idA] = await releasesOf(cwd, [[SHA_A, { 'parameter-overrides': `ImageUri=${IMAGE_A}` }]]);
    await moto.startRecording();
    const r = await rollback({});
    expect(r.exitCode).toBe(0);
    expect(r.outputs['status']).toBe('nothing-to-do');
    expect(r.outputs['release-id']).toBe(idA);
    expect(r.log).toContain(`there is no successful release before the running one, ${idA}`);
    expect(await writesOf()).toEqual([]);
  });

  test('dry-run shows what would be restored and makes no writes', async () => {
    const cwd = workspaceWith({ 'app.yaml': APP_TEMPLATE });
    const [idA] = await releasesOf(cwd, [
      [SHA_A, { 'parameter-overrides': `ImageUri=${IMAGE_A}` }],
      [SHA_B, { 'parameter-overrides': `ImageUri=${IMAGE_B}` }],
    ]);
    await moto.startRecording();
    const r = await rollback({ 'dry-run': 'true' });
    expect(r.exitCode).toBe(0);
    expect(r.outputs['status']).toBe('nothing-to-do');
    expect(r.outputs['release-id']).toBe(idA);
    expect(r.summary).toContain('rollback `app`: dry run');
    expect(r.summary).toContain(`| Would restore | \`${idA}\``);
    expect(r.summary).toContain(`| **ImageUri** | \`${IMAGE_B}\` | \`${IMAGE_A}\` |`);
    expect((await moto.recorded()).length).toBeGreaterThan(0);
    expect(await writesOf()).toEqual([]);
    expect(await stackParameter('ImageUri')).toBe(IMAGE_B);
  });

  test('with an artifacts bucket, the release’s own template comes back (a resource B added is removed)', async () => {
    const cwdA = workspaceWith({ 'app.yaml': APP_TEMPLATE });
    const cwdB = workspaceWith({ 'app.yaml': WITH_EXTRA });
    // Created by C first: see the first test for moto's "no changes" quirk.
    const [, idA] = await releasesOf(cwdA, [
      [SHA_C, { 'parameter-overrides': `ImageUri=${IMAGE_C}`, 'artifacts-bucket': 'auto' }],
      [SHA_A, { 'parameter-overrides': `ImageUri=${IMAGE_A}`, 'artifacts-bucket': 'auto' }],
    ]);
    await releasesOf(cwdB, [[SHA_B, { 'parameter-overrides': `ImageUri=${IMAGE_B}`, 'artifacts-bucket': 'auto' }]]);
    expect(await stackResources()).toContain('Extra');

    const r = await rollback({});
    expect(r.exitCode).toBe(0);
    expect(r.outputs['status']).toBe('restored');
    expect(r.outputs['release-id']).toBe(idA);
    expect(await stackResources()).toEqual(['EnvParam', 'ImageParam']);
    expect(await stackParameter('ImageUri')).toBe(IMAGE_A);
    expect(r.summary).toMatch(
      new RegExp(
        `\\| Template \\| release ${idA}'s own, from s3://hoist-artifacts-123456789012-us-east-1/templates/[0-9a-f]{64}\\.yaml \\|`,
      ),
    );
    const [recorded] = await history();
    expect(recorded?.template?.bucket).toBe('hoist-artifacts-123456789012-us-east-1');
  });

  test('no artifacts bucket and a template changed since: A’s values go back on the current template, and it says so', async () => {
    const cwdA = workspaceWith({ 'app.yaml': APP_TEMPLATE });
    const cwdB = workspaceWith({ 'app.yaml': WITH_EXTRA });
    // Created by C first: see the first test for moto's "no changes" quirk.
    const [, idA] = await releasesOf(cwdA, [
      [SHA_C, { 'parameter-overrides': `ImageUri=${IMAGE_C}` }],
      [SHA_A, { 'parameter-overrides': `ImageUri=${IMAGE_A}` }],
    ]);
    await releasesOf(cwdB, [[SHA_B, { 'parameter-overrides': `ImageUri=${IMAGE_B}` }]]);

    const r = await rollback({});
    expect(r.exitCode).toBe(0);
    expect(r.outputs['status']).toBe('restored');
    expect(r.outputs['release-id']).toBe(idA);
    expect(await stackParameter('ImageUri')).toBe(IMAGE_A);
    // Only the values went back: the resource B's template added is still there.
    expect(await stackResources()).toEqual(['EnvParam', 'Extra', 'ImageParam']);
    expect(r.annotations.filter((a) => a.title === 'rollback template')).toEqual([
      {
        level: 'notice',
        title: 'rollback template',
        message: `Release ${idA} was deployed without an artifacts bucket, so its template was not kept: restoring its parameter values on the stack's current template (set \`artifacts-bucket\` on deploy-stack to make rollbacks restore templates too).`,
      },
    ]);
    expect(r.summary).toContain(
      `| Template | the stack's current template, with release ${idA}'s parameter values (its own template was not kept) |`,
    );
  });

  test('the release’s template is gone from the artifacts bucket: a warning naming it, A’s values on the current template', async () => {
    const cwdA = workspaceWith({ 'app.yaml': APP_TEMPLATE });
    const cwdB = workspaceWith({ 'app.yaml': WITH_EXTRA });
    const [, idA] = await releasesOf(cwdA, [
      [SHA_C, { 'parameter-overrides': `ImageUri=${IMAGE_C}`, 'artifacts-bucket': 'auto' }],
      [SHA_A, { 'parameter-overrides': `ImageUri=${IMAGE_A}`, 'artifacts-bucket': 'auto' }],
    ]);
    await releasesOf(cwdB, [[SHA_B, { 'parameter-overrides': `ImageUri=${IMAGE_B}`, 'artifacts-bucket': 'auto' }]]);
    const kept = (await history()).find((x) => x.id === idA)?.template;
    expect(kept?.bucket).toBe('hoist-artifacts-123456789012-us-east-1');
    // Every version of A's template object is deleted (the bucket is versioned).
    const versions = await aws.s3.send(new ListObjectVersionsCommand({ Bucket: kept?.bucket, Prefix: kept?.key }));
    for (const v of [...(versions.Versions ?? []), ...(versions.DeleteMarkers ?? [])])
      await aws.s3.send(new DeleteObjectCommand({ Bucket: kept?.bucket, Key: v.Key, VersionId: v.VersionId }));

    const r = await rollback({});
    expect(r.exitCode).toBe(0);
    expect(r.outputs['status']).toBe('restored');
    expect(await stackParameter('ImageUri')).toBe(IMAGE_A);
    expect(await stackResources()).toEqual(['EnvParam', 'Extra', 'ImageParam']);
    const location = `s3://${kept?.bucket}/${kept?.key}`;
    const warnings = r.annotations.filter((a) => a.title === 'rollback template');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.level).toBe('warning');
    expect(warnings[0]?.message).toContain(`Release ${idA}'s template cannot be read from ${location} (`);
    expect(warnings[0]?.message).toContain("restoring its parameter values on the stack's current template instead.");
    expect(r.summary).toContain(
      `| Template | the stack's current template, with release ${idA}'s parameter values (its own template cannot be read from ${location}) |`,
    );
  });

  test.each([
    [
      'an invalid stack name',
      { 'stack-name': '1-bad_name' },
      "Input 'stack-name' is '1-bad_name': expected a CloudFormation stack name",
    ],
    ['`to` shorter than 7', { to: 'abc12' }, "Input 'to' is 'abc12': expected a release id"],
    [
      'a negative timeout',
      { 'timeout-minutes': '-5' },
      "Input 'timeout-minutes' is '-5': expected a positive duration",
    ],
  ])('%s: exit 1, one clear line, no AWS call', async (_case, inputs, message) => {
    await moto.startRecording();
    const r = await rollback(inputs);
    expect(r.exitCode).toBe(1);
    const errors = r.log.split('\n').filter((line) => line.startsWith('::error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(message);
    expect(r.outputs['status']).toBeUndefined();
    expect(await moto.recorded()).toEqual([]);
  });
});
