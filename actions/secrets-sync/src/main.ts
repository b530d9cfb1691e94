import { run } from '@hoist/kit';
import { secretsSync } from './sync.js';

await run((context) => secretsSync(context));
