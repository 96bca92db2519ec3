import { Hono } from 'hono';
import type { AdminEnv } from '../env.js';

/** Owner: users of the tenant. */
export function userRoutes() {
  const r = new Hono<AdminEnv>();
  return r;
}
