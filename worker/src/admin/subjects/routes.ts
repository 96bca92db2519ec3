import { Hono } from 'hono';
import * as v from 'valibot';
import { SubjectSearchQuerySchema, type SubjectDetail } from '../../../../sdk/src/admin/subjects.js';
import { problem } from '../../lib/problem.js';
import type { AdminEnv } from '../env.js';
import { requirePermission, requireTenant } from '../guards.js';
import { tenantOf } from '../principal.js';
import { accessExport } from './access-export.js';
import { anonymise } from './anonymise.js';
import { invalidIssues } from '../http/body.js';
import { caseSummary, findSubject, subjectRecords } from './read.js';
import { rectify } from './rectify.js';
import { searchSubjects } from './search.js';
import { searchTerms } from './search-terms.js';
import { withdrawConsent } from './withdraw.js';

/**
 * R6/R9/R10/R11 data-subject rights. `subjects.manage` (owner, staff): find, view, rectify,
 * access export, withdraw consent. `subjects.erase` (owner): anonymise.
 * Another tenant's subject is 404, never 403.
 */
export function subjectRoutes() {
  const r = new Hono<AdminEnv>();
  const manage = requirePermission('subjects.manage');
  r.use('*', requireTenant);

  r.get('/', manage, async (c) => {
    const parsed = v.safeParse(SubjectSearchQuerySchema, { q: c.req.query('q') });
    if (!parsed.success) return invalidIssues(parsed.issues);
    return c.json(await searchSubjects(c.var.deps.db, tenantOf(c.var.principal), searchTerms(parsed.output.q)));
  });

  r.get('/:id', manage, async (c) => {
    const { db } = c.var.deps;
    const tenantId = tenantOf(c.var.principal);
    const subject = await findSubject(db, tenantId, c.req.param('id'));
    if (!subject) return problem('not_found');
    const records = await subjectRecords(db, tenantId, subject.id);
    return c.json<SubjectDetail>({ subject, cases: records.cases.map(caseSummary), products: records.products, consents: records.consents });
  });

  r.patch('/:id', manage, rectify);
  r.get('/:id/export', manage, accessExport);
  r.post('/:id/consents/:consentId/withdraw', manage, withdrawConsent);
  r.post('/:id/anonymise', requirePermission('subjects.erase'), anonymise);
  return r;
}
