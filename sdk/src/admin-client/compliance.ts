import type {
  AgreementAcceptInput, AgreementAccepted, AgreementPublished, AgreementPublishInput, NoticeList, NoticeView, PlatformAgreementList, TenantAgreement,
} from '../admin/agreement.js';
import type {
  BreachCreateInput, BreachCsvQuery, BreachPatchInput, FollowUpPutInput, PlatformBreachChanged, PlatformBreachExport, PlatformBreachList,
  PlatformBreachView, TenantBreachExport, TenantBreachList, TenantBreachView,
} from '../admin/breaches.js';
import type { AdminResult, Query, Transport } from './transport.js';

const enc = encodeURIComponent;

async function csv(t: Transport, path: string, q: BreachCsvQuery): Promise<AdminResult<string>> {
  const r = await t.text('GET', path, { query: q as Query });
  return r.error ? { error: r.error } : { data: r.data.text };
}

/**
 * The data-breach register (R18): `admin.breaches.*` for a tenant (read: owner, auditor;
 * follow-up: owner) and `admin.breaches.platform.*` for the operator (`platform.manage`).
 * Every export is written to the export log before it is sent.
 *
 * ```ts
 * const { data } = await admin.breaches.list();
 * for (const b of data?.items ?? []) console.log(b.discoveredAt, b.notifiedAt, b.deadline); // 'met' | 'missed'
 * await admin.breaches.setFollowUp(id, { reportedToAuthority: true, reportedAt: '2030-03-02T10:00:00Z', note: 'Gemeld bij de AP.' });
 * // operator:
 * await admin.breaches.platform.record({ discoveredAt: Date.now(), description: '…', dataCategories: ['contact'],
 *   approxSubjects: 120, consequences: '…', measures: '…', tenantIds: [tenantId] }); // notifies at once
 * ```
 */
export function breachesApi(t: Transport) {
  return {
    /** `GET /v1/admin/breaches`: the breaches this tenant was notified of, newest discovery first (no other tenant's name). */
    list: (): Promise<AdminResult<TenantBreachList>> => t.json('GET', '/breaches'),
    /** `GET /v1/admin/breaches/:id`: 404 when it does not affect this tenant or it was not notified yet. */
    get: (id: string): Promise<AdminResult<TenantBreachView>> => t.json('GET', `/breaches/${enc(id)}`),
    /**
     * `PUT /v1/admin/breaches/:id/follow-up` (owner): reported to the authority or not, when, why.
     * 422 per field: `reportedAt` required when reported (`required`), not allowed otherwise
     * (`invalid_value`), not in the future (`date_in_future`), not before discovery (`before_discovery`).
     */
    setFollowUp: (id: string, body: FollowUpPutInput): Promise<AdminResult<TenantBreachView>> => t.json('PUT', `/breaches/${enc(id)}/follow-up`, { body }),
    /** `GET /v1/admin/breaches/export.json` (logged as `breaches_json`). */
    exportJson: (): Promise<AdminResult<TenantBreachExport>> => t.json('GET', '/breaches/export.json'),
    /** `GET /v1/admin/breaches/export.csv` (logged as `breaches_csv`): UTF-8 with BOM, one row per breach. */
    exportCsv: (q: BreachCsvQuery = {}): Promise<AdminResult<string>> => csv(t, '/breaches/export.csv', q),
    /** Download link of the CSV (the browser sends the session cookie). */
    csvUrl: (q: BreachCsvQuery = {}): string => t.url('/breaches/export.csv', q as Query),

    /** The operator's register under `/v1/admin/platform-breaches`. */
    platform: {
      /** Every breach, never-notified ones too, with per tenant `notifiedAt`, `deadline` (met/missed/pending) and follow-up. */
      list: (): Promise<AdminResult<PlatformBreachList>> => t.json('GET', '/platform-breaches'),
      get: (id: string): Promise<AdminResult<PlatformBreachView>> => t.json('GET', `/platform-breaches/${enc(id)}`),
      /**
       * `POST /v1/admin/platform-breaches` (201): records it and, unless `notify: false`, notifies
       * every affected tenant now (notice + `breach.notified` webhook). 422 per field, e.g.
       * `discoveredAt` `date_in_future`, `dataCategories.0` `invalid_value`, `tenantIds.0` `unknown_tenant`.
       */
      record: (body: BreachCreateInput): Promise<AdminResult<PlatformBreachChanged>> => t.json('POST', '/platform-breaches', { body }),
      /** `PATCH /v1/admin/platform-breaches/:id`: later measures, consequences, counts; `addTenantIds` (notified at once unless `notify: false`). */
      update: (id: string, body: BreachPatchInput): Promise<AdminResult<PlatformBreachChanged>> => t.json('PATCH', `/platform-breaches/${enc(id)}`, { body }),
      /** `POST /v1/admin/platform-breaches/:id/notify`: notifies every affected tenant not notified yet. */
      notify: (id: string): Promise<AdminResult<PlatformBreachChanged>> => t.json('POST', `/platform-breaches/${enc(id)}/notify`, { body: {} }),
      /** `GET /v1/admin/platform-breaches/export.json` (logged as `platform_breaches_json`). */
      exportJson: (): Promise<AdminResult<PlatformBreachExport>> => t.json('GET', '/platform-breaches/export.json'),
      /** `GET /v1/admin/platform-breaches/export.csv` (logged as `platform_breaches_csv`): one row per breach and affected tenant. */
      exportCsv: (q: BreachCsvQuery = {}): Promise<AdminResult<string>> => csv(t, '/platform-breaches/export.csv', q),
      csvUrl: (q: BreachCsvQuery = {}): string => t.url('/platform-breaches/export.csv', q as Query),
    },
  };
}

/**
 * The processor agreement (R20): `admin.agreement.*`. The admin page gates on
 * `get().agreementRequired`: while true, it shows the agreement first.
 *
 * ```ts
 * const { data } = await admin.agreement.get();
 * if (data?.agreementRequired && data.canAccept) await admin.agreement.accept({ version: data.current!.version, sha256: data.current!.sha256 });
 * ```
 */
export function agreementApi(t: Transport) {
  return {
    /** `GET /v1/admin/agreement` (owner, auditor): current version, this tenant's acceptance and history, `agreementRequired`, `canAccept`. */
    get: (): Promise<AdminResult<TenantAgreement>> => t.json('GET', '/agreement'),
    /**
     * `POST /v1/admin/agreement/accept` (owner with a session; 403 for API keys): 201 with version,
     * time, user and IP. 409 when not the current version or accepted already; 422 `sha256`
     * `mismatch`, `version` `unknown_version`.
     */
    accept: (body: AgreementAcceptInput): Promise<AdminResult<AgreementAccepted>> => t.json('POST', '/agreement/accept', { body }),
    /** The operator's side under `/v1/admin/platform-agreements` (`platform.manage`). */
    platform: {
      /** Versions (newest first) with acceptance counts, each tenant's latest accepted version, and the built-in `template`. */
      list: (): Promise<AdminResult<PlatformAgreementList>> => t.json('GET', '/platform-agreements'),
      /** Publishes version current+1 (201) and sends every tenant an `agreement` notice. 409 when the text equals the current one. */
      publish: (body: AgreementPublishInput): Promise<AdminResult<AgreementPublished>> => t.json('POST', '/platform-agreements', { body }),
    },
  };
}

/** In-product notices: `admin.notices.*` (read: owner, auditor; mark read: owner). */
export function noticesApi(t: Transport) {
  return {
    /** `GET /v1/admin/notices`: the newest 200, newest first, each with what it is `about`, and the `unread` count. */
    list: (): Promise<AdminResult<NoticeList>> => t.json('GET', '/notices'),
    /** `POST /v1/admin/notices/:id/read`: marks it read with user and time (the first reader stays). */
    markRead: (id: string): Promise<AdminResult<NoticeView>> => t.json('POST', `/notices/${enc(id)}/read`, { body: {} }),
  };
}
export type BreachesApi = ReturnType<typeof breachesApi>;
export type AgreementApi = ReturnType<typeof agreementApi>;
export type NoticesApi = ReturnType<typeof noticesApi>;
