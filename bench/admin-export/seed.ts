/**
 * Seeds bench/admin-export's database: one tenant, an owner sk_ key and `count` cases (each
 * with its own subject and product) written by three INSERT … SELECT statements over a
 * recursive counter, in one transaction. Every fifth case is a `return` (the 20% run).
 */
import { sql } from 'drizzle-orm';
import { apiKeys } from '../../worker/src/db/schema.js';
import type { Db } from '../../worker/src/db/types.js';
import { AuditWriter } from '../../worker/src/audit/log.js';
import { createTenant } from '../../worker/src/tenants/create.js';
import { secretKey, tokenHash } from '../../worker/src/admin/tokens.js';
import { uuidv7 } from '../../worker/src/lib/ids.js';

export async function seed(db: Db, count: number): Promise<{ tenantId: string; key: string }> {
  const now = Date.now();
  const { tenantId } = await createTenant(db, new AuditWriter(db), now, { name: 'Bench Export BV', origins: ['https://shop.example'], privacyUrl: 'https://shop.example/privacy' });
  const key = secretKey();
  await db.insert(apiKeys).values({
    id: uuidv7(now), tenantId, name: 'bench owner', prefix: key.slice(0, 12), secretHash: tokenHash(key), role: 'owner',
    partnerOrgId: null, createdBy: 'bench', createdAt: now, lastUsedAt: null, revokedAt: null,
  });
  const t0 = now - count * 1000;
  const counter = sql`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${count})`;
  const sid = sql.raw(`printf('0190a000-0000-7000-8000-%012d', i)`);
  const pid = sql.raw(`printf('0190b000-0000-7000-8000-%012d', i)`);
  const cid = sql.raw(`printf('0190c000-0000-7000-8000-%012d', i)`);
  await db.batch([
    db.run(sql`${counter}
      INSERT INTO subjects (id, tenant_id, first_name, last_name, street, house_number, house_number_addition, postcode, city, country, email, phone, created_at, updated_at, anonymized_at)
      SELECT ${sid}, ${tenantId}, 'Jan', 'de Vries-' || i, 'Dorpsstraat', CAST(i % 200 + 1 AS TEXT), CASE WHEN i % 3 = 0 THEN 'b' END,
        printf('%04d AB', 1000 + i % 9000), 'Utrecht', 'NL', 'klant' || i || '@example.nl', printf('+3161%07d', i), ${t0} + i * 1000, ${t0} + i * 1000, NULL
      FROM n`),
    db.run(sql`${counter}
      INSERT INTO products (id, tenant_id, subject_id, brand, model, serial_number, purchase_date, retailer, proof_of_purchase_ref, created_at)
      SELECT ${pid}, ${tenantId}, ${sid}, 'Gazelle', 'Ultimate C380', printf('GZ-%07d', i), '2024-04-01', 'Fietsenwinkel', NULL, ${t0} + i * 1000
      FROM n`),
    db.run(sql`${counter}
      INSERT INTO cases (id, tenant_id, reference, kind, status, subject_id, product_id, details, assigned_org_id, closed_at, created_at, updated_at)
      SELECT ${cid}, ${tenantId}, printf('B%03d-%04d', i / 10000, i % 10000),
        CASE WHEN i % 5 = 0 THEN 'return' ELSE 'repair' END, 'new', ${sid}, ${pid},
        CASE WHEN i % 5 = 0 THEN '{"reason":"changed_mind","orderNumber":"ORD-' || i || '","preferredResolution":"refund"}'
             ELSE '{"description":"De machine lekt water tijdens het centrifugeren, zaak ' || i || '."}' END,
        NULL, NULL, ${t0} + i * 1000, ${t0} + i * 1000
      FROM n`),
  ]);
  return { tenantId, key };
}
