import { expect } from '@open-wc/testing';
import { FIELD_MESSAGES } from '../../../sdk/src/schemas/field-errors.js';
import { format, loadMessages, resolveLocale } from './index.js';

const LOCALES = ['nl', 'en', 'de', 'fr'] as const;

describe('i18n', () => {
  const pageLang = document.documentElement.getAttribute('lang');
  afterEach(() => (pageLang === null ? document.documentElement.removeAttribute('lang') : document.documentElement.setAttribute('lang', pageLang)));

  it('has the same non-empty keys in nl, en, de and fr, with the same {placeholders}', async () => {
    const nl = await loadMessages('nl');
    for (const locale of LOCALES) {
      const m = await loadMessages(locale);
      expect(Object.keys(m).sort(), locale).to.deep.equal(Object.keys(nl).sort());
      for (const [key, text] of Object.entries(m)) {
        expect(text.trim(), `${locale} ${key}`).not.to.equal('');
        expect(text.match(/\{\w+\}/g) ?? [], `${locale} ${key}`).to.deep.equal(nl[key as keyof typeof nl].match(/\{\w+\}/g) ?? []);
      }
    }
  });

  it('translates every field-error code a form can produce', async () => {
    // Not reachable from the forms (they send no unknown field, kind or URL, offer only EU
    // countries and at most five visit windows); shown as "choose one of the options" if ever.
    const unreachable = ['invalid_type', 'invalid_kind', 'unknown_field', 'invalid_url', 'invalid_country', 'too_many'];
    for (const locale of LOCALES) {
      const m = (await loadMessages(locale)) as Record<string, string>;
      for (const code of Object.keys(FIELD_MESSAGES)) {
        if (!unreachable.includes(code)) expect(m[`e.${code}`], `${locale} e.${code}`).to.be.a('string');
      }
    }
  });

  it('is differently worded per language', async () => {
    const texts = await Promise.all(LOCALES.map(async (l) => (await loadMessages(l))['e.required']));
    expect(new Set(texts).size).to.equal(4);
  });

  it('picks the locale attribute, else the page language, else Dutch', () => {
    document.documentElement.setAttribute('lang', 'de-AT');
    expect(resolveLocale(null)).to.equal('de');
    expect(resolveLocale('FR')).to.equal('fr');
    expect(resolveLocale('en-GB')).to.equal('en');
    expect(resolveLocale('es')).to.equal('de');
    document.documentElement.setAttribute('lang', 'es');
    expect(resolveLocale(undefined)).to.equal('nl');
    document.documentElement.removeAttribute('lang');
    expect(resolveLocale('')).to.equal('nl');
  });

  it('fills {placeholders}', () => {
    expect(format('Stap {n} van {total}', { n: 2, total: 5 })).to.equal('Stap 2 van 5');
    expect(format('{x} blijft', {})).to.equal('{x} blijft');
  });
});
