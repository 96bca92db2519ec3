import type { Clock, RateLimiter } from '../deps.js';

/**
 * Fixed-window counter per key, in process memory (the Node host runs one process).
 * Old windows are swept lazily so memory stays bounded by the active keys.
 */
export function memoryRateLimiter(opts: { limit: number; windowMs: number; clock: Clock }): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  let lastSweep = 0;
  return {
    async limit(key) {
      const now = opts.clock.now();
      if (now - lastSweep > opts.windowMs) {
        for (const [k, w] of windows) if (now - w.start >= opts.windowMs) windows.delete(k);
        lastSweep = now;
      }
      let w = windows.get(key);
      if (!w || now - w.start >= opts.windowMs) {
        w = { start: now, count: 0 };
        windows.set(key, w);
      }
      w.count++;
      if (w.count <= opts.limit) return { ok: true };
      return { ok: false, retryAfter: Math.max(1, Math.ceil((w.start + opts.windowMs - now) / 1000)) };
    },
  };
}
