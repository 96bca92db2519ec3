import { afterEach, describe, expect, it } from 'vitest';
import { makeAdminHarness, type AdminHarness } from '../../testing/admin-harness.js';

let h: AdminHarness;
afterEach(() => h?.dispose());

type Page = { items: { reference?: string }[] };

describe('R22: a partner searches only on fields it may see', () => {
  it('a carrier cannot find its case by the consumer e-mail (an oracle), but by name, postcode or reference', async () => {
    h = await makeAdminHarness();
    const c = await h.submitCase('repair');
    const carrier = await h.addOrg(h.tenant.tenantId, 'carrier');
    const owner = await h.as('owner');
    expect((await h.admin(`/cases/${c.id}/assign`, { as: owner.auth, body: { organisationId: carrier } })).status).toBe(200);
    const partner = await h.as('partner', { partnerOrgId: carrier });
    const search = async (as: typeof owner.auth, q: string) =>
      ((await (await h.admin(`/cases?q=${encodeURIComponent(q)}`, { as })).json()) as Page).items.map((i) => i.reference);

    expect(await search(owner.auth, 'jan@example.nl')).toEqual([c.reference]);
    expect(await search(partner.auth, 'jan@example.nl')).toEqual([]);
    for (const q of ['de Vries', '1234ab', c.reference]) expect(await search(partner.auth, q), q).toEqual([c.reference]);
    // Exports take the same filter: the e-mail finds nothing there either.
    const csv = await (await h.admin('/exports/cases.csv?q=jan%40example.nl', { as: partner.auth })).text();
    expect(csv).not.toContain(c.reference);
  });
});
