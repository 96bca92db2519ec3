import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import { WebhookSettingsPutSchema, type WebhookSecretCreated, type WebhookSettingsView, type WebhookTestQueued } from '../../../../sdk/src/admin/webhooks.js';
import { toFieldErrors } from '../../../../sdk/src/schemas/index.js';
import { problem } from '../../lib/problem.js';
import { uuidv7 } from '../../lib/ids.js';
import { outboxStatement } from '../../webhooks/outbox.js';
import type { AdminEnv } from '../env.js';
import { requirePermission, requireTenant } from '../guards.js';
import { tenantOf } from '../principal.js';
import { invalid, readBody } from '../http/body.js';
import { DeliveryQuerySchema, listDeliveries } from './deliveries.js';
import { loadWebhookSettings, newWebhookSecret, secretPrefix, viewOf, writeWebhookSettings } from './settings.js';
import { urlFieldError, webhookUrlErrors } from './url.js';

const ctx = (c: Context<AdminEnv>) => ({ db: c.var.deps.db, audit: c.var.audit, principal: c.var.principal, tenantId: tenantOf(c.var.principal), now: c.var.deps.clock.now() });

/**
 * Webhook settings of the caller's tenant (issue 5 "Webhooks"). Audited changes name fields only.
 *
 * - GET  /            registers.read   → WebhookSettingsView (the secret's prefix, never the secret)
 * - PUT  /            registers.manage {url|null, personalData} → WebhookSettingsView, with `secret` once
 *                     when this made the tenant's first secret; 422 per field (url: invalid_url,
 *                     https_required, private_address, too_long)
 * - POST /secret      registers.manage → WebhookSecretCreated: a new secret, shown once; the old one stops at once
 * - GET  /deliveries  registers.read   ?limit(1–100)&before → WebhookDeliveryList, newest first
 * - POST /test        registers.manage → 202 WebhookTestQueued (a `ping`); 422 when no URL is set
 */
export function webhookRoutes() {
  const r = new Hono<AdminEnv>();
  r.use('*', requireTenant);

  r.get('/', requirePermission('registers.read'), async (c) => {
    const s = await loadWebhookSettings(c.var.deps.db, tenantOf(c.var.principal));
    return s ? c.json(viewOf(s)) : problem('not_found');
  });

  r.put('/', requirePermission('registers.manage'), async (c) => {
    const body = await readBody(c, WebhookSettingsPutSchema, (b) => webhookUrlErrors(b.url, !!c.var.config.webhookPrivateTargets));
    if (!body.ok) return body.res;
    // Node: a name that resolves to a private address is refused now as well (Workers cannot resolve; every send checks again).
    const resolved = body.data.url !== null && !c.var.config.webhookPrivateTargets ? await c.var.deps.webhookHostCheck?.(new URL(body.data.url).hostname) : null;
    if (resolved) return invalid([urlFieldError(resolved)]);
    const x = ctx(c);
    const current = await loadWebhookSettings(x.db, x.tenantId);
    if (!current) return problem('not_found');
    const url = body.data.url === null ? null : new URL(body.data.url).href;
    const secret = url && !current.secret ? newWebhookSecret() : undefined;
    await writeWebhookSettings(x, 'webhooks.updated', {
      ...(url !== current.url ? { url } : {}),
      ...(body.data.personalData !== current.personalData ? { personalData: body.data.personalData } : {}),
      ...(secret ? { secret } : {}),
    });
    const view: WebhookSettingsView = viewOf({ url, personalData: body.data.personalData, secret: secret ?? current.secret });
    return c.json(secret ? { ...view, secret } : view);
  });

  r.post('/secret', requirePermission('registers.manage'), async (c) => {
    const x = ctx(c);
    const secret = newWebhookSecret();
    await writeWebhookSettings(x, 'webhooks.secret_rotated', { secret });
    const out: WebhookSecretCreated = { secret, secretPrefix: secretPrefix(secret)! };
    return c.json(out);
  });

  r.get('/deliveries', requirePermission('registers.read'), async (c) => {
    const parsed = v.safeParse(DeliveryQuerySchema, Object.fromEntries(new URL(c.req.url).searchParams));
    if (!parsed.success) return invalid(toFieldErrors(parsed.issues));
    return c.json(await listDeliveries(c.var.deps.db, tenantOf(c.var.principal), parsed.output));
  });

  r.post('/test', requirePermission('registers.manage'), async (c) => {
    const x = ctx(c);
    const current = await loadWebhookSettings(x.db, x.tenantId);
    if (!current?.url) return invalid([{ path: 'url', code: 'required', message: 'Set a webhook URL first.' }]);
    const id = uuidv7(x.now);
    await x.db.batch([outboxStatement(x.db, { tenantId: x.tenantId, event: 'ping', data: {}, now: x.now, id })]);
    const out: WebhookTestQueued = { id, event: 'ping' };
    return c.json(out, 202);
  });

  return r;
}
