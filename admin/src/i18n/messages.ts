import * as cases from './tables/cases.js';
import * as common from './tables/common.js';
import * as errors from './tables/errors.js';
import * as logs from './tables/logs.js';
import * as settings from './tables/settings.js';
import * as signIn from './tables/sign-in.js';
import * as subjects from './tables/subjects.js';
import * as privacy from './tables/privacy.js';
import * as records from './tables/records.js';
import * as platform from './tables/platform.js';

/**
 * Every text of the admin page, keyed by constant names, in Dutch and English. Each table file
 * types its English half as `Record<keyof typeof nl, string>`, so a text missing in one
 * language does not compile.
 */
export const NL = { ...common.nl, ...errors.nl, ...signIn.nl, ...cases.nl, ...subjects.nl, ...settings.nl, ...logs.nl, ...privacy.nl, ...records.nl, ...platform.nl };
export type MessageKey = keyof typeof NL;
export const EN: Record<MessageKey, string> = { ...common.en, ...errors.en, ...signIn.en, ...cases.en, ...subjects.en, ...settings.en, ...logs.en, ...privacy.en, ...records.en, ...platform.en };
