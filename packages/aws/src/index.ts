export * from './clients.js';
export * from './credentials.js';
export * from './errors.js';
export * from './manifest.js';
export * from './region.js';
export * from './regions.js';
export * from './wait.js';
export * from './secrets-spec.js';
