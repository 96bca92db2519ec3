import * as v from 'valibot';
import { toFieldErrors } from '../../../../sdk/src/schemas/index.js';
import { problem } from '../../lib/problem.js';

/** The query string as an object (last value wins), without the keys in `omit`. */
export function queryObject(url: string, omit: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, val] of new URL(url).searchParams) if (!omit.includes(k)) out[k] = val;
  return out;
}

/** Parses a query object with `schema`: the output, or a 422 validation_failed with per-field errors. */
export function parseQuery<S extends v.GenericSchema>(schema: S, query: Record<string, string>): { output: v.InferOutput<S> } | { refusal: Response } {
  const parsed = v.safeParse(schema, query);
  if (parsed.success) return { output: parsed.output };
  return { refusal: problem('validation_failed', { errors: toFieldErrors(parsed.issues) }) };
}
