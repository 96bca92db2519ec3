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

/** The element for a route (the shell has checked the role may see it). */
export function renderView(route: Route): TemplateResult {
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
    case 'account':
      return html`<admin-account></admin-account>`;
    default:
      return html`<admin-not-found></admin-not-found>`;
  }
}
