import * as v from 'valibot';
import type { FieldError } from '../../../../sdk/src/schemas/index.js';
import { OriginSchema } from '../../tenants/create.js';
import { checkPasswordPolicy } from '../auth/policy.js';
import { fieldError } from '../http/body.js';

/** Checks of settings bodies the schemas cannot make, passed to `readBody` (admin/http/body.ts) as its extra check. */

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
