import { describe, expect, it } from 'vitest';
import { normalizePostcode } from './postcode.js';
import { normalizePhone } from './phone.js';

describe('postcodes (R2)', () => {
  it.each([
    ['1234ab', 'NL', '1234 AB'],
    [' 1234  Ab ', 'NL', '1234 AB'],
    ['9999 ZZ', 'NL', '9999 ZZ'],
    ['1000', 'BE', '1000'],
    ['10115', 'DE', '10115'],
    ['75001', 'FR', '75001'],
    ['l-1234', 'LU', 'L-1234'],
    ['1234567', 'PT', '1234-567'],
    ['00950', 'PL', '00-950'],
    ['00-950', 'PL', '00-950'],
    ['11455', 'SE', '114 55'],
    ['d02x285', 'IE', 'D02 X285'],
    ['vlt1117', 'MT', 'VLT 1117'],
  ])('%s in %s → %s', (raw, country, expected) => {
    expect(normalizePostcode(raw, country)).toBe(expected);
  });

  it.each([
    ['0123 AB', 'NL'], ['1234 SA', 'NL'], ['1234 SS', 'NL'], ['12345', 'NL'], ['1234', 'DE'], ['ABCDE', 'FR'],
    ['1234 AB', 'US'], ['', 'NL'],
  ])('refuses %s in %s', (raw, country) => {
    expect(normalizePostcode(raw, country)).toBeNull();
  });
});

describe('phone numbers', () => {
  it.each([
    ['06-12345678', 'NL', '+31612345678'],
    ['+31 6 1234 5678', 'NL', '+31612345678'],
    ['0031612345678', 'NL', '+31612345678'],
    ['+31 (0)20 123 4567', 'NL', '+31201234567'],
    ['030 123 45 67', 'DE', '+49301234567'],
    ['+32 470 12 34 56', 'NL', '+32470123456'],
  ])('%s in %s → %s', (raw, country, expected) => {
    expect(normalizePhone(raw, country)).toBe(expected);
  });

  it.each([['12345', 'NL'], ['6-12345678', 'NL'], ['call me', 'NL'], ['+0612345678', 'NL']])('refuses %s in %s', (raw, country) => {
    expect(normalizePhone(raw, country)).toBeNull();
  });
});
