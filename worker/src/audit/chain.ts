import { sha256Hex } from '../lib/hash.js';

/** R17: one entry of the hash-chained audit log. Ids and field names only, never values. */
export type AuditEntry = {
  id: string;
  tenantId: string;
  seq: number;
  at: number;
  actorType: 'consumer' | 'user' | 'api_key' | 'operator' | 'system';
  actorId: string;
  action: string;
  entityType: string;
  entityId: string;
  /** Field names touched (JSON array text in the table). */
  fields: string[];
};
export type ChainedEntry = AuditEntry & { prevHash: string; entryHash: string };

export const GENESIS_HASH = '0'.repeat(64);

/** The canonical text of an entry: fixed key order, JSON-escaped values. */
export function canonicalEntry(e: AuditEntry): string {
  return JSON.stringify([e.id, e.tenantId, e.seq, e.at, e.actorType, e.actorId, e.action, e.entityType, e.entityId, e.fields]);
}

export async function entryHash(e: AuditEntry, prevHash: string): Promise<string> {
  return sha256Hex(`${prevHash}\n${canonicalEntry(e)}`);
}

export async function chain(e: AuditEntry, prevHash: string): Promise<ChainedEntry> {
  return { ...e, prevHash, entryHash: await entryHash(e, prevHash) };
}

/** Why a link is broken, as a stable code (`reason` says it in words). */
export type ChainBreak = 'seq_gap' | 'prev_hash_mismatch' | 'entry_hash_mismatch';
export type VerifyResult = { ok: true; count: number; head: string } | { ok: false; count: number; brokenAt: number; code: ChainBreak; reason: string };

/** Recomputes a tenant's chain (entries in seq order) and reports the first broken link. */
export async function verifyChain(entries: readonly ChainedEntry[]): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (e.seq !== i + 1) return { ok: false, count: entries.length, brokenAt: e.seq, code: 'seq_gap', reason: `expected seq ${i + 1}` };
    if (e.prevHash !== prev) return { ok: false, count: entries.length, brokenAt: e.seq, code: 'prev_hash_mismatch', reason: 'prev_hash does not match the previous entry' };
    if ((await entryHash(e, prev)) !== e.entryHash) return { ok: false, count: entries.length, brokenAt: e.seq, code: 'entry_hash_mismatch', reason: 'entry_hash does not match the entry' };
    prev = e.entryHash;
  }
  return { ok: true, count: entries.length, head: prev };
}
