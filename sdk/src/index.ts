/** `@aftercare/sdk`: the valibot contract of the Aftercare API and a typed client for it. */
export * from './schemas/index.js';
export * from './client/index.js';
export * from './admin/index.js';
export * from './admin-client/index.js';
export * from './webhooks/index.js';
