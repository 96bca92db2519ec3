/** A case was changed (status, assignment, note): the detail view reloads it. Bubbling, composed. */
export class CaseChangedEvent extends Event {
  constructor() {
    super('admin-case-changed', { bubbles: true, composed: true });
  }
}
