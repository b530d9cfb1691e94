import path from 'node:path';
import { scanArtifacts } from './leak-scan.mjs';

/** The last word of every integration run: no secret value reached a log, an output or a summary. */
export default function globalTeardown() {
  const { runs, secrets, leaks } = scanArtifacts(path.resolve(import.meta.dirname, '..', '.artifacts'));
  console.log(`\nsecret-leak scan: ${runs} action runs, ${secrets} secret values, ${leaks.length} leaks`);
  if (leaks.length > 0) {
    for (const leak of leaks.slice(0, 20)) console.error(`  leak: ${leak.action} ${leak.where}: ${leak.what}`);
    throw new Error(`secret-leak scan found ${leaks.length} leaks`);
  }
}
