import { sql } from 'drizzle-orm';
import type { BreachDataCategory } from '../../../../sdk/src/admin/breaches.js';
import { auditLog, breaches, breachTenants, notices, webhookOutbox } from '../../db/schema.js';
import type { AdminHarness } from '../../testing/admin-harness.js';

/** Test helpers for the breach register: a valid body, and row counts of every table a breach write touches. */

export const HOUR = 3_600_000;

export const validBreach = (o: { discoveredAt: number | string; tenantIds: string[]; notify?: boolean }) => ({
  discoveredAt: o.discoveredAt,
  description: 'Een back-up van de database stond 3 uur openbaar in een verkeerd ingestelde opslagbucket.',
  dataCategories: ['contact', 'address'] as BreachDataCategory[],
  approxSubjects: 1200,
  consequences: 'Mogelijk misbruik van e-mailadressen voor phishing.',
  measures: 'Bucket afgeschermd, toegangslogs onderzocht, sleutels vervangen.',
  tenantIds: o.tenantIds,
  ...(o.notify === undefined ? {} : { notify: o.notify }),
});

const n = async (h: AdminHarness, table: typeof breaches | typeof breachTenants | typeof notices | typeof webhookOutbox | typeof auditLog) =>
  (await h.db.select({ n: sql<number>`count(*)` }).from(table))[0]!.n;

/** Row counts of breaches, breach_tenants, notices, webhook_outbox and audit_log. */
export const counts = async (h: AdminHarness) => Promise.all([n(h, breaches), n(h, breachTenants), n(h, notices), n(h, webhookOutbox), n(h, auditLog)]);
