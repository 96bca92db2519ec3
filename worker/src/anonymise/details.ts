/** What replaces erased text (R10). Not a value anyone typed, so searches never match it by accident. */
export const ERASED = '[anonymised]'; // = ERASED_MODEL (sdk/src/admin/stats.ts), the erased product model

/**
 * Kind-specific answers that are structured and not personal, kept for statistics: warranty
 * mode and end date, visit windows (date + part of day), return/exchange reason code and
 * preferred resolution. Everything else in `cases.details` — descriptions, the reason text,
 * order numbers, and any field added later that is not listed here — is replaced.
 */
const KEEP = new Set(['mode', 'warrantyEndDate', 'visitWindows', 'reason', 'preferredResolution']);

export function erasedDetails(details: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(details ?? {})) {
    if (key === 'visitWindows' && Array.isArray(value)) out[key] = value.map(visitWindow);
    else if (KEEP.has(key) && (typeof value === 'string' || value === null)) out[key] = value;
    else out[key] = typeof value === 'string' ? ERASED : null;
  }
  return out;
}

function visitWindow(w: unknown) {
  const o = (typeof w === 'object' && w !== null ? w : {}) as Record<string, unknown>;
  return { date: typeof o.date === 'string' ? o.date : null, part: typeof o.part === 'string' ? o.part : null };
}
