export * from './chain.js';
export * from './plan.js';
export * from './run.js';
export * from './report.js';
export * from './step-defaults.js';
