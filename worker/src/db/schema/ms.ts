import { integer } from 'drizzle-orm/sqlite-core';

/** Times are integer epoch milliseconds (UTC). */
export const ms = (name: string) => integer(name, { mode: 'number' });
