import type { FieldError } from '../../../../sdk/src/schemas/index.js';
import { instantMs } from '../../../../sdk/src/admin/breaches.js';
import { existingTenants } from '../../breaches/store.js';
import type { Db } from '../../db/types.js';
import { fieldError } from '../http/body.js';

/** Checks of breach bodies the schema cannot make: the clock, and which tenants exist. Run on the raw body. */

/** `date_in_future` when a parsable instant lies after `now`; `before_discovery` when it precedes `notBefore`. */
export function instantErrors(value: unknown, path: string, now: number, notBefore?: number): FieldError[] {
  const ms = instantMs(value);
  if (!Number.isFinite(ms)) return [];
  if (ms > now) return [fieldError(path, 'date_in_future', 'This moment lies in the future.')];
  if (notBefore !== undefined && ms < notBefore) return [fieldError(path, 'before_discovery', 'This moment lies before the breach was discovered.')];
  return [];
}

/** The distinct tenant ids of a raw list, and `unknown_tenant` per index of an id that is not a tenant. */
export async function tenantIdErrors(db: Db, raw: unknown, path: string): Promise<{ ids: string[]; errors: FieldError[] }> {
  if (!Array.isArray(raw)) return { ids: [], errors: [] };
  const strings = raw.filter((x): x is string => typeof x === 'string' && x.length > 0 && x.length <= 64);
  const found = await existingTenants(db, [...new Set(strings)]);
  const errors = raw.flatMap((x, i) => (typeof x === 'string' && strings.includes(x) && !found.has(x) ? [fieldError(`${path}.${i}`, 'unknown_tenant', 'No tenant has this id.')] : []));
  return { ids: [...new Set(strings)], errors };
}
