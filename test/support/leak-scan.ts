import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface Leak {
  action: string;
  where: 'log' | 'outputs' | 'summary';
  what: string;
}

/** Shapes of live AWS keys: an access key id paired with something shaped like a secret key. */
const AWS_SECRET_SHAPE = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])/;
const AWS_KEY_ID_SHAPE = /\b(AKIA|ASIA)[A-Z0-9]{16}\b/;

/**
 * Scans what every run kept (the log as a runner shows it, outputs, summary) for every secret value the tests
 * used and every value an action masked, and for AWS key shapes. Zero occurrences is the only pass.
 */
export function scanArtifacts(dir: string): { runs: number; secrets: number; leaks: Leak[] } {
  if (!existsSync(dir)) return { runs: 0, secrets: 0, leaks: [] };
  const secrets = new Set<string>();
  const runs: { action: string; log: string; outputs: Record<string, string>; summary: string; masked: string[] }[] = [];
  for (const file of readdirSync(dir)) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    for (const line of text.split('\n').filter(Boolean)) {
      if (file.startsWith('secrets-')) secrets.add(JSON.parse(line) as string);
      else if (file.startsWith('runs-')) runs.push(JSON.parse(line));
    }
  }
  for (const run of runs) for (const m of run.masked) if (m.length >= 4) secrets.add(m);
  const leaks: Leak[] = [];
  for (const run of runs) {
    const places: [Leak['where'], string][] = [
      ['log', run.log],
      ['outputs', JSON.stringify(run.outputs)],
      ['summary', run.summary],
    ];
    for (const [where, text] of places) {
      for (const secret of secrets) if (text.includes(secret)) leaks.push({ action: run.action, where, what: `a secret value of ${secret.length} chars` });
      const keyId = AWS_KEY_ID_SHAPE.exec(text);
      if (keyId && AWS_SECRET_SHAPE.test(text)) leaks.push({ action: run.action, where, what: 'an AWS access key id and secret-key shape' });
    }
  }
  return { runs: runs.length, secrets: secrets.size, leaks };
}
