import { Hono } from 'hono';
import type { AdminEnv } from '../env.js';

/** R13 sign-in, TOTP, sign-out (these routes authenticate themselves). */
export function authRoutes() {
  const r = new Hono<AdminEnv>();
  return r;
}
