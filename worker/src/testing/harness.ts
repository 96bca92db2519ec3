import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { createApp } from '../app.js';
import { openLibsql, migrateLibsql, type LibsqlHandle } from '../db/libsql.js';
import type { AppConfig, Clock, Deps, RateLimiter } from '../deps.js';
import { AuditWriter } from '../audit/log.js';
import { createTenant } from '../tenants/create.js';
import { repoRoot } from '../hosts/node.js';
import { unlimited } from '../limiter/unlimited.js';
import type { CaseInput, CaseKind, PublicConfig } from '../../../sdk/src/schemas/index.js';

export const ORIGIN = 'https://shop.example';
export const PRIVACY_URL = 'https://shop.example/privacy';

/** A fresh libSQL database in a temp file with all migrations applied. */
export async function tempDatabase(): Promise<LibsqlHandle & { file: string; dispose(): void }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'aftercare-'));
  const file = path.join(dir, 'test.db');
  const handle = await openLibsql(`file:${file}`);
  await migrateLibsql(handle.db, path.join(repoRoot(), 'migrations'));
  return { ...handle, file, dispose: () => { handle.close(); rmSync(dir, { recursive: true, force: true }); } };
}

export type Harness = Awaited<ReturnType<typeof makeHarness>>;

/**
 * The real app on a real database, with one tenant. `request` goes through `app.request`
 * with the tenant's key and origin unless told otherwise.
 */
export async function makeHarness(opts: { clock?: Clock; rateLimiter?: RateLimiter; config?: Partial<AppConfig>; ip?: string; webhookHostCheck?: Deps['webhookHostCheck'] } = {}) {
  const database = await tempDatabase();
  const clock = opts.clock ?? { now: () => Date.now() };
  const app = createApp({ db: database.db, clock, rateLimiter: opts.rateLimiter ?? unlimited, clientIp: () => opts.ip ?? '203.0.113.7', config: opts.config, webhookHostCheck: opts.webhookHostCheck });
  const tenant = await createTenant(database.db, new AuditWriter(database.db), clock.now(), { name: 'Fietsenwinkel Test', origins: [ORIGIN], privacyUrl: PRIVACY_URL });
  const headers = (extra: Record<string, string> = {}) => ({ authorization: `Bearer ${tenant.publishableKey}`, origin: ORIGIN, ...extra });
  const config = async (): Promise<PublicConfig> => (await (await app.request('/v1/config', { headers: headers() })).json()) as PublicConfig;
  const cfg = await config();

  const submit = (body: unknown, extra: Record<string, string> = {}) =>
    app.request('/v1/cases', {
      method: 'POST',
      headers: headers({ 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID(), 'user-agent': 'vitest', ...extra }),
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  /** Rows in every table that a submission writes. */
  const counts = async () => {
    const out: Record<string, number> = {};
    for (const t of ['subjects', 'products', 'cases', 'consents', 'audit_log', 'idempotency_keys']) {
      const [row] = await database.db.all<{ n: number }>(sql.raw(`SELECT count(*) AS n FROM ${t}`));
      out[t] = Number(row!.n);
    }
    return out;
  };

  return { app, database, db: database.db, tenant, headers, config: cfg, submit, counts, validCase: (kind: CaseKind = 'repair') => validCase(kind, cfg), dispose: database.dispose };
}

const DETAILS: Record<CaseKind, unknown> = {
  registration: undefined,
  warranty: { mode: 'claim', faultDescription: 'Het scherm blijft zwart na het opstarten.' },
  repair: { description: 'De machine lekt water tijdens het centrifugeren.' },
  installation: { description: 'Inbouwoven plaatsen in bestaande keuken.', visitWindows: [{ date: '2099-01-15', part: 'morning' }] },
  complaint: { description: 'De bezorger heeft de doos beschadigd afgeleverd.' },
  return: { reason: 'changed_mind', orderNumber: 'ORD-2024-001', preferredResolution: 'refund' },
  exchange: { reason: 'wrong_item', orderNumber: 'ORD-2024-002', preferredResolution: 'other_variant' },
};

/** A complete, valid case of `kind` with consent to the tenant's current Dutch text. */
export function validCase(kind: CaseKind, config: PublicConfig): CaseInput {
  const text = config.consentTexts.nl!;
  const details = DETAILS[kind];
  return {
    kind,
    subject: {
      firstName: 'Jan', lastName: 'de Vries', street: 'Dorpsstraat', houseNumber: '12', houseNumberAddition: 'b',
      postcode: '1234ab', city: 'Utrecht', email: 'jan@example.nl', phone: '06-12345678',
    },
    product: { brand: 'Gazelle', model: 'Ultimate C380', serialNumber: 'GZ-123456', purchaseDate: '2024-04-01', retailer: 'Fietsenwinkel Test' },
    consent: { accepted: true, textId: text.id, textHash: text.hash, locale: 'nl', privacyUrl: config.privacyUrl },
    pageUrl: `${ORIGIN}/service`,
    ...(details ? { details } : {}),
  } as CaseInput;
}
