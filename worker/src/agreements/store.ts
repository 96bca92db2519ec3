import { desc, eq } from 'drizzle-orm';
import { agreementAcceptances, agreements, tenants, users } from '../db/schema.js';
import type { Db } from '../db/types.js';
import { sha256Hex } from '../lib/hash.js';
import type { AgreementAcceptance, AgreementText, AgreementVersion } from '../../../sdk/src/admin/agreement.js';

/** R20: reading agreement versions and acceptances. */

export type AgreementRow = typeof agreements.$inferSelect;

/** SHA-256 (hex) of `JSON.stringify({ en, nl })`: the identity of a text both sides can recompute. */
export const agreementHash = (t: AgreementText) => sha256Hex(JSON.stringify({ en: t.en, nl: t.nl }));

export const versionView = (a: AgreementRow): AgreementVersion => ({
  version: a.version, text: { nl: a.text.nl ?? '', en: a.text.en ?? '' }, sha256: a.sha256, publishedAt: new Date(a.publishedAt).toISOString(),
});

/** Every version, newest first. */
export const allVersions = (db: Db) => db.select().from(agreements).orderBy(desc(agreements.version));

export async function currentVersion(db: Db): Promise<AgreementRow | undefined> {
  const [row] = await db.select().from(agreements).orderBy(desc(agreements.version)).limit(1);
  return row;
}

/** A tenant's acceptances, newest first, with the accepting user's display name. */
export async function tenantAcceptances(db: Db, tenantId: string): Promise<(AgreementAcceptance & { agreementId: string })[]> {
  const rows = await db
    .select({ a: agreementAcceptances, version: agreements.version, sha256: agreements.sha256, user: users.displayName })
    .from(agreementAcceptances)
    .innerJoin(agreements, eq(agreements.id, agreementAcceptances.agreementId))
    .leftJoin(users, eq(users.id, agreementAcceptances.userId))
    .where(eq(agreementAcceptances.tenantId, tenantId))
    .orderBy(desc(agreements.version));
  return rows.map((r) => ({
    agreementId: r.a.agreementId, version: r.version, sha256: r.sha256, at: new Date(r.a.acceptedAt).toISOString(), userId: r.a.userId, user: r.user, ip: r.a.ip,
  }));
}

/** Every acceptance with its version (for the operator's overview). */
export const allAcceptances = (db: Db) =>
  db.select({ tenantId: agreementAcceptances.tenantId, version: agreements.version, at: agreementAcceptances.acceptedAt })
    .from(agreementAcceptances).innerJoin(agreements, eq(agreements.id, agreementAcceptances.agreementId));

export const allTenants = (db: Db) => db.select({ id: tenants.id, name: tenants.name }).from(tenants).orderBy(tenants.name);
