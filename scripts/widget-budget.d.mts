export const BUDGET: { loader: number; form: number };
export function widgetSizes(root: string): { loader: number; forms: Record<string, { locale: string; gzip: number; files: number; own: number }> };
export function litSize(): Promise<number>;
