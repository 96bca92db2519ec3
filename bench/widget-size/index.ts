// bench/widget-size: what a retailer's page downloads for one form (loader + Lit + the form
// + one locale, gzipped), from the build `npm run bench` just made, next to Lit alone so the
// overhead over the framework is visible. Sizes are exact; the budgets are checked in npm test.
import { BUDGET, litSize, widgetSizes } from '../../scripts/widget-budget.mjs';

const kb = (n: number) => `${(n / 1024).toFixed(2)} KB`;
const root = process.cwd();
const sizes = widgetSizes(root);
const lit = await litSize();

console.log('bench/widget-size  gzip -9, what one page downloads for one form (worst locale)');
console.log(`  Lit alone                       ${kb(lit).padStart(9)}`);
console.log(`  loader (aftercare.js)           ${kb(sizes.loader).padStart(9)}   budget ${kb(BUDGET.loader)}`);
for (const [form, f] of Object.entries(sizes.forms)) {
  const over = f.gzip - lit;
  console.log(`  ${`<aftercare-${form}> total`.padEnd(32)}${kb(f.gzip).padStart(9)}   budget ${kb(BUDGET.form)}   = Lit × ${(f.gzip / lit).toFixed(2)} (Lit + ${kb(over)})   ${f.files} files, locale ${f.locale}`);
}
