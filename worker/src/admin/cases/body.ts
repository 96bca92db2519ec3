import * as v from 'valibot';
import type { Context } from 'hono';
import { toFieldErrors, type FieldError } from '../../../../sdk/src/schemas/index.js';
import { problem } from '../../lib/problem.js';

const MAX_BODY = 64 * 1024;

/** 422 `validation_failed` with these per-field errors. */
export const invalid = (errors: FieldError[]) => problem('validation_failed', { errors });

/**
 * The JSON body checked against `schema`: 415 without a JSON content type, 413, 400
 * `invalid_json`, or 422 `validation_failed` with per-field errors. Nothing is written before this passes.
 */
export async function readBody<S extends v.GenericSchema>(c: Context, schema: S): Promise<{ data: v.InferOutput<S> } | { refusal: Response }> {
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(c.req.header('content-type') ?? '')) return { refusal: problem('unsupported_media_type') };
  const raw = await c.req.text();
  if (raw.length > MAX_BODY) return { refusal: problem('payload_too_large') };
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return { refusal: problem('invalid_json') };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { refusal: invalid([{ path: '', code: 'invalid_type', message: 'The body must be a JSON object.' }]) };
  const parsed = v.safeParse(schema, body);
  return parsed.success ? { data: parsed.output } : { refusal: invalid(toFieldErrors(parsed.issues)) };
}

/** The query string as an object (last value wins). */
export function queryObject(url: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, val] of new URL(url).searchParams) out[k] = val;
  return out;
}

/** Thrown inside an audit append (serialised per tenant) to answer without writing anything. */
export class Refused extends Error {
  constructor(readonly response: Response) {
    super('refused');
  }
}
