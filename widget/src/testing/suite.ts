import { expect, oneEvent } from '@open-wc/testing';
import type { CaseKind } from '../../../sdk/src/schemas/case.js';
import type { StepId } from '../base/events.js';
import {
  $, $$, CONTACT, PRODUCT, control, errorsShown, fill, heading, live, mount, next, primary, set, storageState, toReview, type Form,
} from './driver.js';
import { injectFaults, isCasePost } from './faults.js';
import { pressNext, tabToField, tick, type, typeDate } from './keyboard.js';

export type SuiteOptions = {
  tag: string;
  attrs?: Record<string, string>;
  kind: CaseKind;
  /** Valid answers for the details step (none: the form has no details step). */
  details?: Record<string, string | boolean>;
  /** Fills the details step with the keyboard only. */
  keyboardDetails?: (el: Form) => Promise<void>;
  /** A required detail field and its Dutch/English message when left empty. */
  requiredDetail?: string;
};

const REFERENCE = /^[A-Z0-9]{4}-[A-Z0-9]{4}$/;

/** The tests every form element must pass, against the real API. */
export function formSuite(o: SuiteOptions) {
  const open = (attrs: Record<string, string> = {}) => mount(o.tag, { ...o.attrs, ...attrs });
  const stepsCount = o.details ? 5 : 4;

  it('is accessible on its first step (axe)', async () => {
    const el = await open();
    expect(el.step).to.equal('contact');
    await expect(el).to.be.accessible();
  });

  it('renders every step, each accessible, and submits with consent evidence and pageUrl', async () => {
    const el = await open();
    const before = await storageState();
    const seen: StepId[] = [];
    el.addEventListener('aftercare-step-change', (e) => seen.push(e.detail.step));
    const bodies: unknown[] = [];
    const realFetch = window.fetch;
    window.fetch = (input, init) => (init?.method === 'POST' && bodies.push(JSON.parse(String(init.body))), realFetch(input, init));
    try {
      expect(heading(el)).to.equal('Uw gegevens');
      expect($(el, '.progress')!.textContent).to.contain(`Stap\u00a01\u00a0van\u00a0${stepsCount}`);
      await fill(el, CONTACT);
      await next(el);
      expect(heading(el)).to.equal('Uw product');
      expect(el.shadowRoot!.activeElement).to.equal($(el, 'h2'), 'focus moves to the step heading');
      await expect(el).to.be.accessible();
      await fill(el, PRODUCT);
      await next(el);
      if (o.details) {
        expect(el.step).to.equal('details');
        await expect(el).to.be.accessible();
        await fill(el, o.details);
        await next(el);
      }
      expect(heading(el)).to.equal('Toestemming');
      const box = control(el, 'consent')!;
      expect(box.checked, 'consent starts unticked').to.equal(false);
      const link = $<HTMLAnchorElement>(el, '.field ~ p a')!;
      expect(link.target).to.equal('_blank');
      expect(link.rel).to.equal('noopener');
      await expect(el).to.be.accessible();
      await set(el, 'consent', true);
      await next(el);
      expect(heading(el)).to.equal('Controleren en versturen');
      expect($(el, 'dl')!.textContent).to.contain('Dorpsstraat').and.contain('1234 AB');
      await expect(el).to.be.accessible();
      const submitted = oneEvent(el, 'aftercare-submitted');
      primary(el).click();
      const { detail } = await submitted;
      expect(detail.kind).to.equal(o.kind);
      expect(detail.reference).to.match(REFERENCE);
      await el.updateComplete;
      expect(el.step).to.equal('done');
      expect($(el, 'strong')!.textContent).to.equal(detail.reference);
      await expect(el).to.be.accessible();
      expect(seen).to.deep.equal(['product', ...(o.details ? ['details'] : []), 'consent', 'review', 'done']);
      const body = bodies[0] as { kind: string; consent: Record<string, unknown>; pageUrl: string; subject: Record<string, string> };
      expect(bodies).to.have.length(1);
      expect(body.kind).to.equal(o.kind);
      expect(body.consent).to.include({ accepted: true, locale: 'nl', privacyUrl: link.href });
      expect(link.href).to.match(/^https?:\/\//);
      expect(body.consent.textHash).to.match(/^[0-9a-f]{64}$/);
      expect(body.pageUrl).to.equal(location.href);
      expect(body.subject).to.include({ postcode: '1234 AB', phone: '+31612345678', country: 'NL' });
      // Privacy link in every step's footer (R19), also on the confirmation.
      expect($<HTMLAnchorElement>(el, 'footer a')!.href).to.equal(link.href);
      expect(await storageState(), 'no cookies or storage (R3)').to.deep.equal(before);
    } finally {
      window.fetch = realFetch;
    }
  });

  it('can be completed with the keyboard alone', async () => {
    const el = await open();
    $(el, 'h2')!.focus();
    for (const [name, value] of Object.entries(CONTACT)) await type(el, name, value);
    await pressNext(el);
    expect(el.step, errorsShown(el).join()).to.equal('product');
    await type(el, 'product.brand', 'Gazelle');
    await type(el, 'product.model', 'Ultimate C380');
    await typeDate(el, 'product.purchaseDate', '2024-04-01');
    await pressNext(el);
    if (o.keyboardDetails) {
      expect(el.step, errorsShown(el).join()).to.equal('details');
      await o.keyboardDetails(el);
      await pressNext(el);
    }
    expect(el.step, errorsShown(el).join()).to.equal('consent');
    await tick(el, 'consent');
    await pressNext(el);
    expect(el.step).to.equal('review');
    const submitted = oneEvent(el, 'aftercare-submitted');
    await pressNext(el);
    expect((await submitted).detail.reference).to.match(REFERENCE);
  });

  it('shows validation messages in Dutch, linked to their fields and announced', async () => {
    const el = await open();
    await set(el, 'subject.email', 'geen-email');
    await set(el, 'subject.postcode', '12');
    await next(el);
    expect(el.step).to.equal('contact');
    const first = control(el, 'subject.firstName')!;
    expect(first.getAttribute('aria-invalid')).to.equal('true');
    const message = el.shadowRoot!.getElementById(first.getAttribute('aria-describedby')!)!;
    expect(message.textContent).to.equal('Dit veld is verplicht.');
    expect(errorsShown(el)).to.include('Dit is geen geldig e-mailadres.').and.include('Dit is geen geldige postcode voor het gekozen land.');
    expect(live(el)).to.equal('Er zijn 7 fouten gevonden. Controleer de gemarkeerde velden.');
    expect(el.shadowRoot!.activeElement).to.equal(first, 'focus moves to the first invalid field');
    expect(control(el, 'subject.postcode')!.value).to.equal('12', 'a postcode that does not normalise keeps its raw text');
    await expect(el).to.be.accessible();
    if (o.requiredDetail) {
      await fill(el, CONTACT);
      await next(el);
      await fill(el, PRODUCT);
      await next(el);
      await next(el);
      expect(el.step).to.equal('details');
      expect(control(el, o.requiredDetail)!.getAttribute('aria-invalid')).to.equal('true');
      await expect(el).to.be.accessible();
    }
  });

  it('shows validation messages in English with locale="en"', async () => {
    const el = await open({ locale: 'en' });
    expect(heading(el)).to.equal('Your details');
    expect($(el, '.root')!.getAttribute('lang')).to.equal('en');
    await set(el, 'subject.email', 'nope');
    await next(el);
    expect(errorsShown(el)).to.include('This field is required.').and.include('This is not a valid email address.');
    expect(live(el)).to.match(/^\d+ errors found\./);
  });

  it('cannot submit without consent: the error says why and is linked to the checkbox', async () => {
    const el = await open();
    const faults = injectFaults(() => 'pass');
    try {
      await toReview(el, o.details);
      await $$<HTMLButtonElement>(el, 'button').find((b) => b.textContent!.trim() === 'Vorige')!.click();
      await el.updateComplete;
      expect(el.step).to.equal('consent');
      await set(el, 'consent', false);
      await next(el);
      expect(el.step).to.equal('consent');
      const box = control(el, 'consent')!;
      expect(box.getAttribute('aria-invalid')).to.equal('true');
      expect(el.shadowRoot!.getElementById(box.getAttribute('aria-describedby')!)!.textContent).to.equal(
        'U moet toestemming geven om uw aanvraag te kunnen versturen.',
      );
      expect(faults.calls.filter(isCasePost)).to.have.length(0);
      await expect(el).to.be.accessible();
    } finally {
      faults.restore();
    }
  });

  it('keeps every value when submitting fails, and "Opnieuw proberen" makes exactly one case', async function () {
    this.timeout(20000);
    const el = await open();
    el.retryDelays = [50];
    await toReview(el, o.details);
    let failing = true;
    // The first attempt reaches the server but its answer is lost; then the network is down.
    const faults = injectFaults(({ url, method, n }) => (!isCasePost({ url, method }) ? 'pass' : !failing ? 'pass' : n === 0 ? 'lose' : 'fail'));
    const errors: string[] = [];
    el.addEventListener('aftercare-error', (e) => errors.push(e.detail.code));
    try {
      primary(el).click();
      await new Promise((r) => setTimeout(r, 50));
      expect(primary(el).getAttribute('aria-disabled')).to.equal('true');
      await new Promise<void>((resolve) => el.addEventListener('aftercare-error', () => resolve(), { once: true }));
      await el.updateComplete;
      const posts = faults.calls.filter(isCasePost);
      expect(posts.length).to.equal(8, 'SDK retries (4) plus one automatic round (4)');
      expect(new Set(posts.map((c) => c.idempotencyKey)).size).to.equal(1, 'one Idempotency-Key for every attempt');
      expect(errors).to.deep.equal(['network_error']);
      expect(el.step).to.equal('review');
      expect($(el, '#failure')!.textContent).to.contain('Er is geen verbinding met de server.').and.contain('Uw gegevens zijn bewaard.');
      expect(primary(el).textContent!.trim()).to.equal('Opnieuw proberen');
      expect($$(el, 'dl').map((d) => d.textContent).join()).to.contain('Jan').and.contain('Gazelle');
      await expect(el).to.be.accessible();
      for (const [name, value] of Object.entries({ ...CONTACT, ...PRODUCT })) {
        if (!['subject.postcode', 'subject.phone'].includes(name)) expect(el.values[name]).to.equal(value);
      }
      failing = false;
      const submitted = oneEvent(el, 'aftercare-submitted');
      primary(el).click();
      const { detail } = await submitted;
      const lost = posts[0]!.body as { reference: string };
      expect(lost.reference).to.match(REFERENCE);
      expect(detail.reference).to.equal(lost.reference, 'the retry replayed the stored case, no second case');
      expect(faults.calls.filter(isCasePost).at(-1)!.idempotencyKey).to.equal(posts[0]!.idempotencyKey);
    } finally {
      faults.restore();
    }
  });

  // keyboard helpers re-exported for element-specific details
  void tabToField;
}
