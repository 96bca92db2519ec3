import * as v from 'valibot';
import type { Context } from 'hono';
import { toFieldErrors, type FieldError } from '../../../../sdk/src/schemas/index.js';
import { problem } from '../../lib/problem.js';

const MAX_BODY = 64 * 1024;

/**
 * The JSON body checked against `schema`: 400 `invalid_json`, 413, or 422 `validation_failed`
 * with per-field errors. Nothing is written before this passes.
 */
export async function readBody<S extends v.GenericSchema>(c: Context, schema: S): Promise<{ data: v.InferOutput<S> } | { refusal: Response }> {
  const raw = await c.req.text();
  if (raw.length > MAX_BODY) return { refusal: problem('payload_too_large') };
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return { refusal: problem('invalid_json') };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { refusal: invalid([{ path: '', code: 'invalid_type', message: 'The body must be a JSON object.' }]) };
  }
  const parsed = v.safeParse(schema, body);
  if (!parsed.success) return { refusal: invalid(toFieldErrors(parsed.issues)) };
  return { data: parsed.output };
}

/** 422 `validation_failed` with these per-field errors. */
export const invalid = (errors: FieldError[]) => problem('validation_failed', { errors });

export const fieldError = (path: string, code: string, message: string): FieldError => ({ path, code, message });

/** Thrown inside an audit append (where checks run serialised per tenant) to answer without writing. */
export class Refused extends Error {
  constructor(readonly response: Response) {
    super('refused');
  }
}

/** Runs a write that may throw `Refused`; answers the refusal instead. */
export async function orRefusal<T>(write: () => Promise<T>): Promise<T | Response> {
  try {
    return await write();
  } catch (err) {
    if (err instanceof Refused) return err.response;
    throw err;
  }
}
