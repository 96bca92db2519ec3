import { expect } from '@open-wc/testing';
import { apiSignIn, apiSignOut, button, deep, deepAll, fixtures, heading, mountApp, until } from '../../testing/fixtures.js';

describe('<admin-settings> (owner, real API)', () => {
  before(() => apiSignIn('owner'));
  after(apiSignOut);

  for (const [tab, title] of [['tenant', 'Algemeen'], ['consent', 'Toestemmingsteksten'], ['users', 'Gebruikers'], ['organisations', 'Partnerorganisaties'], ['api-keys', 'API-sleutels']]) {
    it(`${title} is accessible (axe)`, async () => {
      const app = await mountApp(`#/settings/${tab}`, 'nl');
      await heading(app, `Instellingen: ${title}`);
      await until(() => deep(app, 'form') && !deep(app, 'p[role=status]'), 'the loaded form');
      await expect(app).to.be.accessible();
    });
  }

  it('a privacy URL over http: the per-field error from the server under the field', async () => {
    const app = await mountApp('#/settings/tenant', 'nl');
    await until(() => deep(app, 'input[name=privacyUrl]'), 'the form');
    deep<HTMLInputElement>(app, 'input[name=privacyUrl]')!.value = 'http://niet-veilig.example/privacy';
    button(app, 'Opslaan')!.click();
    await until(() => deep(app, '#f-privacyUrl-error'), 'the field error');
    expect(deep(app, '#f-privacyUrl-error')!.textContent).to.equal('Dit is geen geldige http(s)-URL.');
  });

  it('a new API key is shown once with a copy button, then listed by its prefix only', async () => {
    const app = await mountApp('#/settings/api-keys', 'nl');
    await until(() => deep(app, 'input[name=name]'), 'the form');
    deep<HTMLInputElement>(app, 'input[name=name]')!.value = `Koppeling ${Date.now()}`;
    button(app, 'Sleutel aanmaken')!.click();
    await until(() => deep(app, '#new-key'), 'the new key');
    const key = deep(app, '#new-key')!.textContent!;
    expect(key).to.match(/^sk_live_/);
    expect(deep(app, 'admin-copy-button')).to.exist;
    expect(deepAll(app, 'tbody').map((t) => t.textContent).join()).not.to.contain(key);
    await expect(app).to.be.accessible();
  });

  it('an owner key asks for the password again (wrong: error on the field); the list shows when a key expires', async () => {
    const app = await mountApp('#/settings/api-keys', 'nl');
    await until(() => deep(app, 'select[name=role]'), 'the form');
    expect(deep(app, 'input[name=password]')).not.to.exist;
    const name = `Beheer ${Date.now()}`;
    const role = deep<HTMLSelectElement>(app, 'select[name=role]')!;
    role.value = 'owner';
    role.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await until(() => deep(app, 'input[name=password]'), 'the password field');
    await expect(app).to.be.accessible();
    // A re-render puts the fields back to their defaults: fill them in right before each submit.
    const fill = (password: string) => {
      deep<HTMLInputElement>(app, 'input[name=name]')!.value = name;
      deep<HTMLSelectElement>(app, 'select[name=expiry]')!.value = '30';
      deep<HTMLInputElement>(app, 'input[name=password]')!.value = password;
    };
    fill('niet-het-wachtwoord');
    button(app, 'Sleutel aanmaken')!.click();
    await until(() => deep(app, '#k-password-error'), 'the password error');
    expect(deep(app, '#k-password-error')!.textContent).to.equal('Dit wachtwoord klopt niet.');
    fill(fixtures().users.owner.password);
    button(app, 'Sleutel aanmaken')!.click();
    const rowOf = () => deepAll(app, 'tbody tr').find((r) => r.textContent!.includes(name));
    await until(rowOf, 'the new key in the list');
    const row = rowOf()!;
    expect(row.textContent).to.contain('eigenaar');
    // Cells: start, role, created, expires, last used, revoked, actions.
    const expires = Array.from(row.querySelectorAll('td'))[3]!.textContent!;
    expect(expires).not.to.contain('nooit');
    expect(expires).to.match(/\d{4}/);
  });

  it('General shows the organisation code users sign in with', async () => {
    const app = await mountApp('#/settings/tenant', 'nl');
    await until(() => deep(app, 'input[name=privacyUrl]'), 'the form');
    expect(deepAll(app, 'dd').map((d) => d.textContent).join()).to.contain(fixtures().slug);
  });
});
