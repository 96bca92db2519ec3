import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { SubjectSchema } from './subject.js';
import { toFieldErrors } from './field-errors.js';

const subject = { firstName: 'Jan', lastName: 'Jansen', street: 'Dorpsstraat', houseNumber: '1', postcode: '1234 AB', city: 'Utrecht', email: 'jan@example.nl' };

describe('toFieldErrors', () => {
  it('a key left out of the JSON is "required", an extra key is "unknown_field"', () => {
    const { firstName: _, ...missing } = subject;
    const r = v.safeParse(SubjectSchema, JSON.parse(JSON.stringify({ ...missing, shoeSize: 44 })));
    expect(r.success).toBe(false);
    expect(toFieldErrors(r.issues!)).toEqual([
      { path: 'firstName', code: 'required', message: 'This field is required.' },
      { path: 'shoeSize', code: 'unknown_field', message: 'This field is not allowed.' },
    ]);
  });

  it('one error per field, the first wins', () => {
    const r = v.safeParse(SubjectSchema, { ...subject, email: '' });
    expect(toFieldErrors(r.issues!).filter((e) => e.path === 'email')).toHaveLength(1);
  });
});
