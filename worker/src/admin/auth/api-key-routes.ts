import { Hono } from 'hono';
import type { AdminEnv } from '../env.js';

/** R13 sk_ API keys: create (shown once), list, revoke. */
export function apiKeyRoutes() {
  const r = new Hono<AdminEnv>();
  return r;
}
