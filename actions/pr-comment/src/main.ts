import { run } from '@hoist/kit';
import { prComment } from './pr-comment.js';

await run(prComment);
