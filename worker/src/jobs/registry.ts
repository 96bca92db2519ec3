import { retentionEveryMs, runRetentionJob } from '../retention/job.js';
import { webhookJob } from '../webhooks/job.js';
import { auditCheckpointJob } from '../audit/checkpoint-job.js';
import type { Job } from './types.js';

/**
 * THE list of periodic jobs both hosts run (Node: a timer, see timer.ts; Workers: the Cron
 * Trigger in wrangler.toml, see hosts/cloudflare.ts). Add yours with one line — see README.md.
 */
export const JOBS: readonly Job[] = [
  { name: 'retention', everyMs: retentionEveryMs, run: runRetentionJob },
  webhookJob, // every 5 s: delivers due webhook_outbox rows
  auditCheckpointJob, // hourly (AUDIT_CHECKPOINT_INTERVAL_MINUTES): signs each grown audit chain's head (R17)
];
