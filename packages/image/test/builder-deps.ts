import { TerminalReporter, exec } from '@hoist/kit';
import type { BuilderDeps } from '../src/index.js';

export { BuildahBuilder, BuildxBuilder, type BuildRequest } from '../src/index.js';

/** Builder dependencies for tests that only look at the commands a builder would run. */
export const quietDeps: BuilderDeps = {
  exec,
  reporter: new TerminalReporter({ write: () => undefined }),
  signal: new AbortController().signal,
  tempDir: '/tmp',
};
