import { Hono } from 'hono';
import type { AdminEnv } from '../env.js';

/** Cases: list, detail, status workflow, assignment, notes. */
export function caseRoutes() {
  const r = new Hono<AdminEnv>();
  return r;
}
