import { eq } from 'drizzle-orm';
import { tenants } from '../db/schema.js';
import type { Db } from '../db/types.js';
import { CASE_KINDS, type CaseKind } from '../../../sdk/src/schemas/index.js';
import type { Dpo, RegisterContact } from '../../../sdk/src/admin/platform.js';
import type { ControllerDetails, RegisterDocument, RegisterLang } from '../../../sdk/src/admin/register.js';
import { categoriesOf } from './categories.js';
import { loadPlatformProfile } from './profile.js';
import { allSubprocessors, subprocessorView } from './subprocessors.js';
import { activityOf, categoryLabel, registerTexts } from './texts.js';

/** The tenant as controller: its name, contact and DPO (null until filled in); undefined when the tenant does not exist. */
export async function loadController(db: Db, tenantId: string): Promise<(ControllerDetails & { kinds: string[] }) | undefined> {
  const [t] = await db.select({ name: tenants.name, contact: tenants.contact, dpo: tenants.dpo, kinds: tenants.kinds }).from(tenants).where(eq(tenants.id, tenantId));
  if (!t) return undefined;
  return { name: t.name, contact: (t.contact ?? null) as RegisterContact | null, dpo: (t.dpo ?? null) as Dpo, kinds: t.kinds };
}

/**
 * R16: the art. 30(2) register of one tenant, generated from live configuration at `now`:
 * (a) processor (platform profile) and controller (tenant) with their DPOs; (b) one processing
 * category per enabled case kind, with the data categories its intake schema collects;
 * (c) transfers: sub-processors outside the EEA with their safeguards; (d) the security
 * measures; plus the sub-processors in use or announced (not ended).
 */
export async function buildRegister(db: Db, tenantId: string, lang: RegisterLang, now: number): Promise<Omit<RegisterDocument, 'exportId'> | undefined> {
  const controller = await loadController(db, tenantId);
  if (!controller) return undefined;
  const profile = await loadPlatformProfile(db);
  const t = registerTexts(lang);
  const kinds = CASE_KINDS.filter((k) => controller.kinds.includes(k)) as CaseKind[];
  const subprocessors = (await allSubprocessors(db)).filter((r) => r.endedAt === null).map((r) => subprocessorView(r, now));
  return {
    lang,
    generatedAt: new Date(now).toISOString(),
    tenantId,
    processor: { name: profile.name, contact: profile.contact, dpo: profile.dpo },
    controller: { name: controller.name, contact: controller.contact, dpo: controller.dpo },
    processing: kinds.map((kind) => ({
      kind,
      ...activityOf(lang, kind),
      dataSubjects: t.dataSubjects,
      dataCategories: categoriesOf(kind).map((c) => ({ ...c, label: categoryLabel(lang, c.category) })),
    })),
    operations: [...t.operations],
    subprocessors,
    transfers: subprocessors.filter((s) => !s.eea).map((s) => ({ subprocessorId: s.id, recipient: s.name, country: s.location, safeguards: s.safeguards })),
    securityMeasures: profile.securityMeasures[lang],
  };
}
