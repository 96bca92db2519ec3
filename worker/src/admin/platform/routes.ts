import { Hono } from 'hono';
import { auditInsert } from '../../audit/log.js';
import { uuidv7 } from '../../lib/ids.js';
import { problem } from '../../lib/problem.js';
import {
  PlatformProfilePutSchema, SubprocessorCreateSchema, SubprocessorPatchSchema, type PlatformProfile, type PlatformSubprocessorList, type SubprocessorCreated,
} from '../../../../sdk/src/admin/platform.js';
import { announceSubprocessor, endSubprocessor, PLATFORM_CHAIN } from '../../registers/announce.js';
import { changedProfileFields, loadPlatformProfile, upsertPlatformProfile } from '../../registers/profile.js';
import { allObjections, allSubprocessors, findSubprocessor, startDateErrors, subprocessorView, withObjections } from '../../registers/subprocessors.js';
import type { AdminEnv } from '../env.js';
import { requirePermission } from '../guards.js';
import { readBody } from '../http/body.js';

/**
 * The platform operator's registers (platform.manage): the processor profile shown in every
 * tenant's art. 30(2) register, and the sub-processor list (R16, R21). Audit chain `_platform`.
 * Breaches and agreement versions live in their own routers.
 */
export function platformRoutes() {
  const r = new Hono<AdminEnv>();
  r.use('*', requirePermission('platform.manage'));

  /** The profile; `isDefault: true` until the operator saves one. */
  r.get('/profile', async (c) => c.json(await loadPlatformProfile(c.var.deps.db)));

  /** Replaces the whole profile; the audit entry names the fields that changed. */
  r.put('/profile', async (c) => {
    const body = await readBody(c, PlatformProfilePutSchema);
    if (!body.ok) return body.res;
    const { db, clock } = c.var.deps;
    const now = clock.now();
    const before = await loadPlatformProfile(db);
    const fields = changedProfileFields(before, body.data);
    if (fields.length) {
      const entry = { id: uuidv7(now), at: now, actorType: 'operator' as const, actorId: c.var.principal.id, action: 'platform.profile.updated', entityType: 'platform_profile', entityId: 'platform', fields };
      await c.var.audit.withAppend(PLATFORM_CHAIN, [entry], (rows) => db.batch([upsertPlatformProfile(db, body.data, now), auditInsert(db, rows)]));
    }
    return c.json((await loadPlatformProfile(db)) satisfies PlatformProfile);
  });

  /** Every sub-processor (ended ones too) with each tenant's objections (tenant name, reason, time). */
  r.get('/subprocessors', async (c) => {
    const { db, clock } = c.var.deps;
    const now = clock.now();
    const views = (await allSubprocessors(db)).map((row) => subprocessorView(row, now));
    return c.json({ items: withObjections(views, await allObjections(db)) } satisfies PlatformSubprocessorList);
  });

  /** Adds a sub-processor and notifies every tenant in the same batch (notice + webhook). */
  r.post('/subprocessors', async (c) => {
    const { db, clock } = c.var.deps;
    const now = clock.now();
    const existing = await allSubprocessors(db);
    const body = await readBody(c, SubprocessorCreateSchema, (raw) => startDateErrors(raw, now, existing));
    if (!body.ok) return body.res;
    const { name, purpose, location, safeguards, startDate } = body.data;
    const done = await announceSubprocessor(db, c.var.audit, { sp: { name, purpose, location, safeguards: safeguards || null, startDate }, operatorId: c.var.principal.id, now });
    const out: SubprocessorCreated = { ...subprocessorView(done.row, now), noticesCreated: done.noticesCreated, webhooksQueued: done.webhooksQueued };
    return c.json(out, 201);
  });

  /** `{ ended: true }`: ends the sub-processor's use now. 409 when it has ended already. */
  r.patch('/subprocessors/:id', async (c) => {
    const { db, clock } = c.var.deps;
    const id = c.req.param('id');
    if (!(await findSubprocessor(db, id))) return problem('not_found');
    const body = await readBody(c, SubprocessorPatchSchema);
    if (!body.ok) return body.res;
    const now = clock.now();
    if (!(await endSubprocessor(db, c.var.audit, { id, operatorId: c.var.principal.id, now }))) return problem('conflict', { detail: 'This sub-processor has ended already.' });
    return c.json(subprocessorView((await findSubprocessor(db, id))!, now));
  });
  return r;
}
