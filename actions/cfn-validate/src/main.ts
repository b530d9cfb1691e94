import { run } from '@hoist/kit';
import { cfnValidate } from './cfn-validate.js';

await run(cfnValidate);
