import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';
import { ms } from './ms.js';

/** The append-only logs: the hash-chained audit log and its signed checkpoints (R17), the export/print log (R7, R8). */

/**
 * R17: append-only audit log, hash-chained per tenant. Triggers (migration 0001) refuse
 * UPDATE and DELETE. `entry_hash` = SHA-256(prev_hash + "\n" + canonical entry).
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    /** `_platform` for operator actions that belong to no tenant. */
    tenantId: text('tenant_id').notNull(),
    seq: integer('seq').notNull(),
    at: ms('at').notNull(),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    /** JSON array of field names touched; never values. */
    fields: text('fields').notNull(),
    prevHash: text('prev_hash').notNull(),
    entryHash: text('entry_hash').notNull(),
  },
  (t) => [uniqueIndex('audit_log_tenant_seq').on(t.tenantId, t.seq)],
);

/**
 * R7/R8: every export or print of personal data, written before the data leaves.
 * Append-only (triggers in migration 0003).
 */
export const exportLog = sqliteTable(
  'export_log',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    at: ms('at').notNull(),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id').notNull(),
    ip: text('ip').notNull(),
    /** `cases_csv` | `cases_json` | `cases_print` | `subject_access` | `export_log_csv` | … */
    kind: text('kind').notNull(),
    /** JSON of the filter that chose the rows. */
    filter: text('filter').notNull(),
    rowCount: integer('row_count').notNull(),
  },
  (t) => [index('export_log_tenant_at').on(t.tenantId, t.at)],
);

/** Which subjects an export included (R11: a subject-access export lists the exports of them). */
export const exportSubjects = sqliteTable(
  'export_subjects',
  {
    exportId: text('export_id').notNull().references(() => exportLog.id),
    tenantId: text('tenant_id').notNull(),
    subjectId: text('subject_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.exportId, t.subjectId] }), index('export_subjects_subject').on(t.tenantId, t.subjectId)],
);

/** R17: signed checkpoints (JWS, operator key) of a tenant's audit chain head. */
export const auditCheckpoints = sqliteTable(
  'audit_checkpoints',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    seq: integer('seq').notNull(),
    entryHash: text('entry_hash').notNull(),
    at: ms('at').notNull(),
    /** Compact JWS over { tenantId, seq, hash, at }. */
    jws: text('jws').notNull(),
  },
  (t) => [uniqueIndex('audit_checkpoints_tenant_seq').on(t.tenantId, t.seq)],
);
