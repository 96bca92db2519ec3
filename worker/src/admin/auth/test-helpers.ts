import type { AdminHarness } from '../../testing/admin-harness.js';
import { ADMIN_ORIGIN } from '../../testing/admin-harness.js';

/** Test helpers for the sign-in routes: calls as a browser would (CSRF header, Origin). */
export function authCalls(h: AdminHarness, base = ADMIN_ORIGIN) {
  const post = (path: string, body: unknown, cookie?: string) =>
    h.app.request(`${base}/v1/admin/auth${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: new URL(base).origin, 'x-aftercare-csrf': '1', ...(cookie ? { cookie } : {}) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  return {
    login: (loginCode: string, password: string) => post('/login', { loginCode, password }),
    post,
    me: (cookie: string) => h.app.request(`${base}/v1/admin/me`, { headers: { cookie } }),
  };
}

/** `name=value` of the Set-Cookie header, for the next request's Cookie header. */
export function cookieOf(res: Response): string {
  const set = res.headers.get('set-cookie');
  if (!set) throw new Error('no Set-Cookie');
  return set.split(';')[0]!;
}

export const codeOf = async (res: Response) => ((await res.clone().json()) as { code: string }).code;
