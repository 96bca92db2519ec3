import { describe, expect, it } from 'vitest';
import { BUDGET, widgetSizes } from '../scripts/widget-budget.mjs';

/** Issue 3 budgets, from the build `npm test` just made (test/global-setup.ts). */
describe('widget download budget', () => {
  const sizes = widgetSizes(process.cwd());

  it(`the loader alone is at most ${BUDGET.loader} bytes gzipped`, () => {
    expect(sizes.loader).toBeLessThanOrEqual(BUDGET.loader);
  });

  it.each(['registration', 'warranty', 'repair', 'return'])(`loader + Lit + %s + its locale is at most ${BUDGET.form} bytes gzipped`, (form) => {
    const f = sizes.forms[form]!;
    expect(f.files).toBeGreaterThan(2);
    expect(f.gzip).toBeLessThanOrEqual(BUDGET.form);
  });
});
