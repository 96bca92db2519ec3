import { Hono } from 'hono';
import type { AdminEnv } from '../env.js';

/** R7 exports and print view of cases, logged before data leaves. */
export function exportRoutes() {
  const r = new Hono<AdminEnv>();
  return r;
}
