import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import {
  $, $$, CONTACT, PRODUCT, control, errorsShown, fill, heading, inDays, live, mount, next, primary, set, toReview, type Form,
} from '../testing/driver.js';
import { testApi } from '../testing/api.js';
import { injectFaults, isCasePost } from '../testing/faults.js';
import '../elements/repair/index.js';
import '../elements/registration/index.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const windowsOf = (el: Form) => $$(el, 'input[type="date"]');

async function toDetails(el: Form) {
  await fill(el, CONTACT);
  await next(el);
  await fill(el, PRODUCT);
  await next(el);
  expect(el.step).to.equal('details');
}

describe('the form engine', () => {
  it('normalises postcode and phone for the chosen country as they change, keeping raw text it cannot read', async () => {
    const el = await mount('aftercare-registration');
    await set(el, 'subject.postcode', ' 1234ab ');
    expect(control(el, 'subject.postcode')!.value).to.equal('1234 AB');
    await set(el, 'subject.phone', '06-12345678');
    expect(control(el, 'subject.phone')!.value).to.equal('+31612345678');
    await set(el, 'subject.postcode', '1000');
    expect(control(el, 'subject.postcode')!.value).to.equal('1000');
    expect(errorsShown(el)).to.deep.equal(['Dit is geen geldige postcode voor het gekozen land.']);
    await set(el, 'subject.country', 'BE');
    expect(control(el, 'subject.postcode')!.value).to.equal('1000');
    await set(el, 'subject.postcode', '1000');
    expect(errorsShown(el)).to.deep.equal([]);
    await set(el, 'subject.phone', 'bel me');
    expect(errorsShown(el)).to.deep.equal(['Dit is geen geldig telefoonnummer.']);
    expect(control(el, 'subject.phone')!.value).to.equal('bel me');
  });

  it('names countries in the widget language', async () => {
    const el = await mount('aftercare-registration', { locale: 'de' });
    const select = control(el, 'subject.country') as unknown as HTMLSelectElement;
    expect(select.value).to.equal('NL');
    expect(select.selectedOptions[0]!.textContent).to.equal('Niederlande');
  });

  it('Back keeps every value; fields are labelled and required ones say so in text', async () => {
    const el = await mount('aftercare-registration');
    await fill(el, CONTACT);
    await next(el);
    await fill(el, PRODUCT);
    $$<HTMLButtonElement>(el, 'button').find((b) => b.textContent === 'Vorige')!.click();
    await el.updateComplete;
    expect(el.step).to.equal('contact');
    expect(control(el, 'subject.firstName')!.value).to.equal('Jan');
    expect($(el, 'label[for="f-subject-firstName"]')!.textContent).to.equal('Voornaam (verplicht)');
    expect($(el, 'label[for="f-subject-phone"]')!.textContent).to.equal('Telefoonnummer');
    await next(el);
    expect(control(el, 'product.brand')!.value).to.equal('Gazelle');
  });

  it('adds and removes visit windows with focus kept in the group, and refuses the same window twice', async () => {
    const el = await mount('aftercare-repair', { kind: 'installation' });
    await toDetails(el);
    expect(windowsOf(el)).to.have.length(1, 'an installation needs at least one window');
    expect($(el, '.window button')).to.equal(null, 'the only required window cannot be removed');
    await set(el, 'details.description', 'Vaatwasser inbouwen en aansluiten.');
    await fill(el, { 'details.visitWindows.0.date': inDays(3), 'details.visitWindows.0.part': 'morning' });
    $$<HTMLButtonElement>(el, 'button').find((b) => b.textContent === 'Tijdvak toevoegen')!.click();
    await el.updateComplete;
    await sleep(0);
    expect(windowsOf(el)).to.have.length(2);
    expect(el.shadowRoot!.activeElement).to.equal(control(el, 'details.visitWindows.1.date'));
    await fill(el, { 'details.visitWindows.1.date': inDays(3), 'details.visitWindows.1.part': 'morning' });
    await next(el);
    expect(errorsShown(el)).to.deep.equal(['U hebt hetzelfde tijdvak twee keer gekozen.']);
    await expect(el).to.be.accessible();
    $$<HTMLButtonElement>(el, 'button').find((b) => b.textContent === 'Verwijder tijdvak 1')!.click();
    await el.updateComplete;
    await sleep(0);
    expect(windowsOf(el)).to.have.length(1);
    expect(el.values['details.visitWindows.0.part']).to.equal('morning');
    expect(el.shadowRoot!.activeElement!.textContent).to.equal('Tijdvak toevoegen');
    for (let i = 0; i < 6; i++) $$<HTMLButtonElement>(el, 'button').find((b) => b.textContent === 'Tijdvak toevoegen')?.click(), await el.updateComplete;
    expect(windowsOf(el)).to.have.length(5, 'at most five');
  });

  it('a repair may name no visit window at all', async () => {
    const el = await mount('aftercare-repair');
    await toDetails(el);
    expect(windowsOf(el)).to.have.length(0);
    await set(el, 'details.description', 'De pomp maakt een zoemend geluid.');
    await next(el);
    expect(el.step).to.equal('consent');
  });

  it('sends the consumer back to the first step with a field error the server found (422)', async () => {
    const el = await mount('aftercare-registration');
    await toReview(el);
    // The server judges a body the widget did not write: its postcode is not a Dutch one.
    const real = window.fetch;
    window.fetch = (input, init) => {
      if (init?.method === 'POST') {
        const body = JSON.parse(String(init.body));
        body.subject.postcode = '0000 AA';
        init = { ...init, body: JSON.stringify(body) };
      }
      return real(input, init);
    };
    try {
      const error = oneEvent(el, 'aftercare-error');
      primary(el).click();
      expect((await error).detail.code).to.equal('validation_failed');
      await waitUntil(() => el.step === 'contact');
      await el.updateComplete;
      expect(heading(el)).to.equal('Uw gegevens');
      expect(errorsShown(el)).to.deep.equal(['Dit is geen geldige postcode voor het gekozen land.']);
      expect(el.shadowRoot!.activeElement).to.equal(control(el, 'subject.postcode'));
      expect(live(el)).to.equal('Er is 1 fout gevonden. Controleer het gemarkeerde veld.');
    } finally {
      window.fetch = real;
    }
  });

  it('rides out a 500 and a 429 from the server with one Idempotency-Key and makes one case', async function () {
    this.timeout(15000);
    const el = await mount('aftercare-registration');
    await toReview(el);
    const faults = injectFaults(({ url, method, n }) => (!isCasePost({ url, method }) ? 'pass' : n === 0 ? 500 : n === 1 ? 429 : 'pass'));
    try {
      const submitted = oneEvent(el, 'aftercare-submitted');
      primary(el).click();
      expect((await submitted).detail.reference).to.match(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      const posts = faults.calls.filter(isCasePost);
      expect(posts.map((c) => c.fault)).to.deep.equal([500, 429, 'pass']);
      expect(new Set(posts.map((c) => c.idempotencyKey)).size).to.equal(1);
      expect(posts[2]!.status).to.equal(201);
    } finally {
      faults.restore();
    }
  });

  it('stops retrying when the element is removed from the page', async function () {
    this.timeout(15000);
    const el = await mount('aftercare-registration');
    el.retryDelays = [300, 300];
    await toReview(el);
    const faults = injectFaults(({ url, method }) => (isCasePost({ url, method }) ? 'fail' : 'pass'));
    try {
      primary(el).click();
      await waitUntil(() => faults.calls.length >= 1);
      el.remove();
      const after = faults.calls.length;
      await sleep(2500);
      expect(faults.calls.length).to.equal(after, 'no request after the form left the page');
    } finally {
      faults.restore();
    }
  });

  it('uses a new Idempotency-Key once the consumer changes what is sent', async function () {
    this.timeout(20000);
    const el = await mount('aftercare-registration');
    el.retryDelays = [];
    await toReview(el);
    let failing = true;
    const faults = injectFaults(({ url, method }) => (isCasePost({ url, method }) && failing ? 'fail' : 'pass'));
    try {
      primary(el).click();
      await oneEvent(el, 'aftercare-error');
      el.step = 'contact';
      await el.updateComplete;
      await set(el, 'subject.firstName', 'Johan');
      el.step = 'review';
      await el.updateComplete;
      failing = false;
      const submitted = oneEvent(el, 'aftercare-submitted');
      primary(el).click();
      await submitted;
      const keys = faults.calls.filter(isCasePost).map((c) => c.idempotencyKey);
      expect(new Set(keys).size).to.equal(2);
      expect(keys.at(-1)).not.to.equal(keys[0]);
    } finally {
      faults.restore();
    }
  });

  it('contacts nothing but the API base (R3)', async () => {
    const urls: string[] = [];
    const real = window.fetch;
    window.fetch = (input, init) => (urls.push(String(input)), real(input, init));
    const before = performance.getEntriesByType('resource').length;
    try {
      const el = await mount('aftercare-registration');
      await toReview(el);
      const submitted = oneEvent(el, 'aftercare-submitted');
      primary(el).click();
      await submitted;
    } finally {
      window.fetch = real;
    }
    expect(urls.length).to.be.greaterThan(1);
    for (const url of urls) expect(url.startsWith(`${testApi().apiBase}/v1/`), url).to.equal(true);
    const other = performance
      .getEntriesByType('resource')
      .slice(before)
      .map((e) => e.name)
      .filter((u) => !u.startsWith(location.origin) && !u.startsWith(testApi().apiBase));
    expect(other).to.deep.equal([]);
  });
});
