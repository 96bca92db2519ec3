import { expect } from '@open-wc/testing';
import { formSuite } from '../../testing/suite.js';
import { CONTACT, PRODUCT, control, errorsShown, fill, mount, next, set } from '../../testing/driver.js';
import { radio, type } from '../../testing/keyboard.js';
import './index.js';

const fault = 'Het display blijft zwart na het aanzetten.';

describe('<aftercare-warranty>', () => {
  formSuite({
    tag: 'aftercare-warranty',
    kind: 'warranty',
    details: { 'details.mode': 'claim', 'details.faultDescription': fault },
    keyboardDetails: async (el) => {
      await radio(el, 'details.mode', 'claim');
      await type(el, 'details.faultDescription', fault);
    },
  });

  async function toDetails(attrs: Record<string, string> = {}) {
    const el = await mount('aftercare-warranty', attrs);
    await fill(el, CONTACT);
    await next(el);
    await fill(el, PRODUCT);
    await next(el);
    expect(el.step).to.equal('details');
    return el;
  }

  it('registers the warranty without a fault description', async () => {
    const el = await toDetails();
    expect(control(el, 'details.faultDescription')).to.equal(null);
    await next(el);
    expect(el.step).to.equal('consent');
  });

  it('requires a fault description for a claim, and says it is too short', async () => {
    const el = await toDetails({ mode: 'claim' });
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('input[value="claim"]')!.checked).to.equal(true);
    await next(el);
    expect(el.step).to.equal('details');
    expect(errorsShown(el)).to.deep.equal(['Dit veld is verplicht.']);
    await set(el, 'details.faultDescription', 'Kapot');
    await next(el);
    expect(errorsShown(el)).to.deep.equal(['Dit is te kort.']);
    await expect(el).to.be.accessible();
  });
});
