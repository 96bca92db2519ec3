import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, ORIGIN, PRIVACY_URL, type Harness } from '../testing/harness.js';
import { sha256Hex } from '../lib/hash.js';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.dispose());

describe('GET /v1/config', () => {
  it("answers the tenant's name, kinds, locales, consent texts with their SHA-256, privacy URL and theme", async () => {
    const res = await h.app.request('/v1/config', { headers: h.headers() });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const body = (await res.json()) as typeof h.config;
    expect(body).toMatchObject({ tenant: { name: 'Fietsenwinkel Test' }, privacyUrl: PRIVACY_URL, defaultLocale: 'nl', locales: ['nl', 'en', 'de', 'fr'], theme: {} });
    expect(body.kinds).toHaveLength(7);
    for (const locale of ['nl', 'en', 'de', 'fr']) {
      const text = body.consentTexts[locale]!;
      expect(text.hash).toBe(await sha256Hex(text.text));
    }
    expect(body.consentTexts.nl!.text).toContain('Fietsenwinkel Test');
  });

  it('a same-origin GET without Origin header is recognised by Sec-Fetch-Site', async () => {
    const res = await h.app.request(`${ORIGIN}/v1/config`, { headers: { authorization: `Bearer ${h.tenant.publishableKey}`, 'sec-fetch-site': 'same-origin' } });
    expect(res.status).toBe(200);
  });

  it("never answers another tenant's configuration: the key decides", async () => {
    const other = await makeHarness();
    try {
      const res = await h.app.request('/v1/config', { headers: { authorization: `Bearer ${other.tenant.publishableKey}`, origin: ORIGIN } });
      // The other tenant's key is unknown in this database.
      expect(res.status).toBe(401);
    } finally {
      other.dispose();
    }
  });

  it('unknown /v1 paths are problem+json 404', async () => {
    const res = await h.app.request('/v1/nope', { headers: h.headers() });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { code: string }).code).toBe('not_found');
  });
});
