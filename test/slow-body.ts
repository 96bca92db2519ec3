import { request } from 'node:http';

const PIECE = Buffer.alloc(64 * 1024, 0x20);

/** How many bytes a client sends at most before it gives up on an answer. */
export const SEND_CAP = 8 * 1024 * 1024;

export type Outcome = { status: number | null; body: string; sent: number };

/**
 * POSTs to `url` over a real socket, writing JSON whitespace until the server answers or
 * SEND_CAP bytes are sent; at the cap the body is ended when `endAtCap` (a chunked body),
 * otherwise the request is abandoned (status null). A server that reads a whole 250 MB body
 * therefore fails the caller's assertions instead of receiving it.
 */
export function sendSlowBody(url: string, headers: Record<string, string>, endAtCap: boolean): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'POST', headers: { 'x-aftercare-csrf': '1', 'content-type': 'application/json', origin: new URL(url).origin, ...headers } });
    let sent = 0;
    let done = false;
    const finish = (status: number | null, body: string) => {
      if (done) return;
      done = true;
      req.destroy();
      resolve({ status, body, sent });
    };
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => finish(res.statusCode ?? null, body));
      res.on('error', () => finish(res.statusCode ?? null, body));
    });
    req.on('error', () => finish(null, ''));
    const pump = () => {
      while (!done && sent < SEND_CAP) {
        sent += PIECE.length;
        if (!req.write(PIECE)) return void req.once('drain', pump);
      }
      if (done) return;
      if (endAtCap) req.end();
      else finish(null, '');
    };
    req.flushHeaders();
    pump();
  });
}
