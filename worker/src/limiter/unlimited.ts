import type { RateLimiter } from '../deps.js';

/** Never limits: a Worker without a rate-limiting binding (local workerd), tests, benchmarks. */
export const unlimited: RateLimiter = { limit: async () => ({ ok: true }) };
