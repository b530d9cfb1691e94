import { run } from '@hoist/kit';
import { preflight } from './preflight.js';

await run((context) => preflight(context));
