import type {
  ConsentTextCreateInput, ConsentTextList, ConsentTextVersion, OrganisationCreateInput, OrganisationList, OrganisationPatchInput, OrganisationView,
  SettingsOutput, SettingsPatchInput, TenantCreateInput, TenantCreated, TenantList, UserCreateInput, UserList, UserPatchInput, UserView,
} from '../admin/settings.js';
import type { Transport } from './transport.js';

const seg = (id: string) => encodeURIComponent(id);

/** Owner: tenant settings and consent texts (`settings.manage`). */
export function settingsApi(t: Transport) {
  return {
    get: () => t.json<SettingsOutput>('GET', '/settings'),
    /** Any subset of the settings; `theme` replaces the whole token set. */
    update: (patch: SettingsPatchInput) => t.json<SettingsOutput>('PATCH', '/settings', { body: patch }),
    /** Every version per locale, newest first, the current one marked. */
    consentTexts: () => t.json<ConsentTextList>('GET', '/settings/consent-texts'),
    /** A new version (old ones stay as evidence); /v1/config offers it at once. */
    addConsentText: (input: ConsentTextCreateInput) => t.json<ConsentTextVersion>('POST', '/settings/consent-texts', { body: input }),
  };
}

/** Owner: the tenant's users. */
export function usersApi(t: Transport) {
  return {
    list: () => t.json<UserList>('GET', '/users'),
    create: (input: UserCreateInput) => t.json<UserView>('POST', '/users', { body: input }),
    /** A role or organisation change, or disabling, ends the user's sessions. */
    update: (id: string, patch: UserPatchInput) => t.json<UserView>('PATCH', `/users/${seg(id)}`, { body: patch }),
    setPassword: (id: string, password: string) => t.json<UserView>('POST', `/users/${seg(id)}/password`, { body: { password } }),
    resetTotp: (id: string) => t.json<UserView>('POST', `/users/${seg(id)}/totp/reset`),
  };
}

/** Partner organisations: owners and staff list them, owners change them. */
export function organisationsApi(t: Transport) {
  return {
    list: () => t.json<OrganisationList>('GET', '/organisations'),
    create: (input: OrganisationCreateInput) => t.json<OrganisationView>('POST', '/organisations', { body: input }),
    update: (id: string, patch: OrganisationPatchInput) => t.json<OrganisationView>('PATCH', `/organisations/${seg(id)}`, { body: patch }),
  };
}

/** Platform operator: tenants (never consumers' data). */
export function tenantsApi(t: Transport) {
  return {
    list: () => t.json<TenantList>('GET', '/tenants'),
    /** Answers the tenant's publishable key and its first owner. */
    create: (input: TenantCreateInput) => t.json<TenantCreated>('POST', '/tenants', { body: input }),
  };
}
