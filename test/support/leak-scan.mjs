// The secret-leak scan (plain ESM: jest loads global setup/teardown outside its ESM transform).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Shapes of live AWS keys: an access key id, and something shaped like a secret key beside it. */
const AWS_KEY_ID_SHAPE = /\b(AKIA|ASIA)[A-Z0-9]{16}\b/;
const AWS_SECRET_SHAPE = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])/;

/**
 * Scans what every action run kept (its log as a runner shows it, outputs, summary) for every secret value the
 * tests registered and every value an action masked, and for AWS key shapes. Zero occurrences is the only pass.
 * @param {string} dir
 * @returns {{ runs: number, secrets: number, leaks: { action: string, where: string, what: string }[] }}
 */
export function scanArtifacts(dir) {
  if (!existsSync(dir)) return { runs: 0, secrets: 0, leaks: [] };
  const secrets = new Set();
  const runs = [];
  for (const file of readdirSync(dir)) {
    const lines = readFileSync(path.join(dir, file), 'utf8').split('\n').filter(Boolean);
    for (const line of lines) {
      if (file.startsWith('secrets-')) secrets.add(JSON.parse(line));
      else if (file.startsWith('runs-')) runs.push(JSON.parse(line));
    }
  }
  for (const run of runs) for (const m of run.masked) if (m.length >= 4) secrets.add(m);
  const leaks = [];
  for (const run of runs) {
    const places = [
      ['log', run.log],
      ['outputs', JSON.stringify(run.outputs)],
      ['summary', run.summary],
    ];
    for (const [where, text] of places) {
      for (const secret of secrets) {
        if (text.includes(secret))
          leaks.push({ action: run.action, where, what: `a secret value of ${secret.length} chars` });
      }
      if (AWS_KEY_ID_SHAPE.test(text) && AWS_SECRET_SHAPE.test(text)) {
        leaks.push({ action: run.action, where, what: 'an AWS access key id beside a secret-key shape' });
      }
    }
  }
  return { runs: runs.length, secrets: secrets.size, leaks };
}
