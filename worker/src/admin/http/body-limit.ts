import type { MiddlewareHandler } from 'hono';
import { problem } from '../../lib/problem.js';
import type { AdminEnv } from '../env.js';
import { bodyLimitFor } from './limits.js';

/** The error a limited body's stream fails with once more than its limit was read. */
export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`The body is larger than ${limit} bytes.`);
  }
}

/** 413 `payload_too_large`, naming this route's limit. */
export const tooLarge = (limit: number) =>
  problem('payload_too_large', { detail: `The body may be at most ${Math.floor(limit / 1024)} KB on this route.` }, { connection: 'close' });

/**
 * `source` as a stream that fails with BodyTooLarge after `limit` bytes. Lazy: the source is
 * not locked or read until the body is, and its lock is released at the limit, so the host can
 * still drain or discard the rest (wrangler dev's drain middleware fails on a locked body).
 */
function limited(source: ReadableStream<Uint8Array>, limit: number): ReadableStream<Uint8Array> {
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  let seen = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        reader ??= source.getReader();
        const { done, value } = await reader.read();
        if (done) return controller.close();
        seen += value.byteLength;
        if (seen <= limit) return controller.enqueue(value);
        const error = new BodyTooLarge(limit);
        controller.error(error);
        void reader.cancel(error).catch(() => {});
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * Issue 9 item 2: no admin body is read past its limit (limits.ts), whoever sends it; runs
 * before CSRF and authentication, so it also covers the unauthenticated sign-in.
 *
 * - A declared Content-Length over the limit is answered 413 at once: nothing is read.
 * - Any other body (chunked, or a Content-Length the body does not keep to) is counted as it is
 *   read: its stream fails with BodyTooLarge once the limit is passed, which `readBody`
 *   (body.ts) answers with 413. The source is not cancelled: the host drains or closes the
 *   connection after the answer (cancelling would reset the socket before the 413 is sent).
 *
 * Nothing is buffered here: a request refused later (CSRF, 401) never has its body read.
 */
export const bodyLimit: MiddlewareHandler<AdminEnv> = async (c, next) => {
  const limit = bodyLimitFor(c.req.method, c.req.path.replace(/^\/v1\/admin/, ''));
  const declared = c.req.header('content-length');
  if (declared !== undefined && /^\s*\d+\s*$/.test(declared) && Number(declared) > limit) return tooLarge(limit);
  const body = c.req.raw.body;
  if (body) {
    c.req.raw = new Request(c.req.raw, { body: limited(body, limit), duplex: 'half' } as RequestInit);
  }
  return next();
};
