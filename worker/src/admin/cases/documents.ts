import { and, asc, eq, gte, inArray, sql, type AnyColumn } from 'drizzle-orm';
import { inJson } from '../../db/in-json.js';
import type { AdminCase, AdminCaseHistoryEntry, AdminCaseNote, AdminCaseView, AdminConsent } from '../../../../sdk/src/admin/cases.js';
import type { AdminCaseStatus } from '../../../../sdk/src/admin/workflow.js';
import type { PartnerType } from '../../../../sdk/src/admin/roles.js';
import type { CaseKind } from '../../../../sdk/src/schemas/index.js';
import { apiKeys, auditLog, caseNotes, cases, consents, consentTexts, partnerOrgs, products, subjects, users } from '../../db/schema.js';
import type { Db } from '../../db/types.js';
import { uuidv7 } from '../../lib/ids.js';
import { audienceOf, maysee, projectCase, type Audience } from '../projection.js';
import { tenantOf, type Principal } from '../principal.js';

type CaseRow = typeof cases.$inferSelect;
export type CaseInclude = { consents?: boolean; notes?: boolean; history?: boolean };

/**
 * `+tenant_id = ?`: the tenant check without offering its index. SQLite has no statistics here
 * and guesses an equality on an index's first column matches ~10 rows, so with a list of 25 ids
 * it would walk a (tenant_id, …) index over the whole tenant instead of looking the ids up.
 */
const sameTenant = (col: AnyColumn, tenantId: string) => sql`+${col} = ${tenantId}`;

const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));
const byKey = <T, K>(rows: T[], key: (r: T) => K) => new Map(rows.map((r) => [key(r), r]));

/** Display names of the users (and names of the API keys) among `ids`. */
async function actorNames(db: Db, tenantId: string, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const people = await db.select({ id: users.id, name: users.displayName }).from(users).where(and(inArray(users.id, unique), sameTenant(users.tenantId, tenantId)));
  const keys = await db.select({ id: apiKeys.id, name: apiKeys.name }).from(apiKeys).where(and(inArray(apiKeys.id, unique), sameTenant(apiKeys.tenantId, tenantId)));
  return new Map([...keys, ...people].map((r) => [r.id, r.name]));
}

async function loadConsents(db: Db, tenantId: string, rows: CaseRow[]): Promise<Map<string, AdminConsent[]>> {
  // consents has no case_id index: narrow by (tenant_id, subject_id), then by case.
  const found = await db
    .select({ c: consents, version: consentTexts.version })
    .from(consents)
    .leftJoin(consentTexts, eq(consentTexts.id, consents.consentTextId))
    .where(and(eq(consents.tenantId, tenantId), inJson(consents.subjectId, rows.map((r) => r.subjectId)), inJson(consents.caseId, rows.map((r) => r.id))))
    .orderBy(asc(consents.givenAt));
  const out = new Map<string, AdminConsent[]>();
  for (const { c, version } of found) {
    const doc: AdminConsent = {
      id: c.id, textId: c.consentTextId, version, textHash: c.textHash, locale: c.locale, privacyUrl: c.privacyUrl, givenAt: iso(c.givenAt),
      ip: c.ip, userAgent: c.userAgent, pageUrl: c.pageUrl, withdrawnAt: isoOrNull(c.withdrawnAt), withdrawnBy: c.withdrawnBy,
    };
    out.set(c.caseId, [...(out.get(c.caseId) ?? []), doc]);
  }
  return out;
}

async function loadNotes(db: Db, tenantId: string, rows: CaseRow[], sharedOnly: boolean): Promise<Map<string, AdminCaseNote[]>> {
  const found = await db
    .select()
    .from(caseNotes)
    .where(and(eq(caseNotes.tenantId, tenantId), inJson(caseNotes.caseId, rows.map((r) => r.id)), sharedOnly ? eq(caseNotes.shared, true) : undefined))
    .orderBy(asc(caseNotes.createdAt), asc(caseNotes.id));
  const names = await actorNames(db, tenantId, found.map((n) => n.authorId));
  const out = new Map<string, AdminCaseNote[]>();
  for (const n of found) {
    const note: AdminCaseNote = { id: n.id, body: n.body, shared: n.shared, createdAt: iso(n.createdAt), author: { id: n.authorId, name: names.get(n.authorId) ?? null } };
    out.set(n.caseId, [...(out.get(n.caseId) ?? []), note]);
  }
  return out;
}

/**
 * History from the audit log: entries whose entity is the case. audit_log has no index on the
 * entity, so the scan is bounded by the primary key: ids are UUIDv7 (time-ordered), and nothing
 * about a case is logged before it was created (a day's margin for clock skew).
 */
async function loadHistory(db: Db, tenantId: string, rows: CaseRow[]): Promise<Map<string, AdminCaseHistoryEntry[]>> {
  const oldest = Math.min(...rows.map((r) => r.createdAt)) - 86_400_000;
  const floor = uuidv7(Math.max(0, oldest)).slice(0, 13);
  const found = await db
    .select({ at: auditLog.at, seq: auditLog.seq, action: auditLog.action, fields: auditLog.fields, actorType: auditLog.actorType, actorId: auditLog.actorId, entityId: auditLog.entityId })
    .from(auditLog)
    .where(and(gte(auditLog.id, floor), sameTenant(auditLog.tenantId, tenantId), eq(auditLog.entityType, 'case'), inJson(auditLog.entityId, rows.map((r) => r.id))))
    .orderBy(asc(auditLog.seq));
  const names = await actorNames(db, tenantId, found.filter((e) => e.actorType === 'user').map((e) => e.actorId));
  const out = new Map<string, AdminCaseHistoryEntry[]>();
  for (const e of found) {
    const entry: AdminCaseHistoryEntry = {
      at: iso(e.at), action: e.action, fields: JSON.parse(e.fields) as string[],
      actor: { type: e.actorType, id: e.actorId, name: e.actorType === 'user' ? (names.get(e.actorId) ?? null) : null },
    };
    out.set(e.entityId, [...(out.get(e.entityId) ?? []), entry]);
  }
  return out;
}

/**
 * The admin case documents of `rows` (in their order), each already projected for the
 * principal's audience (R22): a field the audience may not see is neither sent nor, for
 * consents/notes/history, even read. `include` asks for consents, notes and history
 * (the detail view); partners get shared notes only. Returns [] for roles with no audience.
 */
export async function caseDocuments(db: Db, principal: Principal, rows: CaseRow[], include: CaseInclude = {}): Promise<AdminCaseView[]> {
  const audience: Audience | null = audienceOf(principal);
  if (!audience || !rows.length) return [];
  const tenantId = tenantOf(principal);
  const subjectIds = [...new Set(rows.map((r) => r.subjectId))];
  const orgIds = [...new Set(rows.map((r) => r.assignedOrgId).filter((x): x is string => !!x))];
  const [subs, prods, orgs] = await Promise.all([
    db.select().from(subjects).where(and(sameTenant(subjects.tenantId, tenantId), inJson(subjects.id, subjectIds))),
    db.select().from(products).where(and(sameTenant(products.tenantId, tenantId), inJson(products.id, rows.map((r) => r.productId)))),
    orgIds.length ? db.select().from(partnerOrgs).where(and(sameTenant(partnerOrgs.tenantId, tenantId), inArray(partnerOrgs.id, orgIds))) : Promise.resolve([]),
  ]);
  const subjectById = byKey(subs, (s) => s.id);
  const productById = byKey(prods, (p) => p.id);
  const orgById = byKey(orgs, (o) => o.id);
  const consentsOf = include.consents && maysee(audience, 'consents') ? await loadConsents(db, tenantId, rows) : null;
  const notesOf = include.notes && maysee(audience, 'notes') ? await loadNotes(db, tenantId, rows, audience !== 'tenant') : null;
  const historyOf = include.history && maysee(audience, 'history') ? await loadHistory(db, tenantId, rows) : null;

  return rows.map((r) => {
    const s = subjectById.get(r.subjectId)!;
    const p = productById.get(r.productId)!;
    const org = r.assignedOrgId ? orgById.get(r.assignedOrgId) : undefined;
    const doc: AdminCase = {
      id: r.id, reference: r.reference, kind: r.kind as CaseKind, status: r.status as AdminCaseStatus,
      createdAt: iso(r.createdAt), updatedAt: iso(r.updatedAt), closedAt: isoOrNull(r.closedAt),
      assignedOrg: org ? { id: org.id, name: org.name, type: org.type as PartnerType } : null,
      subject: {
        id: s.id, anonymized: s.anonymizedAt !== null, firstName: s.firstName, lastName: s.lastName, street: s.street, houseNumber: s.houseNumber,
        houseNumberAddition: s.houseNumberAddition, postcode: s.postcode, city: s.city, country: s.country, email: s.email, phone: s.phone,
      },
      product: { brand: p.brand, model: p.model, serialNumber: p.serialNumber, purchaseDate: p.purchaseDate, retailer: p.retailer, proofOfPurchaseRef: p.proofOfPurchaseRef },
      details: r.details,
      ...(consentsOf ? { consents: consentsOf.get(r.id) ?? [] } : {}),
      ...(notesOf ? { notes: notesOf.get(r.id) ?? [] } : {}),
      ...(historyOf ? { history: historyOf.get(r.id) ?? [] } : {}),
    };
    return projectCase(doc, audience) as AdminCaseView;
  });
}
