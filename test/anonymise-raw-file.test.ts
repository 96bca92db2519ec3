import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import * as v from 'valibot';
import { CaseInputSchema } from '../sdk/src/schemas/index.js';
import { createApp } from '../worker/src/app.js';
import { AuditWriter, auditInsert } from '../worker/src/audit/log.js';
import { caseNotes, cases, consentTexts, subjects } from '../worker/src/db/schema.js';
import { applyLocalD1Migrations, withLocalD1 } from '../worker/src/hosts/cloudflare-local.js';
import { createTenant } from '../worker/src/tenants/create.js';
import { writeCase } from '../worker/src/intake/write-case.js';
import { ERASED, ERASED_REQUEST_HASH } from '../worker/src/anonymise/index.js';
import { PRIVACY_URL, validCase } from '../worker/src/testing/harness.js';
import { WRANGLER_TOML } from './workerd/local-worker.js';
import type { Db } from '../worker/src/db/types.js';
import { sha256Hex } from '../worker/src/lib/hash.js';
import { unlimited } from '../worker/src/limiter/unlimited.js';
import { anonymiseSubject, erasureAuditEntry, erasureStatements, loadErasureTarget } from '../worker/src/anonymise/index.js';
import { makeAdminHarness, type AdminHarness } from '../worker/src/testing/admin-harness.js';

/**
 * R10, issue 4: after anonymisation no byte of the database FILE — main file, WAL, shared
 * memory, journal — holds an erased value. SQLite leaves deleted bytes in free space unless
 * secure_delete is on (openLibsql turns it on), and the WAL keeps page images written before
 * the erasure until a checkpoint truncates it (anonymiseSubject does that).
 */

let h: AdminHarness;
afterEach(() => h?.dispose());

/** A consumer connection the admin never shares: its IP must vanish too (the admin's stays in the session log). */
const CONSUMER_IP = '198.51.100.77';
const UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';

const person = (n: number) => ({
  firstName: `Wilhelmina${n}`, lastName: `Aalberse-Zwaluwstaart${n}`, street: `Kwartelkoningweg${n}`, houseNumber: '917', houseNumberAddition: 'zq',
  postcode: '9731 ZX', city: `Oudeschildwaard${n}`, email: `w.zwaluwstaart${n}@voorbeeld-mail.nl`, phone: `06-9876543${n}`,
});

/**
 * Other subjects, so the index b-trees span several pages: an erased key ('[anonymised]') then
 * lands on another page than the original, whose cell is freed, not overwritten — the bytes
 * only secure_delete zeroes.
 */
async function fillers(db: Db, tenantId: string) {
  const now = Date.now();
  const rows = Array.from({ length: 400 }, (_, i) => ({
    id: `filler-${String(i).padStart(4, '0')}`, tenantId, firstName: 'Kees', lastName: `Meijer${i}`, street: 'Laan', houseNumber: String(i + 1),
    postcode: `${1000 + i} AB`, city: 'Utrecht', country: 'NL', email: `kees${i}@filler.example`, phone: `+3161${String(i).padStart(7, '0')}`, createdAt: now, updatedAt: now,
  }));
  for (let i = 0; i < rows.length; i += 100) await db.insert(subjects).values(rows.slice(i, i + 100));
}

/** Every file SQLite keeps for the database, read as raw bytes. */
function rawFiles(dbFile: string): Map<string, Buffer> {
  const dir = path.dirname(dbFile);
  const base = path.basename(dbFile);
  const out = new Map<string, Buffer>();
  for (const name of readdirSync(dir)) if (name.startsWith(base)) out.set(name, readFileSync(path.join(dir, name)));
  return out;
}

/** Which of `values` occur in which file (UTF-8, as SQLite stores TEXT). */
function occurrences(dbFile: string, values: string[]): string[] {
  const found: string[] = [];
  for (const [name, bytes] of rawFiles(dbFile)) for (const v of values) if (bytes.includes(Buffer.from(v, 'utf8'))) found.push(`${v} in ${name}`);
  return found;
}

/** Submits through the real public API, from the consumer's own IP, and returns what was stored. */
async function submitAs(n: number, kind: 'repair' | 'return') {
  const pub = createApp({ db: h.db, clock: { now: () => Date.now() }, rateLimiter: unlimited, clientIp: () => CONSUMER_IP });
  const body = h.validCase(kind) as unknown as Record<string, unknown> & { details: Record<string, unknown> };
  body.subject = person(n);
  // Model and retailer are free text: a consumer may type anything there, a name included.
  body.product = { brand: 'Gazelle', model: `Fiets van Markerman-Vlietstra${n}`, serialNumber: `SN-QX-7731-ZETA${n}`, purchaseDate: '2024-04-01', retailer: `Tweewielers Hoogeveen-Kraaiestein${n}`, proofOfPurchaseRef: `BON-55519-QQ${n}` };
  // A page path that names the consumer.
  body.pageUrl = `https://shop.example/account/kees-markerman${n}/orders?klant=zwaluwstaart${n}`;
  if (kind === 'repair') body.details = { description: `Het display flikkert sinds de onweersbui van dinsdag ${n}` };
  else body.details = { reason: 'defective', reasonDetail: `Teruggestuurd via buurvrouw Gerritsma${n}`, orderNumber: `ORD-UNIQ-48213-${n}`, preferredResolution: 'refund' };
  const raw = JSON.stringify(body);
  const res = await pub.request('/v1/cases', { method: 'POST', headers: h.headers({ 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID(), 'user-agent': UA }), body: raw });
  expect(res.status).toBe(201);
  const { reference } = (await res.json()) as { reference: string };
  const [row] = await h.db.select().from(cases).where(eq(cases.reference, reference));
  await h.db.insert(caseNotes).values({ id: crypto.randomUUID(), tenantId: h.tenant.tenantId, caseId: row!.id, authorId: 'staff', body: `Gebeld met Wilhelmina, notitie ${n}`, shared: false, createdAt: Date.now() });
  const p = person(n);
  const values = [
    p.lastName, p.street, p.city, p.email, `+3169876543${n}`, `SN-QX-7731-ZETA${n}`, `BON-55519-QQ${n}`, `zwaluwstaart${n}`, `notitie ${n}`,
    `Markerman-Vlietstra${n}`, `Hoogeveen-Kraaiestein${n}`, `kees-markerman${n}`,
    kind === 'repair' ? `onweersbui van dinsdag ${n}` : `buurvrouw Gerritsma${n}`, ...(kind === 'return' ? [`ORD-UNIQ-48213-${n}`] : []),
    sha256Hex(raw),
  ];
  return { subjectId: row!.subjectId, email: p.email, values };
}

const SHARED = [CONSUMER_IP, 'rv:128.0) Gecko/20100101 Firefox/128.0', 'Wilhelmina'];

describe('anonymisation leaves no trace in the raw database files (R10)', () => {
  it('finds none of the original values in the .db, -wal, -shm or journal after erasure through the API', async () => {
    h = await makeAdminHarness();
    await fillers(h.db, h.tenant.tenantId);
    const a = await submitAs(1, 'repair');
    const b = await submitAs(2, 'return');
    const values = [...a.values, ...b.values, ...SHARED];
    // The detector works: before erasure every value is on disk.
    const before = occurrences(h.database.file, values).map((o) => o.split(' in ')[0]);
    expect(values.filter((v) => !before.includes(v))).toEqual([]);

    const { auth } = await h.as('owner');
    for (const s of [a, b]) {
      // Exercise the paths that copy data around first: an access export (logged) and a search.
      expect((await h.admin(`/subjects/${s.subjectId}/export`, { as: auth })).status).toBe(200);
      expect((await h.admin(`/subjects?q=${encodeURIComponent(s.email)}`, { as: auth })).status).toBe(200);
      const res = await h.admin(`/subjects/${s.subjectId}/anonymise`, { as: auth, body: { confirm: true } });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { checkpoint: string }).checkpoint).toBe('truncated');
    }

    expect(existsSync(`${h.database.file}-wal`)).toBe(true);
    expect(occurrences(h.database.file, values)).toEqual([]);

    // Nor does any search find the subjects again.
    for (const [s, n] of [[a, 1], [b, 2]] as const) {
      for (const q of [s.email, `06-9876543${n}`, `Wilhelmina${n} Aalberse-Zwaluwstaart${n}`, `aalberse`]) {
        const subjects = (await (await h.admin(`/subjects?q=${encodeURIComponent(q)}`, { as: auth })).json()) as { items: unknown[] };
        expect(subjects.items, q).toEqual([]);
        const list = await h.admin(`/cases?q=${encodeURIComponent(q)}`, { as: auth });
        expect(list.status, q).toBe(200);
        expect(((await list.json()) as { items: unknown[] }).items, q).toEqual([]);
      }
    }
  });

  it('without the WAL checkpoint the -wal file still holds the erased values (why the service checkpoints)', async () => {
    h = await makeAdminHarness();
    await fillers(h.db, h.tenant.tenantId);
    const a = await submitAs(3, 'repair');
    const audit = new AuditWriter(h.db);
    // The same erasure as anonymiseSubject, minus its final `PRAGMA wal_checkpoint(TRUNCATE)`.
    const target = (await loadErasureTarget(h.db, h.tenant.tenantId, a.subjectId))!;
    const now = Date.now();
    await audit.withAppend(h.tenant.tenantId, [erasureAuditEntry(target, { actorType: 'system', actorId: 'test' }, now)], (rows) =>
      h.db.batch([...erasureStatements(h.db, target, now), auditInsert(h.db, rows)] as unknown as Parameters<Db['batch']>[0]),
    );
    const left = occurrences(h.database.file, a.values);
    expect(left.length).toBeGreaterThan(0);
    expect(left.every((o) => o.endsWith('-wal'))).toBe(true);
  });

  it('without secure_delete the freed index cells keep erased values in the .db file (why openLibsql turns it on)', async () => {
    h = await makeAdminHarness();
    await h.database.client.execute('PRAGMA secure_delete = OFF');
    await fillers(h.db, h.tenant.tenantId);
    const a = await submitAs(4, 'repair');
    const out = await anonymiseSubject(h.db, new AuditWriter(h.db), { tenantId: h.tenant.tenantId, subjectId: a.subjectId, actor: { actorType: 'system', actorId: 'test' }, now: Date.now() });
    expect(out.ok && out.checkpoint).toBe('truncated');
    const left = occurrences(h.database.file, a.values);
    expect(left.length).toBeGreaterThan(0);
    expect(left.every((o) => o.endsWith('test.db'))).toBe(true);
  });
});

describe('anonymiseSubject on D1 (local workerd, wrangler)', () => {
  it('erases in one batch there too; D1 refuses the WAL checkpoint, which is reported, not fatal', async () => {
    const persistTo = mkdtempSync(path.join(tmpdir(), 'aftercare-d1-erase-'));
    try {
      const local = { configPath: WRANGLER_TOML, persistTo };
      await applyLocalD1Migrations(local);
      await withLocalD1(local, async (db) => {
        const audit = new AuditWriter(db);
        const now = Date.now();
        const t = await createTenant(db, audit, now, { name: 'D1 Winkel', origins: ['https://shop.example'], privacyUrl: PRIVACY_URL });
        const [text] = await db.select().from(consentTexts).where(and(eq(consentTexts.tenantId, t.tenantId), eq(consentTexts.locale, 'nl')));
        const body = validCase('return', { privacyUrl: PRIVACY_URL, consentTexts: { nl: { id: text!.id, hash: text!.sha256 } } } as never);
        const input = v.parse(CaseInputSchema, body);
        const created = await writeCase(db, audit, t.tenantId, now, input, { ip: CONSUMER_IP, userAgent: UA, pageUrl: 'https://shop.example/x?y=1' }, { key: 'k1', requestHash: 'a'.repeat(64), ttlMs: 86_400_000 });
        const [c] = await db.select().from(cases).where(eq(cases.id, created.id));
        const out = await anonymiseSubject(db, audit, { tenantId: t.tenantId, subjectId: c!.subjectId, actor: { actorType: 'system', actorId: 'test' }, now: now + 1 });
        expect(out).toMatchObject({ ok: true, checkpoint: 'unsupported', cases: 1, consents: 1 });
        const [s] = await db.select().from(subjects).where(eq(subjects.id, c!.subjectId));
        expect(s).toMatchObject({ lastName: ERASED, email: ERASED, phone: null, anonymizedAt: now + 1 });
        const [evidence] = await db.all<{ ip: string; user_agent: string; page_url: string }>(sql`SELECT ip, user_agent, page_url FROM consents`);
        expect(evidence).toEqual({ ip: '198.51.100.0', user_agent: 'Firefox', page_url: 'https://shop.example' });
        const [idem] = await db.all<{ request_hash: string }>(sql`SELECT request_hash FROM idempotency_keys`);
        expect(idem!.request_hash).toBe(ERASED_REQUEST_HASH);
      });
    } finally {
      rmSync(persistTo, { recursive: true, force: true });
    }
  }, 120_000);
});
