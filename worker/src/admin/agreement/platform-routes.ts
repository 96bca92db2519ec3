import { Hono } from 'hono';
import { AgreementPublishSchema, type AgreementPublished, type PlatformAgreementList } from '../../../../sdk/src/admin/agreement.js';
import { problem } from '../../lib/problem.js';
import { defaultAgreementText } from '../../agreements/default-text.js';
import { publishAgreement, VersionConflict } from '../../agreements/publish.js';
import { agreementHash, allAcceptances, allTenants, allVersions, currentVersion, versionView } from '../../agreements/store.js';
import type { AdminEnv } from '../env.js';
import { requirePermission } from '../guards.js';
import { readBody } from '../http/body.js';

/**
 * R20, the operator's side under /v1/admin/platform-agreements (`platform.manage`): the versions
 * with their acceptance counts, each tenant's latest accepted version, and publishing.
 */
export function platformAgreementRoutes() {
  const r = new Hono<AdminEnv>();
  r.use('*', requirePermission('platform.manage'));

  r.get('/', async (c) => {
    const { db } = c.var.deps;
    const [versions, acceptances, tenants] = await Promise.all([allVersions(db), allAcceptances(db), allTenants(db)]);
    const latest = new Map<string, { version: number; at: number }>();
    for (const a of acceptances) if ((latest.get(a.tenantId)?.version ?? 0) < a.version) latest.set(a.tenantId, a);
    const out: PlatformAgreementList = {
      items: versions.map((v) => ({ ...versionView(v), acceptances: acceptances.filter((a) => a.version === v.version).length })),
      tenants: tenants.map((t) => {
        const a = latest.get(t.id);
        return { tenantId: t.id, tenantName: t.name, acceptedVersion: a?.version ?? null, acceptedAt: a ? new Date(a.at).toISOString() : null };
      }),
      template: defaultAgreementText(),
    };
    return c.json(out);
  });

  /** Publishes version current+1 and a notice to every tenant. 409 when the text equals the current version's. */
  r.post('/', async (c) => {
    const body = await readBody(c, AgreementPublishSchema);
    if (!body.ok) return body.res;
    const { db, clock } = c.var.deps;
    const current = await currentVersion(db);
    if (current && current.sha256 === agreementHash(body.data.text)) return problem('conflict', { detail: `This is the text of version ${current.version}.` });
    try {
      const done = await publishAgreement(db, c.var.audit, { text: body.data.text, actor: { actorType: 'operator', actorId: c.var.principal.id }, now: clock.now() });
      return c.json({ ...versionView(done.row), noticesCreated: done.noticesCreated } satisfies AgreementPublished, 201);
    } catch (err) {
      if (err instanceof VersionConflict) return problem('conflict', { detail: 'Another version was published at the same time; reload.' });
      throw err;
    }
  });
  return r;
}
