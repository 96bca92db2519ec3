import type {
  PlatformProfile, PlatformProfilePutInput, PlatformSubprocessorList, SubprocessorCreated, SubprocessorCreateInput, SubprocessorView,
} from '../admin/platform.js';
import type {
  ControllerDetails, ControllerPutInput, ObjectionCreateInput, ObjectionView, RegisterDocument, RegisterLang, TenantSubprocessorList,
} from '../admin/register.js';
import type { AdminResult, Query, Transport } from './transport.js';

/**
 * The art. 30(2) register and the tenant's side of the sub-processor list: `admin.register.*`.
 * Read: `registers.read` (owner, auditor); change: `registers.manage` (owner). Every read of the
 * register (JSON, CSV, print) is recorded in the export log before it is sent.
 *
 * ```ts
 * const { data } = await admin.register.get({ lang: 'en' });
 * data?.transfers; // sub-processors outside the EEA, with their safeguards
 * await admin.register.object(subprocessorId, { reason: 'Wij willen geen doorgifte naar de VS.' });
 * ```
 */
export function registerApi(t: Transport) {
  return {
    /** `GET /v1/admin/register`: the register as JSON (logged as `register_json`). */
    get: (opts: { lang?: RegisterLang } = {}): Promise<AdminResult<RegisterDocument>> => t.json('GET', '/register', { query: opts as Query }),
    /** `GET /v1/admin/register.csv`: section;item;field;value rows, UTF-8 with BOM (logged as `register_csv`). */
    csv: async (opts: { lang?: RegisterLang; delimiter?: 'comma' | 'semicolon' } = {}): Promise<AdminResult<string>> => {
      const r = await t.text('GET', '/register.csv', { query: opts as Query });
      return r.error ? { error: r.error } : { data: r.data.text };
    },
    /** Download link of the CSV (the browser sends the session cookie). */
    csvUrl: (opts: { lang?: RegisterLang; delimiter?: 'comma' | 'semicolon' } = {}): string => t.url('/register.csv', opts as Query),
    /** Link to the printable HTML page (`GET /v1/admin/register/print`, logged as `register_print` when opened). */
    printUrl: (opts: { lang?: RegisterLang } = {}): string => t.url('/register/print', opts as Query),
    /** `GET /v1/admin/register/controller`: the tenant's contact and DPO as they appear in the register. */
    controller: (): Promise<AdminResult<ControllerDetails>> => t.json('GET', '/register/controller'),
    /** `PUT /v1/admin/register/controller` (owner): replaces contact and DPO (`dpo: null` = none appointed). 422 per field. */
    setController: (body: ControllerPutInput): Promise<AdminResult<ControllerDetails>> => t.json('PUT', '/register/controller', { body }),
    /** `GET /v1/admin/register/subprocessors`: every sub-processor (`upcoming`: announced, not started) with this tenant's objections. */
    subprocessors: (): Promise<AdminResult<TenantSubprocessorList>> => t.json('GET', '/register/subprocessors'),
    /**
     * `POST /v1/admin/register/subprocessors/:id/objection` (owner): records an objection with
     * its reason (≥ 10 characters), user and time. Append-only: a second objection is recorded
     * too. 404 unknown sub-processor, 409 `conflict` when it has ended.
     */
    object: (subprocessorId: string, body: ObjectionCreateInput): Promise<AdminResult<ObjectionView>> =>
      t.json('POST', `/register/subprocessors/${encodeURIComponent(subprocessorId)}/objection`, { body }),
  };
}
export type RegisterApi = ReturnType<typeof registerApi>;

/**
 * The platform operator's registers: `admin.platform.*` (permission `platform.manage`).
 *
 * ```ts
 * await admin.platform.addSubprocessor({ name: 'Mailer Inc.', purpose: 'E-mail delivery', location: 'US',
 *   safeguards: 'EU-US Data Privacy Framework', startDate: '2030-01-01' });
 * ```
 */
export function platformApi(t: Transport) {
  return {
    /** `GET /v1/admin/platform/profile`: the processor's name, contact, DPO and security measures (`isDefault` until saved). */
    profile: (): Promise<AdminResult<PlatformProfile>> => t.json('GET', '/platform/profile'),
    /** `PUT /v1/admin/platform/profile`: replaces the whole profile. 422 per field. */
    setProfile: (body: PlatformProfilePutInput): Promise<AdminResult<PlatformProfile>> => t.json('PUT', '/platform/profile', { body }),
    /** `GET /v1/admin/platform/subprocessors`: all sub-processors with every tenant's objections (tenant name, reason, time). */
    subprocessors: (): Promise<AdminResult<PlatformSubprocessorList>> => t.json('GET', '/platform/subprocessors'),
    /**
     * `POST /v1/admin/platform/subprocessors`: adds one and, in the same batch, a notice for every
     * tenant and a `subprocessor.announced` webhook for every tenant with an endpoint. 422 per
     * field: `location` not ISO 3166-1 alpha-2 (`invalid_country`), `safeguards` missing outside
     * the EEA (`required`), `startDate` sooner than 30 days ahead (`notice_period`), `initial`
     * after the initial list was closed (`initial_list_closed`).
     */
    addSubprocessor: (body: SubprocessorCreateInput): Promise<AdminResult<SubprocessorCreated>> => t.json('POST', '/platform/subprocessors', { body }),
    /** `PATCH /v1/admin/platform/subprocessors/:id` `{ ended: true }`: ends its use now. 409 when ended already. */
    endSubprocessor: (id: string): Promise<AdminResult<SubprocessorView>> => t.json('PATCH', `/platform/subprocessors/${encodeURIComponent(id)}`, { body: { ended: true } }),
  };
}
export type PlatformApi = ReturnType<typeof platformApi>;
