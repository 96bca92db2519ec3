import { svg, html, type TemplateResult } from 'lit';
import type { DeadlineStatus } from '../../../../sdk/src/admin/breaches.js';
import { store } from '../../state/store.js';

const ICON: Record<DeadlineStatus, TemplateResult> = {
  met: svg`<path d="M4 10.5l4 4 8-9" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round"/>`,
  missed: svg`<path d="M5 5l10 10M15 5L5 15" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round"/>`,
  pending: svg`<circle cx="10" cy="10" r="7" fill="none" stroke="currentColor" stroke-width="2"/><path d="M10 6v4.5l3 2" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>`,
};
const KEY = { met: 'deadlineMet', missed: 'deadlineMissed', pending: 'deadlinePending' } as const;

/** A breach's 48-hour deadline (or any good/bad/waiting state, with `label`) as words with an icon: never colour alone. */
export const deadlineStatus = (s: DeadlineStatus, label?: string) =>
  html`<span class="status ${s}"><svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">${ICON[s]}</svg>${label ?? store.t(KEY[s])}</span>`;
