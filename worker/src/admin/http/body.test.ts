import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAdminHarness, type AdminHarness, type As } from '../../testing/admin-harness.js';

/**
 * Issue 9 item 2: every admin route reads its body with the one `readBody` (body.ts), so
 * invalid JSON, a body that is not an object, an unknown field and a wrong content type get the
 * same problem+json on every kind of route (sign-in, own account, cases, settings, webhooks,
 * retention, subjects, erasure, platform breaches and agreements).
 */
let h: AdminHarness;
let routes: { name: string; path: string; method: string; as: As }[];

beforeAll(async () => {
  h = await makeAdminHarness();
  const owner = (await h.as('owner')).auth;
  const operator = (await h.as('operator')).auth;
  const c = await h.submitCase('repair');
  routes = [
    { name: 'sign-in', method: 'POST', path: '/auth/login', as: null },
    { name: 'own account', method: 'PATCH', path: '/me', as: owner },
    { name: 'case status', method: 'POST', path: `/cases/${c.id}/status`, as: owner },
    { name: 'settings', method: 'PATCH', path: '/settings', as: owner },
    { name: 'webhooks', method: 'PUT', path: '/webhooks', as: owner },
    { name: 'retention run', method: 'POST', path: '/retention/run', as: owner },
    { name: 'subject rectification', method: 'PATCH', path: `/subjects/${c.subjectId}`, as: owner },
    { name: 'subject erasure', method: 'POST', path: `/subjects/${c.subjectId}/anonymise`, as: owner },
    { name: 'platform breach', method: 'POST', path: '/platform-breaches', as: operator },
    { name: 'agreement publishing', method: 'POST', path: '/platform-agreements', as: operator },
  ];
});
afterAll(() => h?.dispose());

const call = (r: (typeof routes)[number], body: string, contentType = 'application/json') =>
  h.admin(r.path, { as: r.as, method: r.method, body, headers: { 'content-type': contentType, ...(r.as ? {} : { origin: 'http://localhost', 'x-aftercare-csrf': '1' }) } });

async function answers(body: string, contentType?: string) {
  const out: Record<string, { status: number; type: string | null; body: Record<string, unknown> }> = {};
  for (const r of routes) {
    const res = await call(r, body, contentType);
    out[r.name] = { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as Record<string, unknown> };
  }
  return out;
}

const same = (answer: unknown) => Object.fromEntries(routes.map((r) => [r.name, answer]));

describe('one body reader for every admin route (issue 9 item 2)', () => {
  it('a wrong content type is 415 unsupported_media_type everywhere, even for valid JSON; invalid JSON is 400 invalid_json everywhere', async () => {
    const unsupported = { type: 'https://aftercare.dev/problems/unsupported-media-type', title: 'The body must be application/json', status: 415, code: 'unsupported_media_type' };
    expect(await answers('{}', 'text/plain')).toEqual(same({ status: 415, type: 'application/problem+json', body: unsupported }));
    const invalidJson = { type: 'https://aftercare.dev/problems/invalid-json', title: 'The body is not valid JSON', status: 400, code: 'invalid_json' };
    expect(await answers('{"city": ')).toEqual(same({ status: 400, type: 'application/problem+json', body: invalidJson }));
  });

  it('a body that is not an object, and an unknown field: 422 with the same per-field errors everywhere', async () => {
    const notObject = { path: '', code: 'invalid_type', message: 'The body must be a JSON object.' };
    const array = await answers('[]');
    expect(array).toEqual(same({ status: 422, type: 'application/problem+json', body: expect.objectContaining({ code: 'validation_failed', errors: [notObject] }) }));

    const unknown = await answers('{"bogus": 1}');
    const message = (unknown['sign-in']!.body.errors as { path: string; message: string }[]).find((e) => e.path === 'bogus')?.message;
    expect(message).toBeTypeOf('string');
    expect(unknown).toEqual(
      same({ status: 422, type: 'application/problem+json', body: expect.objectContaining({ code: 'validation_failed', errors: expect.arrayContaining([{ path: 'bogus', code: 'unknown_field', message }]) }) }),
    );
  });
});
