import path from 'node:path';
import { checkCensus } from './iam-census-check.mjs';
import { scanArtifacts } from './leak-scan.mjs';

const ARTIFACTS = path.resolve(import.meta.dirname, '..', '.artifacts');

/**
 * The last word of every integration run: no secret value reached a log, an output or a summary; and every AWS call
 * a hoist action made, in any test, is in that action's least-privilege policy.
 */
export default function globalTeardown() {
  const { runs, secrets, leaks } = scanArtifacts(ARTIFACTS);
  console.log(`\nsecret-leak scan: ${runs} action runs, ${secrets} secret values, ${leaks.length} leaks`);
  const census = checkCensus(ARTIFACTS);
  const actions = Object.entries(census.byAction)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([a, n]) => `${a} ${n}`)
    .join(', ');
  const outside = Object.entries(census.outside);
  console.log(
    `least-privilege census: ${census.calls} AWS calls by hoist actions (${actions}), ${outside.length} actions calling outside their policy`,
  );
  // Only for actions the run called AWS for: a run of a few test files says nothing of the others.
  const unexercised = Object.entries(census.unexercised).filter(
    ([action, list]) => list.length > 0 && (census.byAction[action] ?? 0) > 0,
  );
  if (census.calls > 0 && unexercised.length > 0) {
    console.log('  policy actions no integration test called (scripted by the scenario proxy, or not reached):');
    for (const [action, list] of unexercised) console.log(`    ${action}: ${list.join(', ')}`);
  }
  if (leaks.length > 0) {
    for (const leak of leaks.slice(0, 20)) console.error(`  leak: ${leak.action} ${leak.where}: ${leak.what}`);
    throw new Error(`secret-leak scan found ${leaks.length} leaks`);
  }
  if (outside.length > 0) {
    for (const [action, calls] of outside) console.error(`  ${action} called, outside its policy: ${calls.join(', ')}`);
    throw new Error('least-privilege census: calls outside the IAM policy (packages/aws/src/manifest.ts)');
  }
}
