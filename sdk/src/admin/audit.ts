import * as v from 'valibot';

/**
 * R17, the audit log you can prove: signed checkpoints of each tenant's hash chain, a bundle
 * an auditor downloads and verifies offline (`npm run aftercare -- audit verify --file …`),
 * and a verification that checks the chain AND every checkpoint.
 *
 * A checkpoint is a compact JWS (alg `EdDSA`, Ed25519, `kid` = the key's RFC 7638 thumbprint)
 * signed with the operator's key over {@link CheckpointPayload}. The chain alone proves that no
 * entry was changed or removed WITHOUT recomputing every later hash; a signed checkpoint also
 * proves that the entry at its `seq` still has the hash it had when it was signed, so a rewrite
 * of the whole chain after a checkpoint is detected too.
 */

/** The signed claims of a checkpoint (the JWS payload, UTF-8 JSON). `at`: epoch ms. */
export type CheckpointPayload = { tenantId: string; seq: number; hash: string; at: number };

/** The operator's public key (an Ed25519 JWK) that checks checkpoint signatures. */
export type AuditPublicJwk = { kty: 'OKP'; crv: 'Ed25519'; x: string; kid: string; alg: 'EdDSA'; use: 'sig' };

/**
 * `GET /audit/public-key` (owner, auditor, operator): the key checkpoints are signed with.
 * `configured: false` when the host has no signing key (AFTERCARE_SIGNING_KEY): then no
 * checkpoints are made. Keep this key apart from the bundle: it is what `--public-key` pins.
 */
export type AuditPublicKey = { configured: true; key: AuditPublicJwk; kid: string } | { configured: false; key: null; kid: null };

/** One stored checkpoint. `at` is epoch ms in the bundle and ISO 8601 in the list view. */
export type AuditCheckpoint = { id: string; seq: number; hash: string; at: number; jws: string };
export type AuditCheckpointView = { id: string; seq: number; hash: string; at: string; jws: string; kid: string | null };

/** `GET /audit/checkpoints`: newest first, keyset-paged by seq (`nextCursor` → `cursor`). */
export type AuditCheckpointPage = { items: AuditCheckpointView[]; nextCursor: string | null };

/** `?cursor=&limit=` of the checkpoint list: cursor = a seq from `nextCursor`, limit 1..500 (default 100). */
export const AuditCheckpointQuerySchema = v.strictObject(
  {
    cursor: v.optional(v.pipe(v.string('invalid_type'), v.regex(/^\d{1,15}$/, 'invalid_format'), v.transform(Number))),
    limit: v.optional(v.pipe(v.string('invalid_type'), v.regex(/^\d{1,3}$/, 'invalid_value'), v.transform(Number), v.minValue(1, 'invalid_value'), v.maxValue(500, 'invalid_value'))),
  },
  'unknown_field',
);
export type AuditCheckpointQueryInput = { cursor?: string; limit?: number };

/**
 * One audit-log entry as the bundle carries it: every column the hash covers, raw (`at` in
 * epoch ms, `fields` an array), so the hash can be recomputed:
 * `entryHash = sha256hex(prevHash + "\n" + JSON.stringify([id, tenantId, seq, at, actorType, actorId, action, entityType, entityId, fields]))`,
 * `prevHash` of seq 1 = 64 zeros.
 */
export type AuditBundleEntry = {
  id: string; tenantId: string; seq: number; at: number; actorType: string; actorId: string;
  action: string; entityType: string; entityId: string; fields: string[]; prevHash: string; entryHash: string;
};

export const AUDIT_BUNDLE_FORMAT = 'aftercare-audit-bundle/1';

/**
 * `GET /audit/export`: ONE JSON file an auditor keeps: the tenant's whole audit log (seq 1..N
 * at the time of download), its checkpoints — the last one of seq N, signed at download when
 * the host has a key, so no entry is unsigned — and the public key at the time of download.
 * Verify it offline with the CLI; pin the key with `--public-key` (a bundle's own key is only
 * as trustworthy as the bundle: without a pin the CLI exits 3, "UNPROVEN").
 */
export type AuditBundle = {
  format: typeof AUDIT_BUNDLE_FORMAT;
  tenantId: string;
  exportedAt: string;
  publicKey: AuditPublicJwk | null;
  checkpoints: AuditCheckpoint[];
  entries: AuditBundleEntry[];
};

/** Why verification failed, as a stable code. */
export const AUDIT_BREAKS = [
  'seq_gap', 'prev_hash_mismatch', 'entry_hash_mismatch',
  'checkpoint_signature_invalid', 'checkpoint_unknown_key', 'checkpoint_tenant_mismatch', 'checkpoint_row_mismatch',
  'checkpoint_hash_mismatch', 'checkpoint_beyond_log', 'no_public_key',
  /** Offline bundle check: entries after the last valid checkpoint (an exported bundle's head is always signed). */
  'head_unsigned',
] as const;
export type AuditBreak = (typeof AUDIT_BREAKS)[number];

/**
 * `GET /audit/verify` (and the CLI): the chain recomputed and every checkpoint checked.
 * `brokenAt` is the FIRST broken link (lowest seq): for a checkpoint whose entry no longer has
 * the signed hash, the checkpoint's seq (the rewrite happened at or before it, after
 * `lastGoodCheckpoint`).
 */
export type AuditVerification = {
  ok: boolean;
  entries: number;
  checkpoints: number;
  head: { seq: number; hash: string } | null;
  /** The newest checkpoint that checked out: entries up to its seq are proven. */
  lastGoodCheckpoint: { seq: number; at: string } | null;
  kid: string | null;
  brokenAt: { seq: number; code: AuditBreak; reason: string } | null;
};

/** `POST /audit/checkpoints/run` (operator): what one run signed. `configured: false` = no key, nothing signed. */
export type AuditCheckpointRun = { configured: boolean; created: number; tenants: number; more: boolean; kid: string | null };
