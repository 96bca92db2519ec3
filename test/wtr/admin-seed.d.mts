export const ADMIN_PASSWORD: string;
export const TOTP_SECRET: string;
/** `signIn`: what the user types at sign-in, `<login code>@<tenant slug>` (the operator: the code). */
export type SeededUser = { id: string; loginCode: string; signIn: string; password: string; totpSecret?: string };
export function seedAdmin(o: { databaseUrl: string; tenantId: string; apiBase: string; publishableKey: string; origin: string }): Promise<{
  orgId: string;
  slug: string;
  users: Record<'owner' | 'staff' | 'auditor' | 'partner' | 'operator' | 'wrongpw' | 'totp', SeededUser>;
  cases: { id: string; reference: string; kind: string; status: string }[];
}>;
