/**
 * Property-based tests of `POST /v1/cases` against the real app on real libSQL (issue 2):
 * whatever the body and headers, the answer is never a 5xx, every refusal is an RFC 9457
 * problem with a known `code`, and the database changes by exactly one whole case (subject,
 * product, case, consent, audit entry, idempotency record) on a fresh 201 and by nothing at
 * all otherwise — never a partial write.
 *
 * One harness (one temp-file database, one tenant) per property; row counts are compared
 * before and after each request, so earlier runs of the same property do not matter.
 */
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { CASE_KINDS, CaseCreatedSchema, ProblemSchema, type CaseKind } from '../sdk/src/schemas/index.js';
import { API_ERROR_CODES } from '../sdk/src/schemas/problem.js';
import { makeHarness, ORIGIN, type Harness } from '../worker/src/testing/harness.js';

const TIMEOUT = 90_000;
const TABLES = ['subjects', 'products', 'cases', 'consents', 'audit_log', 'idempotency_keys'] as const;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Sends one request and checks the invariants; returns the status for properties that want it. */
async function submitAndCheck(h: Harness, body: string, headers: Record<string, string> = {}, drop: string[] = []): Promise<number> {
  const before = await h.counts();
  const base: Record<string, string> = { ...h.headers({ 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID(), 'user-agent': 'fuzz' }), ...headers };
  for (const name of drop) delete base[name];
  const res = await h.app.request('/v1/cases', { method: 'POST', headers: base, body });
  const text = await res.text();
  const after = await h.counts();
  const delta = Object.fromEntries(TABLES.map((t) => [t, after[t]! - before[t]!]));
  const context = `status ${res.status}, body ${text.slice(0, 500)}`;

  expect(res.status, context).toBeLessThan(500);
  if (res.status === 201 && res.headers.get('idempotent-replayed') !== 'true') {
    expect(v.is(CaseCreatedSchema, JSON.parse(text)), context).toBe(true);
    expect(delta, `a 201 writes one whole case (${context})`).toEqual(Object.fromEntries(TABLES.map((t) => [t, 1])));
  } else {
    expect(delta, `nothing written (${context})`).toEqual(Object.fromEntries(TABLES.map((t) => [t, 0])));
  }
  if (res.status >= 400) {
    expect(res.headers.get('content-type'), context).toMatch(/^application\/problem\+json/);
    const problem = JSON.parse(text) as { code?: string; status?: number };
    expect(API_ERROR_CODES, context).toContain(problem.code);
    expect(v.is(ProblemSchema, problem), context).toBe(true);
    expect(problem.status, context).toBe(res.status);
  }
  return res.status;
}

async function withHarness(fn: (h: Harness) => Promise<void>) {
  const h = await makeHarness();
  try {
    await fn(h);
  } finally {
    h.dispose();
  }
}

const serialise = (x: unknown) => JSON.stringify(x) ?? 'null';

/** Strings that tend to break things: unicode of every plane, lone surrogates, control characters, SQL and JSON look-alikes. */
const nastyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', '\uD800', '\uDFFF', 'a\u0000b', '\u202Eevil', 'null', 'true', '0', '__proto__', 'constructor',
    "'); DROP TABLE cases; --", '{"a":1}', '1234ab', 'jan@example.nl', 'https://shop.example/privacy', '2099-01-01', '1970-01-01', '0000-00-00', '\t\n\r'),
  fc.integer({ min: 65, max: 5000 }).map((n) => 'x'.repeat(n)),
);
/** Any JSON value, with nasty strings among the leaves. */
const junk: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<Json>(null, true, false, 0, -1, 1e308, -0, 0.5, Number.MAX_SAFE_INTEGER + 2),
    nastyString,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(nastyString, fc.constantFrom('kind', 'subject', 'details', 'consent', 'accepted')), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** Every path (array of keys) in a JSON value, the root included. */
function paths(x: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out = [prefix];
  if (Array.isArray(x)) x.forEach((c, i) => out.push(...paths(c, [...prefix, i])));
  else if (x && typeof x === 'object') for (const [k, c] of Object.entries(x)) out.push(...paths(c, [...prefix, k]));
  return out;
}

type Mutation =
  | { op: 'delete'; at: number }
  | { op: 'replace'; at: number; value: Json }
  | { op: 'addKey'; at: number; key: string; value: Json }
  | { op: 'huge'; at: number; size: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('replace' as const), at: fc.nat(), value: junk }),
  fc.record({ op: fc.constant('replace' as const), at: fc.nat(), value: nastyString }),
  fc.record({ op: fc.constant('addKey' as const), at: fc.nat(), key: fc.oneof(nastyString, fc.constantFrom('id', 'tenantId', 'status', 'reference', 'extra')), value: junk }),
  fc.record({ op: fc.constant('huge' as const), at: fc.nat(), size: fc.constantFrom(101, 4001, 20_000, 70_000) }),
);

/** Sets an own, enumerable property, even one named `__proto__` (plain assignment would set the prototype). */
const put = (o: any, k: string | number, value: Json) => Object.defineProperty(o, k, { value, enumerable: true, writable: true, configurable: true });

/** Applies mutations to a deep copy of `doc`; each one picks its target among the paths that exist at that moment. */
function mutate(doc: Json, ms: Mutation[]): Json {
  let root = structuredClone(doc) as Json;
  for (const m of ms) {
    const all = paths(root);
    const path = all[m.at % all.length]!;
    const parentPath = path.slice(0, -1);
    const key = path[path.length - 1];
    let parent: any = root;
    for (const k of parentPath) parent = parent[k];
    const target: any = path.length === 0 ? root : parent[key!];
    if (m.op === 'delete') {
      if (path.length === 0) root = {};
      else if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key!];
    } else if (m.op === 'replace' || m.op === 'huge') {
      const value = m.op === 'huge' ? 'é'.repeat(m.size) : m.value;
      if (path.length === 0) root = value;
      else if (Array.isArray(parent)) parent[key as number] = value;
      else put(parent, key!, value);
    } else {
      // addKey: into the object at the path, else into its parent object, else into the root.
      const isObject = (o: unknown): o is Record<string, Json> => !!o && typeof o === 'object' && !Array.isArray(o);
      const into = [target, parent, root].find(isObject);
      if (into) put(into, m.key, m.value);
    }
  }
  return root;
}

const kind = fc.constantFrom<CaseKind>(...CASE_KINDS);

/** Free text a consumer may type: any unicode (lone surrogates, NUL, RTL marks, emoji), padded/trimmed by the schema. */
const freeText = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }),
  fc.constantFrom('\uD800x', 'x\uDFFF', 'a\u0000b', '\u202Eevil', "O'Brien; DROP TABLE cases; --", 'Zoë Ĳsselmeer', '测试', '🚲🔧', ' padded '),
);
/** Valid (country, postcode, phone) triples across the EU formats. */
const address = fc.constantFrom(
  ['NL', '1234ab', '06-12345678'], ['NL', '9999 ZZ', '+31 (0)20 123 4567'], ['BE', '1000', '+32 470 12 34 56'], ['DE', '10115', '030 1234567'],
  ['FR', '75001', '01 23 45 67 89'], ['LU', 'L-1234', '+352 621 123 456'], ['PT', '1000-001', '+351 912 345 678'], ['PL', '00-001', '+48 512 345 678'],
  ['SE', '123 45', '08-123 456 78'], ['IE', 'D02 X285', '+353 1 234 5678'], ['MT', 'VLT 1117', '+356 2123 4567'], ['LT', 'LT-01001', '+370 612 34567'],
  ['GR', '105 57', '+30 21 0123 4567'], ['CZ', '110 00', '+420 601 123 456'],
);
/** Replacements that keep a case within the schema most of the time: free text in every text field, other countries, optional fields left out. */
const fieldChanges = fc.record({
  text: fc.dictionary(
    fc.constantFrom('subject.firstName', 'subject.lastName', 'subject.street', 'subject.city', 'product.brand', 'product.model', 'product.retailer', 'product.proofOfPurchaseRef', 'details.description', 'details.faultDescription', 'details.reasonDetail', 'details.orderNumber'),
    freeText,
    { maxKeys: 6 },
  ),
  address: fc.option(address, { nil: undefined }),
  omit: fc.subarray(['subject.phone', 'subject.houseNumberAddition', 'product.serialNumber', 'product.retailer', 'product.proofOfPurchaseRef', 'pageUrl']),
});

function applyFieldChanges(doc: Record<string, any>, changes: { text: Record<string, string>; address?: readonly string[]; omit: string[] }) {
  const out = structuredClone(doc);
  const at = (path: string) => {
    const keys = path.split('.');
    const last = keys.pop()!;
    const parent = keys.reduce<Record<string, any> | undefined>((o, k) => o?.[k], out);
    return { parent, last };
  };
  for (const [path, value] of Object.entries(changes.text)) {
    const { parent, last } = at(path);
    if (!parent || !(last in parent || path === 'product.retailer' || path === 'product.proofOfPurchaseRef' || path === 'details.reasonDetail')) continue;
    parent[last] = /description|faultDescription/i.test(last) ? `Beschrijving: ${value}` : value;
  }
  if (changes.address) [out.subject.country, out.subject.postcode, out.subject.phone] = changes.address;
  for (const path of changes.omit) {
    const { parent, last } = at(path);
    if (parent) delete parent[last];
  }
  return out;
}

describe('POST /v1/cases, property-based (fast-check, real libSQL)', () => {
  it('arbitrary JSON documents: never a 5xx, problem+json with a known code, nothing written', { timeout: TIMEOUT }, async () => {
    await withHarness(async (h) => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.json({ maxDepth: 4 }), fc.anything({ maxDepth: 3 }).map(serialise), junk.map(serialise)), async (body) => {
          await submitAndCheck(h, body);
        }),
        { numRuns: 50 },
      );
    });
  });

  it('valid cases with deleted fields, wrong types, huge strings, extra keys, unicode, nested junk', { timeout: TIMEOUT }, async () => {
    await withHarness(async (h) => {
      const statuses = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(kind, fc.array(mutation, { minLength: 1, maxLength: 3 }), async (k, ms) => {
          const status = await submitAndCheck(h, serialise(mutate(h.validCase(k) as Json, ms)));
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        }),
        { numRuns: 70 },
      );
      // The generator must reach both sides: some mutations leave the case valid, most do not.
      expect([...statuses.keys()].some((s) => s >= 400)).toBe(true);
    });
  });

  it('valid cases with random field replacements (unicode free text, EU addresses, optional fields left out) are stored whole', { timeout: TIMEOUT }, async () => {
    await withHarness(async (h) => {
      let created = 0;
      await fc.assert(
        fc.asyncProperty(kind, fieldChanges, async (k, changes) => {
          if ((await submitAndCheck(h, serialise(applyFieldChanges(h.validCase(k), changes)))) === 201) created++;
        }),
        { numRuns: 50 },
      );
      // Most of these stay valid, so the write path itself meets the odd data.
      expect(created).toBeGreaterThan(10);
    });
  });

  it('untouched valid cases of every kind are stored whole, and a replay writes nothing', { timeout: TIMEOUT }, async () => {
    await withHarness(async (h) => {
      await fc.assert(
        fc.asyncProperty(kind, fc.boolean(), async (k, changeOnReplay) => {
          const key = crypto.randomUUID();
          expect(await submitAndCheck(h, serialise(h.validCase(k)), { 'idempotency-key': key })).toBe(201);
          const again = changeOnReplay ? { ...h.validCase(k), pageUrl: `${ORIGIN}/other` } : h.validCase(k);
          expect(await submitAndCheck(h, serialise(again), { 'idempotency-key': key })).toBe(changeOnReplay ? 422 : 201);
        }),
        { numRuns: 15 },
      );
    });
  });

  it('the same Idempotency-Key sent concurrently stores exactly one case', { timeout: TIMEOUT }, async () => {
    await withHarness(async (h) => {
      await fc.assert(
        fc.asyncProperty(kind, fc.array(fc.boolean(), { minLength: 2, maxLength: 4 }), async (k, changed) => {
          const key = crypto.randomUUID();
          const before = await h.counts();
          const bodies = changed.map((c, i) => serialise(c && i > 0 ? { ...h.validCase(k), pageUrl: `${ORIGIN}/other-${i}` } : h.validCase(k)));
          const answers = await Promise.all(
            bodies.map(async (body) => {
              const res = await h.app.request('/v1/cases', { method: 'POST', headers: h.headers({ 'content-type': 'application/json', 'idempotency-key': key }), body });
              return { status: res.status, replayed: res.headers.get('idempotent-replayed') === 'true', type: res.headers.get('content-type'), text: await res.text() };
            }),
          );
          const after = await h.counts();
          const context = JSON.stringify(answers.map((a) => [a.status, a.text.slice(0, 120)]));
          for (const a of answers) {
            expect([201, 409, 422], context).toContain(a.status);
            if (a.status !== 201) expect(API_ERROR_CODES, context).toContain((JSON.parse(a.text) as { code: string }).code);
            if (a.status !== 201) expect(a.type, context).toMatch(/^application\/problem\+json/);
          }
          expect(answers.filter((a) => a.status === 201 && !a.replayed).length, context).toBe(1);
          expect(Object.fromEntries(TABLES.map((t) => [t, after[t]! - before[t]!])), context).toEqual(Object.fromEntries(TABLES.map((t) => [t, 1])));
        }),
        { numRuns: 15 },
      );
    });
  });

  it('bodies that are not JSON at all', { timeout: TIMEOUT }, async () => {
    await withHarness(async (h) => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.string(),
            fc.string({ unit: 'binary', maxLength: 200 }),
            fc.nat({ max: 400 }).map((n) => serialise(h.validCase('repair')).slice(0, n)),
            fc.constantFrom('', ' ', '{', '}', '[', 'nul', 'undefined', 'NaN', '{"kind":}', '\uFEFF{}', '[]', '{}', '"string"', '1e999', '-', '{"a":1}{"b":2}'),
            fc.integer({ min: 1000, max: 40_000 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
            fc.integer({ min: 1000, max: 20_000 }).map((n) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)),
          ),
          async (body) => {
            await submitAndCheck(h, body);
          },
        ),
        { numRuns: 50 },
      );
    });
  });

  it('random header mixes: content type, Idempotency-Key, key, origin, referer, user agent', { timeout: TIMEOUT }, async () => {
    await withHarness(async (h) => {
      const headerValue = fc.string({ unit: fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0x80, max: 0xff })).map((c) => String.fromCharCode(c)), maxLength: 300 });
      const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            contentType: optional(fc.oneof(fc.constantFrom('application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON', 'application/jsonx', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '', 'application/problem+json'), headerValue)),
            idempotencyKey: optional(fc.oneof(fc.uuid(), fc.constantFrom('', ' ', 'a'.repeat(255), 'a'.repeat(256), 'has space', 'tab\there', 'é'), headerValue)),
            authorization: optional(fc.oneof(fc.constantFrom('', 'Bearer ', 'Bearer pk_live_unknownkey123456', 'Basic Zm9vOmJhcg==', 'bearer pk_x'), headerValue)),
            origin: optional(fc.oneof(fc.constantFrom('', 'null', 'https://evil.example', `${ORIGIN}/`, ORIGIN.toUpperCase(), 'http://shop.example'), headerValue)),
            referer: optional(fc.oneof(fc.webUrl(), fc.constantFrom('javascript:alert(1)', 'data:text/html,x', '//x', 'http://[::1', `${ORIGIN}/${'p'.repeat(3000)}`), headerValue)),
            userAgent: optional(fc.oneof(fc.constant('x'.repeat(2000)), headerValue)),
            drop: fc.subarray(['content-type', 'idempotency-key', 'authorization', 'origin']),
          }),
          fc.constantFrom('valid', 'valid without pageUrl', 'invalid'),
          async (mix, bodyKind) => {
            const headers: Record<string, string> = {};
            if (mix.contentType !== undefined) headers['content-type'] = mix.contentType;
            if (mix.idempotencyKey !== undefined) headers['idempotency-key'] = mix.idempotencyKey;
            if (mix.authorization !== undefined) headers.authorization = mix.authorization;
            if (mix.origin !== undefined) headers.origin = mix.origin;
            if (mix.referer !== undefined) headers.referer = mix.referer;
            if (mix.userAgent !== undefined) headers['user-agent'] = mix.userAgent;
            const drop = mix.drop.filter((d) => !(d in headers));
            const { pageUrl: _pageUrl, ...withoutPageUrl } = h.validCase('complaint');
            const body = bodyKind === 'valid' ? serialise(h.validCase('complaint')) : bodyKind === 'invalid' ? '{"kind":"complaint"}' : serialise(withoutPageUrl);
            await submitAndCheck(h, body, headers, drop);
          },
        ),
        { numRuns: 50 },
      );
    });
  });
});
