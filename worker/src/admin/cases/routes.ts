import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import { CaseAssignSchema, CaseFilterSchema, CaseNoteSchema, CaseStatusChangeSchema, type CaseListPage } from '../../../../sdk/src/admin/cases.js';
import { toFieldErrors } from '../../../../sdk/src/schemas/index.js';
import { problem } from '../../lib/problem.js';
import type { AdminEnv } from '../env.js';
import { requirePermission, requireTenant } from '../guards.js';
import { invalid, readBody } from '../http/body.js';
import { queryObject } from '../http/query.js';
import { caseDocuments, CursorError, findCaseRow, listCaseRows } from './query.js';
import { addNote, assignCase, changeStatus, refusable } from './work.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The case as the principal may see it, with consents, notes and history; null when not theirs. */
async function detail(c: Context<AdminEnv>, id: string) {
  const { db } = c.var.deps;
  const row = UUID.test(id) ? await findCaseRow(db, c.var.principal, id.toLowerCase()) : null;
  if (!row) return null;
  const [doc] = await caseDocuments(db, c.var.principal, [row], { consents: true, notes: true, history: true });
  return doc ?? null;
}

const ctx = (c: Context<AdminEnv>) => ({ db: c.var.deps.db, audit: c.var.audit, now: c.var.deps.clock.now(), principal: c.var.principal });

/**
 * Cases: list, detail, status workflow, assignment, notes (issue 4 "Cases").
 * Tenant scope comes from the principal only; another tenant's case, or (for a partner) a case
 * not assigned to its organisation, is a 404. Every response passes the R22 projection.
 *
 * - GET  /            cases.read   ?kind&status&org&from&to&q&sort&order&cursor&limit → CaseListPage
 * - GET  /:id         cases.read   → AdminCaseView with consents, notes, history
 * - POST /:id/status  cases.work   {status} → the case; 409 invalid_transition with the allowed next statuses
 * - POST /:id/assign  cases.assign {organisationId|null} → the case; 422 for an org that is not the tenant's
 * - POST /:id/notes   cases.work   {body, shared} → 201 the note (partners' notes are always shared)
 */
export function caseRoutes() {
  const r = new Hono<AdminEnv>();
  r.use('*', requireTenant);

  r.get('/', requirePermission('cases.read'), async (c) => {
    const parsed = v.safeParse(CaseFilterSchema, queryObject(c.req.url));
    if (!parsed.success) return invalid(toFieldErrors(parsed.issues));
    try {
      const { rows, nextCursor } = await listCaseRows(c.var.deps.db, c.var.principal, parsed.output);
      const page: CaseListPage = { items: await caseDocuments(c.var.deps.db, c.var.principal, rows), nextCursor };
      return c.json(page);
    } catch (err) {
      if (err instanceof CursorError) return invalid([{ path: 'cursor', code: 'invalid_value', message: 'This cursor is not valid for this sort and order.' }]);
      throw err;
    }
  });

  r.get('/:id', requirePermission('cases.read'), async (c) => {
    const doc = await detail(c, c.req.param('id'));
    return doc ? c.json(doc) : problem('not_found');
  });

  r.post('/:id/status', requirePermission('cases.work'), async (c) => {
    const id = c.req.param('id').toLowerCase();
    if (!UUID.test(id) || !(await findCaseRow(c.var.deps.db, c.var.principal, id))) return problem('not_found');
    const body = await readBody(c, CaseStatusChangeSchema);
    if (!body.ok) return body.res;
    const refusal = await refusable(() => changeStatus(ctx(c), id, body.data.status));
    return refusal ?? c.json(await detail(c, id));
  });

  r.post('/:id/assign', requirePermission('cases.assign'), async (c) => {
    const id = c.req.param('id').toLowerCase();
    if (!UUID.test(id) || !(await findCaseRow(c.var.deps.db, c.var.principal, id))) return problem('not_found');
    const body = await readBody(c, CaseAssignSchema);
    if (!body.ok) return body.res;
    const refusal = await refusable(() => assignCase(ctx(c), id, body.data.organisationId));
    return refusal ?? c.json(await detail(c, id));
  });

  r.post('/:id/notes', requirePermission('cases.work'), async (c) => {
    const id = c.req.param('id').toLowerCase();
    if (!UUID.test(id) || !(await findCaseRow(c.var.deps.db, c.var.principal, id))) return problem('not_found');
    const body = await readBody(c, CaseNoteSchema);
    if (!body.ok) return body.res;
    let note: Awaited<ReturnType<typeof addNote>> | undefined;
    const refusal = await refusable(async () => (note = await addNote(ctx(c), id, body.data)));
    return refusal ?? c.json(note, 201);
  });

  return r;
}
