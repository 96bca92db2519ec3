import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CASE_KINDS } from '../../../sdk/src/schemas/case.js';
import { ADMIN_CASE_STATUSES } from '../../../sdk/src/admin/workflow.js';
import type { CaseStatistics, StatCell } from '../../../sdk/src/admin/stats.js';
import { expectNoSmallCell } from './test-cells.js';
import { monthWindow, shapeStats } from './compute.js';
import type { RawStats } from './query.js';
import { suppressList, suppressModels } from './suppress.js';

const NOW = Date.UTC(2026, 5, 15);

/** What cannot be seen of a list that adds up to `total`: 0 or at least 5 cases. */
const hiddenRest = (total: number, cells: StatCell[]) => total - cells.reduce((s, c) => s + (c.count ?? 0), 0);

type Case = { kind: number; status: number; month: number; model: number; closedDays: number | null };
const caseArb = fc.record({
  kind: fc.nat(CASE_KINDS.length - 1),
  status: fc.nat(ADMIN_CASE_STATUSES.length - 1),
  month: fc.nat(40),
  model: fc.nat(12),
  closedDays: fc.option(fc.integer({ min: 0, max: 400 })),
});

/** What the SQL in query.ts returns for these cases (a plain re-implementation). */
function rawOf(cases: Case[]): RawStats {
  const tally = (key: (c: Case) => string) => {
    const m = new Map<string, number>();
    for (const c of cases) m.set(key(c), (m.get(key(c)) ?? 0) + 1);
    return [...m].map(([key, n]) => ({ key, n }));
  };
  const window = monthWindow(NOW, 41);
  const closed = cases.filter((c) => ADMIN_CASE_STATUSES[c.status] === 'closed' && c.closedDays !== null);
  return {
    byKind: tally((c) => CASE_KINDS[c.kind]!),
    byStatus: tally((c) => ADMIN_CASE_STATUSES[c.status]!),
    byMonth: tally((c) => window[c.month]!),
    byModel: tally((c) => `m${c.model}`).map((r) => ({ brand: 'B', model: r.key, n: r.n })),
    resolution: CASE_KINDS.flatMap((k, i) => {
      const d = closed.filter((c) => c.kind === i).map((c) => c.closedDays! * 86_400_000).sort((a, b) => a - b);
      if (!d.length) return [];
      const mid = d.length % 2 ? d[(d.length - 1) / 2]! : (d[d.length / 2 - 1]! + d[d.length / 2]!) / 2;
      return [{ kind: k, n: d.length, medianMs: d.length >= 5 ? mid : null }];
    }),
  };
}

describe('statistics suppression (R23), property-style', () => {
  it('never shows a cell under 5, and nothing under 5 can be recovered by subtraction', () => {
    fc.assert(
      fc.property(fc.array(caseArb, { maxLength: 120 }), fc.integer({ min: 1, max: 41 }), (cases, months) => {
        const stats: CaseStatistics = shapeStats(rawOf(cases), { now: NOW, months });
        expectNoSmallCell(stats);
        const total = cases.length;
        expect(stats.total.suppressed ? null : stats.total.count).toBe(total >= 5 ? total : null);
        if (stats.total.suppressed) return;
        for (const list of [stats.byKind, stats.byStatus, [...stats.byMonth, stats.earlier], [...stats.byModel, stats.otherModels]]) {
          const rest = hiddenRest(total, list);
          expect(rest === 0 || rest >= 5, `hidden rest ${rest}`).toBe(true);
        }
        // A median only over 5 or more closed cases of the kind.
        const raw = rawOf(cases);
        for (const r of stats.resolution) {
          const n = raw.resolution.find((x) => x.kind === r.kind)?.n ?? 0;
          expect(r.suppressed).toBe(n < 5);
          expect(r.medianDays === null).toBe(n < 5);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('suppressList hides the smallest visible cells until the hidden ones add up to 0 or ≥ 5', () => {
    expect(suppressList([10, 3, 7, 0])).toEqual([
      { count: 10, suppressed: false }, { count: null, suppressed: true }, { count: null, suppressed: true }, { count: null, suppressed: true },
    ]);
    expect(suppressList([10, 6, 0]).map((c) => c.count)).toEqual([10, 6, null]);
    expect(suppressList([2, 2, 2]).map((c) => c.count)).toEqual([null, null, null]);
    expect(suppressList([5, 4]).map((c) => c.count)).toEqual([null, null]);
  });

  it('models under 5 are not named; a rest of 1–4 takes the smallest named model with it', () => {
    expect(suppressModels([{ brand: 'A', model: 'x', count: 9 }, { brand: 'A', model: 'y', count: 6 }, { brand: 'B', model: 'rare', count: 2 }])).toEqual({
      byModel: [{ brand: 'A', model: 'x', count: 9 }],
      other: 8,
    });
    expect(suppressModels([{ brand: 'A', model: 'x', count: 9 }, { brand: 'B', model: 'rare', count: 5 }]).other).toBe(0);
  });

  it('months: the window ends at the current month (or a later one with data), oldest first, in UTC', () => {
    expect(monthWindow(Date.UTC(2026, 0, 31, 23, 59), 3)).toEqual(['2025-11', '2025-12', '2026-01']);
    expect(monthWindow(Date.UTC(2026, 0, 1), 2, '2026-03')).toEqual(['2026-02', '2026-03']);
  });
});
