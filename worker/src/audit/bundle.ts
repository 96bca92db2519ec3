import * as v from 'valibot';
import { AUDIT_BUNDLE_FORMAT, type AuditVerification } from '../../../sdk/src/admin/audit.js';
import type { ChainedEntry } from './chain.js';
import { importPublicKey } from './signing-key.js';
import { verifyAudit } from './verify.js';

const str = v.string();
const int = v.pipe(v.number(), v.safeInteger());
const EntrySchema = v.object({
  id: str, tenantId: str, seq: int, at: int, actorType: str, actorId: str, action: str,
  entityType: str, entityId: str, fields: v.array(str), prevHash: str, entryHash: str,
});
const CheckpointSchema = v.object({ id: str, seq: int, hash: str, at: int, jws: str });
const BundleSchema = v.object({
  format: v.literal(AUDIT_BUNDLE_FORMAT),
  tenantId: str,
  exportedAt: str,
  publicKey: v.nullable(v.record(v.string(), v.unknown())),
  checkpoints: v.array(CheckpointSchema),
  entries: v.array(EntrySchema),
});
export type ParsedBundle = v.InferOutput<typeof BundleSchema>;

export class BundleError extends Error {}

/** Reads a bundle's JSON text; throws BundleError naming the first bad field. */
export function parseBundle(text: string): ParsedBundle {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BundleError('the file is not JSON');
  }
  const parsed = v.safeParse(BundleSchema, json);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    throw new BundleError(`not an audit bundle (${AUDIT_BUNDLE_FORMAT}): ${v.getDotPath(issue) ?? 'file'}: ${issue.message}`);
  }
  return parsed.output;
}

export type BundleVerification = AuditVerification & { keySource: 'pinned' | 'bundle' | 'none' };

/**
 * The key to pin, from the text of a `--public-key` file: a bare public JWK, or the JSON that
 * `GET /v1/admin/audit/public-key` answers (`{ configured, key, kid }`), taken as-is. Throws
 * BundleError when it is neither, or when that answer says the host has no signing key.
 */
export function pinnedKeyFrom(text: string): unknown {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BundleError('the public key file is not JSON');
  }
  if (json && typeof json === 'object' && 'configured' in json && 'key' in json) {
    const answer = json as { configured: unknown; key: unknown };
    if (answer.configured !== true || !answer.key) throw new BundleError('the public key file says the host has no signing key configured (configured: false)');
    return answer.key;
  }
  return json;
}

/**
 * Verifies a bundle offline: the chain, and every checkpoint with `pinnedKey` when given
 * (the operator's key obtained apart from the bundle), else with the key inside the bundle.
 * With a key, the bundle's head must be covered by a valid checkpoint (the export signs it):
 * otherwise the entries after the last checkpoint prove nothing and it is `head_unsigned`.
 */
export async function verifyBundle(bundle: ParsedBundle, pinnedKey?: unknown): Promise<BundleVerification> {
  const source = pinnedKey !== undefined ? 'pinned' : bundle.publicKey ? 'bundle' : 'none';
  const imported = source === 'none' ? null : await importPublicKey(source === 'pinned' ? pinnedKey : bundle.publicKey);
  const key = imported ? { key: imported.key, kid: imported.publicJwk.kid } : null;
  const result = await verifyAudit(bundle.tenantId, bundle.entries as ChainedEntry[], bundle.checkpoints, key);
  const covered = result.lastGoodCheckpoint?.seq ?? 0;
  if (key && result.ok && result.head && covered < result.head.seq) {
    const reason = `entries ${covered + 1} to ${result.head.seq} are not covered by a signed checkpoint: they could have been changed or added by anyone`;
    return { ...result, ok: false, brokenAt: { seq: covered + 1, code: 'head_unsigned', reason }, keySource: source };
  }
  return { ...result, keySource: source };
}
