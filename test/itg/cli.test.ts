import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { startMoto, type Moto } from '../support/moto.js';
import { ROOT } from '../support/run-action.js';
import { registerTestSecret } from '../support/secrets-registry.js';
import { workspaceWith } from './deploy-stack-support.js';

let moto: Moto;
beforeAll(async () => {
  moto = await startMoto();
});
afterAll(async () => {
  await moto.stop();
});

function hoist(
  args: string[],
  env: Record<string, string> = {},
  cwd: string = ROOT,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'packages', 'cli', 'bin', 'hoist.mjs'), ...args], {
      cwd,
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', ...moto.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

test('hoist preflight runs the action in the terminal: a findings table, outputs, exit 0', async () => {
  const r = await hoist(['preflight', '--builder', 'none', '--checks', 'identity,region,tools']);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/PASS {2}identity +arn:aws:sts::123456789012:user\/moto in account 123456789012/);
  expect(r.stdout).toMatch(/registry +123456789012\.dkr\.ecr\.us-east-1\.amazonaws\.com/);
  expect(r.stdout).not.toMatch(/^::/m);
});

test('hoist preflight --json prints one JSON document on stdout', async () => {
  const r = await hoist(['preflight', '--builder', 'none', '--checks', 'identity', '--json']);
  expect(r.code).toBe(0);
  const doc = JSON.parse(r.stdout) as {
    ok: boolean;
    outputs: Record<string, string>;
    findings: { check: string; status: string }[];
  };
  expect(doc.ok).toBe(true);
  expect(doc.outputs['account-id']).toBe('123456789012');
  expect(doc.findings.map((f) => [f.check, f.status])).toEqual([['identity', 'pass']]);
});

test('a bad input exits 1 with one clear line and no workflow commands', async () => {
  const r = await hoist(['preflight', '--builder', 'podman']);
  expect(r.code).toBe(1);
  expect(r.stdout.trim()).toBe("Error: Input 'builder' is 'podman': expected one of buildx, buildah, none.");
});

const ACTION_NAMES = readdirSync(path.join(ROOT, 'actions')).sort();

test.each(ACTION_NAMES)('hoist %s --help lists every input of its action.yml, exit 0', async (name) => {
  const r = await hoist([name, '--help']);
  expect(r.code).toBe(0);
  const meta = parse(readFileSync(path.join(ROOT, 'actions', name, 'action.yml'), 'utf8')) as {
    inputs: Record<string, unknown>;
  };
  for (const input of Object.keys(meta.inputs)) expect([name, r.stdout.includes(`--${input} `)]).toEqual([name, true]);
});

test('hoist ship runs the chain from a terminal; the secret value is never printed at all', async () => {
  const value = 'amqp://worker:cli-ship-broker-pw-7c1e@broker:5672//';
  registerTestSecret(value);
  const template = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  ImageUri: { Type: String }
  BrokerSecretArn: { Type: String }
Resources:
  Image:
    Type: AWS::SSM::Parameter
    Properties: { Name: /cli-ship/image, Type: String, Value: !Ref ImageUri }
  Broker:
    Type: AWS::SSM::Parameter
    Properties: { Name: /cli-ship/broker, Type: String, Value: !Ref BrokerSecretArn }
`;
  const cwd = workspaceWith({ 'app.yaml': template });
  const image = `210987654321.dkr.ecr.us-east-1.amazonaws.com/app@sha256:${'e'.repeat(64)}`;
  const r = await hoist(
    [
      'ship',
      '--stack-name',
      'cli-ship',
      '--template',
      'app.yaml',
      '--image',
      image,
      '--builder',
      'none',
      '--secrets',
      'cli/broker: { from-env: CLI_BROKER_URL, parameter: BrokerSecretArn }',
      '--json',
    ],
    { CLI_BROKER_URL: value, GITHUB_SHA: 'f'.repeat(40) },
    cwd,
  );
  expect({ code: r.code, tail: r.code === 0 ? '' : r.stderr.slice(-2000) }).toEqual({ code: 0, tail: '' });
  const doc = JSON.parse(r.stdout) as { ok: boolean; outputs: Record<string, string> };
  expect(doc.outputs['status']).toBe('deployed');
  expect(doc.outputs['image-uri']).toBe(image);
  const steps = (JSON.parse(doc.outputs['report'] ?? '{}') as { steps: { step: string; outcome: string }[] }).steps;
  expect(steps.map((s) => s.step)).toEqual([
    'preflight',
    'secrets-sync',
    'quota-check',
    'cfn-validate',
    'build-push-multiarch',
    'deploy-stack',
  ]);
  // Each step's log streams in the terminal under a heading.
  expect(r.stderr).toContain('▸ 6. deploy-stack');
  expect(r.stdout + r.stderr).not.toContain('cli-ship-broker-pw-7c1e');
});

/** Runs hoist under a pseudo-terminal (util-linux `script`), as a user's shell does: stdout is a TTY there. */
function hoistInTerminal(args: string[], env: Record<string, string> = {}): Promise<string> {
  const command = ['node', path.join(ROOT, 'packages', 'cli', 'bin', 'hoist.mjs'), ...args].join(' ');
  return new Promise((resolve) => {
    const child = spawn('script', ['-qefc', command, '/dev/null'], {
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', ...moto.env, ...env },
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.on('close', () => resolve(out));
  });
}

test('colours in a terminal, none with NO_COLOR or when piped', async () => {
  const args = ['preflight', '--checks', 'tools', '--builder', 'none'];
  const tty = await hoistInTerminal(args);
  expect(tty).toContain('\u001b[32mPASS');
  const noColor = await hoistInTerminal(args, { NO_COLOR: '1' });
  expect(noColor).toContain('PASS');
  expect(noColor).not.toContain('\u001b[');
  const piped = await hoist(args);
  expect(piped.stdout).toContain('PASS');
  expect(piped.stdout).not.toContain('\u001b[');
});
