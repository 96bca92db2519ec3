import { Hono } from 'hono';
import type { AdminEnv } from '../env.js';

/** R6/R9/R10/R11 data-subject rights. */
export function subjectRoutes() {
  const r = new Hono<AdminEnv>();
  return r;
}
