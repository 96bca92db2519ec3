export { createClient, type PublicClient } from './client.js';
export { DEFAULT_RETRY, MAX_RETRY_AFTER_MS } from './backoff.js';
export type { Result, ClientError, ClientOptions, RetryOptions, CallOptions, SubmitOptions } from './types.js';
