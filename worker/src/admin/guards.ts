import type { MiddlewareHandler } from 'hono';
import { can, type Permission } from '../../../sdk/src/admin/roles.js';
import { problem } from '../lib/problem.js';
import type { AdminEnv } from './env.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * R13 CSRF: a state-changing request that carries the session cookie must send
 * `X-Aftercare-CSRF: 1` (a simple cross-site form cannot) and come from an allowed Origin:
 * the admin's own origin, or `config.adminOrigins`. Bearer-key requests carry no cookie and skip this.
 */
export const csrf: MiddlewareHandler<AdminEnv> = async (c, next) => {
  if (SAFE.has(c.req.method) || c.req.header('authorization')) return next();
  const origin = c.req.header('origin');
  const allowed = new Set([new URL(c.req.url).origin, ...(c.var.config.adminOrigins ?? [])]);
  if (c.req.header('x-aftercare-csrf') !== '1' || !origin || !allowed.has(origin)) return problem('csrf_failed');
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
