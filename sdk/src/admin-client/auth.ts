import type { ApiKeyCreate, ApiKeyList, CreatedApiKey, LoginInput, LoginResult, Me, MeUpdate, PasswordChange, SignedIn, TotpDisable, TotpSetup, TotpSetupInput } from '../admin/auth.js';
import type { AdminResult, Transport } from './transport.js';

const seg = encodeURIComponent;

/**
 * Sign-in for the admin page (cookie sessions; with an `sk_` key you never sign in):
 *
 * ```ts
 * const r = await admin.auth.login({ loginCode: 'jan@demo', password }); // code@tenant-slug; operators: the plain code
 * if (r.data?.stage === 'totp') await admin.auth.totp(code);
 * if (r.data?.stage === 'totp_setup') { const s = await admin.auth.setupTotp(); // show s.data.otpauthUri as a QR code
 *   await admin.auth.enableTotp(code); }
 * ```
 * A locked account or source answers `rate_limited` with `retryAfter` (seconds); too many
 * sign-ins at once on the server, `server_busy` (503) with `retryAfter`.
 */
export function authApi(t: Transport) {
  return {
    login: (input: LoginInput): Promise<AdminResult<LoginResult>> => t.json('POST', '/auth/login', { body: input }),
    /** The second step: a 6-digit code from the authenticator app. */
    totp: (code: string): Promise<AdminResult<SignedIn>> => t.json('POST', '/auth/totp', { body: { code } }),
    /** Enrolment during sign-in (tenant requires TOTP for owners): a new secret and its otpauth:// URI. */
    setupTotp: (): Promise<AdminResult<TotpSetup>> => t.json('POST', '/auth/totp/setup'),
    /** Finishes enrolment during sign-in with a first code. */
    enableTotp: (code: string): Promise<AdminResult<SignedIn>> => t.json('POST', '/auth/totp/enable', { body: { code } }),
    /** Ends the session server-side. */
    logout: (): Promise<AdminResult<null>> => t.json('POST', '/auth/logout'),
  };
}

/** The signed-in user (or the sk_ key): `admin.me.*`. Writes are for users only. */
export function meApi(t: Transport) {
  return {
    get: (): Promise<AdminResult<Me>> => t.json('GET', '/me'),
    update: (change: MeUpdate): Promise<AdminResult<Me>> => t.json('PATCH', '/me', { body: change }),
    /** Applies the password policy (422 per field) and ends every other session of the user. */
    changePassword: (input: PasswordChange): Promise<AdminResult<null>> => t.json('POST', '/me/password', { body: input }),
    /** Starts enrolment; asks for the password again (422 `wrong_password` on `password`). */
    setupTotp: (input: TotpSetupInput): Promise<AdminResult<TotpSetup>> => t.json('POST', '/me/totp/setup', { body: input }),
    enableTotp: (code: string): Promise<AdminResult<null>> => t.json('POST', '/me/totp/enable', { body: { code } }),
    /** Needs the password and a current code from the authenticator (`totpCode`). */
    disableTotp: (input: TotpDisable): Promise<AdminResult<null>> => t.json('POST', '/me/totp/disable', { body: input }),
  };
}

/** sk_ API keys of the tenant (owners): `admin.apiKeys.*`. The key is in `create`'s answer only. */
export function apiKeysApi(t: Transport) {
  return {
    list: (): Promise<AdminResult<ApiKeyList>> => t.json('GET', '/api-keys'),
    /**
     * `expiresAt` (ISO date-time) is optional; an owner key needs `password` (and `totpCode` when
     * TOTP is on) of the signed-in user, and cannot be created with an sk_ key (403).
     */
    create: (input: ApiKeyCreate): Promise<AdminResult<CreatedApiKey>> => t.json('POST', '/api-keys', { body: input }),
    revoke: (id: string): Promise<AdminResult<null>> => t.json('DELETE', `/api-keys/${seg(id)}`),
  };
}
