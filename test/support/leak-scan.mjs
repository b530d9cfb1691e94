// The secret-leak scan (plain ESM: jest loads global setup/teardown outside its ESM transform).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Shapes of live AWS keys: an access key id, and something shaped like a secret key beside it. */
const AWS_KEY_ID_SHAPE = /\b(AKIA|ASIA)[A-Z0-9]{16}\b/;
const AWS_SECRET_SHAPE = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])/;

/** Where a run's raw captures are kept (test/support/run-action.ts, runArtifacts), as the scan names them. */
const PLACES = [
  ['stdout', 'stdout'],
  ['stderr', 'stderr'],
  ['output', 'GITHUB_OUTPUT'],
  ['summary', 'GITHUB_STEP_SUMMARY'],
];

/**
 * Scans what every action run wrote, raw — stdout and stderr without the `::add-mask::` commands the runner consumes,
 * the GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files — for every secret value the tests registered and every value an
 * action masked, and for AWS key shapes. Masks are not applied first: a value printed before its `::add-mask::`, or
 * masked only by the runner's display, is a leak. Zero occurrences is the only pass.
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
    for (const [key, where] of PLACES) {
      const text = run[key];
      if (typeof text !== 'string') {
        leaks.push({ action: run.action, where, what: `no raw ${where} was kept: the run cannot be scanned` });
        continue;
      }
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
