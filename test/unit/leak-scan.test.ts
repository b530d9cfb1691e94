/**
 * The secret-leak scan that ends every integration run (test/support/global-teardown.mjs) can fail. It reads what
 * runAction keeps of each run (`runArtifacts`): the raw captures, so a value the runner's masking would hide — printed
 * before its `::add-mask::` — is still a leak; only the `::add-mask::` commands themselves are not.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
// @ts-expect-error: plain ESM (jest's global setup/teardown load it outside the transform), without types.
import { scanArtifacts } from '../support/leak-scan.mjs';
import { maskText, parseMasks, runArtifacts } from '../support/run-action.js';

interface Leak {
  action: string;
  where: string;
  what: string;
}
const scan = scanArtifacts as (dir: string) => { runs: number; secrets: number; leaks: Leak[] };

const SECRET = 'sk-leakprobe-4f9c2a7e1b3d5f7a9c';
const SECRET_LEAK = `a secret value of ${SECRET.length} chars`;

interface Raw {
  stdout: string;
  stderr: string;
  output: string;
  summary: string;
}

/** A folder as the integration tests leave it: SECRET registered, one run kept from these raw captures. */
function kept(captures: Partial<Raw>): string {
  const raw = { stdout: '', stderr: '', output: '', summary: '', ...captures };
  const masked = parseMasks(`${raw.stdout}\n${raw.stderr}`);
  const dir = mkdtempSync(path.join(tmpdir(), 'hoist-leak-scan-'));
  writeFileSync(path.join(dir, 'secrets-1.txt'), JSON.stringify(SECRET) + '\n');
  const record = runArtifacts('secrets-sync', { exitCode: 0, masked, raw });
  writeFileSync(path.join(dir, 'runs-1.jsonl'), JSON.stringify(record) + '\n');
  return dir;
}

describe('leak scan', () => {
  test('a registered secret on stdout, on stderr, in GITHUB_OUTPUT or in the job summary is a leak', () => {
    expect(scan(kept({ stdout: `Created with value ${SECRET}\n` })).leaks).toEqual([
      { action: 'secrets-sync', where: 'stdout', what: SECRET_LEAK },
    ]);
    expect(scan(kept({ stderr: `debug: ${SECRET}\n` })).leaks.map((l) => l.where)).toEqual(['stderr']);
    const output = `arn<<ghadelimiter_1\n${SECRET}\nghadelimiter_1\n`;
    expect(scan(kept({ output })).leaks.map((l) => l.where)).toEqual(['GITHUB_OUTPUT']);
    expect(scan(kept({ summary: `| key | ${SECRET} |\n` })).leaks.map((l) => l.where)).toEqual(['GITHUB_STEP_SUMMARY']);
  });

  test('a secret printed before its ::add-mask:: is caught, though the log a runner shows hides it', () => {
    const stdout = `Read ${SECRET} from the environment\n::add-mask::${SECRET}\nCreated the secret.\n`;
    // The runner masks every line with every registered value, so its log has only ***: a scan of that would pass.
    expect(maskText(stdout, parseMasks(stdout))).not.toContain(SECRET);
    expect(scan(kept({ stdout })).leaks).toEqual([{ action: 'secrets-sync', where: 'stdout', what: SECRET_LEAK }]);
  });

  test('a value the action masked itself counts too, though no test registered it', () => {
    const token = 'ghs_maskedByTheAction123';
    const dir = kept({ stdout: `::add-mask::${token}\ntoken is ${token}\n` });
    expect(scan(dir).leaks).toEqual([{ action: 'secrets-sync', where: 'stdout', what: 'a secret value of 24 chars' }]);
  });

  test('an AWS access key id beside a secret-key shape is a leak', () => {
    const keyId = ['AKIA', 'Z7QW3EXAMPLEKEY9'].join('');
    const secretShape = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKE';
    const leaks = scan(kept({ stderr: `id ${keyId} secret ${secretShape}\n` })).leaks;
    expect(leaks).toEqual([
      { action: 'secrets-sync', where: 'stderr', what: 'an AWS access key id beside a secret-key shape' },
    ]);
  });

  test('a secret only in its ::add-mask:: command, which the runner consumes, is no leak', () => {
    const stdout = `::add-mask::${SECRET}\nCreated the secret.\n`;
    expect(scan(kept({ stdout, output: 'arn=arn:aws:secretsmanager:us-east-1:1:secret:x\n' }))).toEqual({
      runs: 1,
      secrets: 1,
      leaks: [],
    });
  });

  test('a record without its raw captures cannot pass', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hoist-leak-scan-'));
    writeFileSync(path.join(dir, 'runs-1.jsonl'), JSON.stringify({ action: 'x', exitCode: 0, masked: [] }) + '\n');
    expect(scan(dir).leaks.map((l) => l.where)).toEqual(['stdout', 'stderr', 'GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY']);
  });
});
