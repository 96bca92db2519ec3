import { Hono } from 'hono';
import type { AdminEnv } from '../env.js';

/** Owner: partner organisations. */
export function orgRoutes() {
  const r = new Hono<AdminEnv>();
  return r;
}
