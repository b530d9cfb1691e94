import { run } from '@hoist/kit';
import { buildPush } from './build-push.js';

await run(buildPush);
