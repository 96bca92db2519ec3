/**
 * bench/admin-export: "CSV export of 100,000 cases: rows/s and peak RSS (target < 200 MB)".
 *
 * Seeds a temp-file database with BENCH_EXPORT_ROWS (100,000) cases in raw SQL, then for each
 * run starts the real Node host (`node dist/node/server.js`, built by `npm run bench`) as a
 * CHILD process on 127.0.0.1, downloads an export over HTTP with an owner sk_ key, and reads
 * the child's /proc/<pid>/status: VmRSS before the request, VmHWM (peak RSS since start) after.
 * A fresh child per run, so each peak belongs to one export. Runs: CSV of 20% of the cases,
 * CSV of all, JSON of all — if the stream holds one chunk at a time, the peak does not grow
 * with the row count. Afterwards it checks each export-log row (row count = rows received,
 * one export_subjects row per case). Prints a table; exits 1 only when an export went wrong.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { openLibsql, migrateLibsql } from '../../worker/src/db/libsql.js';
import { startProcess } from '../../test/spawn.js';
import { seed } from './seed.js';

const ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 100_000);
const MB = 1024 * 1024;

function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'migrations')) || !existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('repository root (with migrations/) not found');
    dir = up;
  }
  return dir;
}

/** VmRSS and VmHWM (peak resident set size) of a process, in bytes. */
function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

/** CPU time (user + system) a process has used, in seconds (clock ticks of 1/100 s). */
function cpuOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

type Run = { label: string; path: string; expected: number; rows: number; bytes: number; ttfbMs: number; ms: number; rssBefore: number; hwmBefore: number; peak: number; cpuS: number; exportId: string };

async function exportRun(root: string, env: Record<string, string>, key: string, label: string, urlPath: string, expected: number): Promise<Run> {
  const server = await startProcess(path.join(root, 'dist/node/server.js'), env, /running on http:\/\/localhost:\d+/);
  try {
    const port = Number(/running on http:\/\/localhost:(\d+)/.exec(server.output())![1]);
    const pid = server.child.pid!;
    await new Promise((r) => setTimeout(r, 500)); // let start-up garbage settle
    const before = memoryOf(pid);
    const cpuBefore = cpuOf(pid);
    const started = performance.now();
    const res = await fetch(`http://127.0.0.1:${port}/v1/admin${urlPath}`, { headers: { authorization: `Bearer ${key}` } });
    const ttfbMs = performance.now() - started;
    if (res.status !== 200) throw new Error(`${label}: HTTP ${res.status} ${await res.text()}`);
    const json = urlPath.includes('.json');
    let bytes = 0;
    let newlines = 0;
    const reader = res.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      for (let i = 0; i < value.length; i++) if (value[i] === 0x0a) newlines++;
    }
    const ms = performance.now() - started;
    const after = memoryOf(pid);
    const cpuS = cpuOf(pid) - cpuBefore;
    // CSV: one CRLF per record, minus the header. JSON: `[` + "\n" doc (",\n" doc)… + "]\n".
    const rows = newlines - 1;
    return { label, path: urlPath, expected, rows, bytes, ttfbMs, ms, rssBefore: before.rss, hwmBefore: before.hwm, peak: after.hwm, cpuS, exportId: res.headers.get('x-aftercare-export-id') ?? '' };
  } finally {
    await server.stop();
  }
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const root = repoRoot();
if (!existsSync(path.join(root, 'dist/node/server.js'))) throw new Error('dist/node/server.js is missing: run `npm run build` (npm run bench does)');
const dir = mkdtempSync(path.join(os.tmpdir(), 'aftercare-bench-export-'));
try {
  const dbFile = path.join(dir, 'export.db');
  const handle = await openLibsql(`file:${dbFile}`);
  await migrateLibsql(handle.db, path.join(root, 'migrations'));
  const seeding = performance.now();
  const { tenantId, key } = await seed(handle.db, ROWS);
  const seedMs = performance.now() - seeding;
  handle.close();

  const env: Record<string, string> = { DATABASE_URL: `file:${dbFile}`, PORT: '0', HOST: '127.0.0.1' };
  if (process.env.BENCH_EXPORT_NODE_OPTIONS) env.NODE_OPTIONS = process.env.BENCH_EXPORT_NODE_OPTIONS;
  // The first start of the host creates its demo tenant: do that once, outside the measured runs.
  await (await startProcess(path.join(root, 'dist/node/server.js'), env, /running on http:\/\/localhost:\d+/)).stop();
  const returns = Math.floor(ROWS / 5);
  const runs: Run[] = [];
  runs.push(await exportRun(root, env, key, `CSV, ${fmt(returns)} cases (kind=return)`, '/exports/cases.csv?kind=return', returns));
  runs.push(await exportRun(root, env, key, `CSV, ${fmt(ROWS)} cases (all)`, '/exports/cases.csv', ROWS));
  runs.push(await exportRun(root, env, key, `JSON, ${fmt(ROWS)} cases (all)`, '/exports/cases.json', ROWS));

  // What the export log says about each run.
  const check = await openLibsql(`file:${dbFile}`);
  const problems: string[] = [];
  for (const r of runs) {
    const [log] = await check.db.all<{ row_count: number; kind: string }>(sql`SELECT row_count, kind FROM export_log WHERE id = ${r.exportId} AND tenant_id = ${tenantId}`);
    const [subjects] = await check.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM export_subjects WHERE export_id = ${r.exportId}`);
    if (!log || log.row_count !== r.expected || r.rows !== r.expected || Number(subjects!.n) !== r.expected) {
      problems.push(`${r.label}: expected ${r.expected} rows, received ${r.rows}, logged ${log?.row_count ?? 'nothing'}, ${subjects?.n ?? 0} subjects recorded`);
    }
  }
  check.close();

  console.log(`bench/admin-export  node ${process.version}, ${os.availableParallelism()} CPUs, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; ${fmt(ROWS)} cases seeded in ${fmt(seedMs / 1000, 1)} s; one fresh Node host (dist/node/server.js) per run; HTTP on 127.0.0.1, owner sk_ key`);
  const header = ['run', 'rows', 'MB sent', 'first byte', 'total', 'rows/s', 'server CPU', 'rows/CPU-s', 'RSS before', 'peak RSS (VmHWM)', 'peak - before'];
  const table = runs.map((r) => [
    r.label, fmt(r.rows), fmt(r.bytes / MB, 1), `${fmt(r.ttfbMs)} ms`, `${fmt(r.ms / 1000, 2)} s`, fmt(r.rows / (r.ms / 1000)), `${fmt(r.cpuS, 1)} s`, fmt(r.rows / r.cpuS),
    `${fmt(r.rssBefore / MB, 1)} MB`, `${fmt(r.peak / MB, 1)} MB`, `${fmt((r.peak - r.rssBefore) / MB, 1)} MB`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')}`;
  console.log(line(header));
  for (const row of table) console.log(line(row));
  const [small, all] = runs;
  console.log(`  peak RSS of the ${fmt(ROWS)}-row CSV vs the ${fmt(returns)}-row CSV: ${fmt(all!.peak / MB, 1)} MB vs ${fmt(small!.peak / MB, 1)} MB (${fmt(all!.peak / small!.peak, 2)}×) for ${fmt(ROWS / returns, 1)}× the rows; target peak < 200 MB: ${runs.every((r) => r.peak < 200 * MB) ? 'met' : 'NOT met'}`);
  console.log(`  every run's export-log row written before the first byte holds its row count; subjects recorded per chunk: ${problems.length ? 'NO' : 'yes'}`);
  if (problems.length) {
    console.error(`bench/admin-export: ${problems.join('; ')}`);
    process.exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
