import { expect } from '@open-wc/testing';
import * as widget from './index.js';

describe('the npm entry', () => {
  it('defines the four elements with their classes', () => {
    expect(customElements.get('aftercare-registration')).to.equal(widget.AftercareRegistration);
    expect(customElements.get('aftercare-warranty')).to.equal(widget.AftercareWarranty);
    expect(customElements.get('aftercare-repair')).to.equal(widget.AftercareRepair);
    expect(customElements.get('aftercare-return')).to.equal(widget.AftercareReturn);
  });

  it('can be evaluated twice without throwing (a second copy on the page is harmless)', async () => {
    // A query string makes the dev server hand out a second instance of the defining module.
    const again = await import(/* @vite-ignore */ `./elements/repair/index.ts?copy=${Date.now()}`);
    expect(again.AftercareRepair).to.equal(widget.AftercareRepair);
    expect(customElements.get('aftercare-repair')).to.equal(widget.AftercareRepair);
  });

  it('exports the event classes, bubbling and composed', () => {
    const e = new widget.AftercareSubmittedEvent({ kind: 'repair', reference: 'ABCD-2345' });
    expect(e.type).to.equal('aftercare-submitted');
    expect(e.bubbles && e.composed).to.equal(true);
    expect(new widget.AftercareErrorEvent({ code: 'timeout' }).type).to.equal('aftercare-error');
    expect(new widget.AftercareStepChangeEvent({ step: 'review' }).detail.step).to.equal('review');
  });
});
