import { expect } from 'vitest';
import type { StatCell } from '../../../sdk/src/admin/stats.js';

/** Test helpers (never used by the app). */

/** Every {count, suppressed} object anywhere in a value. */
export function cellsIn(value: unknown, out: StatCell[] = []): StatCell[] {
  if (Array.isArray(value)) for (const v of value) cellsIn(v, out);
  else if (value && typeof value === 'object') {
    if ('suppressed' in value && 'count' in value) out.push(value as StatCell);
    for (const v of Object.values(value)) cellsIn(v, out);
  }
  return out;
}

/** No visible cell under 5; a suppressed cell carries no count. */
export function expectNoSmallCell(stats: unknown) {
  for (const c of cellsIn(stats)) {
    if (c.suppressed) expect(c.count).toBeNull();
    else expect(c.count).toBeGreaterThanOrEqual(5);
  }
}
