import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { $, heading, mount, primary, set, toReview, control, type Form } from '../testing/driver.js';
import { testApi } from '../testing/api.js';
import '../elements/registration/index.js';
import '../elements/repair/index.js';

/** Rewrites the real `/v1/config` answer (the rest of the traffic passes through untouched). */
function editConfig(edit: (config: Record<string, any>) => void) {
  const real = window.fetch;
  window.fetch = async (input, init) => {
    const res = await real(input, init);
    if (!String(input).endsWith('/v1/config') || !res.ok) return res;
    const config = await res.json();
    edit(config);
    return new Response(JSON.stringify(config), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return () => void (window.fetch = real);
}

describe('AftercareElement: loading, errors, language, theme', () => {
  const pageLang = document.documentElement.getAttribute('lang');
  afterEach(() => (pageLang === null ? document.documentElement.removeAttribute('lang') : document.documentElement.setAttribute('lang', pageLang)));

  it('without publishable-key shows a translated error (never a blank box) and fires aftercare-error', async () => {
    const el = document.createElement('aftercare-registration') as Form;
    el.setAttribute('locale', 'nl');
    const error = oneEvent(el, 'aftercare-error');
    document.body.append(el);
    expect((await error).detail.code).to.equal('missing_publishable_key');
    await waitUntil(() => $(el, '[role="alert"] p'));
    expect($(el, '[role="alert"]')!.textContent).to.contain('Het formulier kan niet worden geladen.').and.contain('niet goed ingesteld');
    await expect(el).to.be.accessible();
    // A framework that sets the key afterwards gets the form.
    el.setAttribute('publishable-key', testApi().publishableKey);
    el.setAttribute('api-base', testApi().apiBase);
    await waitUntil(() => $(el, 'h2'));
    expect(heading(el)).to.equal('Uw gegevens');
    el.remove();
  });

  it('with an unknown key says so in English, from the real API', async () => {
    const el = await mount('aftercare-registration', { 'publishable-key': 'pk_live_doesnotexist000', locale: 'en' });
    expect($(el, '[role="alert"]')!.textContent).to.contain('The form could not be loaded.').and.contain('not been set up correctly');
  });

  it('when the API cannot be reached, says so (after the SDK retried)', async function () {
    this.timeout(15000);
    const error = new Promise<string>((resolve) => document.addEventListener('aftercare-error', (e) => resolve((e as CustomEvent).detail.code), { once: true }));
    const el = await mount('aftercare-registration', { 'api-base': 'http://127.0.0.1:9' });
    expect(await error).to.equal('network_error');
    expect($(el, '[role="alert"]')!.textContent).to.contain('Er is geen verbinding met de server.');
    await expect(el).to.be.accessible();
  });

  it('speaks the page language by default, and sets lang on its root', async () => {
    document.documentElement.setAttribute('lang', 'de');
    const el = await mount('aftercare-registration', { locale: undefined });
    expect(heading(el)).to.equal('Ihre Angaben');
    expect($(el, '.root')!.getAttribute('lang')).to.equal('de');
    el.setAttribute('locale', 'fr');
    await waitUntil(() => heading(el) === 'Vos coordonnées');
    document.documentElement.setAttribute('lang', 'pt');
    const other = await mount('aftercare-registration', { locale: undefined });
    expect(heading(other)).to.equal('Uw gegevens');
  });

  it("falls back to the tenant's default-language consent text, and submits that text's locale", async () => {
    const restore = editConfig((c) => delete c.consentTexts.en);
    try {
      const el = await mount('aftercare-registration', { locale: 'en' });
      const bodies: any[] = [];
      const seen = window.fetch;
      window.fetch = (i, init) => (init?.body && bodies.push(JSON.parse(String(init.body))), seen(i, init));
      try {
        await toReview(el);
        const submitted = oneEvent(el, 'aftercare-submitted');
        primary(el).click();
        await submitted;
        expect(bodies[0].consent.locale).to.equal('nl');
      } finally {
        window.fetch = seen;
      }
    } finally {
      restore();
    }
  });

  it('shows the consent text in its own language next to English UI', async () => {
    const restore = editConfig((c) => delete c.consentTexts.en);
    try {
      const el = await mount('aftercare-registration', { locale: 'en' });
      el.step = 'consent';
      await el.updateComplete;
      const label = $(el, 'label[for="f-consent"]')!;
      expect(label.getAttribute('lang')).to.equal('nl');
      expect(label.textContent).to.match(/^Ik geef /);
      await expect(el).to.be.accessible();
    } finally {
      restore();
    }
  });

  it("applies the tenant's theme tokens, and a page rule on the element overrides them", async () => {
    const restore = editConfig((c) => (c.theme = { primary: 'rgb(10, 20, 30)', text: 'rgb(5, 5, 5);} :host{display:none', radius: '9px' }));
    try {
      const el = await mount('aftercare-repair');
      const next = primary(el);
      expect(getComputedStyle(next).backgroundColor).to.equal('rgb(10, 20, 30)');
      expect(getComputedStyle(next).borderTopLeftRadius).to.equal('9px');
      expect(getComputedStyle($(el, '.root')!).color).not.to.equal('rgb(5, 5, 5)', 'the unsafe token was dropped');
      const style = document.createElement('style');
      style.textContent = 'aftercare-repair { --aftercare-primary: rgb(200, 0, 100); }';
      document.head.append(style);
      try {
        // (the colour itself transitions; the token is what the page set)
        expect(getComputedStyle(next).getPropertyValue('--aftercare-primary').trim()).to.equal('rgb(200, 0, 100)');
      } finally {
        style.remove();
      }
    } finally {
      restore();
    }
  });

  it('keeps what was typed when the element is moved in the page', async () => {
    const el = await mount('aftercare-registration');
    await set(el, 'subject.firstName', 'Anna');
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await el.updateComplete;
    expect(control(el, 'subject.firstName')!.value).to.equal('Anna');
  });
});
