import { createTransport, type AdminClientOptions } from './transport.js';
import { organisationsApi, settingsApi, tenantsApi, usersApi } from './settings.js';
import { subjectsApi } from './subjects.js';
import { casesApi } from './cases.js';
import { exportsApi, logsApi } from './exports.js';
import { apiKeysApi, authApi, meApi } from './auth.js';
import { retentionApi } from './retention.js';
import { platformApi, registerApi } from './register.js';
import { webhooksApi } from './webhooks.js';
import { agreementApi, breachesApi, noticesApi } from './compliance.js';
import { auditApi, statsApi } from './audit.js';

export type { AdminClientOptions, AdminClientError, AdminResult, Transport, Query } from './transport.js';
export { createTransport, queryString } from './transport.js';

/**
 * A typed client for every admin endpoint. Each method resolves to `{ data } | { error }`.
 *
 * ```ts
 * const admin = createAdminClient({ baseUrl: 'https://aftercare.example', apiKey: mySecretKey }); // an sk_live_… key from your secret store
 * const { data, error } = await admin.cases.list({ status: 'new' });
 * ```
 * Feature modules (one file each) add a namespace below.
 */
export function createAdminClient(options: AdminClientOptions) {
  const t = createTransport(options);
  return {
    /** Low-level access for endpoints a namespace does not cover yet. */
    transport: t,
    settings: settingsApi(t), users: usersApi(t), organisations: organisationsApi(t), tenants: tenantsApi(t),
    subjects: subjectsApi(t),
    cases: casesApi(t),
    exports: exportsApi(t), logs: logsApi(t),
    auth: authApi(t), me: meApi(t), apiKeys: apiKeysApi(t),
    retention: retentionApi(t),
    register: registerApi(t), platform: platformApi(t),
    webhooks: webhooksApi(t),
    breaches: breachesApi(t), agreement: agreementApi(t), notices: noticesApi(t),
    audit: auditApi(t), stats: statsApi(t),
  };
}
export type AdminClient = ReturnType<typeof createAdminClient>;
