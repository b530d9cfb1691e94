import { run } from '@hoist/kit';
import { ship } from './ship.js';

await run(ship);
