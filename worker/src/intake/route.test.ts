import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { CASE_KINDS } from '../../../sdk/src/schemas/index.js';
import { cases, consents, subjects } from '../db/schema.js';
import { makeHarness, ORIGIN, type Harness } from '../testing/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.dispose());

describe('POST /v1/cases — accepted', () => {
  it.each(CASE_KINDS)('stores a %s case with its consent evidence (R1, R5)', async (kind) => {
    const before = await h.counts();
    const res = await h.submit(h.validCase(kind), { referer: `${ORIGIN}/ignored` });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; reference: string; kind: string; status: string };
    expect(body).toMatchObject({ kind, status: 'new' });
    expect(body.reference).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);

    const [row] = await h.db.select().from(cases).where(eq(cases.id, body.id));
    expect(row).toMatchObject({ tenantId: h.tenant.tenantId, kind, reference: body.reference });
    const [subject] = await h.db.select().from(subjects).where(eq(subjects.id, row!.subjectId));
    expect(subject).toMatchObject({ postcode: '1234 AB', phone: '+31612345678', email: 'jan@example.nl', country: 'NL' });
    const [consent] = await h.db.select().from(consents).where(eq(consents.caseId, body.id));
    expect(consent).toMatchObject({
      subjectId: row!.subjectId,
      consentTextId: h.config.consentTexts.nl!.id,
      textHash: h.config.consentTexts.nl!.hash,
      locale: 'nl',
      privacyUrl: h.config.privacyUrl,
      ip: '203.0.113.7',
      userAgent: 'vitest',
      pageUrl: `${ORIGIN}/service`,
    });
    expect(await h.counts()).toEqual({ subjects: 1, products: 1, cases: 1, consents: 1, audit_log: before.audit_log! + 1, idempotency_keys: 1 });
  });
});
