import { expect, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { $, $$, control, heading, mount, primary, toReview } from '../testing/driver.js';
import { tabTo } from '../testing/keyboard.js';
import '../elements/return/index.js';
import '../elements/repair/index.js';

const HOSTILE = `
  * { all: unset; display: inline; color: red !important; font-size: 40px !important; }
  input, select, textarea, button, label { display: none !important; visibility: hidden !important; }
  form { display: none !important; }
`;

describe('form styles', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('survive a hostile page stylesheet, and the form still submits', async () => {
    const style = document.createElement('style');
    style.textContent = HOSTILE;
    document.head.append(style);
    try {
      const el = await mount('aftercare-return', { locale: 'nl' });
      const input = control(el, 'subject.firstName')!;
      expect(input.getBoundingClientRect().width).to.be.greaterThan(100);
      expect(getComputedStyle(input).display).to.equal('block');
      const label = $(el, 'label')!;
      expect(getComputedStyle(label).color).not.to.equal('rgb(255, 0, 0)');
      expect(parseFloat(getComputedStyle(label).fontSize)).to.be.lessThan(30);
      await toReview(el, { 'details.reason': 'defective', 'details.orderNumber': 'X1', 'details.preferredResolution': 'refund' });
      const submitted = oneEvent(el, 'aftercare-submitted');
      primary(el).click();
      await submitted;
    } finally {
      style.remove();
    }
  });

  it('fit 320 px without sideways scrolling, also at twice the font size (200 % zoom)', async () => {
    await setViewport({ width: 320, height: 640 });
    for (const size of ['medium', '32px']) {
      const el = await mount('aftercare-repair', { kind: 'installation' });
      el.style.setProperty('--aftercare-font-size', size); // test-only inline style
      await el.updateComplete;
      const host = el.getBoundingClientRect();
      expect(host.width).to.be.at.most(320);
      for (const child of $$(el, '*')) {
        expect(child.getBoundingClientRect().right, `${child.localName}.${child.className}`).to.be.at.most(host.right + 0.5);
      }
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    }
  });

  it('show a visible focus ring of 3 px', async () => {
    const el = await mount('aftercare-repair');
    $(el, 'h2')!.focus();
    const input = await tabTo(el, (a) => a.getAttribute('name') === 'subject.firstName', 'first name');
    const style = getComputedStyle(input);
    expect(style.outlineStyle).to.equal('solid');
    expect(style.outlineWidth).to.equal('3px');
    await sendKeys({ press: 'Tab' });
    expect(heading(el)).to.equal('Uw gegevens');
  });

  it('drop transitions when the user prefers reduced motion', async () => {
    const el = await mount('aftercare-repair');
    expect(getComputedStyle(primary(el)).transitionDuration).not.to.equal('0s');
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(getComputedStyle(primary(el)).transitionDuration).to.equal('0s');
  });
});
