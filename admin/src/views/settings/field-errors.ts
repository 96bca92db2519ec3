/** The first error at `path` or below it (`allowedOrigins.2` for `allowedOrigins`). */
export function errorAt(errs: Record<string, string>, path: string): string | undefined {
  if (errs[path]) return errs[path];
  const key = Object.keys(errs).find((k) => k.startsWith(`${path}.`));
  return key ? errs[key] : undefined;
}
