import type { TenantAgreement } from '../../../../sdk/src/admin/agreement.js';
import { can } from '../../../../sdk/src/admin/roles.js';
import { call } from '../../state/errors.js';
import { store, type AdminStore } from '../../state/store.js';

export type GateStatus = 'checking' | 'required' | 'clear';
type GateState = { store: AdminStore; userId: string; status: GateStatus; agreement?: TenantAgreement };
let state: GateState | undefined;

/**
 * R20 gate: whether the processor agreement must be shown first. Checked once per signed-in
 * user (owners and auditors may read it; other roles never see the gate), re-checked after
 * acceptance. The shell re-renders on the store's `change` when the answer arrives.
 */
export function agreementGate(): GateStatus {
  const me = store.me;
  if (!me || !can(me.role, 'registers.read')) return 'clear';
  if (state && state.store === store && state.userId === me.id) return state.status;
  const s: GateState = { store, userId: me.id, status: 'checking' };
  state = s;
  void check(s);
  return 'checking';
}

async function check(s: GateState) {
  const { data } = await call(s.store.client.agreement.get());
  if (state !== s) return;
  s.agreement = data;
  // An error (say, a network failure) does not lock the page: the server refuses nothing for it.
  s.status = data?.agreementRequired ? 'required' : 'clear';
  s.store.changed();
}

/** After the owner accepted: open the page. */
export function agreementAccepted() {
  if (state) state.status = 'clear';
  store.changed();
}

/** The last answer of GET /agreement, if any (the banner's reason). */
export const gateAgreement = () => (state?.store === store ? state.agreement : undefined);
