import { html, type TemplateResult } from 'lit';
import type { Route } from '../router/routes.js';
import '../views/not-found/not-found.js';
import '../views/cases/cases.js';
import '../views/case/case.js';
import '../views/subjects/subjects.js';
import '../views/subject/subject.js';
import '../views/settings/settings.js';
import '../views/logs/logs.js';
import '../views/tenants/tenants.js';
import '../views/account/account.js';
import '../views/compliance/compliance.js';
import '../views/notices/notices.js';
import '../views/agreement/agreement.js';
import '../views/platform/platform.js';
import { agreementGate } from '../views/agreement/gate.js';
import { can } from '../../../sdk/src/admin/roles.js';
import { store } from '../state/store.js';

/** The element for a route (the shell has checked the role may see it). */
export function renderView(route: Route): TemplateResult {
  // R20: while the processor agreement waits for acceptance, an owner sees it before any other view.
  const gate = agreementGate();
  if (gate === 'checking') return html`<p role="status">${store.t('loading')}</p>`;
  if (gate === 'required' && store.me && can(store.me.role, 'registers.manage')) return html`<admin-agreement .gated=${true}></admin-agreement>`;
  switch (route.name) {
    case 'cases':
      return html`<admin-cases .query=${route.query}></admin-cases>`;
    case 'case':
      return html`<admin-case .caseId=${route.params.id ?? ''}></admin-case>`;
    case 'subjects':
      return html`<admin-subjects .query=${route.query}></admin-subjects>`;
    case 'subject':
      return html`<admin-subject .subjectId=${route.params.id ?? ''}></admin-subject>`;
    case 'settings':
      return html`<admin-settings .tab=${route.params.tab ?? 'tenant'}></admin-settings>`;
    case 'logs':
      return html`<admin-logs .tab=${route.params.tab ?? 'exports'}></admin-logs>`;
    case 'tenants':
      return html`<admin-tenants></admin-tenants>`;
    case 'privacy':
      return html`<admin-compliance .tab=${route.params.tab ?? 'register'}></admin-compliance>`;
    case 'notices':
      return html`<admin-notices></admin-notices>`;
    case 'agreement':
      return html`<admin-agreement></admin-agreement>`;
    case 'platform':
      return html`<admin-platform .tab=${route.params.tab ?? 'profile'}></admin-platform>`;
    case 'account':
      return html`<admin-account></admin-account>`;
    default:
      return html`<admin-not-found></admin-not-found>`;
  }
}
