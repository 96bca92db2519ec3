import { expect } from '@open-wc/testing';
import * as cases from './tables/cases.js';
import * as common from './tables/common.js';
import * as errors from './tables/errors.js';
import * as logs from './tables/logs.js';
import * as settings from './tables/settings.js';
import * as signIn from './tables/sign-in.js';
import * as subjects from './tables/subjects.js';
import * as privacy from './tables/privacy.js';
import * as records from './tables/records.js';
import * as platform from './tables/platform.js';
import { EN, NL, browserLocale } from './index.js';

const TABLES = { cases, common, errors, logs, settings, signIn, subjects, privacy, records, platform };
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('admin translation tables', () => {
  it('no key is defined by two tables (a later table would silently override the earlier)', () => {
    const seen = new Map<string, string>();
    for (const [name, t] of Object.entries(TABLES)) {
      for (const key of Object.keys(t.nl)) {
        expect(seen.has(key), `${key} is in ${seen.get(key)} and ${name}`).to.equal(false);
        seen.set(key, name);
      }
    }
    expect(Object.keys(NL).length).to.equal(seen.size);
  });

  it('every text exists, non-empty, in Dutch and English, with the same placeholders', () => {
    expect(Object.keys(EN).sort()).to.deep.equal(Object.keys(NL).sort());
    for (const key of Object.keys(NL) as (keyof typeof NL)[]) {
      expect(NL[key].trim(), `nl ${key}`).not.to.equal('');
      expect(EN[key].trim(), `en ${key}`).not.to.equal('');
      expect(placeholders(EN[key]), key).to.deep.equal(placeholders(NL[key]));
    }
  });

  it('the browser language decides before sign-in: English for en-*, Dutch otherwise', () => {
    expect(browserLocale(['en-GB', 'nl'])).to.equal('en');
    expect(browserLocale(['nl-BE'])).to.equal('nl');
    expect(browserLocale(['de-DE', 'en-US'])).to.equal('en');
    expect(browserLocale(['fr-FR'])).to.equal('nl');
    expect(browserLocale([])).to.equal('nl');
  });
});
