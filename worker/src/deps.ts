import type { Context } from 'hono';
import type { Db } from './db/types.js';

export type Clock = { now(): number };

export type RateLimitResult = { ok: true } | { ok: false; retryAfter: number };
/** Counts attempts per key (intake: `<key id>:<ipBucket(ip)>`); in-memory on Node (bounded), Workers' rate-limiting binding on Cloudflare. */
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
  /**
   * Served over TLS (HSTS on admin, demo and widget responses). The Node host sets it when
   * PUBLIC_URL is https:// (README); Workers serve https and add HSTS from `_headers`.
   */
  production?: boolean;
  /**
   * DEVELOPMENT ONLY: webhook URLs may name loopback/private targets (and plain http to them).
   * Off unless set: production is the default. Node: WEBHOOK_ALLOW_PRIVATE_TARGETS=true;
   * Workers: the same var, passed by `npm run dev:worker` only (README).
   */
  webhookPrivateTargets?: boolean;
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
  /**
   * Node only: resolves a webhook URL's host name when it is saved; null when every address is
   * allowed, else the refusal (webhooks/node-fetch.ts). Absent on Workers (no DNS API there).
   */
  webhookHostCheck?: (hostname: string) => Promise<'private_address' | null>;
};

export const systemClock: Clock = { now: () => Date.now() };
