import type { RateLimiter } from '../deps.js';

/** The shape of a Workers rate-limiting binding (`[[ratelimits]]` in wrangler.toml). */
export type RateLimitBinding = { limit(opts: { key: string }): Promise<{ success: boolean }> };

/**
 * Wraps the binding; it does not say when the window ends, so Retry-After is its period.
 * Keys arrive already bucketed (intake: `<key id>:<IPv4 or IPv6 /64>`, ../lib/ip-bucket.ts);
 * the binding keeps its own bounded state, so no cap is needed here.
 */
export function cloudflareRateLimiter(binding: RateLimitBinding, periodSeconds: number): RateLimiter {
  return {
    async limit(key) {
      const { success } = await binding.limit({ key });
      return success ? { ok: true } : { ok: false, retryAfter: periodSeconds };
    },
  };
}
