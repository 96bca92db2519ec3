import { Hono } from 'hono';
import { describeRoute, resolver } from 'hono-openapi';
import { desc, eq } from 'drizzle-orm';
import { PublicConfigSchema, ProblemSchema, type CaseKind, type Locale, type PublicConfig } from '../../../sdk/src/schemas/index.js';
import { consentTexts } from '../db/schema.js';
import type { AppEnv } from './env.js';

/** `GET /v1/config`: what a widget needs to render this tenant's forms. */
export function configRoutes() {
  const app = new Hono<AppEnv>();
  app.get(
    '/',
    describeRoute({
      summary: "The tenant's public form configuration",
      responses: {
        200: { description: 'Configuration', content: { 'application/json': { schema: resolver(PublicConfigSchema) } } },
        401: { description: 'Missing or unknown publishable key', content: { 'application/problem+json': { schema: resolver(ProblemSchema) } } },
      },
    }),
    async (c) => {
      const t = c.var.tenant;
      const texts = await c.var.deps.db
        .select({ id: consentTexts.id, locale: consentTexts.locale, hash: consentTexts.sha256, text: consentTexts.text })
        .from(consentTexts)
        .where(eq(consentTexts.tenantId, t.id))
        .orderBy(desc(consentTexts.version));
      const current: PublicConfig['consentTexts'] = {};
      for (const row of texts) {
        if (t.locales.includes(row.locale) && !current[row.locale]) current[row.locale] = { id: row.id, hash: row.hash, text: row.text };
      }
      const body: PublicConfig = {
        tenant: { name: t.name },
        kinds: t.kinds as CaseKind[],
        locales: t.locales as Locale[],
        defaultLocale: t.defaultLocale as Locale,
        consentTexts: current,
        privacyUrl: t.privacyUrl,
        theme: t.theme,
      };
      c.header('cache-control', 'no-cache');
      return c.json(body);
    },
  );
  return app;
}
