import type { Reporter } from './reporter.js';

/**
 * A typed view of the state a main step leaves for its post step: named keys, one setter and getter each.
 * Nothing else touches the runner's STATE_* variables.
 */
export function stateOf<K extends string>(reporter: Reporter, keys: readonly K[]) {
  return {
    set(key: K, value: string): void {
      reporter.saveState(key, value);
    },
    get(key: K): string {
      return reporter.getState(key);
    },
    keys,
  };
}
