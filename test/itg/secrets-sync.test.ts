import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, jest, test } from '@jest/globals';
import {
  CreateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  ListSecretVersionIdsCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { actionsFor } from '@hoist/aws';
import { isWriteCall, startMoto, type Moto } from '../support/moto.js';
import { runAction, type ActionResult } from '../support/run-action.js';
import {
  delay,
  error,
  forward,
  reset,
  startScenarioProxy,
  throttle,
  type ScenarioProxy,
} from '../support/scenario-proxy.js';
import { registerTestSecret } from '../support/secrets-registry.js';

// Each test runs the action a few times, each run a fresh node process: allow for a machine shared with others.
jest.setTimeout(60_000);

let moto: Moto;
let sm: SecretsManagerClient;
beforeAll(async () => {
  moto = await startMoto();
  sm = new SecretsManagerClient({
    endpoint: moto.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
  });
});
afterAll(async () => {
  sm.destroy();
  await moto.stop();
});
beforeEach(async () => {
  await moto.reset();
});

/** Every value any scenario hands to the action: none may show up anywhere but in the ::add-mask:: commands. */
const allValues: string[] = [];
/** A distinctive value (so that finding it somewhere cannot be a coincidence), registered for the final leak scan. */
function secretValue(prefix = 'sk-'): string {
  const value = registerTestSecret(`${prefix}hoistLeakProbe${randomBytes(12).toString('hex')}`);
  allValues.push(value);
  return value;
}
const workspaces: string[] = [];
function workspace(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hoist-secrets-sync-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  workspaces.push(dir);
  return dir;
}

const runs: { name: string; result: ActionResult; files: string[] }[] = [];
/** Runs the action as a runner would, and checks right away that no value leaked from this run. */
async function sync(
  inputs: Record<string, string>,
  env: Record<string, string>,
  options: { cwd?: string; via?: Record<string, string>; extraEnv?: Record<string, string> } = {},
): Promise<ActionResult> {
  const result = await runAction('secrets-sync', inputs, {
    env: { ...(options.via ?? moto.env), ...env, ...(options.extraEnv ?? {}) },
    ...(options.cwd ? { cwd: options.cwd } : {}),
  });
  const files = options.cwd && inputs['parameters-file'] ? [path.join(options.cwd, inputs['parameters-file'])] : [];
  runs.push({ name: expect.getState().currentTestName ?? '?', result, files });
  expect(leaks(result, files)).toEqual([]);
  return result;
}

/** The forms a value could be printed in: as is, escaped as a workflow command escapes it, inside JSON, line by line. */
function formsOf(value: string): string[] {
  const escaped = value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const lines = value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length >= 8);
  return [...new Set([value, escaped, JSON.stringify(value).slice(1, -1), ...(lines.length > 1 ? lines : [])])];
}

function leaks(result: ActionResult, files: readonly string[]): string[] {
  const withoutMaskCommands = (text: string) =>
    text
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n');
  const places: [string, string][] = [
    ['stdout', withoutMaskCommands(result.raw.stdout)],
    ['stderr', withoutMaskCommands(result.raw.stderr)],
    ['GITHUB_OUTPUT', result.raw.output],
    ['GITHUB_STEP_SUMMARY', result.raw.summary],
    ...files.map((f): [string, string] => [f, readFileSync(f, 'utf8')]),
  ];
  const found: string[] = [];
  for (const value of allValues) {
    for (const [where, text] of places) {
      if (formsOf(value).some((form) => text.includes(form))) found.push(`a ${value.length}-char value in ${where}`);
    }
  }
  return found;
}

async function versions(name: string): Promise<Record<string, string[]>> {
  const d = await sm.send(new DescribeSecretCommand({ SecretId: name }));
  return d.VersionIdsToStages ?? {};
}

async function valueAt(name: string, stage: 'AWSCURRENT' | 'AWSPREVIOUS'): Promise<string | undefined> {
  return (await sm.send(new GetSecretValueCommand({ SecretId: name, VersionStage: stage }))).SecretString;
}

async function versionCount(name: string): Promise<number> {
  return (
    (await sm.send(new ListSecretVersionIdsCommand({ SecretId: name, IncludeDeprecated: true }))).Versions?.length ?? 0
  );
}

const errorLines = (r: ActionResult) => r.log.split('\n').filter((l) => l.startsWith('::error'));
const writes = async () => (await moto.recorded()).filter(isWriteCall).map((c) => c.operation);

const MAPPING = [
  'ray-pipeline-openai:',
  '  from-env: OPENAI_API_KEY',
  "  pattern: '^sk-'",
  '  description: OpenAI key of the Ray pipeline',
  '  tags: { team: ml }',
  '  parameter: OpenAISecretArn',
  'ray-pipeline-pinecone: PINECONE_API_KEY',
].join('\n');

describe('secrets-sync against moto', () => {
  test('creates missing secrets with tags, description and one version each; outputs name them', async () => {
    const openai = secretValue();
    const pinecone = secretValue('pcsk_');
    const r = await sync(
      { secrets: MAPPING, tags: '{ "env": "prod", "team": "platform" }', 'kms-key-id': 'alias/hoist-test' },
      { OPENAI_API_KEY: openai, PINECONE_API_KEY: pinecone },
    );
    expect(r.exitCode).toBe(0);
    expect(r.outputs['created']).toBe('ray-pipeline-openai,ray-pipeline-pinecone');
    expect(r.outputs['updated']).toBe('');
    expect(r.outputs['unchanged']).toBe('');
    const arns = JSON.parse(r.outputs['secret-arns'] ?? '{}') as Record<string, string>;
    expect(Object.keys(arns)).toEqual(['ray-pipeline-openai', 'ray-pipeline-pinecone']);
    expect(arns['ray-pipeline-openai']).toMatch(
      /^arn:aws:secretsmanager:us-east-1:123456789012:secret:ray-pipeline-openai-\w{6}$/,
    );
    expect(r.masked).toEqual(expect.arrayContaining([openai, pinecone]));

    expect(await valueAt('ray-pipeline-openai', 'AWSCURRENT')).toBe(openai);
    expect(await valueAt('ray-pipeline-pinecone', 'AWSCURRENT')).toBe(pinecone);
    expect(await versionCount('ray-pipeline-openai')).toBe(1);
    const described = await sm.send(new DescribeSecretCommand({ SecretId: 'ray-pipeline-openai' }));
    expect(described.Description).toBe('OpenAI key of the Ray pipeline');
    expect(described.KmsKeyId).toBe('alias/hoist-test');
    // Per-secret tags win over the action-wide ones.
    expect(Object.fromEntries((described.Tags ?? []).map((t) => [t.Key, t.Value]))).toEqual({
      env: 'prod',
      team: 'ml',
    });

    expect(r.summary).toContain('| Secret | Action | ARN |');
    expect(r.summary).toContain(`| ray-pipeline-openai | created | ${arns['ray-pipeline-openai']} |`);
    expect(r.summary).toContain(`| ray-pipeline-pinecone | created | ${arns['ray-pipeline-pinecone']} |`);
  });

  test('a second run with the same values is unchanged: no write, the same VersionIds', async () => {
    const env = { OPENAI_API_KEY: secretValue(), PINECONE_API_KEY: secretValue() };
    expect((await sync({ secrets: MAPPING }, env)).exitCode).toBe(0);
    const before = { a: await versions('ray-pipeline-openai'), b: await versions('ray-pipeline-pinecone') };
    for (const mode of ['create-only', 'upsert']) {
      await moto.startRecording();
      const r = await sync({ secrets: MAPPING, mode }, env);
      expect(r.exitCode).toBe(0);
      expect(r.outputs['unchanged']).toBe('ray-pipeline-openai,ray-pipeline-pinecone');
      expect(r.outputs['created']).toBe('');
      expect(r.outputs['updated']).toBe('');
      expect(await writes()).toEqual([]);
      expect(r.summary).toMatch(/\| ray-pipeline-openai \| unchanged \| arn:/);
    }
    expect({ a: await versions('ray-pipeline-openai'), b: await versions('ray-pipeline-pinecone') }).toEqual(before);
  });

  test('upsert with a new value: a new AWSCURRENT, the old one AWSPREVIOUS; `updated` names it', async () => {
    const a = secretValue();
    const b = secretValue();
    const pinecone = secretValue();
    await sync({ secrets: MAPPING }, { OPENAI_API_KEY: a, PINECONE_API_KEY: pinecone });
    const [firstVersion] = Object.keys(await versions('ray-pipeline-openai'));
    const r = await sync({ secrets: MAPPING, mode: 'upsert' }, { OPENAI_API_KEY: b, PINECONE_API_KEY: pinecone });
    expect(r.exitCode).toBe(0);
    expect(r.outputs['updated']).toBe('ray-pipeline-openai');
    expect(r.outputs['unchanged']).toBe('ray-pipeline-pinecone');
    expect(await valueAt('ray-pipeline-openai', 'AWSCURRENT')).toBe(b);
    expect(await valueAt('ray-pipeline-openai', 'AWSPREVIOUS')).toBe(a);
    expect((await versions('ray-pipeline-openai'))[firstVersion ?? '']).toEqual(['AWSPREVIOUS']);
    expect(r.summary).toMatch(/\| ray-pipeline-openai \| updated — previous value kept as AWSPREVIOUS \| arn:/);
  });

  test('A → B → A makes A current again, as a third version (tokens are not derived from the value)', async () => {
    const a = secretValue();
    const b = secretValue();
    const secrets = 'rotating: ROTATING_KEY';
    for (const value of [a, b, a]) {
      const r = await sync({ secrets, mode: 'upsert' }, { ROTATING_KEY: value });
      expect(r.exitCode).toBe(0);
    }
    expect(await valueAt('rotating', 'AWSCURRENT')).toBe(a);
    expect(await valueAt('rotating', 'AWSPREVIOUS')).toBe(b);
    expect(await versionCount('rotating')).toBe(3);
  });

  test('create-only keeps a differing stored value, writes nothing, and warns how to update it', async () => {
    await sync({ secrets: 'kept: KEPT_KEY' }, { KEPT_KEY: secretValue() });
    await moto.startRecording();
    const r = await sync({ secrets: 'kept: KEPT_KEY' }, { KEPT_KEY: secretValue() });
    expect(r.exitCode).toBe(0);
    expect(r.outputs['unchanged']).toBe('kept');
    expect(r.outputs['updated']).toBe('');
    expect(await writes()).toEqual([]);
    expect(r.annotations).toEqual([
      expect.objectContaining({
        level: 'warning',
        message: expect.stringMatching(/KEPT_KEY differs .*create-only keeps the stored value\. Set `mode: upsert`/),
      }),
    ]);
  });

  test('dry-run makes zero writes and says what would happen', async () => {
    await sync({ secrets: 'existing: EXISTING_KEY' }, { EXISTING_KEY: secretValue() });
    const dir = workspace({ 'params.json': '{\n  "Parameters": {\n    "Other": "x"\n  }\n}\n' });
    const before = readFileSync(path.join(dir, 'params.json'), 'utf8');
    await moto.startRecording();
    const r = await sync(
      {
        secrets:
          'existing: EXISTING_KEY\nfresh: { from-env: FRESH_KEY, parameter: FreshArn }\nsame: { from-env: EXISTING_KEY, tags: { a: b } }',
        mode: 'dry-run',
        'parameters-file': 'params.json',
      },
      { EXISTING_KEY: secretValue(), FRESH_KEY: secretValue() },
      { cwd: dir },
    );
    expect(r.exitCode).toBe(0);
    const recorded = await moto.recorded();
    expect(recorded.length).toBeGreaterThan(0);
    expect(recorded.filter(isWriteCall)).toEqual([]);
    expect(readFileSync(path.join(dir, 'params.json'), 'utf8')).toBe(before);
    expect(r.outputs['created']).toBe('');
    expect(r.outputs['updated']).toBe('');
    expect(r.summary).toContain('dry run: nothing was changed');
    expect(r.summary).toMatch(/\| existing \| would update — value differs; mode: upsert would update it \| arn:/);
    expect(r.summary).toContain('| fresh | would create | — |');
    expect(r.summary).toContain('| same | would create | — |');
  });

  test('a value that misses its pattern fails naming the secret and the pattern, never the value, with no AWS call', async () => {
    const wrong = secretValue('pk-');
    await moto.startRecording();
    const r = await sync({ secrets: MAPPING }, { OPENAI_API_KEY: wrong, PINECONE_API_KEY: secretValue() });
    expect(r.exitCode).toBe(1);
    expect(errorLines(r)).toEqual([
      expect.stringMatching(
        /the value of secret 'ray-pipeline-openai' \(from OPENAI_API_KEY\) does not match its pattern \/\^sk-\//,
      ),
    ]);
    expect(r.masked).toContain(wrong);
    expect(await moto.recorded()).toEqual([]);
  });

  test.each([
    ['not set', {}],
    ['empty', { PINECONE_API_KEY: '' }],
  ])('a variable that is %s fails naming it', async (_, pinecone) => {
    await moto.startRecording();
    const r = await sync({ secrets: MAPPING }, { OPENAI_API_KEY: secretValue(), ...pinecone });
    expect(r.exitCode).toBe(1);
    expect(errorLines(r)).toEqual([
      expect.stringMatching(
        new RegExp(`environment variable PINECONE_API_KEY \\(for secret 'ray-pipeline-pinecone'\\) is ${_}`),
      ),
    ]);
    expect(await moto.recorded()).toEqual([]);
  });

  test.each([
    ['malformed mapping', { secrets: 'a: [unclosed' }, /Input 'secrets' is .*expected a YAML or JSON mapping/],
    [
      'wrong mode',
      { secrets: 'a: A_KEY', mode: 'overwrite' },
      /Input 'mode' is 'overwrite': expected one of create-only, upsert, dry-run/,
    ],
    ['invalid secret name', { secrets: 'my secret: A_KEY' }, /Input 'secrets' is 'my secret': expected secret names/],
    ['unknown entry key', { secrets: 'a: { from-env: A_KEY, paramter: X }' }, /secret 'a' has unknown key 'paramter'/],
    ['bad prefix', { secrets: 'a: A_KEY', 'name-prefix': 'prod env/' }, /Input 'name-prefix' is 'prod env\/'/],
    [
      'missing parameters file',
      { secrets: 'a: A_KEY', 'parameters-file': 'nope.json' },
      /Input 'parameters-file' is 'nope.json': expected an existing file/,
    ],
    [
      'parameters file without a parameter',
      { secrets: 'a: A_KEY', 'parameters-file': 'package.json' },
      /no secret names a `parameter`/,
    ],
  ])('bad input (%s) exits 1 with one clear line and no AWS call', async (_, inputs, message) => {
    await moto.startRecording();
    const r = await sync(inputs, { A_KEY: secretValue() });
    expect(r.exitCode).toBe(1);
    expect(errorLines(r)).toHaveLength(1);
    expect(errorLines(r)[0]).toMatch(message);
    expect(await moto.recorded()).toEqual([]);
  });

  test('a secret scheduled for deletion: fails saying how to restore it, writes nothing; restore-deleted restores it', async () => {
    const created = await sm.send(new CreateSecretCommand({ Name: 'prod/doomed', SecretString: secretValue() }));
    await sm.send(new DeleteSecretCommand({ SecretId: 'prod/doomed', RecoveryWindowInDays: 7 }));
    await moto.startRecording();
    const value = secretValue();
    const r = await sync(
      { secrets: 'doomed: DOOMED_KEY\nfine: DOOMED_KEY', 'name-prefix': 'prod/', mode: 'upsert' },
      { DOOMED_KEY: value },
    );
    expect(r.exitCode).toBe(1);
    expect(errorLines(r)).toEqual([
      expect.stringMatching(
        /Secret 'prod\/doomed' is scheduled for deletion .*`aws secretsmanager restore-secret --secret-id prod\/doomed`.*restore-deleted: true/,
      ),
    ]);
    expect(await writes()).toEqual([]);

    const restored = await sync(
      { secrets: 'doomed: DOOMED_KEY', 'name-prefix': 'prod/', mode: 'upsert', 'restore-deleted': 'true' },
      { DOOMED_KEY: value },
    );
    expect(restored.exitCode).toBe(0);
    expect(restored.outputs['updated']).toBe('doomed');
    expect(JSON.parse(restored.outputs['secret-arns'] ?? '{}')).toEqual({ doomed: created.ARN });
    expect((await sm.send(new DescribeSecretCommand({ SecretId: 'prod/doomed' }))).DeletedDate).toBeUndefined();
    expect(await valueAt('prod/doomed', 'AWSCURRENT')).toBe(value);
    expect(restored.summary).toMatch(
      /\| prod\/doomed \| updated — restored from scheduled deletion — previous value kept as AWSPREVIOUS \|/,
    );
  });

  test('name-prefix names the secrets in AWS; outputs keep the names as written', async () => {
    const r = await sync({ secrets: 'app-key: APP_KEY', 'name-prefix': 'staging/' }, { APP_KEY: secretValue() });
    expect(r.exitCode).toBe(0);
    expect(r.outputs['created']).toBe('app-key');
    expect(JSON.parse(r.outputs['secret-arns'] ?? '{}')['app-key']).toMatch(/:secret:staging\/app-key-\w{6}$/);
    expect(r.summary).toContain('| staging/app-key | created |');
  });

  test('every AWS call it makes is in its IAM manifest entry (docs/iam/secrets-sync.json)', async () => {
    await sm.send(new CreateSecretCommand({ Name: 'gone', SecretString: secretValue() }));
    await sm.send(new DeleteSecretCommand({ SecretId: 'gone', RecoveryWindowInDays: 7 }));
    await moto.startRecording();
    const secrets = 'fresh: { from-env: KEY, description: d, tags: { a: b } }\ngone: KEY';
    const env = { KEY: secretValue() };
    expect((await sync({ secrets, tags: 'env: prod', 'restore-deleted': 'true' }, env)).exitCode).toBe(0);
    const changed = 'fresh: { from-env: KEY, description: e, tags: { a: c } }\ngone: KEY';
    expect((await sync({ secrets: changed, mode: 'upsert' }, { KEY: secretValue() })).exitCode).toBe(0);
    expect((await sync({ secrets: changed, mode: 'dry-run' }, env)).exitCode).toBe(0);
    const called = new Set((await moto.recorded()).map((c) => `secretsmanager:${c.operation}`));
    expect([...called].sort()).toEqual([
      'secretsmanager:CreateSecret',
      'secretsmanager:DescribeSecret',
      'secretsmanager:GetSecretValue',
      'secretsmanager:PutSecretValue',
      'secretsmanager:RestoreSecret',
      'secretsmanager:TagResource',
      'secretsmanager:UpdateSecret',
    ]);
    expect(actionsFor('secrets-sync').sort()).toEqual([...called].sort());
  });

  describe('the parameters file gets the ARNs, in the format it was written in, the rest preserved', () => {
    const secrets = [
      'ray-pipeline-openai: { from-env: OPENAI_API_KEY, parameter: OpenAISecretArn }',
      'ray-pipeline-pinecone: { from-env: PINECONE_API_KEY, parameter: PineconeSecretArn }',
      'no-parameter: OPENAI_API_KEY',
    ].join('\n');
    const cases: [string, string, string, (arns: Record<string, string>) => string][] = [
      [
        'CodePipeline object, JSON',
        'params.json',
        '{\n    "Parameters": {\n        "Environment": "prod",\n        "OpenAISecretArn": "REPLACE_ME"\n    },\n    "Tags": {\n        "team": "ml"\n    }\n}\n',
        (a) =>
          `{\n    "Parameters": {\n        "Environment": "prod",\n        "OpenAISecretArn": "${a['ray-pipeline-openai']}",\n        "PineconeSecretArn": "${a['ray-pipeline-pinecone']}"\n    },\n    "Tags": {\n        "team": "ml"\n    }\n}\n`,
      ],
      [
        'awscli list, YAML with comments',
        'params.yaml',
        '# stack parameters\n- ParameterKey: Environment # where\n  ParameterValue: prod\n- ParameterKey: PineconeSecretArn\n  UsePreviousValue: true\n',
        (a) =>
          `# stack parameters\n- ParameterKey: Environment # where\n  ParameterValue: prod\n- ParameterKey: PineconeSecretArn\n  ParameterValue: ${a['ray-pipeline-pinecone']}\n- ParameterKey: OpenAISecretArn\n  ParameterValue: ${a['ray-pipeline-openai']}\n`,
      ],
      [
        'Key=Value list, JSON',
        'params.kv.json',
        '["Environment=prod", "OpenAISecretArn=old"]',
        (a) =>
          JSON.stringify(
            [
              'Environment=prod',
              `OpenAISecretArn=${a['ray-pipeline-openai']}`,
              `PineconeSecretArn=${a['ray-pipeline-pinecone']}`,
            ],
            null,
            2,
          ),
      ],
    ];
    test.each(cases)('%s', async (_, file, text, expected) => {
      const dir = workspace({ [file]: text });
      const env = { OPENAI_API_KEY: secretValue(), PINECONE_API_KEY: secretValue() };
      const r = await sync({ secrets, 'parameters-file': file }, env, { cwd: dir });
      expect(r.exitCode).toBe(0);
      expect(r.outputs['parameters-file']).toBe(file);
      const arns = JSON.parse(r.outputs['secret-arns'] ?? '{}') as Record<string, string>;
      const written = readFileSync(path.join(dir, file), 'utf8');
      expect(written).toBe(expected(arns));
      // A second run finds the ARNs in place and leaves the file as it is.
      const again = await sync({ secrets, 'parameters-file': file }, env, { cwd: dir });
      expect(again.exitCode).toBe(0);
      expect(readFileSync(path.join(dir, file), 'utf8')).toBe(written);
      expect(again.summary).toContain(`\`${file}\` already holds the ARNs.`);
    });
  });

  test('leak scan: multi-line, percent, quote and newline values through create, upsert, dry-run and failures', async () => {
    const pem = registerTestSecret(
      `-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC${randomBytes(8).toString('hex')}\nhoistLeakProbe${randomBytes(10).toString('hex')}\n-----END PRIVATE KEY-----\n`,
    );
    const tricky = registerTestSecret(`sk-"quoted"%0A%25 ${randomBytes(8).toString('hex')}\\back`);
    allValues.push(pem, tricky);
    const dir = workspace({ 'p.yaml': 'Parameters:\n  Other: x\n' });
    const secrets = 'pem: { from-env: PEM_KEY, parameter: PemArn }\ntricky: { from-env: TRICKY_KEY, pattern: "^sk-" }';
    for (const mode of ['create-only', 'create-only', 'dry-run']) {
      const r = await sync(
        { secrets, mode, 'parameters-file': 'p.yaml' },
        { PEM_KEY: pem, TRICKY_KEY: tricky },
        { cwd: dir },
      );
      expect(r.exitCode).toBe(0);
    }
    const [pem2, tricky2] = [secretValue(`-----BEGIN PRIVATE KEY-----\n`), secretValue('sk-%0A"')];
    expect(
      (
        await sync(
          { secrets, mode: 'upsert', 'parameters-file': 'p.yaml' },
          { PEM_KEY: pem2, TRICKY_KEY: tricky2 },
          { cwd: dir },
        )
      ).exitCode,
    ).toBe(0);
    expect(await valueAt('pem', 'AWSCURRENT')).toBe(pem2);
    expect(await valueAt('pem', 'AWSPREVIOUS')).toBe(pem);
    // A pattern failure with a multi-line value.
    expect((await sync({ secrets: 'pem: { from-env: PEM_KEY, pattern: "^ssh-" }' }, { PEM_KEY: pem })).exitCode).toBe(
      1,
    );
    // Every run of this file, with every value any scenario used, checked once more at the end.
    const found = runs.flatMap((run) => leaks(run.result, run.files).map((leak) => `${run.name}: ${leak}`));
    expect(found).toEqual([]);
    expect(runs.length).toBeGreaterThan(20);
  });
});

describe('secrets-sync through throttling, connection resets and lost answers', () => {
  let proxy: ScenarioProxy;
  beforeAll(async () => {
    proxy = await startScenarioProxy(moto.url);
    // Each Secrets Manager call: throttled, then its connection reset; a write that creates a version is then done
    // by moto but its answer held past the client's timeout (lost), so the SDK sends it once more.
    proxy.addRule({
      service: 'secretsmanager',
      effect: (call) => {
        if (call.attempt === 1) return throttle();
        if (call.attempt === 2) return reset();
        if (call.attempt === 3 && ['CreateSecret', 'PutSecretValue'].includes(call.operation))
          return delay(2500, { processed: true });
        return forward();
      },
    });
  });
  afterAll(async () => {
    await proxy.close();
  });

  test('the same result as without faults, one version per write, one token per write across its attempts', async () => {
    const faulty = { via: proxy.env, extraEnv: { HOIST_AWS_MAX_ATTEMPTS: '5', HOIST_AWS_REQUEST_TIMEOUT_MS: '1000' } };
    const first = { OPENAI_API_KEY: secretValue(), PINECONE_API_KEY: secretValue() };
    const created = await sync({ secrets: MAPPING }, first, faulty);
    expect(created.exitCode).toBe(0);
    expect(created.outputs['created']).toBe('ray-pipeline-openai,ray-pipeline-pinecone');

    const again = await sync({ secrets: MAPPING, mode: 'upsert' }, first, faulty);
    expect(again.outputs['unchanged']).toBe('ray-pipeline-openai,ray-pipeline-pinecone');

    const second = { ...first, OPENAI_API_KEY: secretValue() };
    const updated = await sync({ secrets: MAPPING, mode: 'upsert' }, second, faulty);
    expect(updated.exitCode).toBe(0);
    expect(updated.outputs['updated']).toBe('ray-pipeline-openai');
    expect(updated.outputs['unchanged']).toBe('ray-pipeline-pinecone');

    expect(await versionCount('ray-pipeline-openai')).toBe(2);
    expect(await versionCount('ray-pipeline-pinecone')).toBe(1);
    expect(await valueAt('ray-pipeline-openai', 'AWSCURRENT')).toBe(second.OPENAI_API_KEY);
    expect(await valueAt('ray-pipeline-openai', 'AWSPREVIOUS')).toBe(first.OPENAI_API_KEY);

    // The faults did happen: every call was throttled and reset; every write reached moto twice with one token.
    const calls = proxy.calls({ service: 'secretsmanager' });
    const byInvocation = new Map<string, typeof calls>();
    for (const c of calls)
      byInvocation.set(c.invocationId ?? '', [...(byInvocation.get(c.invocationId ?? '') ?? []), c]);
    expect(byInvocation.has('')).toBe(false);
    for (const attempts of byInvocation.values()) {
      expect(attempts.slice(0, 2).map((a) => a.effect)).toEqual(['error', 'reset']);
    }
    const writeCalls = [...byInvocation.values()].filter((a) =>
      ['CreateSecret', 'PutSecretValue'].includes(a[0]?.operation ?? ''),
    );
    expect(writeCalls.map((a) => a[0]?.operation).sort()).toEqual(['CreateSecret', 'CreateSecret', 'PutSecretValue']);
    for (const attempts of writeCalls) {
      expect(attempts.map((a) => a.effect)).toEqual(['error', 'reset', 'delay', 'forward']);
      const tokens = new Set(attempts.map((a) => a.params['ClientRequestToken']));
      expect(tokens.size).toBe(1);
      expect([...tokens][0]).toMatch(/^[0-9a-f-]{36}$/);
    }
  }, 180_000);

  test('a refused write fails that secret only, naming it and the AWS error, never the value it may echo', async () => {
    proxy.clearRules();
    const denied = secretValue();
    proxy.addRule({
      service: 'secretsmanager',
      operation: 'CreateSecret',
      params: { Name: 'denied' },
      effect: error({
        status: 400,
        code: 'AccessDeniedException',
        message: `User arn:aws:sts::123456789012:assumed-role/ci is not authorized to perform secretsmanager:CreateSecret (value ${denied})`,
      }),
    });
    const r = await sync(
      { secrets: 'ok: OK_KEY\ndenied: DENIED_KEY' },
      { OK_KEY: secretValue(), DENIED_KEY: denied },
      { via: proxy.env },
    );
    expect(r.exitCode).toBe(1);
    expect(r.outputs['created']).toBe('ok');
    expect(errorLines(r)).toEqual([
      expect.stringMatching(
        /could not sync denied \(AccessDeniedException: User .* \(value \*\*\*\) — allow the secretsmanager actions of docs\/iam\/secrets-sync.json/,
      ),
    ]);
    expect(r.summary).toMatch(/\| denied \| failed — AccessDeniedException/);
  });
});
