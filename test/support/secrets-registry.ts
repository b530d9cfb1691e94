import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { ARTIFACTS } from './run-action.js';

/** Tests register every secret value they hand to an action; the final leak scan looks for each of them. */
export function registerTestSecret(value: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  appendFileSync(path.join(ARTIFACTS, `secrets-${process.pid}.txt`), JSON.stringify(value) + '\n');
  return value;
}
