import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { startMoto, type Moto } from '../support/moto.js';
import { ROOT } from '../support/run-action.js';

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
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'packages', 'cli', 'bin', 'hoist.mjs'), ...args], {
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
