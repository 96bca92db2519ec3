import type { Context } from 'hono';
import type { Db } from './db/types.js';

export type Clock = { now(): number };

export type RateLimitResult = { ok: true } | { ok: false; retryAfter: number };
/** Counts attempts per key; in-memory on Node, Workers' rate-limiting binding on Cloudflare. */
export type RateLimiter = { limit(key: string): Promise<RateLimitResult> };

/** Reads the client's IP: the socket on Node, `CF-Connecting-IP` on Workers. */
export type ClientIpReader = (c: Context) => string;

export type AppConfig = {
  /** How long an Idempotency-Key's answer is kept and replayed (≥ 24 h). */
  idempotencyTtlMs: number;
  /** Largest accepted request body. */
  maxBodyBytes: number;
  /** How long a process trusts its cached copy of a publishable key (revocation delay). */
  keyCacheMs: number;
  /**
   * Origins the admin page is served from besides the API's own (CSRF check on state-changing
   * admin requests). Behind a TLS-terminating proxy, set the public https origin here.
   */
  adminOrigins?: string[];
  /** Production: HSTS on admin responses. */
  production?: boolean;
  /** Password checks (sign-in, step-up) in flight per client IP (IPv6 /64); default 2 (admin/auth/password-attempt.ts). */
  passwordChecksPerIp?: number;
};

export const DEFAULT_CONFIG: AppConfig = {
  idempotencyTtlMs: 24 * 60 * 60 * 1000,
  maxBodyBytes: 64 * 1024,
  keyCacheMs: 5_000,
};

export type Deps = {
  db: Db;
  clock: Clock;
  rateLimiter: RateLimiter;
  clientIp: ClientIpReader;
  config?: Partial<AppConfig>;
};

export const systemClock: Clock = { now: () => Date.now() };
