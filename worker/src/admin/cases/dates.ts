/**
 * The case list's date filters are calendar days in Europe/Amsterdam (the tenants' time zone;
 * a tenant has no zone setting yet). Intl works on both hosts (Node and Workers).
 */
export const CASE_TIME_ZONE = 'Europe/Amsterdam';

const fmt = new Intl.DateTimeFormat('en-GB', {
  timeZone: CASE_TIME_ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
});

/** How far Amsterdam's wall clock is ahead of UTC at `ms` (3600000 or 7200000). */
function offsetAt(ms: number): number {
  const p = Object.fromEntries(fmt.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return wall - Math.floor(ms / 1000) * 1000;
}

/** Epoch ms of 00:00 Amsterdam time on `date` (`YYYY-MM-DD`), `days` later. */
export function startOfDay(date: string, days = 0): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d + days);
  const guess = wall - offsetAt(wall);
  return wall - offsetAt(guess);
}
