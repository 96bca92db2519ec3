import * as v from 'valibot';
import { toFieldErrors } from '../../../sdk/src/schemas/field-errors.js';
import type { Errors, FieldSpec, Values } from '../fields/types.js';
import { rowCount } from '../fields/visit-windows.js';

/**
 * The object a schema checks, from the fields under `prefix`. Empty answers are left out (so a
 * required one reads as `required`), as are choices no longer offered.
 */
export function collect(values: Values, fields: FieldSpec[], prefix: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const pick = (name: string) => values[name] || undefined;
  for (const f of fields) {
    if (!f.name.startsWith(`${prefix}.`)) continue;
    const key = f.name.slice(prefix.length + 1);
    if (f.type === 'windows') {
      const rows = Array.from({ length: rowCount({ values }, f) }, (_, i) => ({
        date: pick(`${f.name}.${i}.date`),
        part: pick(`${f.name}.${i}.part`),
      }));
      if (rows.length) out[key] = rows;
      continue;
    }
    const value = pick(f.name);
    if (value !== undefined && (!f.options || f.options.includes(value))) out[key] = value;
  }
  return out;
}

/**
 * Field errors of the fields under `prefix` against `schema`, by full dot path. An empty answer
 * always reads `required`, whatever code the schema gave it (a missing key of a strict object
 * comes out of `toFieldErrors` as `unknown_field`).
 */
export function check(schema: v.GenericSchema, values: Values, fields: FieldSpec[], prefix: string): Errors {
  const input = collect(values, fields, prefix);
  const result = v.safeParse(schema, input);
  const answered: Values = {};
  const walk = (o: unknown, at: string): void => {
    if (o && typeof o === 'object') for (const [k, x] of Object.entries(o)) walk(x, `${at}.${k}`);
    else if (String(o ?? '').trim()) answered[at] = String(o);
  };
  walk(input, prefix);
  return result.success ? {} : fieldErrors(answered, toFieldErrors(result.issues), prefix);
}

/**
 * `{ path, code }` list (from the schema or a 422 answer) → errors by full path. Unanswered is
 * always `required`; `required` on an answer means it is too short (`text(10, …)`).
 */
export function fieldErrors(answered: Values, list: { path: string; code: string }[], prefix = ''): Errors {
  const errors: Errors = {};
  for (const { path, code } of list) {
    const full = path ? `${prefix}${prefix && '.'}${path}` : prefix;
    const given = Object.keys(answered).some((k) => k === full || k.startsWith(`${full}.`));
    errors[full] = !given ? 'required' : code === 'required' ? 'too_short' : code;
  }
  return errors;
}
