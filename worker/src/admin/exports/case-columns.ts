import type { AdminCaseView } from '../../../../sdk/src/admin/cases.js';
import { PROJECTION, type Audience, type CaseField } from '../projection.js';

/**
 * CSV columns of a case export: the fields the caller's audience may see (R22, the one
 * PROJECTION table), flattened (`subject.email` is a column). `consents`, `notes` and `history`
 * belong to the detail view and are not part of list exports; `assignedOrg` becomes its id and name;
 * `details` (kind-specific answers) is one JSON cell.
 */
const NOT_IN_LIST: readonly CaseField[] = ['consents', 'notes', 'history'];

export function csvColumns(audience: Audience): string[] {
  return PROJECTION[audience]
    .filter((f) => !NOT_IN_LIST.includes(f))
    .flatMap((f) => (f === 'assignedOrg' ? ['assignedOrg.id', 'assignedOrg.name'] : [f]));
}

/** The value of a (dotted) column in a projected case document; undefined when not there. */
export function columnValue(doc: AdminCaseView, column: string): unknown {
  const dot = column.indexOf('.');
  const top = (doc as Record<string, unknown>)[dot < 0 ? column : column.slice(0, dot)];
  if (dot < 0) return top;
  return top && typeof top === 'object' ? (top as Record<string, unknown>)[column.slice(dot + 1)] : undefined;
}
