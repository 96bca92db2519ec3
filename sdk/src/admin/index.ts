/** The admin API's contract: roles and permissions, and one file of schemas per feature. */
export * from './roles.js';
export * from './auth.js';
export * from './settings.js';
export * from './cases.js';
export * from './workflow.js';
export * from './subjects.js';
export * from './exports.js';
export * from './retention.js';
export * from './webhooks.js';
export * from './platform.js';
export * from './register.js';
export * from './breaches.js';
export * from './agreement.js';
export * from './audit.js';
export * from './stats.js';
