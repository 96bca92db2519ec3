import { html, nothing, type TemplateResult } from 'lit';
import type { AdminCaseView, AdminConsent, AdminCaseHistoryEntry } from '../../../../sdk/src/admin/cases.js';
import type { MessageKey } from '../../i18n/index.js';
import { NL, formatDate, formatDateTime } from '../../i18n/index.js';
import { kindLabel, statusLabel } from '../../i18n/labels.js';
import { store } from '../../state/store.js';

const t = (k: MessageKey, vars?: Record<string, string | number>) => store.t(k, vars);

/** A definition list of the fields that are present (a partner receives fewer: R22). */
export function facts(rows: [MessageKey | string, unknown][]): TemplateResult | typeof nothing {
  const shown = rows.filter(([, val]) => val !== undefined);
  if (!shown.length) return nothing;
  return html`<dl class="facts">${shown.map(([label, val]) => html`<dt>${label in NL ? t(label as MessageKey) : label}</dt><dd>${val === null || val === '' ? '—' : val}</dd>`)}</dl>`;
}

export function summaryFacts(c: AdminCaseView) {
  return facts([
    ['colReference', c.reference],
    ['colKind', c.kind && kindLabel(c.kind)],
    ['colStatus', c.status && statusLabel(c.status)],
    ['colAssigned', c.assignedOrg === undefined ? undefined : (c.assignedOrg?.name ?? t('none'))],
    ['colCreated', c.createdAt && formatDateTime(c.createdAt, store.locale)],
    ['colUpdated', c.updatedAt && formatDateTime(c.updatedAt, store.locale)],
    ['caseClosed', c.closedAt === undefined ? undefined : c.closedAt ? formatDateTime(c.closedAt, store.locale) : '—'],
  ]);
}

export function subjectFacts(c: AdminCaseView) {
  const s = c.subject;
  if (!s) return nothing;
  return html`${s.anonymized ? html`<p class="notice info">${t('caseAnonymised')}</p>` : nothing}${facts([
    ['fFirstName', s.firstName], ['fLastName', s.lastName], ['fStreet', s.street], ['fHouseNumber', s.houseNumber],
    ['fHouseNumberAddition', s.houseNumberAddition], ['fPostcode', s.postcode], ['fCity', s.city], ['fCountry', s.country],
    ['fEmail', s.email], ['fPhone', s.phone],
  ])}`;
}

export function productFacts(c: AdminCaseView) {
  const p = c.product;
  if (!p) return nothing;
  return facts([
    ['fBrand', p.brand], ['fModel', p.model], ['fSerialNumber', p.serialNumber],
    ['fPurchaseDate', p.purchaseDate === undefined ? undefined : formatDate(p.purchaseDate, store.locale)],
    ['fRetailer', p.retailer], ['fProofOfPurchaseRef', p.proofOfPurchaseRef],
  ]);
}

/** Kind-specific answers, as the server sent them (keys are field names; values are shown as text). */
export function detailFacts(details: Record<string, unknown> | undefined) {
  if (!details || !Object.keys(details).length) return nothing;
  const show = (val: unknown): string =>
    Array.isArray(val) ? val.map(show).join('; ') : val && typeof val === 'object' ? Object.values(val).map(show).join(' ') : String(val ?? '—');
  return facts(Object.entries(details).map(([k, val]) => [`d_${k}` in NL ? `d_${k}` : k, show(val)]));
}

export function consentTable(consents: AdminConsent[]) {
  return html`<div class="table-wrap" tabindex="0" role="region" aria-label=${t('consentCaption')}><table>
    <caption>${t('consentCaption')}</caption>
    <thead><tr><th scope="col">${t('colWhen')}</th><th scope="col">${t('colVersion')}</th><th scope="col">${t('colLocale')}</th>
      <th scope="col">${t('colIp')}</th><th scope="col">${t('colUserAgent')}</th><th scope="col">${t('colPage')}</th>
      <th scope="col">${t('fPrivacyUrl')}</th><th scope="col">${t('colHash')}</th><th scope="col">${t('colWithdrawn')}</th></tr></thead>
    <tbody>${consents.map((k) => html`<tr>
      <td>${formatDateTime(k.givenAt, store.locale)}</td><td>${k.version ?? '—'}</td><td>${k.locale}</td><td class="mono">${k.ip}</td>
      <td class="ua">${k.userAgent}</td><td>${k.pageUrl ?? '—'}</td><td>${k.privacyUrl}</td><td class="mono hash">${k.textHash}</td>
      <td>${k.withdrawnAt ? formatDateTime(k.withdrawnAt, store.locale) : t('no')}</td></tr>`)}</tbody>
  </table></div>`;
}

export function historyTable(history: AdminCaseHistoryEntry[]) {
  if (!history.length) return html`<p class="muted">${t('noHistory')}</p>`;
  return html`<div class="table-wrap" tabindex="0" role="region" aria-label=${t('historyCaption')}><table>
    <caption>${t('historyCaption')}</caption>
    <thead><tr><th scope="col">${t('colWhen')}</th><th scope="col">${t('colWho')}</th><th scope="col">${t('colAction')}</th><th scope="col">${t('colFields')}</th></tr></thead>
    <tbody>${history.map((h) => html`<tr><td>${formatDateTime(h.at, store.locale)}</td><td>${h.actor.name ?? h.actor.type}</td>
      <td><code>${h.action}</code></td><td>${h.fields.length ? h.fields.join(', ') : '—'}</td></tr>`)}</tbody>
  </table></div>`;
}
