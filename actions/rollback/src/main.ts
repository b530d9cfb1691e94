import { run } from '@hoist/kit';
import { rollbackAction } from './rollback.js';

await run(rollbackAction);
