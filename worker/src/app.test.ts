import { describe, expect, it } from 'vitest';
import { safeErrorText } from './app.js';

describe('error log lines', () => {
  it('never carry the bound parameters of a failed query', () => {
    const err = new Error('Failed query: update "subjects" set "email" = ? where "id" = ?\nparams: jan@example.nl,abc', { cause: Object.assign(new Error('SQLITE_CONSTRAINT: NOT NULL constraint failed'), { name: 'LibsqlError' }) });
    err.name = 'DrizzleQueryError';
    const line = safeErrorText(err);
    expect(line).not.toContain('jan@example.nl');
    expect(line).toContain('SQLITE_CONSTRAINT');
    const bare = new Error('Failed query: select 1\nparams: jan@example.nl');
    expect(safeErrorText(bare)).not.toContain('jan@example.nl');
  });
});
