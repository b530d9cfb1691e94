import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@jest/globals';
import { NODE24, ROOT } from '../support/run-action.js';

interface DemoReport {
  steps: { step: string; action: string; exitCode: number; outputs: Record<string, string> }[];
  final: { restored?: boolean; imageA?: string; imageB?: string; running?: string; error?: string };
}

/** `npm run demo` is the README's main job: run it as a user does, then check what it says it did. */
test('npm run demo ships release A, then B, through hoist ship, and rolls back to A by digest, cleaning up after itself', async () => {
  const report = path.join(mkdtempSync(path.join(tmpdir(), 'hoist-demo-test-')), 'report.jsonl');
  const before = new Set(readdirSync(tmpdir()).filter((d) => d.startsWith('hoist-demo-')));
  const args = [
    '--experimental-transform-types',
    '--disable-warning=ExperimentalWarning',
    '--import',
    './scripts/ts-hooks.mjs',
    'packages/cli/src/demo.ts',
  ];
  const child = spawn(NODE24, args, { cwd: ROOT, env: { ...process.env, HOIST_DEMO_REPORT: report, NO_COLOR: '1' } });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  expect({ code, tail: code === 0 ? '' : out.slice(-3000) }).toEqual({ code: 0, tail: '' });

  const doc = JSON.parse(readFileSync(report, 'utf8').trim().split('\n').pop() ?? '{}') as DemoReport;
  // Two releases through `hoist ship` (its steps, from its report), then a rollback to the first.
  const release = [
    'preflight',
    'secrets-sync',
    'quota-check',
    'cfn-validate',
    'build-push-multiarch',
    'deploy-stack',
  ].map((action) => [action, 0]);
  expect(doc.steps.map((s) => [s.action, s.exitCode])).toEqual([...release, ...release, ['rollback', 0]]);
  expect(doc.steps.filter((s) => s.action === 'deploy-stack').map((s) => s.outputs['status'])).toEqual([
    'deployed',
    'deployed',
  ]);
  expect(doc.final.imageA).toMatch(/@sha256:[a-f0-9]{64}$/);
  expect(doc.final.imageB).not.toBe(doc.final.imageA);
  expect(doc.final.running).toBe(doc.final.imageA);
  expect(doc.final.restored).toBe(true);
  const rollback = doc.steps.at(-1);
  expect(rollback?.outputs['status']).toBe('restored');
  expect(rollback?.outputs['image-uri']).toBe(doc.final.imageA);
  // The final table and the honest list are what a newcomer reads.
  expect(out).toContain('What happened');
  expect(out).toContain('What the emulator did not really do');
  // Temporary files are gone.
  const left = readdirSync(tmpdir()).filter(
    (d) => d.startsWith('hoist-demo-') && !before.has(d) && !report.includes(d),
  );
  expect(left.filter((d) => existsSync(path.join(tmpdir(), d)))).toEqual([]);
}, 300_000);
