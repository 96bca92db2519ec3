import { expect } from '@open-wc/testing';
import { apiSignIn, apiSignOut, button, deep, deepAll, heading, mountApp, until, within } from '../../testing/fixtures.js';

const tenantId = () => (window as unknown as { __AFTERCARE_TEST__: { tenantId: string } }).__AFTERCARE_TEST__.tenantId;
const localNow = (minusMs: number) => {
  const d = new Date(Date.now() - minusMs);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

describe('<admin-platform> (operator, real API)', () => {
  afterEach(apiSignOut);

  for (const [tab, title] of [['profile', 'Verwerker'], ['subprocessors', 'Subverwerkers'], ['breaches', 'Datalekken'], ['agreements', 'Verwerkersovereenkomst'], ['statistics', 'Statistieken']]) {
    it(`${title} is accessible (axe)`, async () => {
      await apiSignIn('operator');
      const app = await mountApp(`#/platform/${tab}`, 'nl');
      await heading(app, `Platform: ${title}`);
      await until(() => !deepAll(app, 'p[role=status]').length && deepAll(app, 'form, figure').length, 'the panel');
      await expect(app).to.be.accessible();
    });
  }

  it('a sub-processor outside the EEA without safeguards: the error under the field', async () => {
    await apiSignIn('operator');
    const app = await mountApp('#/platform/subprocessors', 'nl');
    await until(() => deep(app, '#ps-name'), 'the form');
    deep<HTMLInputElement>(app, '#ps-name')!.value = 'Mailer Inc.';
    deep<HTMLInputElement>(app, '#ps-purpose')!.value = 'E-mail';
    deep<HTMLInputElement>(app, '#ps-location')!.value = 'US';
    deep<HTMLInputElement>(app, '#ps-start')!.value = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
    button(app, 'Toevoegen en aankondigen')!.click();
    await until(() => deep(app, '#ps-safeguards-error'), 'the safeguards error');
    expect(deep(app, '#ps-safeguards')!.getAttribute('aria-invalid')).to.equal('true');
  });

  it('a breach recorded by the operator appears for the owner with its deadline in words', async () => {
    await apiSignIn('operator');
    const app = await mountApp('#/platform/breaches', 'nl');
    await until(() => deep(app, '#pb-at') && deep(app, `input[name=tenantIds][value="${tenantId()}"]`), 'the form with tenants');
    const marker = `Testlek ${Date.now()}`;
    deep<HTMLInputElement>(app, '#pb-at')!.value = localNow(2 * 3600_000);
    deep<HTMLTextAreaElement>(app, '#pb-description')!.value = `${marker}: een back-up stond open.`;
    deep<HTMLInputElement>(app, 'input[name=dataCategories][value=contact]')!.checked = true;
    deep<HTMLInputElement>(app, '#pb-subjects')!.value = '120';
    deep<HTMLTextAreaElement>(app, '#pb-consequences')!.value = 'Mogelijk phishing.';
    deep<HTMLTextAreaElement>(app, '#pb-measures')!.value = 'Toegang gesloten.';
    deep<HTMLInputElement>(app, `input[name=tenantIds][value="${tenantId()}"]`)!.checked = true;
    button(app, 'Datalek registreren')!.click();
    await until(() => within(app, 'admin-platform-breaches', 'article').some((a) => a.textContent?.includes(marker)), 'the breach in the list');
    const article = within(app, 'admin-platform-breaches', 'article').find((a) => a.textContent?.includes(marker))!;
    expect(article.textContent).to.contain('Op tijd gemeld');
    await apiSignOut();

    await apiSignIn('owner');
    const owner = await mountApp('#/privacy/breaches', 'nl');
    await until(() => within(owner, 'admin-breaches', 'article').some((a) => a.textContent?.includes(marker)), 'the breach for the owner');
    const mine = within(owner, 'admin-breaches', 'article').find((a) => a.textContent?.includes(marker))!;
    expect(mine.textContent).to.contain('Uiterste meldmoment (48 uur)');
    expect(mine.querySelector('.status.met')!.textContent).to.equal('Op tijd gemeld');
    expect(mine.querySelector('.status svg')!.getAttribute('aria-hidden')).to.equal('true');
    await expect(owner).to.be.accessible();
  });
});
