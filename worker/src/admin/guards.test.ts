import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_ORIGIN, makeAdminHarness, type AdminHarness } from '../testing/admin-harness.js';

/** Issue 9 item 7: the CSRF check and the JSON-only sign-in routes, through the real app. */
let h: AdminHarness;
afterEach(() => h?.dispose());

/** The problem's code, or the status and body when the answer is not a problem. */
const code = async (res: Response) => {
  const text = await res.text();
  try {
    return (JSON.parse(text) as { code: string }).code;
  } catch {
    return `${res.status} ${text}`;
  }
};

describe('CSRF is skipped only for a well-formed sk_ key (issue 9 item 7)', () => {
  it('a session cookie with a bogus Authorization header still needs the CSRF header and an allowed Origin', async () => {
    h = await makeAdminHarness();
    const { auth } = await h.as('owner');
    const cookie = (auth as { cookie: string }).cookie;
    const bogus = ['Basic Zm9vOmJhcg==', 'Bearer nonsense', 'Bearer sk_live_tooshort', 'x'];
    for (const authorization of bogus) {
      // Sign-out works on the cookie alone: without the CSRF header it must not run.
      const out = await h.app.request('/v1/admin/auth/logout', { method: 'POST', headers: { cookie, authorization } });
      expect([authorization, out.status, await code(out)]).toEqual([authorization, 403, 'csrf_failed']);
      const change = await h.admin('/me', { as: null, method: 'PATCH', body: { locale: 'en' }, headers: { cookie, authorization } });
      expect([authorization, change.status, await code(change)]).toEqual([authorization, 403, 'csrf_failed']);
      const foreign = await h.admin('/me', { as: null, method: 'PATCH', body: { locale: 'en' }, headers: { cookie, authorization, 'x-aftercare-csrf': '1', origin: 'https://evil.example' } });
      expect([authorization, foreign.status, await code(foreign)]).toEqual([authorization, 403, 'csrf_failed']);
    }
    // The session was never signed out.
    expect((await h.admin('/me', { as: auth })).status).toBe(200);
    // A well-formed key is a server-to-server call: no CSRF header needed (but never on /auth/*).
    const key = await h.keyFor({ role: 'owner' });
    expect((await h.admin('/settings', { as: key, method: 'PATCH', body: { name: 'Fietsen BV' } })).status).toBe(200);
    const keyLogout = await h.app.request('/v1/admin/auth/logout', { method: 'POST', headers: { cookie, authorization: `Bearer ${(key as { bearer: string }).bearer}` } });
    expect(await code(keyLogout)).toBe('csrf_failed');
    expect((await h.admin('/me', { as: auth })).status).toBe(200);
  });
});

describe('/auth/* takes application/json only (issue 9 item 7)', () => {
  it('a form POST to /auth/login is 415 and never reaches sign-in, with or without the CSRF header', async () => {
    h = await makeAdminHarness();
    const user = await h.addUser({ tenantId: h.tenant.tenantId, role: 'owner' });
    const form = new URLSearchParams({ loginCode: user.loginCode, password: user.password }).toString();
    const bodies: [string, string][] = [
      ['application/x-www-form-urlencoded', form],
      ['multipart/form-data; boundary=x', `--x\r\nContent-Disposition: form-data; name="loginCode"\r\n\r\n${user.loginCode}\r\n--x--\r\n`],
      ['text/plain', JSON.stringify({ loginCode: user.loginCode, password: user.password })],
    ];
    for (const [type, body] of bodies) {
      for (const csrf of [{}, { origin: ADMIN_ORIGIN, 'x-aftercare-csrf': '1' }] as Record<string, string>[]) {
        const res = await h.app.request('/v1/admin/auth/login', { method: 'POST', headers: { 'content-type': type, ...csrf }, body });
        expect([type, res.status, res.headers.get('content-type'), await code(res)]).toEqual([type, 415, 'application/problem+json', 'unsupported_media_type']);
        expect(res.headers.get('set-cookie')).toBeNull();
      }
    }
    // A body without any content type is refused too; a body-less sign-out needs none.
    const untyped = await h.app.request('/v1/admin/auth/login', { method: 'POST', headers: { origin: ADMIN_ORIGIN, 'x-aftercare-csrf': '1', 'content-length': String(form.length) }, body: form });
    expect(untyped.status).toBe(415);
    expect((await h.app.request('/v1/admin/auth/logout', { method: 'POST', headers: { origin: ADMIN_ORIGIN, 'x-aftercare-csrf': '1' } })).status).toBe(204);
  });
});
