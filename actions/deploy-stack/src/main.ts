import { run } from '@hoist/kit';
import { deployStackAction } from './deploy-stack.js';

await run(deployStackAction);
