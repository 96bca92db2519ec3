import { ExchangeDetailsSchema, RETURN_REASONS, ReturnDetailsSchema } from '../../../../sdk/src/schemas/case.js';
import { AftercareForm, type Details } from '../../form/aftercare-form.js';
import { M } from '../../i18n/index.js';

/**
 * A return or an exchange; the consumer chooses, and the case kind follows (`return` or
 * `exchange`). Asks the reason, an optional explanation, the order number and the preferred
 * resolution.
 *
 * @summary Requests a return or an exchange (R1), with the required consent step (R4).
 *
 * @event aftercare-submitted - `{ kind, reference }`: the case was stored; the confirmation shows `reference`.
 * @event aftercare-error - `{ code }`: the form could not load, or a submission failed (values are kept).
 * @event aftercare-step-change - `{ step }`: `contact`, `product`, `details`, `consent`, `review` or `done`.
 *
 * @csspart label - Every field label and group legend.
 * @csspart input - Every input, select, textarea, checkbox and radio.
 * @csspart error - The message under a field with an error.
 * @csspart button - Every button (next, back, submit, try again, add/remove).
 * @csspart step-header - The header with the progress line and the step heading.
 *
 * @cssproperty --aftercare-primary - Buttons, checkbox and radio accent, default focus ring. Default `#0b5394`.
 * @cssproperty --aftercare-primary-text - Text on primary buttons. Default `#fff`.
 * @cssproperty --aftercare-text - Text colour. Default `#1f1f1f`.
 * @cssproperty --aftercare-background - Form and field background. Default `#fff`.
 * @cssproperty --aftercare-error - Error messages and invalid borders. Default `#b00020`.
 * @cssproperty --aftercare-border - Field borders. Default `#6b6b6b`.
 * @cssproperty --aftercare-focus-ring - Focus outline colour (keep 3:1 contrast with the background). Default: the primary colour.
 * @cssproperty --aftercare-font-family - Default `inherit` (the page's font).
 * @cssproperty --aftercare-font-size - Base size; everything scales with it. Default `medium`.
 * @cssproperty --aftercare-radius - Corner radius. Default `0.25em`.
 * @cssproperty --aftercare-spacing - Padding and space between fields. Default `1em`.
 */
export class AftercareReturn extends AftercareForm {
  protected caseKind() {
    return (this.values.kind ||= 'return') == 'exchange' ? ('exchange' as const) : ('return' as const);
  }

  protected override details(): Details {
    const exchange = this.caseKind() === 'exchange';
    return {
      title: M.kReturn,
      schema: exchange ? ExchangeDetailsSchema : ReturnDetailsSchema,
      fields: [
        { name: 'kind', label: M.fKind, type: 'radio', options: ['return', 'exchange'], labels: M.oReturn, required: true },
        { name: 'details.reason', label: M.fReason, type: 'select', options: RETURN_REASONS, labels: M.oDefective, required: true },
        { name: 'details.reasonDetail', label: M.fReasonDetail, type: 'textarea' },
        { name: 'details.orderNumber', label: M.fOrderNumber, required: true },
        {
          name: 'details.preferredResolution',
          label: M.fPreferredResolution,
          type: 'radio',
          required: true,
          options: exchange ? ['same_model', 'other_variant', 'other_product'] : ['refund', 'store_credit'],
          labels: exchange ? M.oSameModel : M.oRefund,
        },
      ],
    };
  }
}
