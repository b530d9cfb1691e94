// Stack operations: change sets, previews, the event monitor, diagnosis, verification and release records —
// what deploy-stack and rollback run. Exported as `@hoist/cfn/stack` so the template-only users stay light.
export * from './api.js';
export * from './artifacts.js';
export * from './change-set.js';
export * from './deploy.js';
export * from './diagnosis.js';
export * from './events.js';
export * from './force-deploy.js';
export * from './parameters.js';
export * from './preview.js';
export * from './releases.js';
export * from './status.js';
export * from './verify.js';
export * from './wait.js';
