import type { Context, MiddlewareHandler } from 'hono';
import { and, eq, isNull } from 'drizzle-orm';
import { keyOrigins, publishableKeys } from '../db/schema.js';
import type { Db } from '../db/types.js';
import { problem } from '../lib/problem.js';
import type { AppEnv } from './env.js';

const ALLOW_HEADERS = 'authorization, content-type, idempotency-key';
const EXPOSE_HEADERS = 'retry-after, idempotent-replayed';

/**
 * The origin the request comes from. Browsers send `Origin` on cross-origin requests and on
 * POST; a same-origin GET carries none, but then `Sec-Fetch-Site: same-origin` says where it is from.
 * Null for `Origin: null` (sandboxed frames, file://) and for requests that name no origin.
 */
export function requestOrigin(c: Context): string | null {
  const origin = c.req.header('origin');
  if (origin) return origin === 'null' ? null : origin;
  if (c.req.header('sec-fetch-site') === 'same-origin') return new URL(c.req.url).origin;
  return null;
}

/** Whether any active key allows this origin: only then does a preflight or error get CORS headers. */
async function originKnown(db: Db, origin: string): Promise<boolean> {
  const [row] = await db
    .select({ origin: keyOrigins.origin })
    .from(keyOrigins)
    .innerJoin(publishableKeys, eq(publishableKeys.id, keyOrigins.keyId))
    .where(and(eq(keyOrigins.origin, origin), isNull(publishableKeys.revokedAt)))
    .limit(1);
  return !!row;
}

function corsHeaders(origin: string): Record<string, string> {
  return { 'access-control-allow-origin': origin, 'access-control-expose-headers': EXPOSE_HEADERS, vary: 'Origin' };
}

/** Answers CORS preflights: only for origins some tenant allows, never with credentials. */
export const preflight: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method !== 'OPTIONS') return next();
  const origin = c.req.header('origin');
  if (!origin || origin === 'null' || !(await originKnown(c.var.deps.db, origin))) {
    return problem('origin_not_allowed', { detail: 'This origin is not allowed by any publishable key.' }, { vary: 'Origin' });
  }
  return new Response(null, {
    status: 204,
    headers: {
      ...corsHeaders(origin),
      'access-control-allow-methods': 'GET, POST',
      'access-control-allow-headers': ALLOW_HEADERS,
      'access-control-max-age': '600',
    },
  });
};

/**
 * `Authorization: Bearer pk_…` names the tenant (never the body); the request's origin must be
 * exactly one of that key's allowed origins. CORS headers echo only that origin.
 */
export const publishableKeyAuth: MiddlewareHandler<AppEnv> = async (c, next) => {
  const db = c.var.deps.db;
  const origin = requestOrigin(c);
  const withCors = async (res: Response) => {
    if (origin && (await originKnown(db, origin))) for (const [k, v] of Object.entries(corsHeaders(origin))) res.headers.set(k, v);
    return res;
  };
  const match = /^Bearer (pk_[A-Za-z0-9_]{8,64})$/.exec(c.req.header('authorization') ?? '');
  if (!match) return withCors(problem('unauthorized', { detail: 'Send Authorization: Bearer pk_… with a publishable key.' }));
  const info = await c.var.lookups.key(match[1]!);
  if (!info) return withCors(problem('unauthorized', { detail: 'This publishable key is unknown or revoked.' }));
  if (!origin) return problem('origin_not_allowed', { detail: 'The request names no origin.' });
  if (!info.origins.has(origin)) return withCors(problem('origin_not_allowed', { detail: 'This origin is not allowed for this key.' }));
  c.set('tenant', info.tenant);
  c.set('keyId', info.keyId);
  c.set('origin', origin);
  await next();
  for (const [k, v] of Object.entries(corsHeaders(origin))) c.res.headers.set(k, v);
};
