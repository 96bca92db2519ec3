import { html } from 'lit';
import type { BreachFacts } from '../../../../sdk/src/admin/breaches.js';
import type { MessageKey } from '../../i18n/index.js';
import { store } from '../../state/store.js';

/** A breach data category in words. */
export const breachCategory = (c: string) => store.t(`bcat_${c}` as MessageKey);

/** The `<dt>/<dd>` pairs every view of a breach shows (what happened, data, subjects, consequences, measures). */
export const breachFacts = (b: BreachFacts) => html`
  <dt>${store.t('brDescription')}</dt><dd class="pre">${b.description}</dd>
  <dt>${store.t('brCategories')}</dt><dd>${b.dataCategories.map(breachCategory).join(', ')}</dd>
  <dt>${store.t('brSubjects')}</dt><dd>${b.approxSubjects.toLocaleString(store.locale)}</dd>
  <dt>${store.t('brConsequences')}</dt><dd class="pre">${b.consequences}</dd>
  <dt>${store.t('brMeasures')}</dt><dd class="pre">${b.measures}</dd>`;
