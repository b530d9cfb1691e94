import { scanArtifacts } from './leak-scan.js';
import { ARTIFACTS } from './run-action.js';

/** The last word of every integration run: no secret value reached a log, an output or a summary. */
export default function globalTeardown(): void {
  const { runs, secrets, leaks } = scanArtifacts(ARTIFACTS);
  console.log(`\nsecret-leak scan: ${runs} action runs, ${secrets} secret values, ${leaks.length} leaks`);
  if (leaks.length > 0) {
    for (const leak of leaks.slice(0, 20)) console.error(`  leak: ${leak.action} ${leak.where}: ${leak.what}`);
    throw new Error(`secret-leak scan found ${leaks.length} leaks`);
  }
}
