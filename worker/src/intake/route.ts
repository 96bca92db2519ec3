import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { describeRoute, resolver } from 'hono-openapi';
import { CaseCreatedSchema, CaseInputSchema, ProblemSchema } from '../../../sdk/src/schemas/index.js';
import { problem } from '../lib/problem.js';
import { sha256Hex } from '../lib/hash.js';
import { ipBucket } from '../lib/ip-bucket.js';
import type { AppEnv } from '../http/env.js';
import { checkCase } from './check-case.js';
import { findAnswer, IDEMPOTENCY_KEY, InFlight, isIdempotencyConflict, type StoredAnswer } from './idempotency.js';
import { writeCase } from './write-case.js';

const problemContent = { 'application/problem+json': { schema: resolver(ProblemSchema) } };

function replay(answer: StoredAnswer, requestHash: string): Response {
  if (answer.requestHash !== requestHash) {
    return problem('idempotency_key_reused', { detail: 'Use a new Idempotency-Key for a different request.' });
  }
  return new Response(answer.body, { status: answer.status, headers: { 'content-type': 'application/json', 'idempotent-replayed': 'true' } });
}

/** `POST /v1/cases`: a consumer opens a case (R1) with consent (R4, R5). */
export function intakeRoutes() {
  const inFlight = new InFlight();
  const app = new Hono<AppEnv>();
  app.post(
    '/',
    describeRoute({
      summary: 'Open a case',
      description: 'Writes subject, product, case, consent evidence and audit entry atomically. Requires an Idempotency-Key.',
      parameters: [{ name: 'Idempotency-Key', in: 'header', required: true, schema: { type: 'string', maxLength: 255 } }],
      requestBody: { required: true, content: { 'application/json': { schema: resolver(CaseInputSchema) } } },
      responses: {
        201: { description: 'Created (or replayed with Idempotent-Replayed: true)', content: { 'application/json': { schema: resolver(CaseCreatedSchema) } } },
        400: { description: 'Missing Idempotency-Key or invalid JSON', content: problemContent },
        401: { description: 'Missing or unknown publishable key', content: problemContent },
        403: { description: 'Origin not allowed', content: problemContent },
        409: { description: 'Same Idempotency-Key still in flight', content: problemContent },
        413: { description: 'Body over 64 KB', content: problemContent },
        415: { description: 'Not application/json', content: problemContent },
        422: { description: 'Validation, consent or idempotency-key reuse', content: problemContent },
        429: { description: 'Rate limited; see Retry-After', content: problemContent },
      },
    }),
    async (c, next) => bodyLimit({ maxSize: c.var.config.maxBodyBytes, onError: () => problem('payload_too_large') })(c, next),
    async (c) => {
      const { db, clock, rateLimiter, clientIp } = c.var.deps;
      const tenant = c.var.tenant;
      const key = c.req.header('idempotency-key');
      if (!key || !IDEMPOTENCY_KEY.test(key)) {
        return problem('idempotency_key_required', { detail: 'Send an Idempotency-Key header (1–255 printable ASCII characters).' });
      }
      if (!/^application\/json\s*(;|$)/i.test(c.req.header('content-type') ?? '')) return problem('unsupported_media_type');

      const raw = await c.req.text();
      const requestHash = sha256Hex(raw);
      const slot = `${tenant.id}\n${key}`;
      if (!inFlight.enter(slot)) return problem('idempotency_in_flight', { detail: 'Retry after the first request has finished.' }, { 'retry-after': '1' });
      try {
        const now = clock.now();
        // The key's stored answer is read only where it matters: before refusing anything, and
        // when the write finds the key taken. A fresh submission pays no extra read for it.
        const refuse = async (refusal: Response) => {
          const stored = await findAnswer(db, tenant.id, key, now);
          return stored ? replay(stored, requestHash) : refusal;
        };
        const ip = clientIp(c);
        // Per publishable key and client network: an IPv4 address or an IPv6 /64, like the
        // sign-in throttle (one subscriber holds a whole /64 and could rotate through it).
        const limited = await rateLimiter.limit(`${c.var.keyId}:${ipBucket(ip)}`);
        if (!limited.ok) return refuse(problem('rate_limited', { retryAfter: limited.retryAfter }, { 'retry-after': String(limited.retryAfter) }));
        const checked = await checkCase(raw, tenant, c.var.lookups);
        if ('refusal' in checked) return refuse(checked.refusal);

        const input = checked.input;
        const evidence = { ip, userAgent: (c.req.header('user-agent') ?? '').slice(0, 512), pageUrl: input.pageUrl ?? refererUrl(c.req.header('referer')) };
        try {
          const created = await writeCase(db, c.var.audit, tenant.id, now, input, evidence, { key, requestHash, ttlMs: c.var.config.idempotencyTtlMs });
          return c.json(created, 201);
        } catch (err) {
          if (!isIdempotencyConflict(err)) throw err;
          const winner = await findAnswer(db, tenant.id, key, now);
          if (!winner) throw err;
          return replay(winner, requestHash);
        }
      } finally {
        inFlight.leave(slot);
      }
    },
  );
  return app;
}

function refererUrl(referer: string | undefined): string | null {
  if (!referer) return null;
  try {
    const u = new URL(referer);
    return /^https?:$/.test(u.protocol) ? u.href.slice(0, 2048) : null;
  } catch {
    return null;
  }
}
