import type { AdminClientError, AdminResult } from '../../../../sdk/src/admin-client/index.js';
import type { LogActor, LogPage } from '../../../../sdk/src/admin/exports.js';
import { AdminElement } from '../../base/admin-element.js';
import { call, errorText } from '../../state/errors.js';

/** Who did it, as a person reads it. */
export const actorName = (a: LogActor) => a.displayName ? `${a.displayName}${a.loginCode ? ` (${a.loginCode})` : ''}` : (a.keyName ?? a.type);

/** A keyset-paged log: first page on connect, "load more" appends and moves focus to the first new row. */
export abstract class LogPageElement<T> extends AdminElement {
  static override properties = { items: { state: true }, next: { state: true }, error: { state: true }, loading: { state: true } };
  declare items: T[] | undefined;
  declare next: string | null;
  declare error: AdminClientError | undefined;
  declare loading: boolean;

  protected abstract fetchPage(cursor?: string): Promise<AdminResult<LogPage<T>>>;

  constructor() {
    super();
    this.next = null;
    this.loading = false;
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  async load(cursor?: string) {
    this.loading = true;
    const { data, error } = await call(this.fetchPage(cursor));
    this.loading = false;
    this.error = error;
    if (error) return this.announce(errorText(error), true);
    const before = cursor ? (this.items?.length ?? 0) : 0;
    this.items = cursor ? [...(this.items ?? []), ...data.items] : data.items;
    this.next = data.nextCursor;
    if (cursor) {
      await this.updateComplete;
      const row = this.renderRoot.querySelectorAll<HTMLElement>('tbody tr')[before];
      row?.setAttribute('tabindex', '-1');
      row?.focus();
    }
  }
}
