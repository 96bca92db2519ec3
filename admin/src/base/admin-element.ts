import { LitElement, type CSSResultGroup, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { MessageKey } from '../i18n/index.js';
import { shared } from './shared.styles.js';
import { store, type AdminStore } from '../state/store.js';

/** Re-renders its host when the shared store changes (language, who is signed in). */
class StoreController implements ReactiveController {
  #update = () => this.host.requestUpdate();
  #store?: AdminStore;
  constructor(private host: ReactiveControllerHost) {
    host.addController(this);
  }
  hostConnected() {
    this.#store = store;
    store.addEventListener('change', this.#update);
  }
  hostDisconnected() {
    this.#store?.removeEventListener('change', this.#update);
  }
}

/**
 * Base of every admin element: shared styles (constructed stylesheets, allowed by a strict CSP),
 * the shared store, and `t()` for texts in the chosen language.
 */
export class AdminElement extends LitElement {
  static override styles: CSSResultGroup = shared;

  constructor() {
    super();
    new StoreController(this);
  }

  get store(): AdminStore {
    return store;
  }

  t(key: MessageKey, vars?: Record<string, string | number>): string {
    return store.t(key, vars);
  }

  /** Politely (or assertively, for errors) tells screen-reader users what happened. */
  announce(text: string, assertive = false) {
    store.announce(text, assertive);
  }
}

/**
 * A page of the admin: focuses its h1 when shown (keyboard and screen-reader users start at the
 * new view's title) and names the document after it.
 */
export class AdminView extends AdminElement {
  /** Set by the shell: whether this view should take focus when it first renders. */
  focusOnShow = true;

  protected override updated(changed: Map<PropertyKey, unknown>) {
    super.updated(changed);
    const h1 = this.renderRoot.querySelector('h1');
    if (h1 && h1.textContent) document.title = `${h1.textContent.trim()} – ${this.t('appTitle')}`;
  }

  protected override firstUpdated() {
    if (!this.focusOnShow) return;
    const h1 = this.renderRoot.querySelector('h1');
    h1?.setAttribute('tabindex', '-1');
    h1?.focus();
  }
}
