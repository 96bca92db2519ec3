import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as v from 'valibot';
import { isoDate, isRealDate } from './date.js';
import { instantMs } from '../admin/breaches.js';

const issue = (input: unknown) => {
  const r = v.safeParse(isoDate, input);
  return r.success ? null : r.issues[0]!.message;
};

describe('calendar dates', () => {
  it('refuses days that do not exist with invalid_date', () => {
    for (const d of ['2024-02-30', '2023-02-29', '2024-13-01', '2024-04-31', '2024-06-31', '2024-09-31', '2024-11-31', '1900-02-29', '2100-02-29', '2024-00-10', '2024-01-00', '2024-01-32']) {
      expect(isRealDate(d), d).toBe(false);
      expect(issue(d), d).toBe('invalid_date');
    }
  });

  it('accepts days that exist, leap days included', () => {
    for (const d of ['2024-02-29', '2000-02-29', '2023-02-28', '2024-04-30', '2024-12-31', '2024-01-31', ' 2024-02-29 ']) {
      expect(issue(d), d).toBeNull();
    }
    expect(v.parse(isoDate, ' 2024-02-29 ')).toBe('2024-02-29');
  });

  it('refuses other shapes with invalid_date, and non-strings with invalid_type', () => {
    for (const d of ['2024-2-29', '29-02-2024', '2024-02-29T00:00:00Z', '', 'morgen']) expect(issue(d), d).toBe('invalid_date');
    expect(issue(20240229)).toBe('invalid_type');
  });

  it('agrees with the UTC calendar for every day of years 1600..2400 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1600, max: 2400 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const s = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const real = new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
        expect(isRealDate(s)).toBe(real);
        expect(issue(s) === null).toBe(real);
      }),
    );
  });

  it('an instant on a day that does not exist is no instant (Date.parse would roll it into March)', () => {
    expect(instantMs('2024-02-30T09:00:00Z')).toBeNaN();
    expect(instantMs('2023-02-29T09:00:00+01:00')).toBeNaN();
    expect(instantMs('2024-02-29T09:00:00Z')).toBe(Date.UTC(2024, 1, 29, 9));
  });
});
