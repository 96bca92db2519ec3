import type { Me } from '../../../sdk/src/admin/auth.js';

/** Who is signed in (`GET /v1/admin/me`). */
export type { Me };
