/**
 * The widget's events: classes, bubbling and composed (they cross the shadow boundary), typed
 * on `HTMLElementEventMap` so `el.addEventListener('aftercare-submitted', e => e.detail.reference)`
 * type-checks.
 */
import type { AftercareErrorEvent, AftercareStepChangeEvent, AftercareSubmittedEvent } from './base/events.js';

export { AftercareErrorEvent, AftercareStepChangeEvent, AftercareSubmittedEvent } from './base/events.js';
export type { StepId, WidgetErrorCode } from './base/events.js';

declare global {
  interface HTMLElementEventMap {
    'aftercare-submitted': AftercareSubmittedEvent;
    'aftercare-error': AftercareErrorEvent;
    'aftercare-step-change': AftercareStepChangeEvent;
  }
}
