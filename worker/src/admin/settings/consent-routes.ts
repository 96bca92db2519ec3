import { Hono } from 'hono';
import { and, asc, desc, eq } from 'drizzle-orm';
import { consentTexts } from '../../db/schema.js';
import { auditInsert } from '../../audit/log.js';
import { isUniqueViolation } from '../../db/errors.js';
import { uuidv7 } from '../../lib/ids.js';
import { sha256Hex } from '../../lib/hash.js';
import { problem } from '../../lib/problem.js';
import { ConsentTextCreateSchema, type ConsentTextList, type ConsentTextVersion } from '../../../../sdk/src/admin/settings.js';
import type { Locale } from '../../../../sdk/src/schemas/index.js';
import type { AdminEnv } from '../env.js';
import { actorOf, tenantOf } from '../principal.js';
import { readBody } from '../http/body.js';

/**
 * R5 consent texts under /settings/consent-texts: every version per locale (the newest is
 * current, the one /v1/config offers); an edit adds a version, old ones stay as evidence.
 */
export function consentTextRoutes() {
  const r = new Hono<AdminEnv>();

  r.get('/', async (c) => {
    const rows = await c.var.deps.db
      .select()
      .from(consentTexts)
      .where(eq(consentTexts.tenantId, tenantOf(c.var.principal)))
      .orderBy(asc(consentTexts.locale), desc(consentTexts.version));
    const items: ConsentTextVersion[] = rows.map((row, i) => ({
      id: row.id, locale: row.locale as Locale, version: row.version, text: row.text, sha256: row.sha256, createdAt: row.createdAt,
      current: i === 0 || rows[i - 1]!.locale !== row.locale,
    }));
    return c.json({ items } satisfies ConsentTextList);
  });

  r.post('/', async (c) => {
    const body = await readBody(c, ConsentTextCreateSchema);
    if (!body.ok) return body.res;
    const { locale, text } = body.data;
    const { db, clock } = c.var.deps;
    const tenantId = tenantOf(c.var.principal);
    const now = clock.now();
    const id = uuidv7(now);
    const entry = { id: uuidv7(now), at: now, ...actorOf(c.var.principal), action: 'consent_text.created', entityType: 'consent_text', entityId: id, fields: ['locale', 'version', 'text'] };
    try {
      // Appends of one tenant run one at a time, so the version read here is the latest;
      // another process racing us trips the unique (tenant, locale, version) index instead.
      const created = await c.var.audit.withAppend(tenantId, [entry], async (rows) => {
        const [last] = await db
          .select({ version: consentTexts.version })
          .from(consentTexts)
          .where(and(eq(consentTexts.tenantId, tenantId), eq(consentTexts.locale, locale)))
          .orderBy(desc(consentTexts.version))
          .limit(1);
        const row = { id, tenantId, locale, version: (last?.version ?? 0) + 1, text, sha256: sha256Hex(text), createdAt: now };
        await db.batch([db.insert(consentTexts).values(row), auditInsert(db, rows)]);
        return row;
      });
      const out: ConsentTextVersion = { id, locale, version: created.version, text, sha256: created.sha256, createdAt: now, current: true };
      return c.json(out, 201);
    } catch (err) {
      if (isUniqueViolation(err, 'consent_texts.tenant_id, consent_texts.locale, consent_texts.version')) {
        return problem('conflict', { detail: 'Another version was added at the same time; reload and try again.' });
      }
      throw err;
    }
  });
  return r;
}
