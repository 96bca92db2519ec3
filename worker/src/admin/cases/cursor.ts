/**
 * Keyset cursors: base64url of JSON `[sort, order, sortValue, id]`. Opaque to callers; carrying
 * the sort and order lets a cursor used with another sort be refused instead of skipping rows.
 */
export type Cursor = { sort: 'created' | 'updated'; order: 'asc' | 'desc'; value: number; id: string };

const b64url = (s: string) => btoa(String.fromCharCode(...new TextEncoder().encode(s))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

export function encodeCursor(c: Cursor): string {
  return b64url(JSON.stringify([c.sort, c.order, c.value, c.id]));
}

/** Thrown for a cursor that is not ours or belongs to another sort/order; routes answer 422 on `cursor`. */
export class CursorError extends Error {
  constructor() {
    super('invalid cursor');
  }
}

export function decodeCursor(raw: string, sort: Cursor['sort'], order: Cursor['order']): Cursor {
  let parsed: unknown;
  try {
    const bin = atob(raw.replace(/-/g, '+').replace(/_/g, '/'));
    parsed = JSON.parse(new TextDecoder().decode(Uint8Array.from(bin, (ch) => ch.charCodeAt(0))));
  } catch {
    throw new CursorError();
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) throw new CursorError();
  const [s, o, value, id] = parsed as unknown[];
  if (s !== sort || o !== order || typeof value !== 'number' || !Number.isSafeInteger(value) || typeof id !== 'string' || id.length > 64) throw new CursorError();
  return { sort, order, value, id };
}
