import { createServer, request, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A tiny reverse proxy in front of the real server that fails the first `failures`
 * `POST /v1/cases` with a 503 problem document, and forwards everything else.
 *  - `refuse`: the failed attempts never reach the server;
 *  - `lose-answer`: they do (the case is stored), but the consumer's browser gets the 503 —
 *    the answer was lost on the way back.
 * The proxy also plays a retailer site of its own (its own origin): HTML it serves carries the
 * key made for that origin instead of the demo key, as a retailer pastes the key it was given.
 */
export type FailingProxy = {
  url: string;
  /** The key its pages carry: made for `url` once the proxy listens (`aftercare key create`). */
  setPageKey(key: string): void;
  /** Every `POST /v1/cases` that arrived, in order: the Idempotency-Key and what the browser got. */
  posts: { idempotencyKey: string; status: number; replayed?: boolean }[];
  close(): Promise<void>;
};

const HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'accept-encoding', 'upgrade']);

type Upstream = { status: number; headers: IncomingHttpHeaders; data: Buffer };

/**
 * Forwards one request as a reverse proxy does: same method, path, headers (Host included, so
 * the server sees the origin the browser used), body. A response that carries bytes beyond its
 * Content-Length is cut at Content-Length, as browsers do, instead of failing the request.
 */
function forwardTo(target: string, req: IncomingMessage, headers: Record<string, string>, payload: Buffer): Promise<Upstream> {
  return new Promise((resolve, reject) => {
    let res: IncomingMessage | undefined;
    const chunks: Buffer[] = [];
    const done = () => resolve({ status: res!.statusCode ?? 502, headers: res!.headers, data: Buffer.concat(chunks) });
    const up = request(new URL(req.url ?? '/', target), { method: req.method, agent: false, headers: { ...headers, 'content-length': String(payload.length) } }, (r) => {
      res = r;
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', done);
    });
    // past a complete message, the parser's complaint about the extra bytes is not a failure: 'end' follows
    up.on('error', (err) => void (res?.complete ? res.readableEnded && done() : reject(err)));
    up.end(payload);
  });
}

function body(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startFailingProxy(opts: {
  target: string;
  failures: number;
  mode: 'refuse' | 'lose-answer';
  demoKey: string;
}): Promise<FailingProxy> {
  const posts: FailingProxy['posts'] = [];
  let pageKey = '';
  let failed = 0;
  const server = createServer(async (req, res) => {
    try {
      const payload = await body(req);
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (!HOP.has(k) && typeof v === 'string') headers[k] = v;
      const forward = () => forwardTo(opts.target, req, headers, payload);
      const intake = req.method === 'POST' && req.url?.split('?')[0] === '/v1/cases';
      if (intake && failed < opts.failures) {
        failed++;
        if (opts.mode === 'lose-answer') await forward();
        posts.push({ idempotencyKey: headers['idempotency-key'] ?? '', status: 503 });
        res.writeHead(503, { 'content-type': 'application/problem+json', 'retry-after': '0' });
        res.end(JSON.stringify({ type: 'about:blank', title: 'Service Unavailable', status: 503, code: 'internal' }));
        return;
      }
      const upstream = await forward();
      if (intake) posts.push({ idempotencyKey: headers['idempotency-key'] ?? '', status: upstream.status, replayed: upstream.headers['idempotent-replayed'] === 'true' });
      const out: Record<string, string | string[]> = {};
      for (const [k, v] of Object.entries(upstream.headers)) if (v !== undefined && !HOP.has(k)) out[k] = v;
      let data = upstream.data;
      if (String(upstream.headers['content-type']).startsWith('text/html')) {
        if (!pageKey) throw new Error('setPageKey first');
        data = Buffer.from(data.toString('utf8').replaceAll(opts.demoKey, pageKey));
      }
      res.writeHead(upstream.status, out);
      res.end(data);
    } catch (err) {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(String(err));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    setPageKey: (key) => void (pageKey = key),
    posts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
