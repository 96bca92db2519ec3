import * as v from 'valibot';

/**
 * The one check for calendar dates. valibot's `isoDate` checks the shape only (`2024-02-30`
 * passes it) and JavaScript's Date rolls a day that does not exist over into the next month,
 * so every date field of the API is built from {@link isoDate} here, and instants check their
 * date part with {@link isRealDate}.
 */

const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `YYYY-MM-DD` that exists in the (proleptic Gregorian) calendar: `2024-02-29` does, `2023-02-29` not. */
export function isRealDate(d: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  if (!m) return false;
  const [y, mo, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || day < 1) return false;
  return day <= (mo === 2 && leap(y) ? 29 : DAYS[mo - 1]!);
}

/**
 * A calendar date `YYYY-MM-DD` that exists. Field-error code `invalid_date` for a wrong shape and
 * for a day that does not exist alike (the code the admin API already gave `2025-02-30`; the
 * widget and the admin page translate it).
 */
export const isoDate = v.pipe(v.string('invalid_type'), v.trim(), v.isoDate('invalid_date'), v.check(isRealDate, 'invalid_date'));
