import { Hono } from 'hono';
import { openAPIRouteHandler } from 'hono-openapi';
import { AuditWriter } from './audit/log.js';
import { Lookups } from './http/lookups.js';
import { DEFAULT_CONFIG, type Deps } from './deps.js';
import type { AppEnv } from './http/env.js';
import { preflight, publishableKeyAuth } from './http/public-auth.js';
import { configRoutes } from './http/config-route.js';
import { intakeRoutes } from './intake/route.js';
import { problem } from './lib/problem.js';
import { adminRoutes, ADMIN_BASE } from './admin/index.js';
import type { AdminEnv } from './admin/env.js';

const OPENAPI_DOCUMENT = {
  documentation: {
    openapi: '3.1.0',
    info: { title: 'Aftercare public API', version: '1.0.0', description: 'Case intake for embeddable after-sales forms.' },
    components: { securitySchemes: { publishableKey: { type: 'http' as const, scheme: 'bearer', description: 'pk_… publishable key' } } },
    security: [{ publishableKey: [] }],
  },
};

/**
 * The whole HTTP API, built from injected dependencies so the Node host and the Workers
 * host run the same code. Tenant scope comes from the publishable key, never the body.
 */
export function createApp(deps: Deps) {
  const config = { ...DEFAULT_CONFIG, ...deps.config };
  const audit = new AuditWriter(deps.db);
  const lookups = new Lookups(deps.db, config.keyCacheMs, () => deps.clock.now());
  const app = new Hono<AppEnv>();

  app.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('config', config);
    c.set('audit', audit);
    c.set('lookups', lookups);
    await next();
    c.res.headers.set('x-content-type-options', 'nosniff');
  });

  const v1 = new Hono<AppEnv>();
  v1.use('*', preflight);
  v1.use('*', publishableKeyAuth);
  v1.route('/config', configRoutes());
  v1.route('/cases', intakeRoutes());
  v1.all('*', () => problem('not_found'));
  app.get('/v1/openapi.json', openAPIRouteHandler(app, OPENAPI_DOCUMENT));
  // Before /v1: the admin router answers every /v1/admin path itself (its own 404 included).
  (app as unknown as Hono<AdminEnv>).route(ADMIN_BASE, adminRoutes());
  app.route('/v1', v1);

  app.onError((err) => {
    // No personal data in logs: the error's kind and message only, never the request body.
    console.error(`[aftercare] ${safeErrorText(err)}`);
    return problem('internal');
  });
  app.notFound(() => problem('not_found'));
  return app;
}
export type App = ReturnType<typeof createApp>;

/**
 * An error as one log line without personal data: drizzle's "Failed query: … params: …"
 * carries the bound values (names, e-mail addresses), so only the driver's own message (the
 * cause) is kept, and anything after `params:` is cut.
 */
export function safeErrorText(err: Error): string {
  const cause = err.cause instanceof Error ? err.cause : undefined;
  const text = (cause ? `${err.name} (${cause.name}: ${cause.message})` : `${err.name}: ${err.message}`).split(/\bparams:/)[0]!;
  return text.replace(/Failed query:[\s\S]*/, 'Failed query').slice(0, 300);
}
