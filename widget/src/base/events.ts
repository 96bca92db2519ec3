import type { CaseKind, ErrorCode } from '../../../sdk/src/schemas/index.js';

/** The steps of every form, in order (a form without details skips `details`). */
export type StepId = 'contact' | 'product' | 'details' | 'consent' | 'review' | 'done';

/** What went wrong: an SDK/API error code, or the page forgot `publishable-key`. */
export type WidgetErrorCode = ErrorCode | 'missing_publishable_key';

const init = <T>(detail: T): CustomEventInit<T> => ({ bubbles: true, composed: true, detail });

/** A case was stored; `reference` is what the consumer was shown. */
export class AftercareSubmittedEvent extends CustomEvent<{ kind: CaseKind; reference: string }> {
  constructor(detail: { kind: CaseKind; reference: string }) {
    super('aftercare-submitted', init(detail));
  }
}

/** The form could not load, or a submission failed for good (values are kept). */
export class AftercareErrorEvent extends CustomEvent<{ code: WidgetErrorCode }> {
  constructor(detail: { code: WidgetErrorCode }) {
    super('aftercare-error', init(detail));
  }
}

/** The consumer moved to another step. */
export class AftercareStepChangeEvent extends CustomEvent<{ step: StepId }> {
  constructor(detail: { step: StepId }) {
    super('aftercare-step-change', init(detail));
  }
}
