import type { tenants } from '../db/schema.js';
import type { AuditWriter } from '../audit/log.js';
import type { AppConfig, Deps } from '../deps.js';
import type { Lookups } from './lookups.js';

export type TenantRow = typeof tenants.$inferSelect;

/** Typed context variables: what middleware establishes for the handlers after it. */
export type AppEnv = {
  Variables: {
    deps: Deps;
    config: AppConfig;
    audit: AuditWriter;
    lookups: Lookups;
    /** Set by the publishable-key middleware: the tenant the key belongs to. */
    tenant: TenantRow;
    keyId: string;
    origin: string;
  };
};
