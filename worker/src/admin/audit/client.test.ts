import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAdminClient } from '../../../../sdk/src/admin-client/index.js';
import { ADMIN_ORIGIN, makeAdminHarness, type AdminHarness } from '../../testing/admin-harness.js';
import { generateSigningKeyJwk } from '../../audit/signing-key.js';
import { parseBundle, verifyBundle } from '../../audit/bundle.js';

let h: AdminHarness;
afterEach(async () => {
  vi.unstubAllEnvs();
  await h?.dispose();
});

describe('typed admin client: audit and stats', () => {
  it('operator runs checkpoints; an auditor key lists, verifies, downloads the bundle and reads statistics', async () => {
    vi.stubEnv('AFTERCARE_SIGNING_KEY', await generateSigningKeyJwk());
    h = await makeAdminHarness();
    for (let i = 0; i < 5; i++) await h.submitCase('repair');
    const app = ((input: string, init?: RequestInit) => h.app.request(input, init)) as typeof fetch;
    const auditor = createAdminClient({ baseUrl: ADMIN_ORIGIN, apiKey: ((await h.keyFor({ role: 'auditor' })) as { bearer: string }).bearer, fetch: app });
    const { cookie } = (await h.as('operator')).auth as { cookie: string };
    const operator = createAdminClient({
      baseUrl: ADMIN_ORIGIN,
      fetch: ((input: string, init: RequestInit = {}) => h.app.request(input, { ...init, headers: { ...(init.headers as Record<string, string>), cookie, origin: ADMIN_ORIGIN } })) as typeof fetch,
    });

    const run = await operator.audit.runCheckpoints();
    expect(run.data).toMatchObject({ configured: true, more: false });
    const key = await auditor.audit.publicKey();
    expect(key.data).toMatchObject({ configured: true, kid: run.data!.kid });
    expect((await auditor.audit.checkpoints({ limit: 10 })).data?.items).toHaveLength(1);
    expect((await auditor.audit.verify()).data).toMatchObject({ ok: true, checkpoints: 1, brokenAt: null });
    const bundle = await auditor.audit.bundle();
    expect(await verifyBundle(parseBundle(JSON.stringify(bundle.data)), key.data!.key)).toMatchObject({ ok: true, keySource: 'pinned' });
    expect(auditor.audit.bundleUrl()).toBe(`${ADMIN_ORIGIN}/v1/admin/audit/export`);
    expect((await auditor.audit.runCheckpoints()).error).toMatchObject({ code: 'forbidden', status: 403 });

    expect((await auditor.stats.tenant({ months: 3 })).data?.byMonth).toHaveLength(3);
    expect((await auditor.stats.tenant({ months: 0 })).error).toMatchObject({ code: 'validation_failed', errors: [{ path: 'months' }] });
    expect((await operator.stats.platform()).data?.total).toEqual({ count: 5, suppressed: false });
  });
});
