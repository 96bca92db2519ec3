import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeAdminHarness, type AdminHarness, type As } from '../../testing/admin-harness.js';
import { counts, validBreach } from './testing.js';

/** Admin routes refuse dates that do not exist: Date.parse would roll 2024-02-30 into March. */
let h: AdminHarness;
let operator: As;
const now = Date.parse('2030-03-01T09:00:00Z');
beforeEach(async () => {
  h = await makeAdminHarness({ clock: { now: () => now } });
  operator = (await h.as('operator')).auth;
});
afterEach(() => h.dispose());

const errorsOf = async (res: Response) => {
  expect(res.status).toBe(422);
  return ((await res.json()) as { errors: { path: string; code: string }[] }).errors.map((e) => [e.path, e.code]);
};

describe('dates that do not exist on admin routes', () => {
  it.each(['2024-02-30T09:00:00Z', '2023-02-29T09:00:00+01:00', '2024-04-31T00:00Z'])('POST /platform-breaches: 422 on discoveredAt %s, nothing written', async (discoveredAt) => {
    const before = await counts(h);
    const res = await h.admin('/platform-breaches', { as: operator, method: 'POST', body: validBreach({ discoveredAt, tenantIds: [h.tenant.tenantId] }) });
    expect(await errorsOf(res)).toEqual([['discoveredAt', 'invalid_format']]);
    expect(await counts(h)).toEqual(before);
  });

  it('POST /platform-breaches accepts a leap day', async () => {
    const res = await h.admin('/platform-breaches', { as: operator, method: 'POST', body: validBreach({ discoveredAt: '2028-02-29T09:00:00Z', tenantIds: [h.tenant.tenantId] }) });
    expect(res.status, await res.clone().text()).toBe(201);
  });

  it('GET /cases: 422 invalid_date on from/to days that do not exist', async () => {
    const { auth } = await h.as('owner');
    expect(await errorsOf(await h.admin('/cases?from=2024-04-31', { as: auth }))).toEqual([['from', 'invalid_date']]);
    expect(await errorsOf(await h.admin('/cases?to=2023-02-29', { as: auth }))).toEqual([['to', 'invalid_date']]);
    expect((await h.admin('/cases?from=2024-02-29&to=2024-03-01', { as: auth })).status).toBe(200);
  });
});
