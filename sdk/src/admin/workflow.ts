import { CASE_STATUSES, type CaseKind } from '../schemas/case.js';
import type { PartnerType, Role } from './roles.js';

/**
 * The status workflow per case kind: ONE table, used by the worker to refuse a change
 * (409 `invalid_transition`) and by the admin page to offer only the allowed next statuses.
 *
 * Every case starts at `new` (what the intake writes for every kind). `cancelled` is an admin
 * status on top of the intake's {@link CASE_STATUSES}: a case can be cancelled while nothing has
 * been decided yet (see {@link CANCELLABLE}). `closed` and `cancelled` are final; reaching either
 * sets the case's `closedAt` (retention counts from there).
 */
export const ADMIN_CASE_STATUSES = [...CASE_STATUSES, 'cancelled'] as const;
export type AdminCaseStatus = (typeof ADMIN_CASE_STATUSES)[number];

/** The status a new case has (the intake writes it; it is the same for every kind). */
export const INITIAL_STATUS: AdminCaseStatus = 'new';

/** Statuses nothing follows. */
export const FINAL_STATUSES: readonly AdminCaseStatus[] = ['closed', 'cancelled'];

type Flow = Partial<Record<AdminCaseStatus, readonly AdminCaseStatus[]>>;

/** Work done by the tenant or a partner: plan it (or start directly), do it, resolve, close. */
const SERVICE: Flow = {
  new: ['scheduled', 'in_progress'],
  scheduled: ['in_progress'],
  in_progress: ['resolved'],
  resolved: ['closed'],
};

/** Goods come back: decide, receive, settle by refund or exchange (either kind may end either way), close. */
const RETURN_LIKE: Flow = {
  new: ['approved', 'rejected'],
  approved: ['received'],
  received: ['refunded', 'exchanged'],
  refunded: ['closed'],
  exchanged: ['closed'],
  rejected: ['closed'],
};

/**
 * Allowed next statuses per kind and current status (before `cancelled` is added).
 * repair, installation, complaint, warranty: new → scheduled → in_progress → resolved → closed
 * (new → in_progress directly when nothing needs planning, e.g. a complaint).
 * return, exchange: new → approved | rejected; approved → received → refunded | exchanged → closed;
 * rejected → closed. registration (confirming a product registration): new → approved | rejected → closed.
 */
const FLOWS: Record<CaseKind, Flow> = {
  repair: SERVICE,
  installation: SERVICE,
  complaint: SERVICE,
  warranty: SERVICE,
  return: RETURN_LIKE,
  exchange: RETURN_LIKE,
  registration: { new: ['approved', 'rejected'], approved: ['closed'], rejected: ['closed'] },
};

/**
 * Statuses from which a case may be cancelled: before an outcome exists. Once resolved,
 * rejected, refunded or exchanged (or a registration approved), a case can only be closed:
 * the outcome stays on record.
 */
export const CANCELLABLE: Record<CaseKind, readonly AdminCaseStatus[]> = {
  repair: ['new', 'scheduled', 'in_progress'],
  installation: ['new', 'scheduled', 'in_progress'],
  complaint: ['new', 'scheduled', 'in_progress'],
  warranty: ['new', 'scheduled', 'in_progress'],
  return: ['new', 'approved', 'received'],
  exchange: ['new', 'approved', 'received'],
  registration: ['new'],
};

/** The statuses a case of `kind` may move to from `from` (empty for final or unknown statuses). */
export function nextStatuses(kind: CaseKind, from: string): AdminCaseStatus[] {
  const flow = FLOWS[kind];
  if (!flow) return [];
  const next = [...(flow[from as AdminCaseStatus] ?? [])];
  if (CANCELLABLE[kind].includes(from as AdminCaseStatus)) next.push('cancelled');
  return next;
}

/** Whether `kind` may move from `from` to `to`. */
export const canTransition = (kind: CaseKind, from: string, to: string): boolean => nextStatuses(kind, from).includes(to as AdminCaseStatus);

/** Every status a case of `kind` can ever have, in workflow order (for filters and legends). */
export function statusesOf(kind: CaseKind): AdminCaseStatus[] {
  const seen = new Set<AdminCaseStatus>([INITIAL_STATUS]);
  for (const s of seen) for (const n of nextStatuses(kind, s)) seen.add(n);
  return [...seen];
}

/** The whole table, e.g. for the admin page: kind → status → allowed next statuses. */
export const WORKFLOW: Record<CaseKind, Partial<Record<AdminCaseStatus, AdminCaseStatus[]>>> = Object.fromEntries(
  Object.keys(FLOWS).map((kind) => [kind, Object.fromEntries(statusesOf(kind as CaseKind).map((s) => [s, nextStatuses(kind as CaseKind, s)]))]),
) as Record<CaseKind, Partial<Record<AdminCaseStatus, AdminCaseStatus[]>>>;

/**
 * A partner's own moves (R22, R28): the work its organisation type does, never a decision about the
 * case. A carrier brings the goods of an approved return or exchange back (approved → received); a
 * technician or repair centre carries out the planned work (scheduled → in_progress → resolved).
 * Partners never approve, reject, cancel or close (closing and cancelling start the retention
 * clock), never settle a refund or exchange, never plan (the desk schedules, R27) and never go
 * back. Every move here is also in the kind's own table: {@link nextStatusesFor} intersects both.
 */
const CARRY: Flow = { approved: ['received'] };
const DO_WORK: Flow = { scheduled: ['in_progress'], in_progress: ['resolved'] };

const PARTNER_FLOWS: Record<PartnerType, Partial<Record<CaseKind, Flow>>> = {
  carrier: { return: CARRY, exchange: CARRY },
  technician: { repair: DO_WORK, installation: DO_WORK, warranty: DO_WORK, complaint: DO_WORK },
  repair_centre: { repair: DO_WORK, warranty: DO_WORK, complaint: DO_WORK },
};

/** Who asks: staff roles follow the kind's table; a partner only its type's table (none without a type). */
export type WorkflowActor = { role: Role; partnerType: PartnerType | null };

/**
 * The statuses `who` may move a case of `kind` to from `from`: the kind's table for tenant staff,
 * the partner type's moves (within the kind's table) for a partner. The worker refuses anything
 * else (409 `invalid_transition` listing this); the admin page offers only this.
 */
export function nextStatusesFor(kind: CaseKind, from: string, who: WorkflowActor): AdminCaseStatus[] {
  const all = nextStatuses(kind, from);
  if (who.role !== 'partner') return all;
  const own = who.partnerType ? (PARTNER_FLOWS[who.partnerType][kind]?.[from as AdminCaseStatus] ?? []) : [];
  return all.filter((s) => own.includes(s));
}

