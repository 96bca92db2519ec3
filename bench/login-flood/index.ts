/**
 * bench/login-flood: what parallel sign-in attempts do to the lockout and to everyone else
 * (README "Admin page and admin API" → sign-in). Starts the real Node host
 * (`node dist/node/server.js`, built by `npm run bench`) as a CHILD process on 127.0.0.1 with a
 * fresh temp database per scenario, then:
 *
 * 1. 25 parallel `POST /v1/admin/auth/login` for the demo owner: 24 wrong passwords, the right
 *    one sent last. Prints how many were checked (answered `invalid_credentials`), refused
 *    (429/503) and whether the right one signed in (it should not: the budget is spent).
 * 2. 100 parallel sign-ins with unknown login codes from one client, and meanwhile one
 *    `GET /v1/config` with the demo publishable key. Prints the answers by status, the host's
 *    peak RSS (VmHWM) before and after, and how long the config request took.
 *
 * Figures of one run on one machine; nothing asserts on timing. Exits 1 only when the host or
 * a request misbehaves (no answer, a 5xx other than 503 `busy`).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { request } from 'node:http';
import { startProcess } from '../../test/spawn.js';

const MB = 1024 * 1024;
// Bundled to bench/.out/login-flood/index.js by bench/run.mjs: the repository is three folders up.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function peakRss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmHWM:\s+(\d+) kB/m.exec(status)![1]) * 1024;
}

type Host = { base: string; key: string; owner: { code: string; password: string }; pid: number; stop: () => Promise<void>; dir: string };

async function startHost(): Promise<Host> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'aftercare-bench-login-'));
  const env = { DATABASE_URL: `file:${path.join(dir, 'a.db')}`, PORT: '0', HOST: '127.0.0.1', JOBS: 'off' };
  const server = await startProcess(path.join(root, 'dist/node/server.js'), env, /Stop with Ctrl\+C/);
  const out = server.output();
  const base = /running on (http:\/\/localhost:\d+)/.exec(out)![1]!;
  const key = /publishable key\s+(pk_\S+)/.exec(out)![1]!;
  const [, code, password] = /(\S+)\s+(\S+)\s+owner\s*$/m.exec(out)!;
  return { base, key, owner: { code: code!, password: password! }, pid: server.child.pid!, dir, stop: async () => { await server.stop(); rmSync(dir, { recursive: true, force: true }); } };
}

/**
 * One request on its own connection (`agent: false`), as 100 separate clients would send it:
 * fetch's shared pool would queue requests in the client and blur what the server does.
 */
function send(url: string, o: { method?: string; headers: Record<string, string>; body?: string }): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: o.method ?? 'GET', headers: o.headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(o.body);
  });
}

async function login(h: Host, loginCode: string, password: string): Promise<{ status: number; code: string }> {
  const res = await send(`${h.base}/v1/admin/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: h.base, 'x-aftercare-csrf': '1' },
    body: JSON.stringify({ loginCode, password }),
  });
  let body: { code?: string; stage?: string } = {};
  try {
    body = JSON.parse(res.text) as typeof body;
  } catch {
    /* not JSON: counted by status alone */
  }
  return { status: res.status, code: body.code ?? body.stage ?? '' };
}

const tally = (rs: { status: number; code: string }[]) => {
  const m = new Map<string, number>();
  for (const r of rs) m.set(`${r.status} ${r.code}`, (m.get(`${r.status} ${r.code}`) ?? 0) + 1);
  return [...m].map(([k, n]) => `${n}× ${k}`).join(', ');
};

let bad = false;
console.log(`bench/login-flood  node ${process.version}, ${os.availableParallelism()} CPUs, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; a fresh host (dist/node/server.js) per scenario`);

{
  const h = await startHost();
  try {
    const attempts = [...Array.from({ length: 24 }, (_, i) => `wrong-password-${i}-xyz`), h.owner.password];
    const results = await Promise.all(attempts.map((p) => login(h, h.owner.code, p)));
    const signedIn = results.at(-1)!.status === 200;
    const checked = results.filter((r) => r.code === 'invalid_credentials').length;
    console.log(`  25 parallel sign-ins for one account (right password last): ${tally(results)}`);
    console.log(`    wrong passwords checked: ${checked} of 24; right password signed in: ${signedIn ? 'YES (lockout beaten)' : 'no'}`);
    if (results.some((r) => r.status >= 500 && r.status !== 503)) bad = true;
  } finally {
    await h.stop();
  }
}

{
  const h = await startHost();
  try {
    await new Promise((r) => setTimeout(r, Number(process.env.BENCH_SETTLE_MS ?? 500)));
    const before = peakRss(h.pid);
    const started = performance.now();
    const floods = Array.from({ length: 100 }, (_, i) => login(h, `nobody-${i}`, 'not-the-password-123'));
    await new Promise((r) => setTimeout(r, 50));
    const t0 = performance.now();
    const config = await send(`${h.base}/v1/config`, { headers: { authorization: `Bearer ${h.key}`, origin: h.base } });
    const configMs = performance.now() - t0;
    let settled = 0;
    const results = await Promise.all(floods.map((f) => f.then((r) => (settled++, r))));
    const floodMs = performance.now() - started;
    const after = peakRss(h.pid);
    console.log(`  100 parallel unknown-code sign-ins: ${tally(results)} in ${(floodMs / 1000).toFixed(1)} s`);
    console.log(`    host peak RSS ${(before / MB).toFixed(1)} MB before, ${(after / MB).toFixed(1)} MB after (+${((after - before) / MB).toFixed(1)} MB)`);
    console.log(`    GET /v1/config sent meanwhile: HTTP ${config.status} in ${configMs.toFixed(0)} ms`);
    if (config.status !== 200 || results.some((r) => r.status >= 500 && r.status !== 503)) bad = true;
  } finally {
    await h.stop();
  }
}
process.exitCode = bad ? 1 : 0;
