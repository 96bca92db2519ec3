/**
 * bench/admin-list client (a worker thread, so its CPU does not share the server's event loop):
 * for each scenario, sequential GETs over keep-alive, one request in flight, timing each from
 * send to the last byte of the body. Posts back the latencies (ms) per scenario.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';

export type ClientScenario = { name: string; paths: string[]; bearer: string };
export type ClientSetup = { base: string; warmup: number; scenarios: ClientScenario[] };
export type ClientResult = { name: string; latencies: number[]; items: number; failures: string[] };

const { base, warmup, scenarios } = workerData as ClientSetup;
const results: ClientResult[] = [];
for (const s of scenarios) {
  const headers = { authorization: `Bearer ${s.bearer}`, accept: 'application/json' };
  const result: ClientResult = { name: s.name, latencies: [], items: 0, failures: [] };
  for (let i = 0; i < warmup; i++) await (await fetch(base + s.paths[i % s.paths.length]!, { headers })).arrayBuffer();
  for (const p of s.paths) {
    const t0 = performance.now();
    const res = await fetch(base + p, { headers });
    const text = await res.text();
    result.latencies.push(performance.now() - t0);
    if (res.status !== 200) result.failures.push(`${res.status} ${p} ${text.slice(0, 200)}`);
    else result.items += (JSON.parse(text) as { items: unknown[] }).items.length;
  }
  results.push(result);
  console.log(`  HTTP ${s.name}: done`);
}
parentPort!.postMessage(results);
