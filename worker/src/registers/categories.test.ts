import { describe, expect, it } from 'vitest';
import { CASE_KINDS } from '../../../sdk/src/schemas/index.js';
import { categoriesOf, categoryOf, fieldsPerKind } from './categories.js';

/** (b) of the register stays true only if every field the intake schema collects has a category. */
describe('processing categories from the intake schema', () => {
  it('covers every case kind', () => {
    expect(fieldsPerKind().map((k) => k.kind)).toEqual([...CASE_KINDS]);
  });

  it('puts every field of every kind in a known category (a new schema field without one fails here)', () => {
    const uncategorised = fieldsPerKind().flatMap((k) => k.fields.filter((f) => categoryOf(f) === 'other').map((f) => `${k.kind}.${f}`));
    expect(uncategorised).toEqual([]);
  });

  it('reads the fields from the schema itself: subject, product, consent and the kind\'s details', () => {
    const warranty = Object.fromEntries(categoriesOf('warranty').map((c) => [c.category, c.fields]));
    expect(warranty).toMatchObject({
      identity: ['firstName', 'lastName'],
      contact: ['email', 'phone'],
      case: ['mode', 'faultDescription', 'warrantyEndDate'],
    });
    expect(warranty.consent).toEqual(['accepted', 'textId', 'textHash', 'locale', 'privacyUrl', 'pageUrl', 'givenAt', 'ip', 'userAgent', 'withdrawnAt']);
    expect(categoriesOf('registration').map((c) => c.category)).toEqual(['identity', 'contact', 'address', 'product', 'consent']);
    expect(categoriesOf('installation').find((c) => c.category === 'appointment')?.fields).toEqual(['visitWindows']);
  });
});
