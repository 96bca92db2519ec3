import { expect } from '@open-wc/testing';
import { formSuite } from '../../testing/suite.js';
import { CONTACT, PRODUCT, errorsShown, fill, mount, next, set } from '../../testing/driver.js';
import { choose, radio, type } from '../../testing/keyboard.js';
import './index.js';

const returnDetails = {
  'details.reason': 'changed_mind',
  'details.reasonDetail': 'Past niet in de nis.',
  'details.orderNumber': 'DW-2025-004211',
  'details.preferredResolution': 'refund',
};

describe('<aftercare-return> as a return', () => {
  formSuite({
    tag: 'aftercare-return',
    kind: 'return',
    details: returnDetails,
    keyboardDetails: async (el) => {
      await choose(el, 'details.reason', 'Ik heb');
      await type(el, 'details.orderNumber', 'DW-2025-004211');
      await radio(el, 'details.preferredResolution', 'store_credit');
    },
    requiredDetail: 'details.orderNumber',
  });
});

describe('<aftercare-return> as an exchange', () => {
  formSuite({
    tag: 'aftercare-return',
    kind: 'exchange',
    details: { kind: 'exchange', ...returnDetails, 'details.reason': 'wrong_item', 'details.preferredResolution': 'other_variant' },
    keyboardDetails: async (el) => {
      await radio(el, 'kind', 'exchange');
      await choose(el, 'details.reason', 'Verkeerd');
      await type(el, 'details.orderNumber', 'DW-2025-004212');
      await radio(el, 'details.preferredResolution', 'same_model');
    },
  });

  it('offers the resolutions of the chosen kind and forgets one that no longer fits', async () => {
    const el = await mount('aftercare-return');
    await fill(el, CONTACT);
    await next(el);
    await fill(el, PRODUCT);
    await next(el);
    const options = () => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('[name="details.preferredResolution"]')].map((r) => r.value);
    expect(options()).to.deep.equal(['refund', 'store_credit']);
    await fill(el, { 'details.reason': 'defective', 'details.orderNumber': 'A1', 'details.preferredResolution': 'refund' });
    await set(el, 'kind', 'exchange');
    expect(options()).to.deep.equal(['same_model', 'other_variant', 'other_product']);
    await next(el);
    expect(el.step).to.equal('details');
    expect(errorsShown(el)).to.deep.equal(['Dit veld is verplicht.']);
    await expect(el).to.be.accessible();
  });
});
