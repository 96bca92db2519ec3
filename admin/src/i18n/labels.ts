import type { PartnerType, Role } from '../../../sdk/src/admin/roles.js';
import type { MessageKey } from './messages.js';
import { NL } from './messages.js';
import { store } from '../state/store.js';

/** Texts of values that come from the API as codes (kinds, statuses, roles, partner types). */
const dynamic = (key: string, fallback: string) => (key in NL ? store.t(key as MessageKey) : fallback);

export const kindLabel = (kind: string | undefined) => (kind ? dynamic(`kind_${kind}`, kind) : '—');
export const statusLabel = (status: string | undefined) => (status ? dynamic(`status_${status}`, status) : '—');

const ROLE: Record<Role, MessageKey> = { owner: 'roleOwner', staff: 'roleStaff', auditor: 'roleAuditor', partner: 'rolePartner', operator: 'roleOperator' };
export const roleLabel = (role: Role) => store.t(ROLE[role]);

const PARTNER: Record<PartnerType, MessageKey> = { technician: 'partnerTechnician', repair_centre: 'partnerRepairCentre', carrier: 'partnerCarrier' };
export const partnerTypeLabel = (type: PartnerType) => store.t(PARTNER[type]);
