import type { Context } from 'hono';
import * as v from 'valibot';
import { toFieldErrors } from '../../../../sdk/src/schemas/field-errors.js';
import { problem } from '../../lib/problem.js';

/** A JSON body checked against a schema, or the 400/422 refusal to return (per-field errors). */
export async function readBody<S extends v.GenericSchema>(c: Context, schema: S): Promise<{ ok: true; data: v.InferOutput<S> } | { ok: false; res: Response }> {
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    return { ok: false, res: problem('invalid_json') };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, res: problem('validation_failed', { errors: [{ path: '', code: 'invalid_type', message: 'The body must be a JSON object.' }] }) };
  }
  const parsed = v.safeParse(schema, body);
  if (!parsed.success) return { ok: false, res: problem('validation_failed', { errors: toFieldErrors(parsed.issues) }) };
  return { ok: true, data: parsed.output };
}

/** One field's refusal as a 422. */
export const fieldProblem = (path: string, code: string, message: string) => problem('validation_failed', { errors: [{ path, code, message }] });

/** 429 with Retry-After (seconds), in the header and the body. */
export const rateLimited = (seconds: number) => problem('rate_limited', { retryAfter: seconds, detail: `Too many failed attempts; try again in ${seconds} s.` }, { 'retry-after': String(seconds) });
