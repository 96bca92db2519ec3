import { Hono } from 'hono';
import { problem } from '../../lib/problem.js';
import { SettingsPatchSchema } from '../../../../sdk/src/admin/settings.js';
import type { AdminEnv } from '../env.js';
import { requirePermission, requireTenant } from '../guards.js';
import { tenantOf } from '../principal.js';
import { invalid, readBody } from '../http/body.js';
import { originErrors } from './field-checks.js';
import { consentTextRoutes } from './consent-routes.js';
import { applyPatch, changedFields, checkPatch } from './settings-patch.js';
import { loadSettings } from './settings-view.js';

/**
 * Owner settings (settings.manage): the tenant's name, privacy statement, allowed origins,
 * kinds, languages, theme and TOTP rule, and its consent texts. Public reads (/v1/config and
 * the key's origins) cache a key for `keyCacheMs` (5 s), so an edit reaches them within that.
 */
export function settingsRoutes() {
  const r = new Hono<AdminEnv>();
  r.use('*', requireTenant, requirePermission('settings.manage'));

  r.get('/', async (c) => {
    const settings = await loadSettings(c.var.deps.db, tenantOf(c.var.principal));
    return settings ? c.json(settings) : problem('not_found');
  });

  r.patch('/', async (c) => {
    const body = await readBody(c, SettingsPatchSchema, (b) => originErrors(b.allowedOrigins, 'allowedOrigins'));
    if (!body.ok) return body.res;
    const { db, clock } = c.var.deps;
    const tenantId = tenantOf(c.var.principal);
    const current = await loadSettings(db, tenantId);
    if (!current) return problem('not_found');
    const errors = await checkPatch(db, tenantId, current, body.data);
    if (errors.length) return invalid(errors);
    const fields = changedFields(current, body.data);
    if (fields.length) await applyPatch(db, c.var.audit, c.var.principal, clock.now(), current, body.data, fields);
    return c.json((await loadSettings(db, tenantId))!);
  });

  r.route('/consent-texts', consentTextRoutes());
  return r;
}
