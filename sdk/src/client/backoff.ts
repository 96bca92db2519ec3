import type { RetryOptions } from './types.js';

/** Defaults of {@link RetryOptions}. */
export const DEFAULT_RETRY: Required<RetryOptions> = { attempts: 4, baseDelayMs: 300, maxDelayMs: 8000 };

/**
 * A server asking to wait longer than this (Retry-After) is not waited for: the call gives up
 * at once and returns the error with `retryAfter`, so the caller can decide.
 */
export const MAX_RETRY_AFTER_MS = 60_000;

/** The retry options with defaults filled in and nonsense (negative, NaN) replaced. */
export function retryPolicy(opts: RetryOptions = {}): Required<RetryOptions> {
  const num = (x: number | undefined, fallback: number) => (typeof x === 'number' && Number.isFinite(x) && x >= 0 ? x : fallback);
  return {
    attempts: Math.max(1, Math.floor(num(opts.attempts, DEFAULT_RETRY.attempts))),
    baseDelayMs: num(opts.baseDelayMs, DEFAULT_RETRY.baseDelayMs),
    maxDelayMs: num(opts.maxDelayMs, DEFAULT_RETRY.maxDelayMs),
  };
}

/**
 * Full-jitter exponential backoff: the wait after failed attempt `attempt` (0 = the first) is
 * uniform in [0, min(maxDelayMs, baseDelayMs · 2^attempt)). `random` returns [0, 1).
 */
export function backoffDelay(attempt: number, policy: Pick<Required<RetryOptions>, 'baseDelayMs' | 'maxDelayMs'>, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt));
  return Math.floor(random() * ceiling);
}

/**
 * A `Retry-After` header value in ms from `now`: delay-seconds (`"120"`) or an HTTP-date
 * (`"Wed, 21 Oct 2015 07:28:00 GMT"`; a past date is 0). Undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value == null) return undefined;
  const s = value.trim();
  if (/^\d+$/.test(s)) return Number(s) * 1000;
  if (!/[a-z]/i.test(s)) return undefined; // "-1", "1.5": neither seconds nor a date
  const at = Date.parse(s);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** How long to wait before the next attempt: the backoff, but never less than Retry-After. */
export function nextDelay(attempt: number, policy: Required<RetryOptions>, retryAfterMs: number | undefined, random: () => number = Math.random): number {
  return Math.max(retryAfterMs ?? 0, backoffDelay(attempt, policy, random));
}
