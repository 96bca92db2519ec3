import { readFileSync } from 'node:fs';
import { BundleError, parseBundle, pinnedKeyFrom, verifyBundle } from '../audit/bundle.js';
import { createCheckpoints } from '../audit/checkpoints.js';
import { importSigningKey, SIGNING_KEY_ENV, SigningKeyError } from '../audit/signing-key.js';
import type { Db } from '../db/types.js';

/** `audit verify` exit codes (README, "Operator CLI"). */
export const VERIFY_EXIT = { ok: 0, broken: 1, unreadable: 2, unpinned: 3 } as const;

export const AUDIT_USAGE = `  audit verify --file BUNDLE.json [--public-key KEY.jwk] [--json]
              Offline: recomputes the hash chain of a bundle downloaded from
              GET /v1/admin/audit/export and checks every signed checkpoint, up to the head.
              --public-key: the operator's key, as a JWK file or as the JSON that
              GET /v1/admin/audit/public-key answers. Exit 0 when intact under that key,
              1 at the first broken link, 2 when a file cannot be read, 3 when intact but no
              key was pinned (a bundle's own key proves nothing about who signed it).
  audit checkpoint [--json]
              Signs a checkpoint of every audit chain that grew (key: AFTERCARE_SIGNING_KEY,
              else data/signing-key.json beside the database, made on first use).`;

const read = (file: string, what: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new BundleError(`cannot read ${what} ${file}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
  }
};

/** `audit verify`: never opens the database or the network. */
export async function auditVerify(values: { file?: string; 'public-key'?: string; json?: boolean }): Promise<number> {
  if (!values.file) {
    console.error('error: audit verify needs --file BUNDLE.json');
    return 2;
  }
  let result;
  try {
    const bundle = parseBundle(read(values.file, 'bundle'));
    const pinned = values['public-key'] ? pinnedKeyFrom(read(values['public-key'], 'public key')) : undefined;
    result = await verifyBundle(bundle, pinned);
  } catch (err) {
    if (err instanceof BundleError || err instanceof SigningKeyError || err instanceof SyntaxError) {
      console.error(`error: ${err.message}`);
      return VERIFY_EXIT.unreadable;
    }
    throw err;
  }
  // Without a pinned key, "intact" only means consistent with whatever key the bundle carries:
  // anyone who rewrites the log can re-sign it with their own key and put that key in the bundle.
  const unpinned = result.ok && result.keySource !== 'pinned';
  if (values.json) console.log(JSON.stringify(result));
  else if (unpinned) {
    const how = result.keySource === 'bundle' ? `consistent with the key inside the bundle (kid ${result.kid})` : 'a consistent chain, with no key to check signatures';
    console.log(`UNPROVEN: ${result.entries} entries, ${result.checkpoints} checkpoints: ${how}. This proves nothing about who signed it: anyone who changes the log can re-sign it.`);
  } else if (result.ok) {
    const head = result.head ? `head seq ${result.head.seq} ${result.head.hash}` : 'head (empty log)';
    console.log(`OK: ${result.entries} entries, ${result.checkpoints} checkpoints, ${head}`);
    if (result.lastGoodCheckpoint) console.log(`last checkpoint: seq ${result.lastGoodCheckpoint.seq} signed ${result.lastGoodCheckpoint.at} (key ${result.kid})`);
  } else {
    const b = result.brokenAt!;
    console.log(`BROKEN at seq ${b.seq}: ${b.code}: ${b.reason}`);
    if (result.lastGoodCheckpoint) console.log(`entries up to seq ${result.lastGoodCheckpoint.seq} are proven by the checkpoint signed ${result.lastGoodCheckpoint.at}`);
  }
  if (result.keySource !== 'pinned') console.error(`note: no key pinned: pass --public-key with the operator's key (GET /v1/admin/audit/public-key, saved as-is) to prove who signed the checkpoints; exit ${unpinned ? VERIFY_EXIT.unpinned : VERIFY_EXIT.broken}`);
  return result.ok ? (unpinned ? VERIFY_EXIT.unpinned : VERIFY_EXIT.ok) : VERIFY_EXIT.broken;
}

/** `audit checkpoint`: createCheckpoints against the local database, with the host's key. */
export async function auditCheckpoint(db: Db, values: { json?: boolean }): Promise<number> {
  const json = process.env[SIGNING_KEY_ENV];
  if (!json) throw new SigningKeyError(`no ${SIGNING_KEY_ENV}`);
  const key = await importSigningKey(json);
  const run = await createCheckpoints(db, key, Date.now(), { maxTenants: 1_000_000 });
  if (values.json) console.log(JSON.stringify({ ...run, kid: key.kid }));
  else console.log(`${run.created} checkpoint(s) signed for ${run.tenants} chain(s) with key ${key.kid}`);
  return 0;
}
