import {
  ComplaintDetailsSchema, InstallationDetailsSchema, RepairDetailsSchema,
} from '../../../../sdk/src/schemas/case.js';
import { AftercareForm, type Details } from '../../form/aftercare-form.js';
import { M } from '../../i18n/index.js';

const KINDS = ['repair', 'installation', 'complaint'] as const;
type RepairKind = (typeof KINDS)[number];
const SCHEMAS = { repair: RepairDetailsSchema, installation: InstallationDetailsSchema, complaint: ComplaintDetailsSchema };
const TITLES = { repair: M.kRepair, installation: M.kInstallation, complaint: M.kComplaint };

/**
 * A repair request, an installation or measurement visit, or a complaint (`kind`). Repairs may
 * and installations must name at least one visit window (date and part of day).
 *
 * @summary Requests a repair, installation/measurement visit or files a complaint (R1), with the required consent step (R4).
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
export class AftercareRepair extends AftercareForm {
  static override properties = { kind: {} };

  /** `repair` (default), `installation` or `complaint`. */
  declare kind?: string;

  protected caseKind(): RepairKind {
    return KINDS.includes(this.kind as RepairKind) ? (this.kind as RepairKind) : 'repair';
  }

  protected override details(): Details {
    const kind = this.caseKind();
    return {
      title: TITLES[kind],
      schema: SCHEMAS[kind],
      fields: [
        { name: 'details.description', label: M.fDescription, type: 'textarea', required: true },
        ...(kind === 'complaint' ? [] : [{ name: 'details.visitWindows', label: M.fVisitWindows, type: 'windows', required: kind == 'installation' } as const]),
      ],
    };
  }
}
