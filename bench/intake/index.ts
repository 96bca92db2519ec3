/**
 * bench/intake: case submissions per second through the full HTTP stack on the Node host
 * (auth, origin, rate limiter, idempotency, validation, consent check, audit chain, batch
 * write), against the raw libSQL batch of the same rows, in one run on one machine.
 *
 *   HTTP: startNodeHost on 127.0.0.1:<ephemeral> with a temp-file database; a worker thread
 *         keeps CONCURRENCY POST /v1/cases in flight over keep-alive sockets, each with its
 *         own Idempotency-Key and a valid repair case.
 *   raw:  a second temp-file database opened with the same `openLibsql` (same PRAGMAs, same
 *         client), CONCURRENCY loops calling `client.batch` with the 7 statements that
 *         `writeCase` sends, rendered ahead of time.
 *
 * Warm-up, then ROUNDS alternating rounds (raw, HTTP) of COUNT/ROUNDS each so drift (WAL
 * growth, checkpoints, page cache) hits both sides alike. Prints rates, ratio and latency;
 * asserts nothing about timing. Exits 1 only when a request was not answered 201.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { sql } from 'drizzle-orm';
import type { Client, InStatement } from '@libsql/client';
import { startNodeHost } from '../../worker/src/hosts/node.js';
import { openLibsql, migrateLibsql } from '../../worker/src/db/libsql.js';
import { memoryRateLimiter } from '../../worker/src/limiter/memory.js';
import { systemClock } from '../../worker/src/deps.js';
import { AuditWriter } from '../../worker/src/audit/log.js';
import { createTenant } from '../../worker/src/tenants/create.js';
import { validCase, ORIGIN, PRIVACY_URL } from '../../worker/src/testing/harness.js';
import type { Db } from '../../worker/src/db/types.js';
import type { PublicConfig } from '../../sdk/src/schemas/index.js';
import { rawBatches } from './raw.js';
import type { LoadResult, LoadSetup } from './load.js';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const CONCURRENCY = env('BENCH_CONCURRENCY', 12);
const WARMUP = env('BENCH_WARMUP', 300);
const COUNT = env('BENCH_COUNT', 3000);
const ROUNDS = env('BENCH_ROUNDS', 3);
const USER_AGENT = 'aftercare-bench';

function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'migrations')) || !existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('repository root (with migrations/) not found');
    dir = up;
  }
  return dir;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function countCases(db: Db): Promise<number> {
  const [row] = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM cases`);
  return Number(row!.n);
}

const SYNCHRONOUS = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];

/**
 * The PRAGMAs that CONCURRENCY concurrent reads see: @libsql/client keeps a pool of connections
 * (up to 20) and each concurrent call borrows its own, while `openLibsql` runs its PRAGMAs
 * once, i.e. on one connection. Printed because it decides what a commit costs (fsync or not).
 */
async function pragmas(client: Client): Promise<string> {
  const sets = await Promise.all(Array.from({ length: CONCURRENCY }, () => client.batch(['PRAGMA synchronous', 'PRAGMA busy_timeout', 'PRAGMA secure_delete'], 'read')));
  const tally = new Map<string, number>();
  for (const [sync, busy, secure] of sets.map((rs) => rs.map((r) => Number(Object.values(r.rows[0] ?? {})[0])))) {
    const k = `synchronous=${SYNCHRONOUS[sync!] ?? sync} busy_timeout=${busy} secure_delete=${secure}`;
    tally.set(k, (tally.get(k) ?? 0) + 1);
  }
  return [...tally].map(([k, n]) => `${n}× ${k}`).join(' | ');
}

/** CONCURRENCY loops over `batches`, each taking the next one until none is left. */
async function runRaw(client: Client, batches: InStatement[][]): Promise<number> {
  let next = 0;
  const started = performance.now();
  const loop = async () => {
    while (next < batches.length) await client.batch(batches[next++]!, 'deferred');
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, loop));
  return performance.now() - started;
}

function startLoad(setup: LoadSetup) {
  const worker = new Worker(new URL('./load.js', import.meta.url), { workerData: setup });
  const run = (count: number) =>
    new Promise<LoadResult>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.postMessage({ count });
    });
  return { run, close: async () => { worker.postMessage('close'); await worker.terminate(); } };
}

const root = repoRoot();
const migrations = path.join(root, 'migrations');
const dir = mkdtempSync(path.join(os.tmpdir(), 'aftercare-bench-'));
try {
  // HTTP side: the real Node host; the rate limiter is set out of the way.
  const host = await startNodeHost({
    databaseUrl: `file:${path.join(dir, 'http.db')}`,
    port: 0,
    hostname: '127.0.0.1',
    migrationsFolder: migrations,
    rateLimiter: memoryRateLimiter({ limit: 1e9, windowMs: 60_000, clock: systemClock }),
  });
  const httpTenant = await createTenant(host.database.db, new AuditWriter(host.database.db), Date.now(), { name: 'Bench Winkel', origins: [ORIGIN], privacyUrl: PRIVACY_URL });
  const baseUrl = `http://127.0.0.1:${host.port}`;
  const headers = { authorization: `Bearer ${httpTenant.publishableKey}`, origin: ORIGIN, 'content-type': 'application/json', 'user-agent': USER_AGENT };
  const cfgRes = await fetch(`${baseUrl}/v1/config`, { headers });
  if (!cfgRes.ok) throw new Error(`GET /v1/config answered ${cfgRes.status}`);
  const httpBody = validCase('repair', (await cfgRes.json()) as PublicConfig);

  // Raw side: its own database, opened the same way, with a tenant of its own.
  const raw = await openLibsql(`file:${path.join(dir, 'raw.db')}`);
  await migrateLibsql(raw.db, migrations);
  const rawTenant = await createTenant(raw.db, new AuditWriter(raw.db), Date.now(), { name: 'Bench Winkel', origins: [ORIGIN], privacyUrl: PRIVACY_URL });
  const [text] = await raw.db.all<{ id: string; sha256: string }>(sql`SELECT id, sha256 FROM consent_texts WHERE tenant_id = ${rawTenant.tenantId} AND locale = 'nl'`);
  const rawBody = { ...httpBody, consent: { ...httpBody.consent, textId: text!.id, textHash: text!.sha256 } };
  const batches = await rawBatches(raw.db, rawTenant.tenantId, rawBody, WARMUP + COUNT, { ip: '127.0.0.1', userAgent: USER_AGENT });

  const load = startLoad({ url: baseUrl, headers, body: JSON.stringify(httpBody), concurrency: CONCURRENCY });
  const statuses: Record<string, number> = {};
  const latencies: number[] = [];
  let sample = '';
  const tally = (r: LoadResult) => {
    for (const [k, n] of Object.entries(r.statuses)) statuses[k] = (statuses[k] ?? 0) + n;
    sample ||= r.sample;
  };

  // Warm-up (JIT, page cache, sockets, connection pool), not counted.
  tally(await load.run(WARMUP));
  await runRaw(raw.client, batches.slice(0, WARMUP));

  let rawMs = 0;
  let httpMs = 0;
  let rawBusy = 0;
  let httpBusy = 0;
  let done = WARMUP;
  const perRound = Math.ceil(COUNT / ROUNDS);
  let measured = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const n = Math.min(perRound, COUNT - measured);
    let elu = performance.eventLoopUtilization();
    rawMs += await runRaw(raw.client, batches.slice(done, done + n));
    rawBusy += performance.eventLoopUtilization(elu).active;
    done += n;
    elu = performance.eventLoopUtilization();
    const res = await load.run(n);
    httpBusy += performance.eventLoopUtilization(elu).active;
    tally(res);
    httpMs += res.elapsedMs;
    latencies.push(...res.latenciesMs);
    measured += n;
  }
  await load.close();

  const rawRate = (measured / rawMs) * 1000;
  const httpRate = (measured / httpMs) * 1000;
  latencies.sort((a, b) => a - b);
  const [httpCases, rawCases] = [await countCases(host.database.db), await countCases(raw.db)];
  const [httpPragmas, rawPragmas] = [await pragmas(host.database.client), await pragmas(raw.client)];

  console.log(`bench/intake  node ${process.version}, ${os.availableParallelism()} CPUs, concurrency ${CONCURRENCY}, ${measured} measured (+${WARMUP} warm-up) per side in ${ROUNDS} alternating rounds`);
  console.log(`  raw libSQL batch (7 statements)  ${fmt(rawRate).padStart(7)} batches/s   ${fmt(rawMs / 1000, 2)} s`);
  console.log(`  HTTP POST /v1/cases (Node host)  ${fmt(httpRate).padStart(7)} cases/s     ${fmt(httpMs / 1000, 2)} s   latency p50 ${fmt(quantile(latencies, 0.5), 2)} ms  p99 ${fmt(quantile(latencies, 0.99), 2)} ms`);
  console.log(`  main thread busy per submission: raw ${fmt(rawBusy / measured, 3)} ms, HTTP ${fmt(httpBusy / measured, 3)} ms (the server's event loop; the client runs in a worker thread)`);
  console.log(`  ratio http/raw = ${fmt(httpRate / rawRate, 2)}   (target ≥ 0.70)`);
  console.log(`  PRAGMAs seen by ${CONCURRENCY} concurrent reads: HTTP db ${httpPragmas}`);
  console.log(`  ${' '.repeat(String(CONCURRENCY).length + 35)}raw db  ${rawPragmas}`);
  console.log(`  rows: ${httpCases} cases via HTTP, ${rawCases} via raw; HTTP statuses ${JSON.stringify(statuses)}`);

  await host.close();
  raw.close();
  const expected = WARMUP + measured;
  if (Object.keys(statuses).some((s) => s !== '201') || httpCases !== expected || rawCases !== expected) {
    console.error(`bench/intake: not every submission was stored (expected ${expected} cases each side)${sample ? `; first non-201 answer: ${sample}` : ''}`);
    process.exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
