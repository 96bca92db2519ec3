import { Hono } from 'hono';
import { problem } from '../lib/problem.js';
import type { AdminEnv } from './env.js';
import { authenticate } from './authenticate.js';
import { csrf, jsonOnly } from './guards.js';
import { bodyLimit } from './http/body-limit.js';
import { authRoutes } from './auth/routes.js';
import { meRoutes } from './auth/me-routes.js';
import { apiKeyRoutes } from './auth/api-key-routes.js';
import { caseRoutes } from './cases/routes.js';
import { exportRoutes } from './exports/routes.js';
import { logRoutes } from './exports/log-routes.js';
import { subjectRoutes } from './subjects/routes.js';
import { settingsRoutes } from './settings/routes.js';
import { userRoutes } from './settings/user-routes.js';
import { orgRoutes } from './settings/org-routes.js';
import { tenantRoutes } from './settings/tenant-routes.js';
import { webhookRoutes } from './webhooks/routes.js';
import { retentionRoutes } from './retention/routes.js';

import { registerRoutes } from './register/routes.js';
import { platformRoutes } from './platform/routes.js';
import { breachRoutes } from './breaches/routes.js';
import { platformBreachRoutes } from './breaches/platform-routes.js';
import { agreementRoutes } from './agreement/routes.js';
import { platformAgreementRoutes } from './agreement/platform-routes.js';
import { noticeRoutes } from './notices/routes.js';
import { auditRoutes } from './audit/routes.js';
import { statsRoutes } from './stats/routes.js';

export const ADMIN_BASE = '/v1/admin';

/**
 * The admin API under /v1/admin. Every route except /auth/* runs behind `authenticate`
 * (session cookie or sk_ key) and each feature router checks permissions per route.
 * The route table (test/admin-routes.test.ts) lists every route with its permission.
 * Bodies: at most 64 KB unless http/limits.ts allows a route more; 413 `payload_too_large` above.
 */
export function adminRoutes() {
  const admin = new Hono<AdminEnv>();
  admin.use('*', async (c, next) => {
    c.set('ip', c.var.deps.clientIp(c));
    await next();
    c.res.headers.set('cache-control', 'no-store');
    c.res.headers.set('referrer-policy', 'no-referrer');
    c.res.headers.set('x-frame-options', 'DENY');
    if (c.var.config.production || new URL(c.req.url).protocol === 'https:') c.res.headers.set('strict-transport-security', 'max-age=63072000; includeSubDomains');
  });
  // Before CSRF and authentication: no body is read past its limit (http/limits.ts), and a
  // form POST never reaches sign-in. Every route reads its body with http/body.ts `readBody`.
  admin.use('*', bodyLimit);
  admin.use('/auth/*', jsonOnly);
  admin.use('*', csrf);
  admin.use('*', (c, next) => (c.req.path.startsWith(`${ADMIN_BASE}/auth/`) ? next() : authenticate(c, next)));
  admin.route('/auth', authRoutes());
  admin.route('/me', meRoutes());
  admin.route('/api-keys', apiKeyRoutes());
  admin.route('/cases', caseRoutes());
  admin.route('/exports', exportRoutes());
  admin.route('/logs', logRoutes());
  admin.route('/subjects', subjectRoutes());
  admin.route('/settings', settingsRoutes());
  admin.route('/users', userRoutes());
  admin.route('/organisations', orgRoutes());
  admin.route('/tenants', tenantRoutes());
  admin.route('/webhooks', webhookRoutes());
  admin.route('/retention', retentionRoutes());
  admin.route('/', registerRoutes()); // /register, /register.csv, /register/*
  admin.route('/platform', platformRoutes());
  admin.route('/breaches', breachRoutes());
  admin.route('/platform-breaches', platformBreachRoutes());
  admin.route('/agreement', agreementRoutes());
  admin.route('/platform-agreements', platformAgreementRoutes());
  admin.route('/notices', noticeRoutes());
  admin.route('/audit', auditRoutes()); // R17: checkpoints, verify, bundle, public key
  admin.route('/stats', statsRoutes()); // R23
  admin.all('*', () => problem('not_found'));
  return admin;
}
