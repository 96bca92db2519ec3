import { expect } from '@open-wc/testing';
import { formSuite } from '../../testing/suite.js';
import { control, mount, next, fill, CONTACT, heading } from '../../testing/driver.js';
import './index.js';

describe('<aftercare-registration>', () => {
  formSuite({ tag: 'aftercare-registration', kind: 'registration' });

  it('has no details step and takes brand, model and serial from its attributes', async () => {
    const el = await mount('aftercare-registration', { brand: 'Miele', model: 'WWD 320', serial: 'SN-1' });
    expect(el.steps).to.deep.equal(['contact', 'product', 'consent', 'review']);
    await fill(el, CONTACT);
    await next(el);
    expect(heading(el)).to.equal('Uw product');
    expect(control(el, 'product.brand')!.value).to.equal('Miele');
    expect(control(el, 'product.model')!.value).to.equal('WWD 320');
    expect(control(el, 'product.serialNumber')!.value).to.equal('SN-1');
  });
});
