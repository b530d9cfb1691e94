export * from './catalog.js';
export * from './evaluate.js';
export * from './needs.js';
export * from './report.js';
export * from './check.js';
export type { AppliedQuota, QuotaSource, QuotaRef, UsageMetricRef } from './applied.js';
export type { Usage, UsageClients } from './usage.js';
export * from './scope.js';
