import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const KEY_PLACEHOLDER = '__AFTERCARE_PUBLISHABLE_KEY__';

/**
 * Puts the demo tenant's publishable key into the built demo pages (as a retailer would paste
 * it into theirs) and into demo-config.json for the SDK page. Node-only: runs at start.
 */
export function writeDemoKey(demoDir: string, publishableKey: string): void {
  if (!existsSync(demoDir)) return;
  for (const file of readdirSync(demoDir)) {
    if (!file.endsWith('.html')) continue;
    const p = path.join(demoDir, file);
    const html = readFileSync(p, 'utf8');
    if (html.includes(KEY_PLACEHOLDER)) writeFileSync(p, html.replaceAll(KEY_PLACEHOLDER, publishableKey));
  }
  writeFileSync(path.join(demoDir, 'demo-config.json'), JSON.stringify({ publishableKey }));
}
