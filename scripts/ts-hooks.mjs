// Lets node 24 run this repository's TypeScript directly (`node --import ./scripts/ts-hooks.mjs x.ts`): node strips
// the types itself; this hook resolves the `./x.js` spelling of relative imports to the `./x.ts` file beside it.
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, next) {
    try {
      return next(specifier, context);
    } catch (error) {
      if (!/^\.{1,2}\//.test(specifier) || !specifier.endsWith('.js')) throw error;
      return next(`${specifier.slice(0, -3)}.ts`, context);
    }
  },
});
