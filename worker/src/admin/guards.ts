import type { MiddlewareHandler } from 'hono';
import { can, type Permission } from '../../../sdk/src/admin/roles.js';
import { problem } from '../lib/problem.js';
import type { AdminEnv } from './env.js';
import { isJsonContentType } from './http/body.js';
import { bearerSecretKey } from './tokens.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * R13 CSRF: a state-changing request must send `X-Aftercare-CSRF: 1` (a simple cross-site form
 * cannot) and come from an allowed Origin: the admin's own origin, or `config.adminOrigins`.
 * Only a request with a well-formed `Authorization: Bearer sk_live_…` skips this (authenticate
 * then uses the key, never the cookie), and never on /auth/*, which works on the session cookie
 * only. Any other Authorization header (bogus, Basic, a malformed key) changes nothing (issue 9 item 7).
 */
export const csrf: MiddlewareHandler<AdminEnv> = async (c, next) => {
  if (SAFE.has(c.req.method)) return next();
  if (bearerSecretKey(c.req.header('authorization')) && !c.req.path.startsWith('/v1/admin/auth/')) return next();
  const origin = c.req.header('origin');
  const allowed = new Set([new URL(c.req.url).origin, ...(c.var.config.adminOrigins ?? [])]);
  if (c.req.header('x-aftercare-csrf') !== '1' || !origin || !allowed.has(origin)) return problem('csrf_failed');
  return next();
};

/**
 * Sign-in, TOTP and sign-out (/auth/*) take JSON only: a request with a body or a content type
 * that is not JSON is 415 `unsupported_media_type`, so a cross-site form POST never reaches the
 * handlers (issue 9 item 7). A body-less POST (sign-out, TOTP set-up) needs no content type.
 */
export const jsonOnly: MiddlewareHandler<AdminEnv> = async (c, next) => {
  if (SAFE.has(c.req.method)) return next();
  const type = c.req.header('content-type');
  const length = c.req.header('content-length');
  const hasBody = c.req.header('transfer-encoding') !== undefined || (length !== undefined && length.trim() !== '0');
  if ((type !== undefined || hasBody) && !isJsonContentType(type)) return problem('unsupported_media_type');
  return next();
};

/** 403 `forbidden` unless the principal's role has `permission`. */
export const requirePermission =
  (permission: Permission): MiddlewareHandler<AdminEnv> =>
  async (c, next) => {
    if (!can(c.var.principal.role, permission)) return problem('forbidden');
    return next();
  };

/** Tenant-scoped routes: operators (no tenant) are refused. */
export const requireTenant: MiddlewareHandler<AdminEnv> = async (c, next) => {
  if (!c.var.principal.tenantId) return problem('forbidden');
  return next();
};
