import type { Context } from 'hono';
import { AnonymiseRequestSchema, type AnonymiseResult } from '../../../../sdk/src/admin/subjects.js';
import { anonymiseSubject } from '../../anonymise/index.js';
import { problem } from '../../lib/problem.js';
import type { AdminEnv } from '../env.js';
import { actorOf, tenantOf } from '../principal.js';
import { readBody } from '../http/body.js';

/** `POST /subjects/:id/anonymise` `{ confirm: true }` (R10): irreversible erasure; owners only. */
export async function anonymise(c: Context<AdminEnv>) {
  const body = await readBody(c, AnonymiseRequestSchema);
  if (!body.ok) return body.res;
  const { db, clock } = c.var.deps;
  const outcome = await anonymiseSubject(db, c.var.audit, {
    tenantId: tenantOf(c.var.principal),
    subjectId: c.req.param('id')!,
    actor: actorOf(c.var.principal),
    now: clock.now(),
  });
  if (!outcome.ok) {
    return outcome.reason === 'not_found' ? problem('not_found') : problem('conflict', { detail: 'This subject was already anonymised.' });
  }
  const { ok: _ok, ...result } = outcome;
  return c.json<AnonymiseResult>(result);
}
