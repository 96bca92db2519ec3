import { compactVerify, decodeProtectedHeader, type CryptoKey } from 'jose';
import type { AuditBreak, AuditCheckpoint, AuditVerification, CheckpointPayload } from '../../../sdk/src/admin/audit.js';
import { verifyChain, type ChainedEntry } from './chain.js';

type Break = { seq: number; code: AuditBreak; reason: string };
export type VerifyKey = { key: CryptoKey; kid: string } | null;

/** The signed payload of a checkpoint when its signature holds under `key`, else a reason why not. */
async function openCheckpoint(cp: AuditCheckpoint, key: NonNullable<VerifyKey>): Promise<CheckpointPayload | { code: AuditBreak; reason: string }> {
  let kid: unknown;
  try {
    kid = decodeProtectedHeader(cp.jws).kid;
  } catch {
    return { code: 'checkpoint_signature_invalid', reason: 'the checkpoint is not a compact JWS' };
  }
  if (kid !== key.kid) return { code: 'checkpoint_unknown_key', reason: `signed with key ${String(kid)}, not with the operator's key ${key.kid}` };
  try {
    const { payload } = await compactVerify(cp.jws, key.key, { algorithms: ['EdDSA'] });
    const p = JSON.parse(new TextDecoder().decode(payload)) as CheckpointPayload;
    if (typeof p.tenantId !== 'string' || !Number.isSafeInteger(p.seq) || typeof p.hash !== 'string' || !Number.isSafeInteger(p.at)) throw new Error('claims');
    return p;
  } catch {
    return { code: 'checkpoint_signature_invalid', reason: "the checkpoint's signature does not verify with the operator's key" };
  }
}

/**
 * R17: recomputes the chain AND checks every checkpoint (signature with `key`, its claims
 * match its row and this tenant, and the entry at its seq still has the signed hash). Reports
 * the first broken link, by seq. Pure: the API, the CLI and tests share it.
 */
export async function verifyAudit(tenantId: string, entries: readonly ChainedEntry[], checkpoints: readonly AuditCheckpoint[], key: VerifyKey): Promise<AuditVerification> {
  const breaks: Break[] = [];
  const chain = await verifyChain(entries);
  if (!chain.ok) breaks.push({ seq: chain.brokenAt, code: chain.code, reason: chain.reason });
  const tenantEntry = entries.find((e) => e.tenantId !== tenantId);
  if (tenantEntry) breaks.push({ seq: tenantEntry.seq, code: 'entry_hash_mismatch', reason: 'the entry belongs to another tenant' });
  const bySeq = new Map(entries.map((e) => [e.seq, e]));
  const last = entries.at(-1);
  let lastGood: AuditVerification['lastGoodCheckpoint'] = null;
  const sorted = [...checkpoints].sort((a, b) => a.seq - b.seq);
  for (const cp of sorted) {
    if (!key) {
      breaks.push({ seq: cp.seq, code: 'no_public_key', reason: 'there are checkpoints but no public key to check them with' });
      break;
    }
    const opened = await openCheckpoint(cp, key);
    if ('code' in opened) {
      breaks.push({ seq: cp.seq, ...opened });
      continue;
    }
    if (opened.tenantId !== tenantId) {
      breaks.push({ seq: cp.seq, code: 'checkpoint_tenant_mismatch', reason: 'the checkpoint was signed for another tenant' });
      continue;
    }
    if (opened.seq !== cp.seq || opened.hash !== cp.hash || opened.at !== cp.at) {
      breaks.push({ seq: Math.min(cp.seq, opened.seq), code: 'checkpoint_row_mismatch', reason: 'the stored checkpoint differs from what was signed' });
      continue;
    }
    const entry = bySeq.get(opened.seq);
    if (!entry) {
      breaks.push({ seq: opened.seq, code: 'checkpoint_beyond_log', reason: `a checkpoint signed seq ${opened.seq}, but the log ${last ? `ends at seq ${last.seq}` : 'is empty'}: entries were removed` });
      continue;
    }
    if (entry.entryHash !== opened.hash) {
      const after = lastGood ? `after seq ${lastGood.seq} (the last checkpoint that matches)` : 'since the log began';
      breaks.push({ seq: opened.seq, code: 'checkpoint_hash_mismatch', reason: `the entry's hash differs from the checkpoint signed at ${new Date(opened.at).toISOString()}: the log was rewritten at or before seq ${opened.seq}, ${after}` });
      continue;
    }
    if (!breaks.some((b) => b.seq <= opened.seq)) lastGood = { seq: opened.seq, at: new Date(opened.at).toISOString() };
  }
  breaks.sort((a, b) => a.seq - b.seq);
  return {
    ok: breaks.length === 0,
    entries: entries.length,
    checkpoints: checkpoints.length,
    head: last ? { seq: last.seq, hash: last.entryHash } : null,
    lastGoodCheckpoint: lastGood,
    kid: key?.kid ?? null,
    brokenAt: breaks[0] ?? null,
  };
}
