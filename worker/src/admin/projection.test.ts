import { describe, expect, it } from 'vitest';
import { PROJECTION, projectCase, audienceOf, CASE_FIELDS } from './projection.js';

const doc = {
  id: 'c1', reference: 'K7P2-9QXD', kind: 'repair', status: 'new', createdAt: 1, updatedAt: 1, closedAt: null, assignedOrg: null,
  subject: { id: 's1', anonymized: false, firstName: 'Jan', lastName: 'de Vries', street: 'Dorpsstraat', houseNumber: '12', houseNumberAddition: null, postcode: '1234 AB', city: 'Utrecht', country: 'NL', email: 'jan@example.nl', phone: '+31612345678' },
  product: { brand: 'Gazelle', model: 'C380', serialNumber: 'GZ-1', purchaseDate: '2024-04-01', retailer: 'X', proofOfPurchaseRef: null },
  details: { description: 'lekt' }, consents: [{}], notes: [{ body: 'n' }], history: [{}],
};

describe('R22 field projection', () => {
  it('a carrier gets pickup name, address, phone and product; never email, notes, history, details or consent', () => {
    const out = projectCase(doc, 'carrier');
    const text = JSON.stringify(out);
    expect(text).not.toContain('jan@example.nl');
    for (const k of ['notes', 'history', 'details', 'consents']) expect(out).not.toHaveProperty(k);
    expect(out.subject).toMatchObject({ firstName: 'Jan', street: 'Dorpsstraat', phone: '+31612345678' });
    expect(out.product).toMatchObject({ brand: 'Gazelle', model: 'C380' });
  });
  it('no partner type sees email, consent evidence or history', () => {
    for (const type of ['technician', 'repair_centre', 'carrier'] as const) {
      for (const f of ['subject.email', 'consents', 'history'] as const) expect(PROJECTION[type]).not.toContain(f);
    }
  });
  it('tenant staff see every field; auditors and operators see no case data', () => {
    expect(projectCase(doc, 'tenant')).toEqual(doc);
    expect(PROJECTION.tenant).toEqual(CASE_FIELDS);
    expect(audienceOf({ role: 'auditor', partnerType: null })).toBeNull();
    expect(audienceOf({ role: 'operator', partnerType: null })).toBeNull();
    expect(audienceOf({ role: 'partner', partnerType: null })).toBeNull();
    expect(audienceOf({ role: 'partner', partnerType: 'carrier' })).toBe('carrier');
  });
});
