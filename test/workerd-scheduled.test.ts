import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditWriter } from '../worker/src/audit/log.js';
import { createTenant } from '../worker/src/tenants/create.js';
import { ORIGIN, PRIVACY_URL } from '../worker/src/testing/harness.js';

/**
 * The Worker's `scheduled` handler in real workerd (wrangler, local D1): a Cron Trigger runs
 * the periodic jobs, and the retention job anonymises an expired subject with its run report.
 * Seeded from Node: a subject whose only case ended its own retention yesterday.
 */
// Starting wrangler + workerd costs 45–60 s of wall time here under load (15 s CPU), over the ~30 s a file
// may add to `npm test`: it runs only when asked, `AFTERCARE_WORKERD_CRON=1 npx vitest run test/workerd-scheduled.test.ts`.
describe.skipIf(!process.env.AFTERCARE_WORKERD_CRON)('the Cron Trigger in workerd runs the retention job', () => {
  let persistTo: string;
  // wrangler is imported only when this runs (importing it alone takes seconds).
  let worker: Awaited<ReturnType<typeof import('wrangler').unstable_startWorker>> | undefined;
  let withLocalD1: typeof import('../worker/src/hosts/cloudflare-local.js').withLocalD1;
  let local: { configPath: string; persistTo: string };
  let tenantId: string;

  beforeAll(async () => {
    const { unstable_startWorker } = await import('wrangler');
    const { ROOT, WRANGLER_TOML } = await import('./workerd/local-worker.js');
    const d1 = await import('../worker/src/hosts/cloudflare-local.js');
    withLocalD1 = d1.withLocalD1;
    persistTo = mkdtempSync(path.join(tmpdir(), 'aftercare-workerd-cron-'));
    local = { configPath: WRANGLER_TOML, persistTo };
    await d1.applyLocalD1Migrations(local);
    const now = Date.now();
    await withLocalD1(local, async (db) => {
      tenantId = (await createTenant(db, new AuditWriter(db), now, { name: 'Cron Winkel', origins: [ORIGIN], privacyUrl: PRIVACY_URL })).tenantId;
      await db.run(sql`INSERT INTO subjects (id, tenant_id, first_name, last_name, street, house_number, postcode, city, country, email, created_at, updated_at)
        VALUES ('s-cron', ${tenantId}, 'Jan', 'de Vries', 'Dorpsstraat', '12', '1234 AB', 'Utrecht', 'NL', 'jan@example.nl', ${now}, ${now})`);
      await db.run(sql`INSERT INTO products (id, tenant_id, subject_id, brand, model, purchase_date, created_at) VALUES ('p-cron', ${tenantId}, 's-cron', 'Gazelle', 'C380', '2020-01-01', ${now})`);
      await db.run(sql`INSERT INTO cases (id, tenant_id, reference, kind, status, subject_id, product_id, details, retention_until, created_at, updated_at)
        VALUES ('c-cron', ${tenantId}, 'CRON-1', 'repair', 'closed', 's-cron', 'p-cron', '{"description":"Lekt water bij Jan"}', ${now - 86_400_000}, ${now}, ${now})`);
    });
    process.env.WRANGLER_SEND_METRICS = 'false';
    process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= 'false';
    mkdirSync(path.join(ROOT, 'dist', 'public'), { recursive: true });
    worker = await unstable_startWorker({
      config: WRANGLER_TOML,
      envFiles: [],
      sendMetrics: false,
      dev: {
        remote: false, persist: persistTo, server: { hostname: '127.0.0.1', port: 0 }, inspector: false, watch: false, liveReload: false,
        logLevel: 'warn', registry: path.join(persistTo, 'registry'), enableContainers: false, generateTypes: false, testScheduled: true,
      },
    });
    await worker.ready;
  }, 120_000);

  afterAll(async () => {
    await worker?.dispose();
    if (persistTo) rmSync(persistTo, { recursive: true, force: true });
  }, 60_000);

  it('anonymises the expired subject once, with a run report; a second tick does nothing more', async () => {
    const read = () =>
      withLocalD1(local, async (db) => ({
        subject: (await db.all<{ last_name: string; anonymized_at: number | null }>(sql`SELECT last_name, anonymized_at FROM subjects WHERE id = 's-cron'`))[0]!,
        audit: await db.all<{ action: string; actor_id: string; fields: string }>(sql`SELECT action, actor_id, fields FROM audit_log WHERE tenant_id = ${tenantId} AND action IN ('subject.anonymised', 'retention.run') ORDER BY seq`),
        leases: await db.all<{ name: string }>(sql`SELECT name FROM job_leases ORDER BY name`),
      }));
    // wrangler's --test-scheduled route runs the Worker's scheduled handler (waitUntil included) with this cron.
    const tick = async () => (await fetch(new URL('/__scheduled?cron=*+*+*+*+*', await worker!.url))).status;
    expect(await tick()).toBe(200);
    expect(await tick()).toBe(200); // the job is not due again for 24 hours
    const seen = await read();
    expect(seen.subject).toMatchObject({ last_name: '[anonymised]' });
    expect(seen.audit.map((a) => [a.action, a.actor_id])).toEqual([['subject.anonymised', 'retention'], ['retention.run', 'retention']]);
    expect(JSON.parse(seen.audit[1]!.fields)).toEqual(['subjects:1', 'batches:1', 'complete:yes', 'repair:1']);
    expect(seen.leases.map((l) => l.name)).toContain('job:retention');
  }, 60_000);
});
