import { eq } from 'drizzle-orm';
import { platformProfile } from '../db/schema.js';
import type { Db } from '../db/types.js';
import type { Dpo, PlatformProfile, RegisterContact } from '../../../sdk/src/admin/platform.js';
import { DEFAULT_PLATFORM_PROFILE, PLATFORM_PROFILE_ID } from './defaults.js';

/** The processor's profile: the saved row, or the defaults until the operator saves one. */
export async function loadPlatformProfile(db: Db): Promise<PlatformProfile> {
  const [row] = await db.select().from(platformProfile).where(eq(platformProfile.id, PLATFORM_PROFILE_ID));
  if (!row) return DEFAULT_PLATFORM_PROFILE;
  return {
    name: row.name,
    contact: row.contact as RegisterContact,
    dpo: (row.dpo ?? null) as Dpo,
    securityMeasures: { nl: row.securityMeasures.nl ?? '', en: row.securityMeasures.en ?? '' },
    updatedAt: new Date(row.updatedAt).toISOString(),
    isDefault: false,
  };
}

/** The upsert of the one profile row (put it in a batch with its audit rows). */
export function upsertPlatformProfile(db: Db, p: Omit<PlatformProfile, 'updatedAt' | 'isDefault'>, now: number) {
  const values = { name: p.name, contact: p.contact as Record<string, string>, dpo: p.dpo as Record<string, string> | null, securityMeasures: { ...p.securityMeasures }, updatedAt: now };
  return db
    .insert(platformProfile)
    .values({ id: PLATFORM_PROFILE_ID, ...values })
    .onConflictDoUpdate({ target: platformProfile.id, set: values });
}

/** Names of the top-level fields whose values differ (for the audit entry: names, never values). */
export function changedProfileFields(before: PlatformProfile, after: Omit<PlatformProfile, 'updatedAt' | 'isDefault'>): string[] {
  const keys = ['name', 'contact', 'dpo', 'securityMeasures'] as const;
  if (before.isDefault) return [...keys];
  return keys.filter((k) => canonical(before[k]) !== canonical(after[k]));
}

/** JSON with sorted keys and without undefined members, so equal values compare equal. */
export function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}
