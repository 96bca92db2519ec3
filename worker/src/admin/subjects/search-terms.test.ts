import { describe, expect, it } from 'vitest';
import { casings, prefixEnd, searchTerms } from './search-terms.js';

describe('subject search terms', () => {
  it('reads an email, lower-cased, and nothing else', () => {
    expect(searchTerms('  Jan@Example.NL ')).toEqual({ email: 'jan@example.nl', phones: [], postcodes: [], names: [] });
  });

  it('reads a phone number in the stored E.164 form', () => {
    const t = searchTerms('06-12345678');
    expect(t.phones).toContain('+31612345678');
    expect(t.names).toEqual([]);
    expect(searchTerms('+31 6 1234 5678').phones).toEqual(['+31612345678']);
    expect(searchTerms('0031612345678').phones).toEqual(['+31612345678']);
  });

  it('reads a postcode normalised per country', () => {
    expect(searchTerms('1234ab').postcodes).toEqual(['1234 AB']);
    expect(searchTerms('1234ab').phones).toEqual([]);
  });

  it('reads a name as a last-name prefix and as first + last name', () => {
    const t = searchTerms('jan  de vries');
    expect(t.names[0]).toEqual({ lastPrefixes: casings('jan de vries') });
    expect(t.names).toContainEqual({ firstPrefix: 'jan', lastPrefixes: casings('de vries') });
    expect(t.names).toContainEqual({ firstPrefix: 'jan de', lastPrefixes: casings('vries') });
    expect(casings('de vries')).toEqual(expect.arrayContaining(['de vries', 'De Vries', 'de Vries', 'DE VRIES']));
    expect(casings('vries')).toEqual(expect.arrayContaining(['vries', 'Vries', 'VRIES']));
  });

  it('bounds a prefix range', () => {
    expect(prefixEnd('Vries')).toBe('Vriet');
    expect('Vriesland' < prefixEnd('Vries') && 'Vriesland' >= 'Vries').toBe(true);
  });
});
