import type { AppEnv } from '../http/env.js';
import type { Principal } from './principal.js';

/** Context variables of admin routes: the app's, plus the authenticated principal. */
export type AdminEnv = {
  Variables: AppEnv['Variables'] & {
    principal: Principal;
    /** The client's IP as the host reads it (socket or CF-Connecting-IP). */
    ip: string;
  };
};
