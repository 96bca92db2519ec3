import { Hono } from 'hono';
import type { AdminEnv } from '../env.js';

/** R8/R17 the export log and the audit log, for owners and auditors. */
export function logRoutes() {
  const r = new Hono<AdminEnv>();
  return r;
}
