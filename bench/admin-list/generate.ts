/**
 * Builds (or reuses) the bench database: N cases with their subjects and products for one
 * tenant, plus three partner organisations, generated in SQL (recursive CTE, INSERT … SELECT
 * in slices) with the indexes dropped during the load and re-created after — the same CREATE
 * INDEX statements the migrations made, read back from sqlite_master. No ANALYZE: the app must
 * get good plans without statistics, as a fresh production database has none.
 *
 * Cached as bench/.data/admin-list-<N>-<hash>.db, the hash covering the migrations and this
 * generator, so a schema change builds a new file. Built under a temp name and renamed at the end.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openLibsql, migrateLibsql } from '../../worker/src/db/libsql.js';
import { AuditWriter } from '../../worker/src/audit/log.js';
import { createTenant } from '../../worker/src/tenants/create.js';
import { partnerOrgs } from '../../worker/src/db/schema.js';
import { uuidv7 } from '../../worker/src/lib/ids.js';
import { FIRST_NAMES, KINDS, LAST_NAMES, SQL, STATUSES } from './data.js';

const GENERATOR_VERSION = 1;
const SLICE = 250_000;
const ORG_TYPES = ['carrier', 'technician', 'repair_centre'] as const;

function schemaHash(root: string, n: number): string {
  const h = createHash('sha256').update(`${GENERATOR_VERSION}/${n}`);
  const dir = path.join(root, 'migrations');
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
  for (const f of walk(dir).sort()) h.update(path.relative(dir, f)).update(readFileSync(f));
  return h.digest('hex').slice(0, 12);
}

const statusSql = () => {
  const kindIdx = 'n % 7';
  const arms = KINDS.map((k, i) => `WHEN ${i} THEN ${SQL.pick(STATUSES[k], `(n / 7) % ${STATUSES[k].length}`)}`).join(' ');
  return `(CASE ${kindIdx} ${arms} END)`;
};

export type BenchData = { file: string; n: number; generatedSeconds: number | null };

/** The database file with `n` cases: reused when cached, generated otherwise. */
export async function benchDatabase(root: string, n: number, log: (s: string) => void): Promise<BenchData> {
  const dataDir = path.join(root, 'bench', '.data');
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, `admin-list-${n}-${schemaHash(root, n)}.db`);
  if (existsSync(file)) return { file, n, generatedSeconds: null };
  const tmp = `${file}.tmp`;
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(f, { force: true });

  const started = performance.now();
  const handle = await openLibsql(`file:${tmp}`);
  const { db, client } = handle;
  await migrateLibsql(db, path.join(root, 'migrations'));
  const now = Date.now();
  const tenant = await createTenant(db, new AuditWriter(db), now, { name: 'Bench Winkel', origins: ['https://bench.example'], privacyUrl: 'https://bench.example/privacy' });
  const orgIds = ORG_TYPES.map(() => uuidv7(now));
  await db.insert(partnerOrgs).values(ORG_TYPES.map((type, i) => ({ id: orgIds[i]!, tenantId: tenant.tenantId, name: `Bench ${type}`, type, createdAt: now, disabledAt: null })));

  for (const p of ['PRAGMA foreign_keys = OFF', 'PRAGMA journal_mode = DELETE', 'PRAGMA journal_mode = OFF', 'PRAGMA synchronous = OFF', 'PRAGMA secure_delete = OFF', 'PRAGMA cache_size = -1000000', 'PRAGMA temp_store = MEMORY']) await client.execute(p);
  const indexes = (await client.execute(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('cases', 'subjects', 'products')`)).rows;
  for (const ix of indexes) await client.execute(`DROP INDEX "${String(ix.name)}"`);

  const T = `'${tenant.tenantId}'`;
  const lq = (s: string) => `'${s.replace(/'/g, "''")}'`;
  const details = `json_object('description', 'Bench case ' || n || ': het apparaat maakt een raar geluid.')`;
  const org = `(CASE WHEN n % 3 = 0 THEN json_extract(${lq(JSON.stringify(orgIds))}, '$[' || ((n / 3) % 3) || ']') END)`;
  const status = statusSql();
  const kind = SQL.pick(KINDS, 'n % 7');
  const created = SQL.createdAt;
  const updated = `(${created} + (n % 5) * 86400000)`;
  const statements = [
    `INSERT INTO subjects (id, tenant_id, first_name, last_name, street, house_number, house_number_addition, postcode, city, country, email, phone, created_at, updated_at, anonymized_at)
     SELECT ${SQL.id('9')}, ${T}, ${SQL.pick(FIRST_NAMES, `(n / ${LAST_NAMES.length}) % ${FIRST_NAMES.length}`)}, ${SQL.pick(LAST_NAMES, `n % ${LAST_NAMES.length}`)},
            'Dorpsstraat', CAST(1 + n % 200 AS TEXT), NULL, ${SQL.postcode}, 'Utrecht', 'NL', ${SQL.email}, '+3161' || printf('%07d', n % 10000000), ${created}, ${created}, NULL
     FROM seq`,
    `INSERT INTO products (id, tenant_id, subject_id, brand, model, serial_number, purchase_date, retailer, proof_of_purchase_ref, created_at)
     SELECT ${SQL.id('a')}, ${T}, ${SQL.id('9')}, 'Gazelle', 'Ultimate C' || (n % 10), ${SQL.serial}, '2021-06-01', 'Bench Winkel', NULL, ${created} FROM seq`,
    `INSERT INTO cases (id, tenant_id, reference, kind, status, subject_id, product_id, details, assigned_org_id, closed_at, created_at, updated_at)
     SELECT ${SQL.id('8')}, ${T}, ${SQL.reference()}, ${kind}, ${status}, ${SQL.id('9')}, ${SQL.id('a')}, ${details}, ${org},
            CASE WHEN ${status} = 'closed' THEN ${updated} END, ${created}, ${updated} FROM seq`,
  ];
  for (let lo = 0; lo < n; lo += SLICE) {
    const hi = Math.min(n, lo + SLICE);
    const seq = `WITH RECURSIVE seq(n) AS (SELECT ${lo} UNION ALL SELECT n + 1 FROM seq WHERE n + 1 < ${hi}) `;
    await client.batch(statements.map((s) => seq + s), 'write');
    log(`  generated ${hi.toLocaleString('en-US')} / ${n.toLocaleString('en-US')} cases (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  for (const ix of indexes) await client.execute(String(ix.sql));
  log(`  indexes re-created (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  await client.execute('PRAGMA journal_mode = WAL');
  handle.close();
  renameSync(tmp, file);
  return { file, n, generatedSeconds: (performance.now() - started) / 1000 };
}
