import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';

/** Integration tests need moto_server: fail loudly (never skip) when it is missing; start from clean artifacts. */
export default function globalSetup() {
  const probe = spawnSync('moto_server', ['--help'], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'moto_server was not found on PATH. Install it: pip install "moto[server]==5.2.1". The integration tests never skip without it.',
    );
  }
  rmSync(path.resolve(import.meta.dirname, '..', '.artifacts'), { recursive: true, force: true });
}
