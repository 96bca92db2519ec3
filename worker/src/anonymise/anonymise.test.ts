import { afterEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { AuditWriter } from '../audit/log.js';
import { caseNotes, cases } from '../db/schema.js';
import { makeAdminHarness, type AdminHarness } from '../testing/admin-harness.js';
import { anonymiseSubject, ERASED, ERASED_FIELDS, ERASED_REQUEST_HASH } from './index.js';

let h: AdminHarness;
afterEach(() => h?.dispose());

const UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const row = async <T = Record<string, unknown>>(q: string) => (await h.db.all<T>(sql.raw(q)))[0] as T;

/** Submits a return through the public API with a known key, user agent and page URL. */
async function submitReturn(key: string) {
  const body = h.validCase('return');
  body.pageUrl = 'https://shop.example/account/kees-markerman/retour?email=jan%40example.nl&order=ORD-2024-001#form';
  Object.assign((body as { product: Record<string, unknown> }).product, { model: 'Cadeau voor Kees Markerman', retailer: 'Bij Kees Markerman thuis' });
  ((body as { details: Record<string, unknown> }).details).reasonDetail = 'Gekocht als cadeau voor mijn zus Anna';
  const res = await h.submit(body, { 'idempotency-key': key, 'user-agent': UA });
  expect(res.status).toBe(201);
  const { reference } = (await res.json()) as { reference: string };
  const [c] = await h.db.select().from(cases).where(eq(cases.reference, reference));
  return { body, c: c! };
}

describe('anonymiseSubject (R10)', () => {
  it('replaces personal fields and free text, truncates evidence, keeps what statistics need', async () => {
    h = await makeAdminHarness({ ip: '2001:db8:abcd:12:1:2:3:4' });
    const key = crypto.randomUUID();
    const { body, c } = await submitReturn(key);
    const bystander = await h.submitCase('repair');
    await h.db.insert(caseNotes).values({ id: 'n1', tenantId: h.tenant.tenantId, caseId: c.id, authorId: 'u1', body: 'Jan belde: bezorgen bij buren op nr 14', shared: true, createdAt: 1 });
    await h.db.insert(caseNotes).values({ id: 'n2', tenantId: h.tenant.tenantId, caseId: bystander.id, authorId: 'u1', body: 'Andere klant', shared: false, createdAt: 1 });
    const before = {
      subject: await row(`SELECT * FROM subjects WHERE id = '${c.subjectId}'`),
      product: await row(`SELECT * FROM products WHERE id = '${c.productId}'`),
      kase: await row(`SELECT * FROM cases WHERE id = '${c.id}'`),
      consent: await row(`SELECT * FROM consents WHERE case_id = '${c.id}'`),
    };
    const now = Date.now() + 5000;
    const out = await anonymiseSubject(h.db, new AuditWriter(h.db), { tenantId: h.tenant.tenantId, subjectId: c.subjectId, actor: { actorType: 'system', actorId: 'test' }, now });
    expect(out).toEqual({ ok: true, subjectId: c.subjectId, anonymizedAt: now, cases: 1, products: 1, consents: 1, notes: 1, checkpoint: 'truncated' });

    expect(await row(`SELECT * FROM subjects WHERE id = '${c.subjectId}'`)).toEqual({
      ...before.subject,
      first_name: ERASED, last_name: ERASED, street: ERASED, house_number: ERASED, house_number_addition: null,
      postcode: ERASED, city: ERASED, email: ERASED, phone: null, country: 'NL', updated_at: now, anonymized_at: now,
    });
    expect(before.product).toMatchObject({ brand: 'Gazelle', model: 'Cadeau voor Kees Markerman', retailer: 'Bij Kees Markerman thuis' });
    // Model and retailer are free text (no tenant product list to match against): erased; the brand stays.
    expect(await row(`SELECT * FROM products WHERE id = '${c.productId}'`)).toEqual({ ...before.product, model: ERASED, retailer: null, serial_number: null, proof_of_purchase_ref: null });
    const kase = await row<Record<string, unknown>>(`SELECT * FROM cases WHERE id = '${c.id}'`);
    expect({ ...kase, details: JSON.parse(String(kase.details)) }).toEqual({
      ...before.kase,
      details: { reason: 'changed_mind', reasonDetail: ERASED, orderNumber: ERASED, preferredResolution: 'refund' },
    });
    expect(await row(`SELECT * FROM consents WHERE case_id = '${c.id}'`)).toEqual({
      ...before.consent, ip: '2001:db8:abcd::', user_agent: 'Firefox', page_url: 'https://shop.example',
    });
    expect(await row(`SELECT body FROM case_notes WHERE id = 'n1'`)).toEqual({ body: ERASED });
    expect(await row(`SELECT body FROM case_notes WHERE id = 'n2'`)).toEqual({ body: 'Andere klant' });
    const idem = await row<{ request_hash: string; body: string }>(`SELECT * FROM idempotency_keys WHERE key = '${key}'`);
    expect(idem.request_hash).toBe(ERASED_REQUEST_HASH);
    expect(JSON.parse(idem.body)).toEqual({ id: c.id, reference: c.reference, kind: 'return', status: 'new' });

    // The bystander (another subject) is untouched.
    expect(await row(`SELECT last_name, anonymized_at FROM subjects WHERE id = '${bystander.subjectId}'`)).toEqual({ last_name: 'de Vries', anonymized_at: null });

    // A replay of the submission's key cannot bring the data back.
    const subjectsBefore = await row<{ n: number }>('SELECT count(*) AS n FROM subjects');
    const replay = await h.submit(body, { 'idempotency-key': key, 'user-agent': UA });
    expect(replay.status).toBe(422);
    expect(((await replay.json()) as { code: string }).code).toBe('idempotency_key_reused');
    expect(await row('SELECT count(*) AS n FROM subjects')).toEqual(subjectsBefore);

    // The audit entry names fields, in the same chain; no log keeps a value.
    const audit = await row<{ action: string; actor_type: string; entity_id: string; fields: string }>(`SELECT * FROM audit_log WHERE action = 'subject.anonymised'`);
    expect(audit).toMatchObject({ actor_type: 'system', entity_id: c.subjectId, fields: JSON.stringify(ERASED_FIELDS) });
    const logs = JSON.stringify([await h.db.all(sql.raw('SELECT * FROM audit_log')), await h.db.all(sql.raw('SELECT * FROM export_log'))]);
    for (const v of ['de Vries', 'Dorpsstraat', 'jan@example.nl', '+31612345678', 'GZ-123456', 'Anna', 'ORD-2024', '2001:db8:abcd:12', 'Firefox/128']) expect(logs).not.toContain(v);
  });

  it('is not_found for another tenant and already_anonymised the second time, writing nothing', async () => {
    h = await makeAdminHarness();
    const theirs = await h.submitOtherCase();
    const audit = new AuditWriter(h.db);
    const actor = { actorType: 'system' as const, actorId: 'test' };
    expect(await anonymiseSubject(h.db, audit, { tenantId: h.tenant.tenantId, subjectId: theirs.subjectId, actor, now: Date.now() })).toEqual({ ok: false, reason: 'not_found' });
    expect(await row(`SELECT last_name FROM subjects WHERE id = '${theirs.subjectId}'`)).toEqual({ last_name: 'de Vries' });
    const mine = await h.submitCase('registration');
    expect((await anonymiseSubject(h.db, audit, { tenantId: h.tenant.tenantId, subjectId: mine.subjectId, actor, now: Date.now() })).ok).toBe(true);
    const count = await row('SELECT count(*) AS n FROM audit_log');
    expect(await anonymiseSubject(h.db, audit, { tenantId: h.tenant.tenantId, subjectId: mine.subjectId, actor, now: Date.now() })).toEqual({ ok: false, reason: 'already_anonymised' });
    expect(await row('SELECT count(*) AS n FROM audit_log')).toEqual(count);
  });
});
