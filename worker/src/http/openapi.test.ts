import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../testing/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.dispose());

type Doc = { openapi: string; paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { oneOf?: unknown[] } }> }; responses: Record<string, unknown> }>> };

describe('GET /v1/openapi.json', () => {
  it('is an OpenAPI 3.1 document generated from the valibot schemas', async () => {
    const res = await h.app.request('/v1/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Doc;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(['/v1/cases', '/v1/config']);
    const post = doc.paths['/v1/cases']!.post!;
    const body = post.requestBody!.content['application/json']!.schema;
    // One variant per case kind (R1), each a closed object (unknown fields refused).
    expect(body.oneOf).toHaveLength(7);
    const text = JSON.stringify(body);
    expect(text).toContain('"additionalProperties":false');
    expect(text).toContain('"accepted":{"const":true}');
    expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['201', '401', '403', '409', '413', '422', '429']));
    expect(doc.paths['/v1/config']!.get!.responses['200']).toBeDefined();
  });
});
