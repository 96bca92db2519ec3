import { can } from '../../../../sdk/src/admin/roles.js';
import { call } from '../../state/errors.js';
import { store, type AdminStore } from '../../state/store.js';

/** How many notices are unread, shared by the navigation badge and the notices view. */
let state: { store: AdminStore; userId: string; unread: number | null } | undefined;

export function unreadCount(): number | null {
  const me = store.me;
  if (!me || !can(me.role, 'registers.read')) return null;
  if (state?.store === store && state.userId === me.id) return state.unread;
  state = { store, userId: me.id, unread: null };
  void refreshUnread();
  return null;
}

/** Asks the server again (after marking read, or when the notices view loads). */
export async function refreshUnread(known?: number) {
  const s = state;
  if (!s) return;
  if (known !== undefined) s.unread = known;
  else {
    const { data } = await call(s.store.client.notices.list());
    if (state !== s || !data) return;
    s.unread = data.unread;
  }
  s.store.changed();
}
