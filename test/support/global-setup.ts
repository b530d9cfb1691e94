import { rmSync } from 'node:fs';
import { requireMoto } from './moto.js';
import { ARTIFACTS } from './run-action.js';

/** Integration tests need moto_server: fail loudly (never skip) when it is missing; start from clean artifacts. */
export default function globalSetup(): void {
  requireMoto();
  rmSync(ARTIFACTS, { recursive: true, force: true });
}
