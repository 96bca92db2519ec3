import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_RETRY, nextDelay, parseRetryAfter, retryPolicy } from './backoff.js';

const policy = { attempts: 4, baseDelayMs: 300, maxDelayMs: 8000 };

describe('backoffDelay (full jitter)', () => {
  it('is uniform in [0, base · 2^attempt)', () => {
    expect(backoffDelay(0, policy, () => 0)).toBe(0);
    expect(backoffDelay(0, policy, () => 0.5)).toBe(150);
    expect(backoffDelay(1, policy, () => 0.5)).toBe(300);
    expect(backoffDelay(2, policy, () => 0.5)).toBe(600);
    expect(backoffDelay(3, policy, () => 0.999999)).toBe(2399);
  });

  it('never exceeds maxDelayMs, however many attempts', () => {
    expect(backoffDelay(5, policy, () => 0.5)).toBe(4000); // 300·32 = 9600 → capped at 8000
    expect(backoffDelay(50, policy, () => 0.999999)).toBe(7999);
    expect(backoffDelay(5000, policy, () => 0.999999)).toBe(7999); // 2^5000 is Infinity: still capped
  });

  it('uses Math.random by default and stays in range', () => {
    for (let i = 0; i < 200; i++) {
      const d = backoffDelay(i % 8, policy);
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThan(Math.min(8000, 300 * 2 ** (i % 8)));
    }
  });

  it('waits at least Retry-After, else the backoff', () => {
    expect(nextDelay(0, policy, 1000, () => 0.5)).toBe(1000);
    expect(nextDelay(4, policy, 1000, () => 0.5)).toBe(2400);
    expect(nextDelay(1, policy, undefined, () => 0.5)).toBe(300);
  });
});

describe('retryPolicy', () => {
  it('fills defaults and ignores nonsense', () => {
    expect(retryPolicy()).toEqual(DEFAULT_RETRY);
    expect(DEFAULT_RETRY).toEqual({ attempts: 4, baseDelayMs: 300, maxDelayMs: 8000 });
    expect(retryPolicy({ attempts: 0, baseDelayMs: -5, maxDelayMs: Number.NaN })).toEqual({ attempts: 1, baseDelayMs: 300, maxDelayMs: 8000 });
    expect(retryPolicy({ attempts: 2.7, baseDelayMs: 10 })).toEqual({ attempts: 2, baseDelayMs: 10, maxDelayMs: 8000 });
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-03-01T12:00:00Z');

  it('reads delay-seconds', () => {
    expect(parseRetryAfter('1', now)).toBe(1000);
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter(' 120 ', now)).toBe(120_000);
  });

  it('reads an HTTP-date relative to now', () => {
    expect(parseRetryAfter('Sat, 01 Mar 2025 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sat, 01 Mar 2025 13:00:00 GMT', now)).toBe(3_600_000);
  });

  it('treats a date in the past as no wait', () => {
    expect(parseRetryAfter('Sat, 01 Mar 2025 11:59:00 GMT', now)).toBe(0);
  });

  it('is undefined when absent or unreadable', () => {
    for (const value of [null, undefined, '', '-1', '1.5', 'soon', '1e3', 'Foo, 99 Bar 2025']) {
      expect(parseRetryAfter(value, now), String(value)).toBeUndefined();
    }
  });
});
