import type { Clock, RateLimiter } from '../deps.js';

/** Keys the Node host keeps at most: ~100 bytes each, so about 10 MB at the cap. */
export const DEFAULT_MAX_KEYS = 100_000;

/**
 * Fixed-window counter per key, in process memory (the Node host runs one process).
 *
 * Memory is bounded. The map is kept in window-start order (a key whose window restarts is
 * moved to the end), so expired windows are dropped from the front on every call at amortised
 * O(1) cost. When `maxKeys` live windows exist and a new key arrives, the new key is REFUSED
 * (`retryAfter` = until the oldest window ends) rather than making room by forgetting a live
 * window: forgetting would let a flood of fresh keys reset the flooder's own exhausted limit,
 * while refusing costs a flood at most one window of refusals for newcomers, and keys that
 * already hold a window keep their normal limit. Intake keys use the client's IPv6 /64
 * (see ../lib/ip-bucket.ts), so reaching the cap needs that many distinct networks.
 */
export function memoryRateLimiter(opts: { limit: number; windowMs: number; clock: Clock; maxKeys?: number }): RateLimiter & { readonly size: number } {
  const maxKeys = Math.max(1, opts.maxKeys ?? DEFAULT_MAX_KEYS);
  const windows = new Map<string, { start: number; count: number }>();
  const expired = (w: { start: number }, now: number) => now - w.start >= opts.windowMs;
  const wait = (start: number, now: number) => Math.max(1, Math.ceil((start + opts.windowMs - now) / 1000));
  return {
    get size() {
      return windows.size;
    },
    async limit(key) {
      const now = opts.clock.now();
      for (const [k, w] of windows) {
        if (!expired(w, now)) break;
        windows.delete(k);
      }
      let w = windows.get(key);
      if (w && expired(w, now)) {
        windows.delete(key);
        w = undefined;
      }
      if (!w) {
        if (windows.size >= maxKeys) {
          const oldest = windows.values().next().value!;
          return { ok: false, retryAfter: wait(oldest.start, now) };
        }
        w = { start: now, count: 0 };
        windows.set(key, w);
      }
      w.count++;
      if (w.count <= opts.limit) return { ok: true };
      return { ok: false, retryAfter: wait(w.start, now) };
    },
  };
}
