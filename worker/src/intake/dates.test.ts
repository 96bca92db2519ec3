import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../testing/harness.js';

/** POST /v1/cases refuses dates that do not exist (valibot's isoDate checks the shape only). */
let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.dispose());

async function fieldErrors(res: Response) {
  expect(res.status).toBe(422);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  const body = (await res.json()) as { code: string; errors: { path: string; code: string; message: string }[] };
  expect(body.code).toBe('validation_failed');
  return body.errors;
}

type Details = { visitWindows?: { date: string; part: string }[]; warrantyEndDate?: string };
const details = (body: object) => (body as { details: Details }).details;

describe('POST /v1/cases dates', () => {
  it.each(['2024-02-30', '2023-02-29', '2024-13-01', '2024-04-31'])('422 invalid_date on product.purchaseDate %s, nothing stored', async (date) => {
    const before = await h.counts();
    const body = h.validCase('repair');
    body.product.purchaseDate = date;
    expect(await fieldErrors(await h.submit(body))).toEqual([{ path: 'product.purchaseDate', code: 'invalid_date', message: 'This is not a calendar date that exists (YYYY-MM-DD).' }]);
    expect(await h.counts()).toEqual(before);
  });

  it('stores a purchase on a leap day', async () => {
    const body = h.validCase('repair');
    body.product.purchaseDate = '2024-02-29';
    expect((await h.submit(body)).status).toBe(201);
  });

  it('422 invalid_date on a visit window that does not exist (2099 is no leap year), per window', async () => {
    const body = h.validCase('installation');
    details(body).visitWindows = [{ date: '2099-01-15', part: 'morning' }, { date: '2099-02-29', part: 'morning' }, { date: '2099-04-31', part: 'evening' }];
    const errors = await fieldErrors(await h.submit(body));
    expect(errors.map((e) => [e.path, e.code])).toEqual([['details.visitWindows.1.date', 'invalid_date'], ['details.visitWindows.2.date', 'invalid_date']]);
  });

  it('422 invalid_date on a warranty end that does not exist', async () => {
    const body = h.validCase('warranty');
    details(body).warrantyEndDate = '2099-06-31';
    const errors = await fieldErrors(await h.submit(body));
    expect(errors.map((e) => [e.path, e.code])).toEqual([['details.warrantyEndDate', 'invalid_date']]);
    details(body).warrantyEndDate = '2096-02-29';
    expect((await h.submit(body)).status).toBe(201);
  });
});
