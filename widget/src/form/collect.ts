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
  const result = v.safeParse(schema, collect(values, fields, prefix));
  return result.success ? {} : fieldErrors(values, toFieldErrors(result.issues), prefix);
}

/** `{ path, code }` list (from the schema or a 422 answer) → errors by full path. */
export function fieldErrors(values: Values, list: { path: string; code: string }[], prefix = ''): Errors {
  const errors: Errors = {};
  for (const { path, code } of list) {
    const full = prefix && path ? `${prefix}.${path}` : prefix || path;
    errors[full] = values[full] ? code : 'required';
  }
  return errors;
}
