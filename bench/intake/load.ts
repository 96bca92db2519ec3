/**
 * The load generator of bench/intake, run in a worker thread so that the client's own CPU
 * (building and parsing HTTP) does not share the server's event loop: on the 2-core bench
 * machine the server gets one core, the client the other, as if the clients were elsewhere.
 *
 * Closed loop: `concurrency` requests in flight over keep-alive sockets, each with its own
 * Idempotency-Key and the same valid body; the next one starts when one finishes.
 */
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

export type LoadSetup = { url: string; headers: Record<string, string>; body: string; concurrency: number };
export type LoadRun = { count: number };
export type LoadResult = { count: number; elapsedMs: number; latenciesMs: number[]; statuses: Record<string, number>; sample: string };

const setup = workerData as LoadSetup;
const target = new URL('/v1/cases', setup.url);
// A fresh agent per run: between runs the sockets idle past the server's keep-alive timeout
// (5 s) while the raw side runs, and reusing one the server is closing gives ECONNRESET.
let agent: http.Agent;
const body = Buffer.from(setup.body);
let serial = 0;

function post(): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        headers: { ...setup.headers, 'content-length': String(body.length), 'idempotency-key': `bench-${process.pid}-${++serial}-${Math.random().toString(36).slice(2)}` },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function run({ count }: LoadRun): Promise<LoadResult> {
  agent = new http.Agent({ keepAlive: true, maxSockets: setup.concurrency, maxFreeSockets: setup.concurrency });
  const latenciesMs: number[] = [];
  const statuses: Record<string, number> = {};
  let sample = '';
  let issued = 0;
  const started = performance.now();
  const loop = async () => {
    while (issued < count) {
      issued++;
      const t0 = performance.now();
      let status: string;
      try {
        const res = await post();
        status = String(res.status);
        if (res.status !== 201 && !sample) sample = res.text.slice(0, 300);
      } catch (err) {
        status = `error:${(err as Error).message}`;
      }
      latenciesMs.push(performance.now() - t0);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: setup.concurrency }, loop));
  const elapsedMs = performance.now() - started;
  agent.destroy();
  return { count, elapsedMs, latenciesMs, statuses, sample };
}

parentPort!.on('message', (msg: LoadRun | 'close') => {
  if (msg === 'close') {
    parentPort!.close();
    return;
  }
  void run(msg).then((r) => parentPort!.postMessage(r));
});
