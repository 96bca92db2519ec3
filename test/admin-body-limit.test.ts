import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startProcess, type Running } from './spawn.js';
import { SEND_CAP, sendSlowBody } from './slow-body.js';

/**
 * Issue 9 item 2 on the built Node host as a process (real sockets, real Content-Length and
 * chunked framing); see slow-body.ts for how a server that reads everything fails.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'aftercare-body-limit-'));
let server: Running;
let url: string;

beforeAll(async () => {
  server = await startProcess('dist/node/server.js', { PORT: '0', JOBS: 'off', DATABASE_URL: `file:${path.join(dir, 'aftercare.db')}` }, /publishable key\s+pk_\S+/);
  url = /running on (http:\/\/\S+)/.exec(server.output())![1]!;
});
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('admin body limit on the built Node host (issue 9 item 2)', () => {
  it('a declared 250 MB Content-Length on sign-in is answered 413 without waiting for the body', async () => {
    const out = await sendSlowBody(`${url}/v1/admin/auth/login`, { 'content-length': String(250 * 1024 * 1024) }, false);
    expect(out.status).toBe(413);
    expect(JSON.parse(out.body)).toMatchObject({ code: 'payload_too_large', status: 413 });
    expect(out.sent).toBeLessThan(SEND_CAP);
  });

  it('a chunked sign-in body is cut off with 413 once past 64 KB', async () => {
    const out = await sendSlowBody(`${url}/v1/admin/auth/login`, {}, true);
    expect(out.status).toBe(413);
    expect(JSON.parse(out.body)).toMatchObject({ code: 'payload_too_large', status: 413 });
    expect(out.sent).toBeLessThan(SEND_CAP);
    // The host is still there for the next caller.
    const res = await fetch(`${url}/v1/admin/auth/login`, {
      method: 'POST',
      headers: { origin: new URL(url).origin, 'x-aftercare-csrf': '1', 'content-type': 'application/json' },
      body: JSON.stringify({ loginCode: 'niemand', password: 'fout' }),
    });
    expect(res.status).toBe(401);
  });
});
