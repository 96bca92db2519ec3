import { CASE_KINDS } from '../../../../sdk/src/schemas/case.js';
import { ADMIN_CASE_STATUSES } from '../../../../sdk/src/admin/workflow.js';
import type { CaseFilterInput } from '../../../../sdk/src/admin/cases.js';

/** The list's filter lives in the URL hash (`#/cases?status=new&q=…`), so a filtered list is a link. */
export const FILTER_KEYS = ['kind', 'status', 'org', 'from', 'to', 'q', 'sort', 'order'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filter = Partial<Record<FilterKey, string>>;

export function filterFrom(query: URLSearchParams): Filter {
  const f: Filter = {};
  for (const k of FILTER_KEYS) {
    const val = query.get(k)?.trim();
    if (val) f[k] = val;
  }
  return f;
}

/** The API's filter (unknown values dropped rather than refused: a hand-edited link still works). */
export function apiFilter(f: Filter): CaseFilterInput {
  const out: CaseFilterInput = {};
  if (f.kind && (CASE_KINDS as readonly string[]).includes(f.kind)) out.kind = f.kind as CaseFilterInput['kind'];
  if (f.status && (ADMIN_CASE_STATUSES as readonly string[]).includes(f.status)) out.status = f.status as CaseFilterInput['status'];
  if (f.org) out.org = f.org;
  if (f.from) out.from = f.from;
  if (f.to) out.to = f.to;
  if (f.q) out.q = f.q;
  if (f.sort === 'updated') out.sort = 'updated';
  if (f.order === 'asc') out.order = 'asc';
  return out;
}

/** `created-desc` … for the one sort control. */
export const SORTS = [
  ['created', 'desc', 'sortCreatedDesc'],
  ['created', 'asc', 'sortCreatedAsc'],
  ['updated', 'desc', 'sortUpdatedDesc'],
  ['updated', 'asc', 'sortUpdatedAsc'],
] as const;
