import { safeParse, type GenericSchema } from 'valibot';
import type { Errors, FieldSpec, Values } from '../fields/types.js';
import { rowCount } from '../fields/visit-windows.js';

/**
 * The object a schema checks, from the fields under `prefix`. Blank answers are left out (a
 * required one then reads `required`), as are choices no longer offered.
 */
export function collect(values: Values, fields: FieldSpec[], prefix: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const pick = (name: string) => (values[name]?.trim() && values[name]) || undefined;
  for (const f of fields) {
    const key = f.name.slice(prefix.length + 1);
    const value = pick(f.name);
    if (!f.name.startsWith(`${prefix}.`)) continue;
    if (f.type === 'windows') {
      const n = rowCount(values, f);
      if (n) out[key] = Array.from({ length: n }, (_, i) => ({ date: pick(`${f.name}.${i}.date`), part: pick(`${f.name}.${i}.part`) }));
    } else if (value && (!f.options || f.options.includes(value))) out[key] = value;
  }
  return out;
}

/** Field errors of the fields under `prefix` against `schema`, by full dot path. */
export function check(schema: GenericSchema, values: Values, fields: FieldSpec[], prefix: string): Errors {
  const input = collect(values, fields, prefix);
  const result = safeParse(schema, input);
  // The issue's message is the field-error code (the widget reads an unknown one as "invalid
  // value"); the first per path wins, as with `toFieldErrors`, without its English texts.
  return result.success ? {} : fieldErrors({ [prefix]: input }, result.issues.map((i) => ({ path: (i.path ?? []).map((p) => p.key).join('.'), code: i.message })).reverse(), prefix);
}

/**
 * `{ path, code }` list (from a schema or a 422 answer) → errors by full path. A blank answer is
 * always `required` (a strict object's missing key otherwise reads `unknown_field`), and
 * `required` on a given answer means it is too short (`text(10, …)`). `given` is what was
 * checked or sent, e.g. `{ subject: { … } }`.
 */
export function fieldErrors(given: object, list: { path: string; code: string }[], prefix = ''): Errors {
  const errors: Errors = {};
  for (const { path, code } of list) {
    const full = [prefix, path].filter(Boolean).join('.');
    const answered = full.split('.').reduce<any>((x, k) => x?.[k], given) !== undefined;
    errors[full] = !answered ? 'required' : code === 'required' ? 'too_short' : code;
  }
  return errors;
}
