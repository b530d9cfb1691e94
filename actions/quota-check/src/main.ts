import { run } from '@hoist/kit';
import { quotaCheck } from './quota-check.js';

await run(quotaCheck);
