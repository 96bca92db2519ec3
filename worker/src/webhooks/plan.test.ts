import { afterEach, describe, expect, it } from 'vitest';
import { tempDatabase } from '../testing/harness.js';
import { claimQuery } from './claim.js';

let dispose: (() => void) | undefined;
afterEach(() => dispose?.());

describe('delivery queries use indexes (EXPLAIN QUERY PLAN)', () => {
  it('the claim finds due rows through webhook_outbox_due and updates them by primary key, no table scan', async () => {
    const database = await tempDatabase();
    dispose = database.dispose;
    const q = claimQuery(database.db, 1_000, 20, 2_000).toSQL();
    const res = await database.client.execute({ sql: `EXPLAIN QUERY PLAN ${q.sql}`, args: q.params as never[] });
    const plan = res.rows.map((r) => String(r.detail));
    expect(plan.some((d) => /USING (COVERING )?INDEX webhook_outbox_due/.test(d)), plan.join('\n')).toBe(true);
    expect(plan.some((d) => /USING (COVERING )?INDEX sqlite_autoindex_webhook_outbox_1 \(id=\?\)/.test(d)), plan.join('\n')).toBe(true);
    expect(plan.some((d) => /^SCAN webhook_outbox/.test(d)), plan.join('\n')).toBe(false);
    expect(plan.join('\n')).not.toMatch(/TEMP B-TREE/);
  });
});
