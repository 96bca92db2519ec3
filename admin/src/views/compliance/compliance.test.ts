import { expect } from '@open-wc/testing';
import { apiSignIn, apiSignOut, button, deep, deepAll, heading, mountApp, until, within } from '../../testing/fixtures.js';

const TABS = [['register', 'Register'], ['subprocessors', 'Subverwerkers'], ['breaches', 'Datalekken'], ['retention', 'Bewaartermijnen'],
  ['statistics', 'Statistieken'], ['webhooks', 'Webhooks'], ['audit', 'Audit']] as const;
const loaded = (app: Element) => () => !deepAll(app, 'p[role=status]').length && deepAll(app, 'section, table, figure, article, p.card, form').length > 0;

describe('<admin-compliance> (owner, real API)', () => {
  before(() => apiSignIn('owner'));
  after(apiSignOut);

  for (const [tab, title] of TABS) {
    it(`${title} is accessible (axe)`, async () => {
      const app = await mountApp(`#/privacy/${tab}`, 'nl');
      await heading(app, `Privacy: ${title}`);
      await until(loaded(app), `the ${tab} panel`);
      await expect(app).to.be.accessible();
    });
  }

  it('the register renders (a)–(d) from its JSON, with CSV and print links and the controller form', async () => {
    const app = await mountApp('#/privacy/register', 'nl');
    await until(() => deep(app, '#reg-d'), 'the register');
    const text = within(app, 'admin-register', 'section').map((s) => s.textContent).join(' ');
    for (const part of ['a. Verwerker en verwerkingsverantwoordelijke', 'b. Categorieën van verwerkingen', 'c. Doorgifte buiten de EER', 'd. Beveiligingsmaatregelen']) expect(text).to.contain(part);
    const links = within<HTMLAnchorElement>(app, 'admin-register', 'a.button').map((a) => a.getAttribute('href'));
    expect(links.some((h) => h?.includes('/register.csv?lang=nl'))).to.equal(true);
    expect(links.some((h) => h?.includes('/register/print?lang=nl'))).to.equal(true);
    await until(() => within(app, 'admin-controller-form', 'form').length, 'the controller form');
    await expect(app).to.be.accessible();
  });

  it('retention: the policies table and the 30-day preview render; run now reports', async () => {
    const app = await mountApp('#/privacy/retention', 'nl');
    await until(() => deep(app, '#ret-total') && within(app, 'admin-retention-policies', 'tbody tr').length, 'preview and policies');
    expect(deep(app, '#ret-prev')!.textContent).to.contain('komende 30 dagen');
    expect(deep(app, '#ret-total')!.textContent).to.match(/^\d+ betrokkenen tot en met /);
    expect(within(app, 'admin-retention-policies', 'tbody tr').length).to.equal(7);
    button(app, 'Bewaartaak nu uitvoeren')!.click();
    await until(() => deep(app, '#ret-report'), 'the run report');
    expect(deep(app, '#ret-report')!.textContent).to.match(/betrokkenen geanonimiseerd/);
  });

  it('retention: months out of range → the error under that cell, nothing saved', async () => {
    const app = await mountApp('#/privacy/retention', 'nl');
    await until(() => deep(app, 'input[name="repair.months"]'), 'the form');
    deep<HTMLInputElement>(app, 'input[name="repair.months"]')!.value = '9999';
    button(app, 'Bewaartermijnen opslaan')!.click();
    await until(() => deep(app, '#e-repair'), 'the cell error');
    expect(deep(app, 'input[name="repair.months"]')!.getAttribute('aria-invalid')).to.equal('true');
  });

  it('statistics: SVG bars carry text labels, suppressed cells read "< 5", and a table says the same', async () => {
    const app = await mountApp('#/privacy/statistics', 'nl');
    await until(() => deep(app, 'svg[data-chart=st-kind]'), 'the charts');
    const svg = deep<SVGSVGElement>(app, 'svg[data-chart=st-kind]')!;
    const labels = [...svg.querySelectorAll('text.label')].map((t) => t.textContent);
    expect(labels).to.include('Reparatie');
    const values = [...svg.querySelectorAll('text.value')].map((t) => t.textContent);
    expect(values.length).to.equal(labels.length);
    expect(values).to.include('< 5'); // the seeded tenant has a handful of cases: every cell is under 5
    expect(svg.querySelectorAll('[style]').length).to.equal(0);
    const table = deepAll(app, 'figure.chart table')[0]!;
    expect(table.querySelector('caption')!.textContent).to.equal('Zaken per soort');
    expect(table.textContent).to.contain('< 5');
  });

  it('webhooks: the secret is shown once with a copy button, then only its prefix', async () => {
    const app = await mountApp('#/privacy/webhooks', 'nl');
    await until(() => deep(app, 'input[name=url]'), 'the form');
    deep<HTMLInputElement>(app, 'input[name=url]')!.value = 'http://localhost:9/aftercare-hook';
    button(app, 'Opslaan')!.click();
    await until(() => deep(app, '#wh-secret') || within(app, 'admin-webhooks', '.notice.error').length || /begint met/.test(within(app, 'admin-webhooks', 'section.card')[0]?.textContent ?? ''), 'saved');
    if (!deep(app, '#wh-secret')) {
      // A secret existed already (an earlier run): make a new one.
      button(app, 'Nieuw geheim maken')!.click();
      await until(() => within(app, 'admin-confirm-dialog', 'dialog[open]').length, 'the dialog');
      within<HTMLButtonElement>(app, 'admin-webhooks admin-confirm-dialog', 'button[type=submit]')[0]!.click();
      await until(() => deep(app, '#wh-secret'), 'the new secret');
    }
    const secret = deep(app, '#wh-secret')!.textContent!;
    expect(secret.length).to.be.greaterThan(16);
    expect(within(app, 'admin-webhooks', 'admin-copy-button').length).to.equal(1);
    await expect(app).to.be.accessible();
    const again = await mountApp('#/privacy/webhooks', 'nl');
    await until(() => deep(again, 'input[name=url]'), 'the form again');
    expect(deep(again, '#wh-secret')).to.equal(undefined);
    expect(deepAll(again, 'admin-webhooks').map((e) => e.shadowRoot!.textContent).join()).not.to.contain(secret);
  });

  it('audit: verification in words (chain and checkpoints), the bundle link and the CLI command', async () => {
    const app = await mountApp('#/privacy/audit', 'nl');
    await until(() => button(app, 'Nu controleren'), 'the button');
    button(app, 'Nu controleren')!.click();
    await until(() => deep(app, '#ap-result'), 'the result');
    expect(deep(app, '#ap-result')!.textContent).to.match(/Onveranderd.*De keten is intact: \d+ regels en \d+ controlepunten kloppen/s);
    expect(deep(app, '#ap-cli')!.textContent).to.equal('npm run aftercare -- audit verify --file <bundle> --public-key <key.json>');
    expect(deep<HTMLAnchorElement>(app, 'a[download="aftercare-audit-bundle.json"]')!.getAttribute('href')).to.contain('/audit/export');
  });
});

describe('<admin-compliance> (auditor, real API)', () => {
  before(() => apiSignIn('auditor'));
  after(apiSignOut);

  it('reads the register, retention and webhooks without forms (axe)', async () => {
    for (const tab of ['register', 'retention', 'webhooks']) {
      const app = await mountApp(`#/privacy/${tab}`, 'nl');
      await until(loaded(app), tab);
      await until(() => !deepAll(app, 'p[role=status]').length, 'loaded');
      expect(deepAll(app, 'form.card').length + deepAll(app, 'admin-retention-policies form').length, tab).to.equal(0);
      expect(deepAll(app, 'input:not([type=checkbox]), select').length, tab).to.equal(0);
      await expect(app).to.be.accessible();
    }
  });
});
