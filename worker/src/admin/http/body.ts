import type { Context } from 'hono';
import * as v from 'valibot';
import { toFieldErrors, type FieldError } from '../../../../sdk/src/schemas/index.js';
import { problem } from '../../lib/problem.js';
import { BodyTooLarge, tooLarge } from './body-limit.js';

/** `application/json` or a `+json` type, with or without parameters. */
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

export const isJsonContentType = (value: string | undefined) => JSON_TYPE.test(value ?? '');

/** One field's error. */
export const fieldError = (path: string, code: string, message: string): FieldError => ({ path, code, message });

/** 422 `validation_failed` with these per-field errors. */
export const invalid = (errors: FieldError[]) => problem('validation_failed', { errors });

/** One field's refusal as a 422. */
export const fieldProblem = (path: string, code: string, message: string) => invalid([fieldError(path, code, message)]);

/** Checks a schema cannot make (origins, password rules, the clock, existing rows), run on the raw object. */
export type MoreChecks = (body: Record<string, unknown>) => FieldError[] | Promise<FieldError[]>;

export type BodyResult<T> = { ok: true; data: T } | { ok: false; res: Response };

/** The body's text, or the BodyTooLarge its stream failed with (body-limit.ts). */
async function textWithin(c: Context): Promise<string | BodyTooLarge> {
  try {
    return await c.req.text();
  } catch (err) {
    if (err instanceof BodyTooLarge) return err;
    if (err instanceof Error && err.cause instanceof BodyTooLarge) return err.cause;
    throw err;
  }
}

/**
 * THE body reader of the admin API: the JSON object body checked against `schema`, or the
 * refusal to answer with, the same for every route —
 * 415 `unsupported_media_type` without a JSON content type, 413 `payload_too_large` past the
 * route's limit, 400 `invalid_json`, 422 `validation_failed` with per-field `errors` (unknown
 * fields, wrong types, and whatever `more` finds; one error per path). Nothing is written
 * before this passes.
 */
export async function readBody<S extends v.GenericSchema>(c: Context, schema: S, more?: MoreChecks): Promise<BodyResult<v.InferOutput<S>>> {
  if (!isJsonContentType(c.req.header('content-type'))) return { ok: false, res: problem('unsupported_media_type') };
  const raw = await textWithin(c);
  if (raw instanceof BodyTooLarge) return { ok: false, res: tooLarge(raw.limit) };
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return { ok: false, res: problem('invalid_json') };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, res: invalid([fieldError('', 'invalid_type', 'The body must be a JSON object.')]) };
  }
  const parsed = v.safeParse(schema, body);
  const errors = [...(parsed.success ? [] : toFieldErrors(parsed.issues)), ...(more ? await more(body as Record<string, unknown>) : [])];
  const seen = new Set<string>();
  const unique = errors.filter((e) => !seen.has(e.path) && !!seen.add(e.path));
  if (!parsed.success || unique.length) return { ok: false, res: invalid(unique) };
  return { ok: true, data: parsed.output };
}

/** 422 `validation_failed` from valibot issues (query strings, values checked after reading). */
export const invalidIssues = (issues: readonly v.BaseIssue<unknown>[]) => invalid(toFieldErrors(issues));
