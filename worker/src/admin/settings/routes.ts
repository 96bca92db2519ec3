import { Hono } from 'hono';
import type { AdminEnv } from '../env.js';

/** Owner settings: tenant, consent texts. */
export function settingsRoutes() {
  const r = new Hono<AdminEnv>();
  return r;
}
