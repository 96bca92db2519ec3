import { Hono } from 'hono';
import type { AdminEnv } from '../env.js';

/** Operator: tenants. */
export function tenantRoutes() {
  const r = new Hono<AdminEnv>();
  return r;
}
