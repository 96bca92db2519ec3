import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { active, apiMe, apiSignIn, apiSignOut, button, deep, deepAll, fixtures, heading, mountApp, totpCode, until } from '../testing/fixtures.js';
import { store } from '../state/store.js';
import { browserLocale } from '../i18n/index.js';

async function tabTo(match: (el: Element) => boolean, what: string) {
  for (let i = 0; i < 30; i++) {
    const a = active();
    if (a && match(a)) return a;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${what}`);
}

describe('<aftercare-admin>: sign-in, language, errors', () => {
  beforeEach(apiSignOut);
  after(apiSignOut);

  it('shows an accessible sign-in form when nobody is signed in (axe)', async () => {
    const app = await mountApp('#/cases', 'nl');
    const h1 = await heading(app, 'Aanmelden');
    expect(active()).to.equal(h1, 'the view heading has focus');
    await expect(app).to.be.accessible();
    expect(deepAll(app, 'nav')).to.have.length(0, 'no navigation before sign-in');
  });

  it('signs in with the keyboard only and lands on the cases, heading focused', async () => {
    const u = fixtures().users.owner;
    const app = await mountApp('#/cases', 'nl');
    await heading(app, 'Aanmelden');
    await tabTo((a) => a.getAttribute('name') === 'loginCode', 'the login code');
    await sendKeys({ type: u.signIn });
    await sendKeys({ press: 'Tab' });
    expect(active()?.getAttribute('name')).to.equal('password');
    await sendKeys({ type: u.password });
    await sendKeys({ press: 'Enter' });
    const h1 = await heading(app, 'Zaken');
    await until(() => active() === h1, 'focus on the cases heading');
    const nav = deepAll<HTMLAnchorElement>(app, 'nav a').map((a) => a.textContent?.trim());
    expect(nav).to.deep.equal(['Zaken', 'Betrokkenen', 'Logboeken', 'Instellingen', 'Privacy', 'Meldingen', 'Mijn account']);
  });

  it('a wrong password: the message in an alert, both fields marked invalid, focus on the first', async () => {
    const u = fixtures().users.wrongpw;
    const app = await mountApp('#/cases', 'nl');
    await heading(app, 'Aanmelden');
    deep<HTMLInputElement>(app, 'input[name=loginCode]')!.value = u.signIn;
    deep<HTMLInputElement>(app, 'input[name=password]')!.value = 'dit-is-niet-het-goede-wachtwoord';
    button(app, 'Aanmelden')!.click();
    await until(() => deep(app, '.notice.error[role=alert]'), 'the error notice');
    expect(deep(app, '.notice.error')!.textContent).to.contain('De inlogcode of het wachtwoord klopt niet.');
    expect(deep(app, 'input[name=loginCode]')!.getAttribute('aria-invalid')).to.equal('true');
    expect(deep(app, 'input[name=password]')!.getAttribute('aria-invalid')).to.equal('true');
    expect(active()).to.equal(deep(app, 'input[name=loginCode]'));
    await until(() => deep(app, '#alert')?.textContent, 'the assertive live region');
    expect(deep(app, '#alert')!.textContent).to.contain('klopt niet');
    await expect(app).to.be.accessible();
  });

  it('an account with TOTP: the second step asks for the code; a wrong one is refused next to the field', async () => {
    const u = fixtures().users.totp;
    const app = await mountApp('#/cases', 'nl');
    await heading(app, 'Aanmelden');
    deep<HTMLInputElement>(app, 'input[name=loginCode]')!.value = u.signIn;
    deep<HTMLInputElement>(app, 'input[name=password]')!.value = u.password;
    button(app, 'Aanmelden')!.click();
    const h1 = await heading(app, 'Tweede stap');
    expect(active()).to.equal(h1);
    await expect(app).to.be.accessible();
    const good = await totpCode(u.totpSecret!);
    deep<HTMLInputElement>(app, 'input[name=code]')!.value = good === '000000' ? '111111' : '000000';
    button(app, 'Controleren')!.click();
    await until(() => deep(app, '#f-code-error'), 'the code error');
    expect(deep(app, 'input[name=code]')!.getAttribute('aria-invalid')).to.equal('true');
    deep<HTMLInputElement>(app, 'input[name=code]')!.value = await totpCode(u.totpSecret!);
    button(app, 'Controleren')!.click();
    await heading(app, 'Zaken');
  });

  it('an owner without TOTP where the tenant requires it enrols during sign-in', async () => {
    const json = { 'x-aftercare-csrf': '1', 'content-type': 'application/json' };
    await apiSignIn('owner');
    const loginCode = `wtr-enrol-${Math.random().toString(36).slice(2, 8)}`;
    const password = fixtures().users.owner.password;
    const created = await fetch('/v1/admin/users', { method: 'POST', headers: json, body: JSON.stringify({ loginCode, displayName: 'Nieuwe eigenaar', role: 'owner', password }) });
    expect(created.status).to.equal(201);
    const require = (on: boolean) => fetch('/v1/admin/settings', { method: 'PATCH', headers: json, body: JSON.stringify({ requireTotpForOwners: on }) });
    expect((await require(true)).status).to.equal(200);
    await apiSignOut();
    try {
      const app = await mountApp('#/cases', 'nl');
      await heading(app, 'Aanmelden');
      deep<HTMLInputElement>(app, 'input[name=loginCode]')!.value = `${loginCode}@${fixtures().slug}`;
      deep<HTMLInputElement>(app, 'input[name=password]')!.value = password;
      button(app, 'Aanmelden')!.click();
      await heading(app, 'Tweestapsverificatie instellen');
      await until(() => deep(app, '#secret'), 'the secret');
      await expect(app).to.be.accessible();
      deep<HTMLInputElement>(app, 'input[name=code]')!.value = await totpCode(deep(app, '#secret')!.textContent!.trim());
      button(app, 'Inschakelen')!.click();
      await heading(app, 'Zaken');
    } finally {
      expect((await require(false)).status).to.equal(200);
    }
  });

  it('an empty form: per-field messages from the server next to each field', async () => {
    const app = await mountApp('#/cases', 'nl');
    await heading(app, 'Aanmelden');
    button(app, 'Aanmelden')!.click();
    await until(() => deep(app, '.field-error'), 'field errors');
    const errors = deepAll(app, '.field-error').map((e) => e.id);
    expect(errors).to.include('f-loginCode-error');
    expect(deep(app, 'input[name=loginCode]')!.getAttribute('aria-describedby')).to.contain('f-loginCode-error');
    expect(deep(app, '#f-loginCode-error')!.textContent).to.equal('Dit veld is verplicht.');
  });

  it('before sign-in follows the browser language; the switch changes every text; signed in, the choice is saved on the server', async () => {
    const app = await mountApp('#/cases');
    expect(store.locale).to.equal(browserLocale(navigator.languages));
    store.setLocale('nl');
    await heading(app, 'Aanmelden');
    button(app, 'English')!.click();
    await heading(app, 'Sign in');
    expect(document.documentElement.lang).to.equal('en');
    expect(deep(app, 'label[for=f-loginCode]')!.textContent).to.contain('Login code');
    button(app, 'Nederlands')!.click();
    await heading(app, 'Aanmelden');

    await apiSignIn('staff');
    const signedIn = await mountApp('#/cases', 'en');
    await heading(signedIn, 'Zaken');
    expect(store.locale, "the user's saved language wins").to.equal('nl');
    button(signedIn, 'English')!.click();
    await heading(signedIn, 'Cases');
    await until(async () => true, 'tick');
    await until(() => store.me?.locale === 'en', 'the saved locale');
    expect((await apiMe())?.locale).to.equal('en');
    expect(deepAll(signedIn, 'nav a').map((a) => a.textContent?.trim())).to.deep.equal(['Cases', 'Data subjects', 'My account']);
    button(signedIn, 'Nederlands')!.click();
    await until(() => store.me?.locale === 'nl', 'the saved locale back to nl');
    expect((await apiMe())?.locale).to.equal('nl');
  });

  it('a session that ends on the server sends the page back to sign-in with a message', async () => {
    await apiSignIn('staff');
    const app = await mountApp('#/cases', 'nl');
    await heading(app, 'Zaken');
    await apiSignOut();
    location.hash = '#/subjects?q=Jansen';
    await heading(app, 'Aanmelden');
    expect(deep(app, '.notice.info')!.textContent).to.contain('Uw sessie is verlopen');
  });

  it('sign-out ends the session and says so', async () => {
    await apiSignIn('staff');
    const app = await mountApp('#/cases', 'nl');
    await heading(app, 'Zaken');
    button(app, 'Afmelden')!.click();
    await heading(app, 'Aanmelden');
    expect(deep(app, '.notice.info')!.textContent).to.contain('U bent afgemeld.');
    expect(await apiMe()).to.equal(null);
  });
});
