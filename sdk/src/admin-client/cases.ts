import type { AdminCaseNote, AdminCaseView, CaseFilterInput, CaseListPage, CaseNoteInput } from '../admin/cases.js';
import type { AdminCaseStatus } from '../admin/workflow.js';
import type { AdminResult, Query, Transport } from './transport.js';

export { WORKFLOW, nextStatuses, nextStatusesFor, canTransition, statusesOf, ADMIN_CASE_STATUSES, FINAL_STATUSES } from '../admin/workflow.js';

const seg = encodeURIComponent;

/**
 * Cases: `admin.cases.*`. What a case holds depends on the caller's role (R22 projection);
 * a partner sees only cases assigned to its organisation.
 *
 * ```ts
 * let page = await admin.cases.list({ kind: 'repair', status: 'new' });
 * while (page.data?.nextCursor) page = await admin.cases.list({ kind: 'repair', status: 'new', cursor: page.data.nextCursor });
 * ```
 */
export function casesApi(t: Transport) {
  return {
    /** One page of the case list: filters, search `q`, sort, keyset `cursor` (the previous page's `nextCursor`). */
    list: (filter: CaseFilterInput = {}): Promise<AdminResult<CaseListPage>> => t.json('GET', '/cases', { query: filter as Query }),
    /** One case with consent evidence, notes and history (as far as the role may see them). */
    get: (id: string): Promise<AdminResult<AdminCaseView>> => t.json('GET', `/cases/${seg(id)}`),
    /** Moves the case in its kind's workflow; `invalid_transition` (409) lists the allowed next statuses. */
    setStatus: (id: string, status: AdminCaseStatus): Promise<AdminResult<AdminCaseView>> => t.json('POST', `/cases/${seg(id)}/status`, { body: { status } }),
    /** Assigns the case to an active partner organisation of the tenant, or unassigns it (`null`). */
    assign: (id: string, organisationId: string | null): Promise<AdminResult<AdminCaseView>> =>
      t.json('POST', `/cases/${seg(id)}/assign`, { body: { organisationId } }),
    /** Adds an internal note; `shared` makes it visible to the assigned partner (a partner's own notes are always shared). */
    addNote: (id: string, note: CaseNoteInput): Promise<AdminResult<AdminCaseNote>> => t.json('POST', `/cases/${seg(id)}/notes`, { body: note }),
  };
}
export type CasesApi = ReturnType<typeof casesApi>;
