import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { active, apiSignIn, apiSignOut, button, deep, deepAll, heading, mountApp, submitCase, until, within } from '../../testing/fixtures.js';

describe('<admin-subjects> and <admin-subject> (owner, real API)', () => {
  before(() => apiSignIn('owner'));
  after(apiSignOut);

  it('finds a subject, shows their record, rectify refuses a bad email next to the field (axe)', async () => {
    const app = await mountApp('#/subjects?q=El Amrani', 'nl');
    await heading(app, 'Betrokkenen');
    await until(() => deep(app, 'tbody th a'), 'a result');
    await expect(app).to.be.accessible();
    deep<HTMLAnchorElement>(app, 'tbody th a')!.click();
    await heading(app, 'Betrokkene Fatima El Amrani');
    await expect(app).to.be.accessible();
    const email = deep<HTMLInputElement>(app, 'input[name=email]')!;
    email.value = 'geen-email';
    button(app, 'Wijzigingen opslaan')!.click();
    await until(() => deep(app, '#r-email-error'), 'the email error');
    expect(deep(app, '#r-email-error')!.textContent).to.equal('Dit is geen geldig e-mailadres.');
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    expect(active()).to.equal(email);
    email.value = 'fatima.elamrani@example.nl';
    button(app, 'Wijzigingen opslaan')!.click();
    await until(() => deep(app, '#status')?.textContent?.includes('E-mailadres'), 'the saved announcement');
  });

  it('anonymise asks for the confirmation word in a dialog; Escape cancels and focus returns', async () => {
    const name = `Wisser${Math.random().toString(36).replace(/[^a-z]/g, '')}`;
    const email = `${name.toLowerCase()}@example.nl`;
    await submitCase(name);
    const app = await mountApp(`#/subjects?q=${email}`, 'nl');
    await until(() => deep(app, 'tbody th a'), 'a result');
    deep<HTMLAnchorElement>(app, 'tbody th a')!.click();
    await heading(app, /^Betrokkene /);
    const erase = button(app, 'Anonimiseren…')!;
    erase.focus();
    erase.click();
    await until(() => within<HTMLDialogElement>(app, '#erase-dialog', 'dialog')[0]?.open, 'the dialog');
    await expect(app).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await until(() => !within<HTMLDialogElement>(app, '#erase-dialog', 'dialog')[0]!.open, 'the dialog closed');
    expect(active()).to.equal(erase);
    erase.click();
    await until(() => within<HTMLDialogElement>(app, '#erase-dialog', 'dialog')[0]?.open, 'the dialog again');
    await sendKeys({ type: 'verkeerd' });
    await sendKeys({ press: 'Enter' });
    await until(() => within(app, '#erase-dialog', '.field-error')[0], 'the wrong-word message');
    expect(within<HTMLDialogElement>(app, '#erase-dialog', 'dialog')[0]!.open).to.equal(true);
    const input = within<HTMLInputElement>(app, '#erase-dialog', 'input')[0]!;
    input.select();
    await sendKeys({ type: 'ANONIMISEER' });
    await sendKeys({ press: 'Enter' });
    await heading(app, 'Geanonimiseerde betrokkene');
    expect(deepAll(app, 'admin-rectify-form')).to.have.length(0);
    location.hash = `#/subjects?q=${email}`;
    await until(() => within(app, 'admin-subjects', 'p.card')[0], 'nobody found');
  });
});
