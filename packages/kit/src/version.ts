/** hoist's version, in user agents and release records. Kept equal to the root package.json by a unit test. */
export const HOIST_VERSION = '0.1.0';
