// The check at the end of an integration run: every AWS call a hoist action made in any test (the census that
// test/support/moto.ts writes from moto's recorder) must be in that action's least-privilege policy — the one
// docs/iam/<action>.json publishes, generated from packages/aws/src/manifest.ts.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { loadIamManifest } from '../../scripts/gen-iam-policies.mjs';

/** Calls that need no permission. */
const FREE = new Set(['sts:GetCallerIdentity']);
/** ship runs the other actions' code: its own calls need what they need. */
const COMPOSITE = { ship: 'all' };

export function censusFiles(dir) {
  return existsSync(dir) ? readdirSync(dir).filter((f) => /^aws-calls-\d+\.jsonl$/.test(f)) : [];
}

/**
 * For the census under `dir`: `calls`, `byAction` (count), `outside` (action → IAM actions called outside its policy)
 * and `unexercised` (action → policy actions no test called).
 */
export function checkCensus(dir, root = path.resolve(import.meta.dirname, '..', '..')) {
  const { policies } = loadIamManifest(root);
  const allowed = Object.fromEntries(
    Object.entries(policies).map(([action, doc]) => [action, new Set(doc.Statement.flatMap((s) => s.Action))]),
  );
  const everything = new Set(Object.values(allowed).flatMap((set) => [...set]));
  const outside = {};
  const byAction = {};
  const used = {};
  let calls = 0;
  for (const file of censusFiles(dir)) {
    for (const line of readFileSync(path.join(dir, file), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const { action, iam } = JSON.parse(line);
      // Only hoist's actions: a test's own client may name itself in the User-Agent too.
      if (!(action in allowed) && !(action in COMPOSITE)) continue;
      calls += 1;
      byAction[action] = (byAction[action] ?? 0) + 1;
      (used[action] ??= new Set()).add(iam);
      const policy = COMPOSITE[action] === 'all' ? everything : allowed[action];
      if (FREE.has(iam) || policy?.has(iam)) continue;
      const list = (outside[action] ??= []);
      if (!list.includes(iam)) list.push(iam);
    }
  }
  // The policy actions no test made a call for (ship's calls count for the action whose code made them).
  const unexercised = Object.fromEntries(
    Object.entries(allowed).map(([action, set]) => [action, [...set].filter((a) => !used[action]?.has(a)).sort()]),
  );
  return { calls, outside, byAction, unexercised };
}

export function clearCensus(dir) {
  for (const file of censusFiles(dir)) rmSync(path.join(dir, file), { force: true });
}
