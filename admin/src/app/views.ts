import { html, type TemplateResult } from 'lit';
import type { Route } from '../router/routes.js';
import '../views/not-found/not-found.js';

/** The element for a route (the shell has checked the role may see it). */
export function renderView(route: Route): TemplateResult {
  switch (route.name) {
    default:
      return html`<admin-not-found></admin-not-found>`;
  }
}
