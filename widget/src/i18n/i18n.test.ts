import { expect } from '@open-wc/testing';
import { FIELD_MESSAGES } from '../../../sdk/src/schemas/field-errors.js';
import { API_ERROR_CODES, CLIENT_ERROR_CODES } from '../../../sdk/src/schemas/problem.js';
import { FAILURES, FIELD_ERRORS, M, errorKey, failureKey, format, loadMessages, resolveLocale } from './index.js';

const LOCALES = ['nl', 'en', 'de', 'fr'] as const;
const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();

describe('i18n', () => {
  const pageLang = document.documentElement.getAttribute('lang');
  afterEach(() => (pageLang === null ? document.documentElement.removeAttribute('lang') : document.documentElement.setAttribute('lang', pageLang)));

  it('has a non-empty text for every message in nl, en, de and fr, with the same {placeholders}', async () => {
    const nl = await loadMessages('nl');
    const count = M.eConsentRequired + 1;
    for (const locale of LOCALES) {
      const m = await loadMessages(locale);
      expect(Object.keys(m).map(Number), locale).to.deep.equal([...Array(count).keys()]);
      for (let k = 0 as M; k < count; k++) {
        expect(m[k].trim(), `${locale} #${k}`).not.to.equal('');
        expect(placeholders(m[k]), `${locale} #${k}: ${m[k]}`).to.deep.equal(placeholders(nl[k]));
      }
    }
  });

  it('has a text for every field-error code a form can produce, in the order of M', async () => {
    // Not reachable from the forms (they send no unknown field, kind or URL, offer only EU
    // countries and at most five visit windows); shown as "choose one of the options" if ever.
    const unreachable = ['invalid_type', 'invalid_kind', 'unknown_field', 'invalid_url', 'invalid_country', 'too_many'];
    expect(Object.keys(FIELD_MESSAGES).filter((c) => !unreachable.includes(c)).sort()).to.deep.equal([...FIELD_ERRORS].sort());
    const nl = await loadMessages('nl');
    const en = await loadMessages('en');
    expect(nl[errorKey('required')]).to.equal('Dit veld is verplicht.');
    expect(en[errorKey('invalid_postcode')]).to.equal('This is not a valid postcode for the chosen country.');
    expect(nl[errorKey('consent_required')]).to.contain('toestemming');
    expect(en[errorKey('unknown_field')]).to.equal('Choose one of the options.');
  });

  it('has a text for every failure of the API and the client', async () => {
    const en = await loadMessages('en');
    expect(en[failureKey('network_error')]).to.equal('There is no connection to the server.');
    expect(en[failureKey('consent_mismatch')]).to.contain('consent text has changed');
    for (const code of ['missing_publishable_key', 'unauthorized', 'origin_not_allowed', 'not_found']) expect(failureKey(code)).to.equal(M.xSetup);
    for (const code of FAILURES) expect(failureKey(code)).not.to.equal(M.xGeneric);
    for (const code of [...API_ERROR_CODES, ...CLIENT_ERROR_CODES]) expect(en[failureKey(code)], code).to.be.a('string');
  });

  it('is differently worded per language', async () => {
    const texts = await Promise.all(LOCALES.map(async (l) => (await loadMessages(l))[M.eRequired]));
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
