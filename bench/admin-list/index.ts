/**
 * bench/admin-list: "With 1,000,000 cases in the embedded database: p50/p95 of the first page
 * and of a deep keyset page of the case list, filtered and searched, through HTTP (target
 * p95 < 15 ms; the raw keyset query takes ~1 ms here)."
 *
 * 1. The data: BENCH_ADMIN_CASES (1,000,000) cases + subjects + products for one tenant,
 *    generated in SQL into bench/.data/ (generate.ts) or reused from there.
 * 2. HTTP: the real Node host (startNodeHost on 127.0.0.1:<ephemeral>) on that file, an owner
 *    sk_ key and a carrier partner key. A worker thread (client.ts) sends BENCH_ADMIN_REQUESTS
 *    (300) sequential GET /v1/admin/cases per scenario, each with a different value (random
 *    depth, kind/status pair, email, postcode, reference, …), after a warm-up.
 * 3. Raw: the very SQL the list runs (`caseListQuery(...).toSQL()`, same values) on the same
 *    libSQL connection, timed alone — the floor the HTTP figure is compared with.
 * Prints a table with p50/p95 of both and the ratio; asserts nothing about timing; exits 1
 * only when a request failed.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import * as v from 'valibot';
import { eq, like } from 'drizzle-orm';
import { startNodeHost } from '../../worker/src/hosts/node.js';
import { memoryRateLimiter } from '../../worker/src/limiter/memory.js';
import { systemClock } from '../../worker/src/deps.js';
import { apiKeys, partnerOrgs, tenants } from '../../worker/src/db/schema.js';
import { secretKey, tokenHash } from '../../worker/src/admin/tokens.js';
import { uuidv7 } from '../../worker/src/lib/ids.js';
import { caseListQuery } from '../../worker/src/admin/cases/query.js';
import { encodeCursor } from '../../worker/src/admin/cases/cursor.js';
import type { Principal } from '../../worker/src/admin/principal.js';
import { CaseFilterSchema, type CaseFilterInput } from '../../sdk/src/admin/cases.js';
import { queryString, type Query } from '../../sdk/src/admin-client/transport.js';
import { benchDatabase } from './generate.js';
import { caseId, createdAt, email, firstName, KINDS, lastName, postcode, reference, serial, STATUSES } from './data.js';
import type { ClientResult, ClientScenario, ClientSetup } from './client.js';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const N = env('BENCH_ADMIN_CASES', 1_000_000);
const REQUESTS = env('BENCH_ADMIN_REQUESTS', 300);
const WARMUP = env('BENCH_ADMIN_WARMUP', 30);

function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'migrations')) || !existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('repository root (with migrations/) not found');
    dir = up;
  }
  return dir;
}

/** mulberry32: the same "random" values every run. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(42);
const anyN = () => Math.floor(rand() * N);
const deepN = () => Math.floor(N * (0.1 + 0.8 * rand()));
const cursorAt = (n: number, sort: 'created' | 'updated' = 'created') =>
  encodeCursor({ sort, order: 'desc', value: sort === 'created' ? createdAt(n) : createdAt(n) + (n % 5) * 86_400_000, id: caseId(n) });
function kindStatus() {
  const kind = KINDS[Math.floor(rand() * KINDS.length)]!;
  const list = STATUSES[kind];
  return { kind, status: list[Math.floor(rand() * list.length)]! };
}

/** `share`: fraction of BENCH_ADMIN_REQUESTS a scenario runs (broad name searches are slow on purpose: see README). */
type Scenario = { name: string; who: 'owner' | 'carrier'; make: () => CaseFilterInput; share?: number };
const SCENARIOS: Scenario[] = [
  { name: 'first page', who: 'owner', make: () => ({}) },
  { name: 'deep page (cursor 10–90% deep)', who: 'owner', make: () => ({ cursor: cursorAt(deepN()) }) },
  { name: 'first page, sort=updated', who: 'owner', make: () => ({ sort: 'updated' }) },
  { name: 'deep page, sort=updated', who: 'owner', make: () => ({ sort: 'updated', cursor: cursorAt(deepN(), 'updated') }) },
  { name: 'kind+status, first page', who: 'owner', make: () => kindStatus() },
  { name: 'kind+status, deep page', who: 'owner', make: () => ({ ...kindStatus(), cursor: cursorAt(deepN()) }) },
  { name: 'kind only, deep page', who: 'owner', make: () => ({ kind: kindStatus().kind, cursor: cursorAt(deepN()) }) },
  { name: 'created in one month', who: 'owner', make: () => ({ from: '2023-03-01', to: '2023-03-31' }) },
  { name: 'unassigned (org=none), deep', who: 'owner', make: () => ({ org: 'none', cursor: cursorAt(deepN()) }) },
  { name: 'carrier partner, first page', who: 'carrier', make: () => ({}) },
  { name: 'carrier partner, deep page', who: 'carrier', make: () => ({ cursor: cursorAt(deepN()) }) },
  { name: 'search email', who: 'owner', make: () => ({ q: email(anyN()).toUpperCase() }) },
  { name: 'search postcode (~18 hits)', who: 'owner', make: () => ({ q: postcode(anyN()).replace(' ', '').toLowerCase() }) },
  { name: 'search reference', who: 'owner', make: () => ({ q: reference(anyN()).replace('-', '').toLowerCase() }) },
  { name: 'search serial', who: 'owner', make: () => ({ q: serial(anyN()) }) },
  { name: 'search "first last" (~240 of ~9,600)', who: 'owner', make: () => { const n = anyN(); return { q: `${firstName(n)} ${lastName(n)}` }; }, share: 0.2 },
  { name: 'search last name (~9,600 hits)', who: 'owner', make: () => ({ q: lastName(anyN()) }), share: 0.1 },
  { name: 'search email + kind/status', who: 'owner', make: () => ({ q: email(anyN()), ...kindStatus() }) },
];

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};
const ms = (x: number) => x.toFixed(2).padStart(7);

async function main() {
  const root = repoRoot();
  console.log(`admin-list: ${N.toLocaleString('en-US')} cases, ${REQUESTS} requests per scenario`);
  const t0 = performance.now();
  const data = await benchDatabase(root, N, console.log);
  console.log(data.generatedSeconds === null
    ? `  reusing ${path.relative(root, data.file)}`
    : `  generated ${path.relative(root, data.file)} in ${data.generatedSeconds.toFixed(0)} s`);

  const host = await startNodeHost({
    databaseUrl: `file:${data.file}`, port: 0, hostname: '127.0.0.1', migrationsFolder: path.join(root, 'migrations'),
    rateLimiter: memoryRateLimiter({ limit: 1e9, windowMs: 60_000, clock: systemClock }),
  });
  const { db, client } = host.database;
  const [tenant] = await db.select({ id: tenants.id }).from(tenants).limit(1);
  const [carrierOrg] = await db.select({ id: partnerOrgs.id }).from(partnerOrgs).where(eq(partnerOrgs.type, 'carrier'));
  const tenantId = tenant!.id;
  await db.delete(apiKeys).where(like(apiKeys.name, 'bench %'));
  const keys = { owner: secretKey(), carrier: secretKey() };
  const now = Date.now();
  await db.insert(apiKeys).values([
    { id: uuidv7(now), tenantId, name: 'bench owner', prefix: keys.owner.slice(0, 12), secretHash: tokenHash(keys.owner), role: 'owner', partnerOrgId: null, createdBy: 'bench', createdAt: now, lastUsedAt: null, revokedAt: null },
    { id: uuidv7(now), tenantId, name: 'bench carrier', prefix: keys.carrier.slice(0, 12), secretHash: tokenHash(keys.carrier), role: 'partner', partnerOrgId: carrierOrg!.id, createdBy: 'bench', createdAt: now, lastUsedAt: null, revokedAt: null },
  ]);
  const principals: Record<Scenario['who'], Principal> = {
    owner: { type: 'api_key', id: 'bench', tenantId, role: 'owner', partnerOrgId: null, partnerType: null, sessionId: null, displayName: 'bench', locale: 'en' },
    carrier: { type: 'api_key', id: 'bench', tenantId, role: 'partner', partnerOrgId: carrierOrg!.id, partnerType: 'carrier', sessionId: null, displayName: 'bench', locale: 'en' },
  };

  const inputs = SCENARIOS.map((s) => Array.from({ length: Math.max(10, Math.round(REQUESTS * (s.share ?? 1))) }, s.make));

  // Raw: the list's own page query (limit 25 + 1), same values, straight on the connection.
  const raw: number[][] = [];
  for (const [i, s] of SCENARIOS.entries()) {
    const times: number[] = [];
    const queries = inputs[i]!.map((input) => {
      const filter = v.parse(CaseFilterSchema, input);
      return caseListQuery(db, principals[s.who], filter, { limit: filter.limit + 1, cursor: filter.cursor }).toSQL();
    });
    for (const q of queries.slice(0, WARMUP)) await client.execute({ sql: q.sql, args: q.params as never[] });
    for (const q of queries) {
      const t = performance.now();
      await client.execute({ sql: q.sql, args: q.params as never[] });
      times.push(performance.now() - t);
    }
    raw.push(times);
    console.log(`  raw ${s.name}: p95 ${quantile(times, 0.95).toFixed(2)} ms`);
  }

  const scenarios: ClientScenario[] = SCENARIOS.map((s, i) => ({ name: s.name, bearer: keys[s.who], paths: inputs[i]!.map((input) => `/v1/admin/cases${queryString(input as Query)}`) }));
  const setup: ClientSetup = { base: host.url.replace(/\/$/, ''), warmup: WARMUP, scenarios };
  const results = await new Promise<ClientResult[]>((resolve, reject) => {
    const worker = new Worker(new URL('./client.js', import.meta.url), { workerData: setup });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await host.close();

  console.log('');
  console.log(`${'scenario'.padEnd(38)} ${'HTTP p50'.padStart(8)} ${'HTTP p95'.padStart(8)} ${'raw p50'.padStart(8)} ${'raw p95'.padStart(8)} ${'p95 ratio'.padStart(9)}  items/page`);
  let failures = 0;
  const overTarget: string[] = [];
  for (const [i, r] of results.entries()) {
    const h50 = quantile(r.latencies, 0.5), h95 = quantile(r.latencies, 0.95);
    const r50 = quantile(raw[i]!, 0.5), r95 = quantile(raw[i]!, 0.95);
    console.log(`${r.name.padEnd(38)} ${ms(h50)}  ${ms(h95)}  ${ms(r50)}  ${ms(r95)}  ${(h95 / r95).toFixed(1).padStart(7)}×  ${(r.items / r.latencies.length).toFixed(1).padStart(6)}  (n=${r.latencies.length})`);
    if (h95 >= 15) overTarget.push(r.name);
    failures += r.failures.length;
    for (const f of r.failures.slice(0, 3)) console.error(`  failed: ${f}`);
  }
  console.log('');
  console.log('Times in ms; HTTP = sent → last byte, one request in flight, keep-alive; raw = the same page SQL alone.');
  console.log(overTarget.length ? `p95 ≥ 15 ms (target): ${overTarget.join('; ')}` : 'Every scenario’s HTTP p95 is under the 15 ms target.');
  console.log(`Total ${((performance.now() - t0) / 1000).toFixed(0)} s.`);
  if (failures) {
    console.error(`${failures} request(s) failed`);
    process.exitCode = 1;
  }
}

await main();
