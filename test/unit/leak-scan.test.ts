/**
 * The secret-leak scan that ends every integration run (test/support/global-teardown.mjs) can fail: given what a
 * leaking run would have kept, it reports the leak; given the same run with the value masked, it reports none.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
// @ts-expect-error: plain ESM (jest's global setup/teardown load it outside the transform), without types.
import { scanArtifacts } from '../support/leak-scan.mjs';

interface Leak {
  action: string;
  where: string;
  what: string;
}
const scan = scanArtifacts as (dir: string) => { runs: number; secrets: number; leaks: Leak[] };

const SECRET = 'sk-leakprobe-4f9c2a7e1b3d5f7a9c';

function artifacts(run: { log: string; outputs?: Record<string, string>; summary?: string; masked?: string[] }) {
  const dir = mkdtempSync(path.join(tmpdir(), 'hoist-leak-scan-'));
  writeFileSync(path.join(dir, 'secrets-1.txt'), JSON.stringify(SECRET) + '\n');
  const record = { action: 'secrets-sync', exitCode: 0, outputs: {}, summary: '', masked: [], ...run };
  writeFileSync(path.join(dir, 'runs-1.jsonl'), JSON.stringify(record) + '\n');
  return dir;
}

describe('leak scan', () => {
  test('a registered secret in a log, an output or a summary is a leak', () => {
    expect(scan(artifacts({ log: `Created with value ${SECRET}` })).leaks).toEqual([
      { action: 'secrets-sync', where: 'log', what: `a secret value of ${SECRET.length} chars` },
    ]);
    expect(scan(artifacts({ log: '', outputs: { arn: SECRET } })).leaks.map((l) => l.where)).toEqual(['outputs']);
    expect(scan(artifacts({ log: '', summary: `| key | ${SECRET} |` })).leaks.map((l) => l.where)).toEqual(['summary']);
  });

  test('a value the action masked itself counts too, though no test registered it', () => {
    const dir = artifacts({ log: 'token is ghs_maskedByTheAction123', masked: ['ghs_maskedByTheAction123'] });
    expect(scan(dir).leaks).toHaveLength(1);
  });

  test('an AWS access key id beside a secret-key shape is a leak', () => {
    const keyId = ['AKIA', 'Z7QW3EXAMPLEKEY9'].join('');
    const secretShape = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKE';
    const leaks = scan(artifacts({ log: `id ${keyId} secret ${secretShape}` })).leaks;
    expect(leaks.map((l) => l.what)).toEqual(['an AWS access key id beside a secret-key shape']);
  });

  test('the same run with the value masked (as the runner shows it) has no leak', () => {
    const result = scan(artifacts({ log: 'Created with value ***', outputs: { arn: 'arn:aws:secretsmanager:…' } }));
    expect(result).toEqual({ runs: 1, secrets: 1, leaks: [] });
  });
});
