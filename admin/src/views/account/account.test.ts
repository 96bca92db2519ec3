import { expect } from '@open-wc/testing';
import { apiSignIn, apiSignOut, button, deep, deepAll, fixtures, heading, mountApp, until } from '../../testing/fixtures.js';

describe('<admin-account> two-step verification (staff, real API)', () => {
  before(() => apiSignIn('staff'));
  after(apiSignOut);

  it('shows what to sign in with, and setting up TOTP asks for the password again (wrong: error on the field)', async () => {
    const app = await mountApp('#/account', 'nl');
    await heading(app, 'Mijn account');
    expect(deepAll(app, 'dd').map((d) => d.textContent).join()).to.contain(fixtures().users.staff.signIn);
    await until(() => deep(app, '#totp-start-password'), 'the password field');
    await expect(app).to.be.accessible();
    deep<HTMLInputElement>(app, '#totp-start-password')!.value = 'niet-het-wachtwoord';
    button(app, 'Tweestapsverificatie instellen')!.click();
    await until(() => deep(app, '#totp-start-password-error'), 'the password error');
    expect(deep(app, '#totp-start-password-error')!.textContent).to.equal('Dit wachtwoord klopt niet.');
    expect(deep(app, 'code')).not.to.exist;
    deep<HTMLInputElement>(app, '#totp-start-password')!.value = fixtures().users.staff.password;
    button(app, 'Tweestapsverificatie instellen')!.click();
    await until(() => deep(app, 'code'), 'the new secret');
    expect(deep(app, 'code')!.textContent).to.match(/^[A-Z2-7]{32}$/);
  });
});
