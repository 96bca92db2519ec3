import * as v from 'valibot';
import type { Context } from 'hono';
import { toFieldErrors, type FieldError } from '../../../../sdk/src/schemas/index.js';
import { problem } from '../../lib/problem.js';
import { OriginSchema } from '../../tenants/create.js';
import { checkPasswordPolicy } from '../auth/policy.js';

const MAX_BODY = 64 * 1024;

/**
 * The JSON body checked against `schema`: 400 `invalid_json`, 413, or 422 `validation_failed`
 * with per-field errors. Nothing is written before this passes.
 */
export async function readBody<S extends v.GenericSchema>(
  c: Context,
  schema: S,
  /** Checks the schema cannot make (origins, password rules), run on the raw body so one answer lists every field's error. */
  more: (body: Record<string, unknown>) => FieldError[] = () => [],
): Promise<{ data: v.InferOutput<S> } | { refusal: Response }> {
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
  const errors = [...(parsed.success ? [] : toFieldErrors(parsed.issues)), ...more(body as Record<string, unknown>)];
  const seen = new Set<string>();
  const unique = errors.filter((e) => !seen.has(e.path) && !!seen.add(e.path));
  if (!parsed.success || unique.length) return { refusal: invalid(unique) };
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

const ORIGIN_MESSAGE = 'An origin is scheme://host[:port] without a path, e.g. https://shop.example.';

/** Per-index errors for the strings of `list` that are not origins (OriginSchema of tenants/create.ts). */
export function originErrors(list: unknown, path: string): FieldError[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((o, i) => (typeof o === 'string' && !v.is(OriginSchema, o) ? [fieldError(`${path}.${i}`, 'invalid_format', ORIGIN_MESSAGE)] : []));
}

/** The password rules (ASVS 5) on a raw body's password, when it is a string. */
export function passwordErrors(password: unknown, loginCode: unknown, path = 'password'): FieldError[] {
  if (typeof password !== 'string') return [];
  return checkPasswordPolicy(password, { loginCode: typeof loginCode === 'string' ? loginCode.trim() : null, path });
}
