/**
 * The data model. Times are epoch milliseconds (UTC); ids are UUIDv7 text.
 * Personal data (R2) lives only in `subjects` and in the consumer's own free text
 * (`cases.details`); `audit_log` holds ids and field names, never values.
 */
export * from './schema/tenants.js';
export * from './schema/cases.js';
export * from './schema/admin.js';
export * from './schema/logs.js';
export * from './schema/compliance.js';
