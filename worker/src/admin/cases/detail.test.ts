import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminCase } from '../../../../sdk/src/admin/cases.js';
import { caseHarness, type CaseHarness } from './testing.js';

/** GET /cases/:id and the R22 projection on list and detail. */
let h: CaseHarness;
type Made = Awaited<ReturnType<CaseHarness['submitCase']>>;
let assigned: Made, unassigned: Made, otherCase: Made;
let carrierOrg: string, techOrg: string;
let staff: Awaited<ReturnType<CaseHarness['as']>>;

beforeAll(async () => {
  h = await caseHarness();
  assigned = await h.submitCase('repair');
  unassigned = await h.submitCase('return');
  otherCase = await h.submitOtherCase('repair');
  carrierOrg = await h.addOrg(h.tenant.tenantId, 'carrier', 'Snelle Koerier BV');
  techOrg = await h.addOrg(h.tenant.tenantId, 'technician');
  staff = await h.as('staff');
  const ok = async (path: string, body: unknown) => {
    h.tick(); // notes and history entries at distinct times, so their order is defined
    expect((await h.admin(path, { as: staff.auth, body })).status).toBeLessThan(300);
  };
  await ok(`/cases/${assigned.id}/assign`, { organisationId: carrierOrg });
  await ok(`/cases/${assigned.id}/notes`, { body: 'Intern: klant belt vaak.', shared: false });
  await ok(`/cases/${assigned.id}/notes`, { body: 'Gedeeld: bel aan bij de buren.', shared: true });
  await ok(`/cases/${assigned.id}/status`, { status: 'scheduled' });
});
afterAll(() => h.dispose());

describe('detail', () => {
  it('owner/staff: every field, consent evidence, notes and history (names, never values)', async () => {
    const res = await h.get(assigned.id, staff.auth);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as AdminCase;
    expect(doc).toMatchObject({ id: assigned.id, reference: assigned.reference, kind: 'repair', status: 'scheduled', closedAt: null });
    expect(doc.assignedOrg).toEqual({ id: carrierOrg, name: 'Snelle Koerier BV', type: 'carrier' });
    expect(doc.subject).toMatchObject({ id: assigned.subjectId, anonymized: false, email: 'jan@example.nl', postcode: '1234 AB', phone: '+31612345678' });
    expect(doc.product).toMatchObject({ brand: 'Gazelle', serialNumber: 'GZ-123456' });
    expect(doc.details).toEqual({ description: 'De machine lekt water tijdens het centrifugeren.' });
    expect(doc.consents).toHaveLength(1);
    expect(doc.consents![0]).toMatchObject({
      textId: h.config.consentTexts.nl!.id, version: 1, textHash: h.config.consentTexts.nl!.hash, locale: 'nl', privacyUrl: h.PRIVACY_URL,
      ip: '203.0.113.7', userAgent: 'vitest', pageUrl: `${h.ORIGIN}/service`, withdrawnAt: null, withdrawnBy: null,
    });
    expect(doc.notes!.map((n) => [n.body, n.shared, n.author.name])).toEqual([
      ['Intern: klant belt vaak.', false, 'Test staff'],
      ['Gedeeld: bel aan bij de buren.', true, 'Test staff'],
    ]);
    expect(doc.history!.map((e) => [e.action, e.fields.join(','), e.actor.type])).toEqual([
      ['case.created', expect.any(String), 'consumer'],
      ['case.assigned', 'assignedOrg', 'user'],
      ['case.note_added', 'notes', 'user'],
      ['case.note_added', 'notes', 'user'],
      ['case.status_changed', 'status', 'user'],
    ]);
    expect(doc.history![1]!.actor).toEqual({ type: 'user', id: staff.user.id, name: 'Test staff' });
    const historyText = JSON.stringify(doc.history);
    for (const value of ['jan@example.nl', 'Intern: klant', 'scheduled', carrierOrg]) expect(historyText).not.toContain(value);
  });

  it('another tenant’s case, an unknown id and a malformed id are 404', async () => {
    for (const id of [otherCase.id, '01957f48-4e80-7ba9-89c1-c4f4273f19f3', 'nope']) {
      const res = await h.get(id);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('jan@');
    }
  });

  it('auditor and operator: 403', async () => {
    for (const role of ['auditor', 'operator'] as const) expect((await h.get(assigned.id, (await h.as(role)).auth)).status).toBe(403);
  });
});

describe('partners (R22)', () => {
  it('a carrier sees its case with pickup fields only: no email, notes, history, details or consents — list and detail', async () => {
    const { auth } = await h.as('partner', { partnerOrgId: carrierOrg });
    const listRes = await h.admin('/cases', { as: auth });
    const detailRes = await h.get(assigned.id, auth);
    for (const res of [listRes, detailRes]) {
      expect(res.status).toBe(200);
      const text = await res.text();
      for (const secret of ['jan@example.nl', 'Intern: klant', 'Gedeeld: bel', 'centrifugeren', 'vitest', '203.0.113.7', 'case.created']) expect(text).not.toContain(secret);
    }
    const list = (await (await h.admin('/cases', { as: auth })).json()) as { items: AdminCase[] };
    expect(list.items.map((i) => i.id)).toEqual([assigned.id]);
    const doc = (await (await h.get(assigned.id, auth)).json()) as AdminCase;
    expect(Object.keys(doc).sort()).toEqual(['assignedOrg', 'closedAt', 'createdAt', 'id', 'kind', 'product', 'reference', 'status', 'subject', 'updatedAt']);
    expect(doc.subject).toEqual({
      firstName: 'Jan', lastName: 'de Vries', street: 'Dorpsstraat', houseNumber: '12', houseNumberAddition: 'b', postcode: '1234 AB', city: 'Utrecht', country: 'NL', phone: '+31612345678',
    });
    expect(doc.product).toEqual({ brand: 'Gazelle', model: 'Ultimate C380', serialNumber: 'GZ-123456' });
  });

  it('a partner’s unassigned or other-tenant case is 404 on every route', async () => {
    const { auth } = await h.as('partner', { partnerOrgId: carrierOrg });
    for (const id of [unassigned.id, otherCase.id]) {
      expect((await h.get(id, auth)).status).toBe(404);
      expect((await h.admin(`/cases/${id}/status`, { as: auth, body: { status: 'approved' } })).status).toBe(404);
      expect((await h.admin(`/cases/${id}/notes`, { as: auth, body: { body: 'x' } })).status).toBe(404);
    }
  });

  it('a technician gets shared notes only, no history or consents; its own notes are always shared', async () => {
    const assignTech = await h.admin(`/cases/${unassigned.id}/assign`, { as: h.owner, body: { organisationId: techOrg } });
    expect(assignTech.status).toBe(200);
    h.tick();
    await h.admin(`/cases/${unassigned.id}/notes`, { as: h.owner, body: { body: 'Alleen intern.' } });
    h.tick();
    await h.admin(`/cases/${unassigned.id}/notes`, { as: h.owner, body: { body: 'Voor de monteur.', shared: true } });
    h.tick();
    const { auth } = await h.as('partner', { partnerOrgId: techOrg });
    const note = await h.admin(`/cases/${unassigned.id}/notes`, { as: auth, body: { body: 'Onderdeel besteld.', shared: false } });
    expect(note.status).toBe(201);
    expect(await note.json()).toMatchObject({ shared: true });
    const doc = (await (await h.get(unassigned.id, auth)).json()) as AdminCase;
    expect(doc.notes!.map((n) => n.body)).toEqual(['Voor de monteur.', 'Onderdeel besteld.']);
    expect(doc).not.toHaveProperty('history');
    expect(doc).not.toHaveProperty('consents');
    expect(doc.subject).not.toHaveProperty('email');
    expect(doc.details).toBeTruthy();
    const owner = (await (await h.get(unassigned.id)).json()) as AdminCase;
    expect(owner.notes!.map((n) => n.body)).toEqual(['Alleen intern.', 'Voor de monteur.', 'Onderdeel besteld.']);
  });
});
