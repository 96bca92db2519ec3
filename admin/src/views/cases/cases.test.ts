import { expect } from '@open-wc/testing';
import { apiSignIn, apiSignOut, button, deep, deepAll, fixtures, heading, mountApp, until, within } from '../../testing/fixtures.js';

describe('<admin-cases> and <admin-case> (owner, real API)', () => {
  before(() => apiSignIn('owner'));
  after(apiSignOut);

  it('lists cases accessibly, with a caption, header cells, row links and export links (axe)', async () => {
    const app = await mountApp('#/cases', 'nl');
    await heading(app, 'Zaken');
    await until(() => deepAll(app, 'tbody tr').length >= 3, 'the seeded cases');
    expect(deep(app, 'caption')!.textContent).to.contain('nieuwste eerst');
    expect(deepAll(app, 'thead th[scope=col]').length).to.equal(9);
    const links = deepAll<HTMLAnchorElement>(app, 'tbody th[scope=row] a');
    expect(links[0]!.getAttribute('href')).to.match(/^#\/cases\/[0-9a-f-]{36}$/);
    const exportLinks = within<HTMLAnchorElement>(app, 'admin-case-exports', 'a').map((a) => [a.textContent?.trim(), a.getAttribute('href'), a.hasAttribute('download')]);
    expect(exportLinks).to.deep.equal([
      ['CSV', '/v1/admin/exports/cases.csv', true],
      ['CSV voor Excel (puntkomma)', '/v1/admin/exports/cases.csv?delimiter=semicolon', true],
      ['JSON', '/v1/admin/exports/cases.json', true],
      ['Afdrukweergave (nieuw tabblad)', '/v1/admin/exports/cases/print?lang=nl', false],
    ]);
    await expect(app).to.be.accessible();
  });

  it('filters and searches through the URL; the export links carry the filter; no match shows the empty state', async () => {
    const app = await mountApp('#/cases?kind=return', 'nl');
    await heading(app, 'Zaken');
    await until(() => deepAll(app, 'tbody tr').length >= 1, 'the returns');
    for (const row of deepAll(app, 'tbody tr')) expect(row.children[1]!.textContent).to.equal('Retour');
    expect(within<HTMLAnchorElement>(app, 'admin-case-exports', 'a')[0]!.getAttribute('href')).to.equal('/v1/admin/exports/cases.csv?kind=return');
    const registration = fixtures().cases.find((c) => c.kind === 'registration')!;
    location.hash = `#/cases?q=${registration.reference.toLowerCase()}`;
    await until(() => deepAll(app, 'tbody tr').length === 1 && deep(app, 'tbody')!.textContent!.includes(registration.reference), 'the search result');
    location.hash = '#/cases?q=niemand-heet-zo';
    await until(() => deep(app, '.state.empty'), 'the empty state');
    expect(deep(app, '.state.empty')!.textContent).to.contain('Geen zaken gevonden');
  });

  it('keeps what was typed in the filters when the list re-renders before "apply" (e.g. organisations arriving)', async () => {
    const app = await mountApp('#/cases', 'nl');
    await heading(app, 'Zaken');
    await until(() => deepAll(app, 'tbody tr').length >= 1, 'the list');
    const q = within<HTMLInputElement>(app, 'admin-cases', 'input[name=q]')[0]!;
    q.value = 'de Vries';
    q.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    const view = deep<HTMLElement & { orgs: unknown[]; updateComplete: Promise<unknown> }>(app, 'admin-cases')!;
    view.orgs = [...view.orgs];
    await view.updateComplete;
    expect(within<HTMLInputElement>(app, 'admin-cases', 'input[name=q]')[0]!.value).to.equal('de Vries');
    button(app, 'Wissen')!.click();
    await until(() => within<HTMLInputElement>(app, 'admin-cases', 'input[name=q]')[0]!.value === '', 'the cleared search');
  });

  it('a from date after the to date: the server refuses, the message sits under the field', async () => {
    const app = await mountApp('#/cases?from=2026-02-01&to=2026-01-01', 'nl');
    await heading(app, 'Zaken');
    await until(() => deep(app, '#f-to-error'), 'the field error');
    expect(deep(app, 'input[name=to]')!.getAttribute('aria-invalid')).to.equal('true');
    expect(deep(app, '.notice.error[role=alert]')!.textContent).to.contain('Niet alle velden');
  });

  it('a case: every section, only allowed next statuses, assignment, a note with the shared flag (axe)', async () => {
    const { cases, orgId } = fixtures();
    const repair = cases.find((c) => c.kind === 'repair')!;
    const app = await mountApp(`#/cases/${repair.id}`, 'nl');
    await heading(app, `Zaak ${repair.reference}`);
    for (const h of ['Overzicht', 'Klant', 'Product', 'Melding', 'Toestemming', 'Geschiedenis', 'Status wijzigen', 'Toewijzen', 'Notities']) {
      expect(deepAll(app, 'h2').map((x) => x.textContent?.trim()), h).to.include(h);
    }
    await expect(app).to.be.accessible();
    const options = () => deepAll<HTMLOptionElement>(app, 'select[name=status] option').map((o) => o.value);
    expect(options()).to.deep.equal(['scheduled', 'in_progress', 'cancelled']);
    deep<HTMLSelectElement>(app, 'select[name=status]')!.value = 'scheduled';
    button(app, 'Status wijzigen')!.click();
    await until(() => options().join() === 'in_progress,cancelled', 'the next statuses after scheduled');
    await until(() => deepAll<HTMLOptionElement>(app, 'select[name=org] option').length > 1, 'the organisations');
    deep<HTMLSelectElement>(app, 'select[name=org]')!.value = orgId;
    button(app, 'Toewijzen')!.click();
    await until(() => deep(app, 'dl.facts')!.textContent!.includes('Snel Transport BV'), 'the assignment shown');
    const body = deep<HTMLTextAreaElement>(app, 'textarea[name=body]')!;
    body.value = 'Ophalen tussen 9 en 12 uur.';
    deep<HTMLInputElement>(app, 'input[name=shared]')!.checked = true;
    button(app, 'Notitie toevoegen')!.click();
    await until(() => within(app, 'admin-case-notes', 'li')[0], 'the note');
    expect(within(app, 'admin-case-notes', 'li')[0]!.textContent).to.contain('Ophalen tussen 9 en 12 uur.').and.contain('gedeeld');
    await expect(app).to.be.accessible();
  });

  it('an empty note: the per-field error under the text box', async () => {
    const repair = fixtures().cases.find((c) => c.kind === 'return')!;
    const app = await mountApp(`#/cases/${repair.id}`, 'nl');
    await heading(app, /^Zaak /);
    await until(() => button(app, 'Notitie toevoegen'), 'the note form');
    button(app, 'Notitie toevoegen')!.click();
    await until(() => deep(app, '#f-body-error'), 'the field error');
    expect(deep(app, '#f-body-error')!.textContent).to.equal('Dit veld is verplicht.');
  });
});
