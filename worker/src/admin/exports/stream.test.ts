import { describe, expect, it } from 'vitest';
import { chunkedStream } from './stream.js';

const numbers = (total: number, size: number) => async (cursor: number | null) => {
  const from = cursor ?? 0;
  const rows = Array.from({ length: Math.max(0, Math.min(size, total - from)) }, (_, i) => from + i);
  return { rows, next: from + rows.length < total ? from + rows.length : null };
};

const onError = (e: unknown) => (e instanceof Error ? e : new Error(String(e)));

describe('chunkedStream', () => {
  it('sends head, every chunk in order and tail, and runs beforeSend before each chunk', async () => {
    const seen: string[] = [];
    const body = chunkedStream({
      head: '[', tail: ']', max: 100, next: numbers(7, 3),
      beforeSend: async (rows) => { seen.push(`before ${rows.join(' ')}`); },
      render: (rows, sent) => (sent ? ',' : '') + rows.join(','), onError,
    });
    expect(await new Response(body).text()).toBe('[0,1,2,3,4,5,6]');
    expect(seen).toEqual(['before 0 1 2', 'before 3 4 5', 'before 6']);
  });

  it('stops at max rows', async () => {
    const body = chunkedStream({ head: '', tail: '', max: 4, next: numbers(10, 3), render: (rows) => rows.join(''), onError });
    expect(await new Response(body).text()).toBe('0123');
  });

  it('handles an empty result and an empty head', async () => {
    const body = chunkedStream({ head: '', tail: 'end', max: 10, next: numbers(0, 3), render: (rows) => rows.join(''), onError });
    expect(await new Response(body).text()).toBe('end');
  });

  it('queries only as the reader reads (one chunk at a time)', async () => {
    let queries = 0;
    const next = numbers(1000, 10);
    const body = chunkedStream({ head: 'h', tail: '', max: 1000, next: (c: number | null) => { queries++; return next(c); }, render: (rows) => rows.join(','), onError });
    const reader = body.getReader();
    await reader.read();
    await reader.read();
    await new Promise((r) => setTimeout(r, 20));
    expect(queries).toBe(1);
    await reader.cancel();
  });

  it('errors the stream with what onError returns when a chunk fails, after what was sent', async () => {
    const errors: unknown[] = [];
    const body = chunkedStream({
      head: 'h;', tail: '', max: 100,
      next: async (c: number | null) => { if (c) throw new Error('boom'); return { rows: [1], next: 1 }; },
      render: (rows) => rows.join(''), onError: (e) => (errors.push(e), new Error('export failed')),
    });
    const reader = body.getReader();
    const dec = new TextDecoder();
    expect(dec.decode((await reader.read()).value)).toBe('h;');
    expect(dec.decode((await reader.read()).value)).toBe('1');
    await expect(reader.read()).rejects.toThrow(/^export failed$/);
    expect(errors).toHaveLength(1);
  });
});
