import { expect } from '@open-wc/testing';
import { apiSignIn, apiSignOut, deep, deepAll, fixtures, heading, mountApp, until, within } from '../testing/fixtures.js';

const nav = (app: Element) => deepAll<HTMLAnchorElement>(app, 'nav[aria-label=Hoofdmenu] a').map((a) => a.textContent?.trim());

describe('what each role sees', () => {
  afterEach(apiSignOut);

  it('a carrier: only Cases, only its assigned cases, fewer fields, no email, no work on assignment (axe)', async () => {
    await apiSignIn('partner');
    const app = await mountApp('#/cases', 'nl');
    await heading(app, 'Zaken');
    expect(nav(app)).to.deep.equal(['Zaken', 'Mijn account']);
    expect(deep(app, 'select[name=org]'), 'no organisation filter').to.equal(undefined);
    await until(() => deep(app, 'tbody') || deep(app, '.state.empty'), 'the list');
    expect(deep(app, 'tbody')?.textContent ?? '').not.to.contain('@');
    await expect(app).to.be.accessible();
    location.hash = '#/settings';
    await heading(app, 'Pagina niet gevonden');
  });

  it('an auditor: only Logs; the audit chain verifies (axe on both logs)', async () => {
    await apiSignIn('auditor');
    const app = await mountApp('#/', 'nl');
    await heading(app, /^Logboeken/);
    expect(nav(app)).to.deep.equal(['Logboeken', 'Privacy', 'Meldingen', 'Mijn account']);
    await until(() => within(app, 'admin-export-log', 'table')[0] || within(app, 'admin-export-log', 'p.card')[0], 'the export log');
    await expect(app).to.be.accessible();
    location.hash = '#/logs/audit';
    await heading(app, 'Logboeken: Auditlogboek');
    await until(() => within(app, 'admin-audit-log', 'tbody tr')[0], 'audit rows');
    deepAll<HTMLButtonElement>(app, 'button').find((b) => b.textContent?.includes('Keten controleren'))!.click();
    await until(() => deep(app, '.verify .notice'), 'the verify result');
    expect(deep(app, '.verify .notice')!.textContent).to.match(/De keten is intact: \d+ regels gecontroleerd\./);
    await expect(app).to.be.accessible();
    location.hash = `#/cases/${fixtures().cases[0]!.id}`;
    await heading(app, 'Pagina niet gevonden');
  });

  it('an operator: Tenants only (axe)', async () => {
    await apiSignIn('operator');
    const app = await mountApp('#/', 'nl');
    await heading(app, 'Tenants');
    expect(nav(app)).to.deep.equal(['Tenants', 'Platform', 'Mijn account']);
    await until(() => deep(app, 'tbody tr'), 'the tenants');
    await expect(app).to.be.accessible();
  });
});
