import { problem } from '../../lib/problem.js';

/** The admin API's one body reader lives in admin/http/body.ts; re-exported for the auth routes. */
export { fieldProblem, readBody } from '../http/body.js';

/** 429 with Retry-After (seconds), in the header and the body. */
export const rateLimited = (seconds: number) => problem('rate_limited', { retryAfter: seconds, detail: `Too many failed attempts; try again in ${seconds} s.` }, { 'retry-after': String(seconds) });
