import { Hono } from 'hono';
import type { AdminEnv } from '../env.js';

/** The signed-in user: profile, password change, TOTP enrolment. */
export function meRoutes() {
  const r = new Hono<AdminEnv>();
  return r;
}
