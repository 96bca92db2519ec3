/**
 * Retry schedule: after the n-th failed attempt the next one waits RETRY_DELAYS_MS[n-1],
 * ±20 % jitter (so many tenants' retries after an outage spread out). Ten attempts in all over
 * about 24 hours (at most ~29 h with jitter); after the tenth failure the row is marked failed.
 */
export const RETRY_DELAYS_MS = [30e3, 120e3, 600e3, 1_800e3, 3_600e3, 7_200e3, 14_400e3, 28_800e3, 28_800e3] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
export const JITTER = 0.2;

/** The wait after `attempts` attempts have failed, or null when that was the last one. */
export function retryDelay(attempts: number, random: () => number = Math.random): number | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  const base = RETRY_DELAYS_MS[Math.max(0, attempts - 1)]!;
  return Math.round(base * (1 - JITTER + 2 * JITTER * random()));
}
