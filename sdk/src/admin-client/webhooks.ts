import type { WebhookDeliveryList, WebhookSecretCreated, WebhookSettingsPutInput, WebhookSettingsView, WebhookTestQueued } from '../admin/webhooks.js';
import type { Transport } from './transport.js';

/**
 * Webhook settings (`registers.read` to read, `registers.manage` to change). Verify deliveries
 * on the receiving side with `verifyWebhook()` from this package.
 */
export function webhooksApi(t: Transport) {
  return {
    /** The URL, the personal-data opt-in and the secret's prefix (never the secret). */
    get: () => t.json<WebhookSettingsView>('GET', '/webhooks'),
    /**
     * Sets the endpoint (https; http only to localhost/127.0.0.1 outside production) and the
     * opt-in; `url: null` switches webhooks off. The first time, the answer holds `secret`: copy it.
     */
    update: (input: WebhookSettingsPutInput) => t.json<WebhookSettingsView>('PUT', '/webhooks', { body: input }),
    /** A new signing secret, shown this once; the old one stops at once. */
    rotateSecret: () => t.json<WebhookSecretCreated>('POST', '/webhooks/secret'),
    /** Recent deliveries, newest first (`limit` 1–100, default 50; `before` = a previous `nextCursor`). */
    deliveries: (query: { limit?: number; before?: string } = {}) => t.json<WebhookDeliveryList>('GET', '/webhooks/deliveries', { query }),
    /** Queues a `ping` to the configured URL (422 when none is set). */
    test: () => t.json<WebhookTestQueued>('POST', '/webhooks/test'),
  };
}
