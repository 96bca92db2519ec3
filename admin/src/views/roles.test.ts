import { expect } from '@open-wc/testing';
import { apiSignIn, apiSignOut, button, deep, deepAll, fixtures, heading, mountApp, until, within } from '../testing/fixtures.js';

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

  it('a carrier is offered only its own move (approved → received), then none; never cancel (axe)', async () => {
    const { cases, orgId } = fixtures();
    const ret = cases.find((c) => c.kind === 'return')!;
    await apiSignIn('owner');
    const csrf = { 'x-aftercare-csrf': '1', 'content-type': 'application/json' };
    for (const [path, body] of [['status', { status: 'approved' }], ['assign', { organisationId: orgId }]] as const) {
      const res = await fetch(`/v1/admin/cases/${ret.id}/${path}`, { method: 'POST', headers: csrf, body: JSON.stringify(body) });
      expect(res.status, `${path}: ${await res.clone().text()}`).to.equal(200);
    }
    await apiSignOut();
    await apiSignIn('partner');
    const app = await mountApp(`#/cases/${ret.id}`, 'nl');
    await heading(app, `Zaak ${ret.reference}`);
    const options = () => deepAll<HTMLOptionElement>(app, 'select[name=status] option').map((o) => o.value);
    await until(() => options().length, 'the status form');
    expect(options()).to.deep.equal(['received']);
    await expect(app).to.be.accessible();
    button(app, 'Status wijzigen')!.click();
    await until(() => within(app, 'admin-case-work', 'p.muted')[0], 'no further moves');
    expect(within(app, 'admin-case-work', 'p.muted')[0]!.textContent).to.equal('Uw organisatie kan de status van deze zaak nu niet wijzigen.');
    expect(options()).to.deep.equal([]);
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
