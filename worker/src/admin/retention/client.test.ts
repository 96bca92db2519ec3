import { afterEach, describe, expect, it } from 'vitest';
import { createAdminClient } from '../../../../sdk/src/admin-client/index.js';
import { ADMIN_ORIGIN } from '../../testing/admin-harness.js';
import { YEAR, retentionHarness } from '../../retention/test-kit.js';

let env: Awaited<ReturnType<typeof retentionHarness>>;
afterEach(() => env?.h.dispose());

describe('typed admin client: retention', () => {
  it('reads and sets policies, previews and runs, with typed errors', async () => {
    env = await retentionHarness();
    const { h } = env;
    const client = (bearer: string) =>
      createAdminClient({ baseUrl: ADMIN_ORIGIN, apiKey: bearer, fetch: ((input: string, init?: RequestInit) => h.app.request(input, init)) as typeof fetch });
    const owner = client(((await h.keyFor({ role: 'owner' })) as { bearer: string }).bearer);
    const auditor = client(((await h.keyFor({ role: 'auditor' })) as { bearer: string }).bearer);
    const expired = await env.submit('registration', env.T0 - 11 * YEAR);

    expect((await auditor.retention.policies()).data?.policies).toHaveLength(7);
    expect((await auditor.retention.setPolicies({ repair: { basis: 'closed', months: 12 } })).error).toMatchObject({ code: 'forbidden', status: 403 });
    const set = await owner.retention.setPolicies({ repair: { basis: 'created', months: 12 } });
    expect(set.data?.policies.find((p) => p.kind === 'repair')).toMatchObject({ basis: 'created', months: 12, isDefault: false });
    const bad = await owner.retention.setPolicies({ repair: { basis: 'warranty_end', months: 12 } });
    expect(bad.error).toMatchObject({ code: 'validation_failed', status: 422, errors: [{ path: 'repair.basis', code: 'invalid_value' }] });

    expect((await owner.retention.preview(7)).data).toMatchObject({ days: 7, total: { subjects: 1 }, cases: [{ reference: expired.reference }] });
    expect((await auditor.retention.preview()).data?.cases).toBeUndefined();
    expect((await owner.retention.run()).data).toMatchObject({ subjects: 1, cases: { registration: 1 }, complete: true });
    expect(await env.isAnonymised(expired.subjectId)).toBe(true);
  });
});
