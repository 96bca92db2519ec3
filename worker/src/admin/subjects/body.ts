import * as v from 'valibot';
import type { Context } from 'hono';
import { toFieldErrors } from '../../../../sdk/src/schemas/field-errors.js';
import { problem } from '../../lib/problem.js';

/** The request body as JSON, or 400 `invalid_json`. */
export async function readJson(c: Context): Promise<{ value: unknown } | { refusal: Response }> {
  try {
    return { value: JSON.parse(await c.req.text()) as unknown };
  } catch {
    return { refusal: problem('invalid_json') };
  }
}

/** Parses a JSON body with an sdk schema: 400 `invalid_json`, or 422 with per-field errors. */
export async function parseBody<S extends v.GenericSchema>(c: Context, schema: S): Promise<{ value: v.InferOutput<S> } | { refusal: Response }> {
  const read = await readJson(c);
  if ('refusal' in read) return read;
  const body = read.value;
  const parsed = v.safeParse(schema, body);
  if (!parsed.success) return { refusal: problem('validation_failed', { errors: toFieldErrors(parsed.issues) }) };
  return { value: parsed.output };
}

/** 422 from valibot issues of an already-parsed value. */
export const invalid = (issues: readonly v.BaseIssue<unknown>[]) => problem('validation_failed', { errors: toFieldErrors(issues) });
