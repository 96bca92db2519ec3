import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyLocalD1Migrations } from '../worker/src/hosts/cloudflare-local.js';
import { startLocalWorker, WRANGLER_TOML, type LocalWorker } from './workerd/local-worker.js';

/**
 * Issue 9 item 2 in the Worker (real workerd through wrangler, local D1): the same 64 KB limit
 * as on Node. Bodies stay small and the chunked one comes last: under `wrangler dev` a
 * middleware of wrangler's drains an unread request body before the answer leaves, and after a
 * body the Worker stopped reading half-way, wrangler's local proxy answers the NEXT request 503
 * ("worker restarted mid-request"), a behaviour of that local proxy. The 250 MB
 * cases run against the Node host (admin-body-limit.test.ts).
 */
let persistTo: string;
let worker: LocalWorker | undefined;

beforeAll(async () => {
  persistTo = mkdtempSync(path.join(tmpdir(), 'aftercare-workerd-limit-'));
  await applyLocalD1Migrations({ configPath: WRANGLER_TOML, persistTo });
  worker = await startLocalWorker(persistTo);
}, 120_000);
afterAll(async () => {
  await worker?.stop();
  rmSync(persistTo, { recursive: true, force: true });
});

describe('admin body limit in workerd (issue 9 item 2)', () => {
  it('sign-in bodies over 64 KB are 413, with a Content-Length or chunked', async () => {
    const login = (body: string) =>
      fetch(`${worker!.url}/v1/admin/auth/login`, { method: 'POST', headers: { origin: worker!.url, 'x-aftercare-csrf': '1', 'content-type': 'application/json' }, body });
    const credentials = JSON.stringify({ loginCode: 'niemand', password: 'fout' });

    expect((await login(credentials)).status).toBe(401);
    const declared = await login(credentials + ' '.repeat(100_000));
    expect([declared.status, ((await declared.json()) as { code: string }).code]).toEqual([413, 'payload_too_large']);

    // Without Content-Length: a stream of 200 KB goes out chunked and is counted while read.
    const piece = new TextEncoder().encode(' '.repeat(16 * 1024));
    let pieces = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pieces++ === 0) controller.enqueue(new TextEncoder().encode(credentials));
        else if (pieces > 13) controller.close();
        else controller.enqueue(piece);
      },
    });
    const chunked = await fetch(`${worker!.url}/v1/admin/auth/login`, {
      method: 'POST', headers: { origin: worker!.url, 'x-aftercare-csrf': '1', 'content-type': 'application/json' }, body: stream, duplex: 'half',
    } as RequestInit);
    expect([chunked.status, ((await chunked.json()) as { code: string }).code]).toEqual([413, 'payload_too_large']);
  }, 60_000);
});
