import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { authThrottle, users } from '../../db/schema.js';
import { ADMIN_ORIGIN, makeAdminHarness, type AdminHarness } from '../../testing/admin-harness.js';

/**
 * Issue 9 item 2: no admin body is read past its limit (limits.ts), checked before CSRF and
 * authentication, through the real app on real libSQL. Bodies are streams that count how much
 * was pulled from them and stop (erroring) after 4 MB, so a server that reads everything
 * shows up as a failure, not as a 250 MB download.
 */
let h: AdminHarness;
afterEach(() => h?.dispose());

const CHUNK = 16 * 1024;
const GIVE_UP = 4 * 1024 * 1024;
const SIZE_250_MB = 250 * 1024 * 1024;

/** A body of `total` bytes of JSON whitespace, produced on demand, counting the bytes pulled. */
function slowBody(total: number) {
  const piece = new TextEncoder().encode(' '.repeat(CHUNK));
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= total) return controller.close();
      if (pulled >= GIVE_UP) return controller.error(new Error('the client gave up: the server read far past any limit'));
      pulled += CHUNK;
      controller.enqueue(piece);
    },
  });
  return { stream, pulled: () => pulled };
}

const browser = { origin: ADMIN_ORIGIN, 'x-aftercare-csrf': '1', 'content-type': 'application/json' };
const post = (path: string, body: BodyInit, headers: Record<string, string> = {}, method = 'POST') =>
  h.app.request(`/v1/admin${path}`, { method, headers: { ...browser, ...headers }, body, duplex: 'half' } as RequestInit);

async function expectTooLarge(res: Response) {
  expect(res.status).toBe(413);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  expect(await res.json()).toMatchObject({ status: 413, code: 'payload_too_large' });
}

describe('admin body limit (issue 9 item 2)', () => {
  it('a declared 250 MB Content-Length is refused with 413 without reading the body, before sign-in and before authentication', async () => {
    h = await makeAdminHarness();
    const login = slowBody(SIZE_250_MB);
    await expectTooLarge(await post('/auth/login', login.stream, { 'content-length': String(SIZE_250_MB) }));
    // Only what the stream queued on its own when it was made (one chunk): nothing was read.
    expect(login.pulled()).toBeLessThanOrEqual(CHUNK);

    // Not signed in at all, on an authenticated route: still 413 first (no 401 after reading).
    const settings = slowBody(SIZE_250_MB);
    await expectTooLarge(await post('/settings', settings.stream, { 'content-length': String(SIZE_250_MB) }, 'PATCH'));
    expect(settings.pulled()).toBeLessThanOrEqual(CHUNK);
  });

  it('a body without Content-Length (chunked) is counted while read and cut off with 413 just past 64 KB', async () => {
    h = await makeAdminHarness();
    const login = slowBody(SIZE_250_MB);
    await expectTooLarge(await post('/auth/login', login.stream));
    expect(login.pulled()).toBeLessThanOrEqual(64 * 1024 + 2 * CHUNK);

    // A Content-Length that the body does not keep to is counted all the same.
    const { auth } = await h.as('owner');
    const lying = slowBody(SIZE_250_MB);
    await expectTooLarge(await post('/me', lying.stream, { cookie: (auth as { cookie: string }).cookie, 'content-length': '20' }, 'PATCH'));
    expect(lying.pulled()).toBeLessThanOrEqual(64 * 1024 + 2 * CHUNK);
  });

  it('sign-in with a body over 64 KB is 413 before any password hash: no failure counted, no sign-in', async () => {
    h = await makeAdminHarness();
    const user = await h.addUser({ tenantId: h.tenant.tenantId, role: 'owner', loginCode: 'groot-lijf' });
    const padded = (password: string) => JSON.stringify({ loginCode: user.signIn, password }) + ' '.repeat(70 * 1024);

    await expectTooLarge(await post('/auth/login', padded('wrong-password')));
    expect(await h.db.select().from(authThrottle)).toEqual([]); // a checked wrong password is always counted

    await expectTooLarge(await post('/auth/login', padded(user.password)));
    const [row] = await h.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.lastLoginAt).toBeNull();

    // The same credentials in a small body sign in (the limit, not the content, refused them).
    expect((await post('/auth/login', JSON.stringify({ loginCode: user.signIn, password: user.password }))).status).toBe(200);
  });

  it('a route with an explicit larger limit (agreement publishing, 256 KB) takes a body over 64 KB, and no more than its own limit', async () => {
    h = await makeAdminHarness();
    const { auth } = await h.as('operator');
    const cookie = (auth as { cookie: string }).cookie;
    // 30 000 characters per language (the schema's maximum), one short line each: ~90 KB of JSON.
    const text = `${'Regel\n'.repeat(4999)}Regel`;
    const body = JSON.stringify({ text: { nl: text, en: text } });
    expect(new TextEncoder().encode(body).length).toBeGreaterThan(64 * 1024);
    const res = await post('/platform-agreements', body, { cookie });
    expect(res.status).toBe(201);

    await expectTooLarge(await post('/platform-agreements', slowBody(SIZE_250_MB).stream, { cookie, 'content-length': String(256 * 1024 + 1) }));
    const over = await post('/platform-agreements', slowBody(SIZE_250_MB).stream, { cookie });
    await expectTooLarge(over);
  });
});
