import type { Job, JobDeps, JobEnv, JobReport } from '../jobs/types.js';
import { createCheckpoints } from './checkpoints.js';
import { SIGNING_KEY_ENV, signingKeyFromEnv } from './signing-key.js';

/** `AUDIT_CHECKPOINT_INTERVAL_MINUTES` (default 60): how often chains are checkpointed. */
export const checkpointEveryMs = (env: JobEnv) => {
  const minutes = Number(env.AUDIT_CHECKPOINT_INTERVAL_MINUTES);
  return (typeof env.AUDIT_CHECKPOINT_INTERVAL_MINUTES === 'string' && minutes > 0 ? minutes : 60) * 60_000;
};

/**
 * R17: signs a checkpoint of every audit chain that grew since its last one. Without a signing
 * key (AFTERCARE_SIGNING_KEY) it does nothing and says so once per run.
 */
export async function runAuditCheckpointJob(deps: JobDeps): Promise<JobReport> {
  const key = signingKeyFromEnv(deps.env);
  if (!key) {
    console.warn(`[aftercare] audit checkpoints skipped: no ${SIGNING_KEY_ENV} (see wrangler.toml / README)`);
    return {};
  }
  const run = await createCheckpoints(deps.db, await key, deps.clock.now());
  return { counts: { checkpoints: run.created }, more: run.more };
}

export const auditCheckpointJob: Job = { name: 'audit-checkpoints', everyMs: checkpointEveryMs, run: runAuditCheckpointJob };
