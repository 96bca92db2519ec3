import { STATS_MIN_COUNT, type StatCell } from '../../../sdk/src/admin/stats.js';

export const shown = (count: number): StatCell => ({ count, suppressed: false });
export const hidden: StatCell = { count: null, suppressed: true };

/** One cell on its own: suppressed under the minimum (zero included). */
export const cell = (count: number): StatCell => (count >= STATS_MIN_COUNT ? shown(count) : hidden);

/**
 * Cells of a list that adds up to a total someone can see. Primary: every count under 5 is
 * suppressed. Secondary: while the suppressed cells together count 1–4 (recoverable as total
 * minus the visible cells), the smallest visible cell is suppressed too.
 */
export function suppressList(counts: readonly number[]): StatCell[] {
  const hide = counts.map((n) => n < STATS_MIN_COUNT);
  let hiddenSum = counts.reduce((s, n, i) => (hide[i] ? s + n : s), 0);
  while (hiddenSum > 0 && hiddenSum < STATS_MIN_COUNT) {
    let smallest = -1;
    for (let i = 0; i < counts.length; i++) if (!hide[i] && (smallest < 0 || counts[i]! < counts[smallest]!)) smallest = i;
    if (smallest < 0) break;
    hide[smallest] = true;
    hiddenSum += counts[smallest]!;
  }
  return counts.map((n, i) => (hide[i] ? hidden : shown(n)));
}

export type ModelCount = { brand: string; model: string; count: number };

/**
 * Models with ≥ 5 cases listed (most first); the rest counted together. When the rest would be
 * 1–4 the smallest listed model joins it, so it cannot be recovered from the total.
 */
export function suppressModels(models: readonly ModelCount[]): { byModel: ModelCount[]; other: number } {
  const listed = models.filter((m) => m.count >= STATS_MIN_COUNT).sort((a, b) => b.count - a.count || a.brand.localeCompare(b.brand) || a.model.localeCompare(b.model));
  let other = models.reduce((s, m) => (m.count < STATS_MIN_COUNT ? s + m.count : s), 0);
  while (other > 0 && other < STATS_MIN_COUNT && listed.length) other += listed.pop()!.count;
  return { byModel: listed, other };
}
