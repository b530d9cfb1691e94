import { mkdirSync, mkdtempSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { isWriteCall, startMoto, type Moto } from '../support/moto.js';
import { runAction } from '../support/run-action.js';

let moto: Moto;
beforeAll(async () => {
  moto = await startMoto();
});
afterAll(async () => {
  await moto.stop();
});
beforeEach(async () => {
  await moto.reset();
});

/** A PATH holding only fake tools: `buildah` answers like the real one, nothing else is installed. */
function pathWith(tools: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hoist-path-'));
  for (const [name, script] of Object.entries(tools)) {
    const file = path.join(dir, name);
    writeFileSync(file, `#!/bin/sh\n${script}\n`);
    chmodSync(file, 0o755);
  }
  return dir;
}

/** An environment with no credentials anywhere the SDK's chain looks (metadata service disabled by runAction). */
function noCredentials(): Record<string, string | undefined> {
  const home = mkdtempSync(path.join(tmpdir(), 'hoist-home-'));
  mkdirSync(path.join(home, '.aws'));
  return {
    ...moto.env,
    AWS_ACCESS_KEY_ID: undefined,
    AWS_SECRET_ACCESS_KEY: undefined,
    AWS_SESSION_TOKEN: undefined,
    HOME: home,
    AWS_CONFIG_FILE: path.join(home, '.aws', 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(home, '.aws', 'credentials'),
  };
}

describe('preflight (identity, region, tools) against moto', () => {
  test('all checks pass and the outputs name the account, region and registry', async () => {
    await moto.startRecording();
    const r = await runAction(
      'preflight',
      // The first slice's checks; the other checks are proven in preflight-checks.test.ts.
      { builder: 'buildah', checks: 'identity, region, tools' },
      { env: { ...moto.env, PATH: pathWith({ buildah: 'echo "buildah version 1.33.7 (image-spec 1.1.0)"' }) } },
    );
    expect(r.exitCode).toBe(0);
    expect(r.outputs['account-id']).toBe('123456789012');
    expect(r.outputs['registry']).toBe('123456789012.dkr.ecr.us-east-1.amazonaws.com');
    expect(r.outputs['region']).toBe('us-east-1');
    expect(r.outputs['caller-arn']).toMatch(/^arn:aws:sts::123456789012:/);
    const report = JSON.parse(r.outputs['report'] ?? '[]') as { check: string; status: string; message: string }[];
    expect(report.map((f) => [f.check, f.status])).toEqual([
      ['identity', 'pass'],
      ['region', 'pass'],
      ['tools', 'pass'],
    ]);
    expect(report.find((f) => f.check === 'tools')?.message).toBe('buildah 1.33.7');
    expect(r.summary).toContain('| ✅ PASS | identity |');
    expect(r.summary).toContain('#### Local environment');
    expect(r.annotations).toEqual([]);
    // A preflight never writes to AWS.
    const calls = await moto.recorded();
    expect(calls.map((c) => c.operation).sort()).toEqual(['DescribeRegions', 'GetCallerIdentity']);
    expect(calls.filter(isWriteCall)).toEqual([]);
  });

  test('no credentials: identity fails with the fix that names configure-aws-credentials', async () => {
    const r = await runAction('preflight', { checks: 'identity', builder: 'none' }, { env: noCredentials() });
    expect(r.exitCode).toBe(1);
    const error = r.annotations.find((a) => a.title === 'identity');
    expect(error?.level).toBe('error');
    expect(error?.message).toContain('No AWS credentials were found.');
    expect(error?.message).toContain('Fix: add aws-actions/configure-aws-credentials');
    expect(r.log).toContain('::error::Preflight found problems in: identity.');
    expect(r.log).not.toMatch(/\n\s+at /);
  });

  test('aws: optional without credentials skips the AWS checks and still runs the local ones', async () => {
    const r = await runAction(
      'preflight',
      { aws: 'optional', builder: 'buildah', checks: 'identity, region, tools' },
      { env: { ...noCredentials(), PATH: pathWith({ buildah: 'echo "buildah version 1.28.2"' }) } },
    );
    expect(r.exitCode).toBe(0);
    const report = JSON.parse(r.outputs['report'] ?? '[]') as { check: string; status: string }[];
    expect(report.map((f) => [f.check, f.status])).toEqual([
      ['identity', 'skip'],
      ['region', 'skip'],
      ['tools', 'pass'],
    ]);
    expect(r.outputs['account-id']).toBeUndefined();
  });

  test('an unknown region fails as a bad input, naming the input', async () => {
    await moto.startRecording();
    const r = await runAction('preflight', { region: 'us-moon-1', builder: 'none' }, { env: moto.env });
    expect(r.exitCode).toBe(1);
    expect(r.log).toContain("::error::Input 'region' is 'us-moon-1': expected an AWS region code such as us-east-1");
    expect((await moto.recorded()).filter(isWriteCall)).toEqual([]);
  });

  test('an opt-in region that is not enabled fails with how to enable it', async () => {
    const r = await runAction('preflight', { region: 'ap-east-1', checks: 'region' }, { env: moto.env });
    expect(r.exitCode).toBe(1);
    const error = r.annotations.find((a) => a.title === 'region');
    expect(error?.message).toContain('ap-east-1 is not enabled for this account');
    expect(error?.message).toContain('aws account enable-region --region-name ap-east-1');
  });

  test('builder: buildah with buildah absent fails naming the tool', async () => {
    const r = await runAction(
      'preflight',
      { builder: 'buildah', checks: 'tools' },
      { env: { ...moto.env, PATH: pathWith({}) } },
    );
    expect(r.exitCode).toBe(1);
    const error = r.annotations.find((a) => a.title === 'tools');
    expect(error?.message).toContain('buildah is not installed (not found on PATH).');
    expect(error?.message).toContain('apt-get install -y buildah');
  });

  test('builder: buildx reports the docker client, daemon and buildx plugin', async () => {
    const docker = [
      'case "$1" in',
      '  version) echo "27.3.1" ;;',
      '  info) echo "Cannot connect to the Docker daemon at unix:///var/run/docker.sock" >&2; exit 1 ;;',
      '  buildx) echo "github.com/docker/buildx v0.18.0 abc" ;;',
      'esac',
    ].join('\n');
    const r = await runAction(
      'preflight',
      { builder: 'buildx', checks: 'tools' },
      { env: { ...moto.env, PATH: pathWith({ docker }) } },
    );
    expect(r.exitCode).toBe(1);
    const report = JSON.parse(r.outputs['report'] ?? '[]') as { status: string; message: string }[];
    expect(report.map((f) => [f.status, f.message])).toEqual([
      ['pass', 'docker 27.3.1'],
      [
        'fail',
        'docker daemon is installed but does not work: Cannot connect to the Docker daemon at unix:///var/run/docker.sock',
      ],
      ['pass', 'docker buildx v0.18.0'],
    ]);
  });

  test('an account outside allowed-account-ids fails', async () => {
    const r = await runAction(
      'preflight',
      { checks: 'identity', 'allowed-account-ids': '111111111111, 222222222222' },
      { env: moto.env },
    );
    expect(r.exitCode).toBe(1);
    expect(r.annotations[0]?.message).toContain(
      'account 123456789012, which is not in allowed-account-ids (111111111111, 222222222222)',
    );
  });

  test.each([
    [{ builder: 'podman' }, "Input 'builder' is 'podman': expected one of buildx, buildah, none."],
    [
      { checks: 'identity,quota' },
      "Input 'checks' is 'quota': expected each item to be one of identity, region, tools, permissions,",
    ],
    [
      { 'allowed-account-ids': '12345' },
      "Input 'allowed-account-ids' is '12345': expected twelve-digit AWS account ids",
    ],
    [{ 'check-timeout': '-1' }, "Input 'check-timeout' is '-1': expected a positive duration"],
    [{ region: 'US East 1' }, "Input 'region' is 'US East 1': expected an AWS region code"],
  ])('bad input %j: one clear line, exit 1, no stack trace, no AWS call', async (inputs, message) => {
    await moto.startRecording();
    const r = await runAction('preflight', inputs, { env: moto.env });
    expect(r.exitCode).toBe(1);
    const errors = r.log.split('\n').filter((l) => l.startsWith('::error'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(message);
    expect(r.log).not.toMatch(/\n\s+at /);
    expect(await moto.recorded()).toEqual([]);
  });
});
