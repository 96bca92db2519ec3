import type { PlatformBreachView, TenantBreachView } from '../../../sdk/src/admin/breaches.js';
import { BOM, csvRow, type Delimiter } from '../admin/exports/csv.js';

/** R18: the register as CSV (UTF-8 with BOM, formula-safe cells): one row per breach and affected tenant. */

const FACTS = ['breachId', 'discoveredAt', 'deadlineAt', 'recordedAt', 'description', 'dataCategories', 'approxSubjects', 'consequences', 'measures'] as const;
const FOLLOW_UP = ['reportedToAuthority', 'reportedAt', 'followUpNote', 'followUpAt'] as const;

const facts = (b: TenantBreachView | PlatformBreachView) => [b.id, b.discoveredAt, b.deadlineAt, b.recordedAt, b.description, b.dataCategories.join(' '), b.approxSubjects, b.consequences, b.measures];
const followUp = (f: TenantBreachView['followUp']) => (f ? [f.reportedToAuthority, f.reportedAt, f.note, f.at] : ['', '', '', '']);

/** The operator's register: a breach without affected tenants is one row with empty tenant columns (it stays in the register). */
export function platformBreachCsv(items: PlatformBreachView[], d: Delimiter): { text: string; rows: number } {
  let text = BOM + csvRow([...FACTS, 'tenantId', 'tenantName', 'notifiedAt', 'deadline', ...FOLLOW_UP], d);
  let rows = 0;
  for (const b of items) {
    const tenants = b.tenants.length ? b.tenants : [null];
    for (const t of tenants) {
      text += csvRow([...facts(b), t?.tenantId ?? '', t?.tenantName ?? '', t?.notifiedAt ?? '', t?.deadline ?? '', ...followUp(t?.followUp ?? null)], d);
      rows += 1;
    }
  }
  return { text, rows };
}

/** A tenant's own breaches: no other tenant appears. */
export function tenantBreachCsv(items: TenantBreachView[], d: Delimiter): string {
  let text = BOM + csvRow([...FACTS, 'notifiedAt', 'deadline', ...FOLLOW_UP], d);
  for (const b of items) text += csvRow([...facts(b), b.notifiedAt, b.deadline, ...followUp(b.followUp)], d);
  return text;
}
