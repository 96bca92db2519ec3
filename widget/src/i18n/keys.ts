/**
 * Every text the widget shows, by number: locale tables are `Messages` (`Record<M, string>`) and
 * ship numeric keys only (esbuild inlines this const enum), which keeps each locale chunk small.
 * Prefixes: s step titles, k form titles, f field labels, o options, x failures, e field errors.
 * Options of one field are consecutive, in the order the field offers them (`FieldSpec.labels`
 * names the first); `e*` follow FIELD_ERRORS, `x*` from xNetworkError follow FAILURES.
 */
export const enum M {
  // steps (order of STEPS)
  sContact, sProduct, sConsent, sReview, sDone,
  // form titles (order of KINDS)
  kRegistration, kWarranty, kRepair, kInstallation, kComplaint, kReturn,
  // interface
  loading, progress, required, next, back, submit, sending, retry, add, remove, window, privacy,
  doneRef, liveErr1, liveErrN, liveRetrying,
  // field labels
  fFirstName, fLastName, fStreet, fHouseNumber, fHouseNumberAddition, fPostcode, fCity, fCountry,
  fEmail, fPhone, fBrand, fModel, fSerialNumber, fPurchaseDate, fRetailer, fProofOfPurchaseRef,
  fMode, fFaultDescription, fDescription, fVisitWindows, fDate, fPart, fKind, fReason,
  fReasonDetail, fOrderNumber, fPreferredResolution,
  // options, each field's consecutive
  oChoose, oRegistration, oClaim, oMorning, oAfternoon, oEvening, oReturn, oExchange, oDefective,
  oDamagedInTransit, oWrongItem, oNotAsDescribed, oChangedMind, oOther, oRefund, oStoreCredit,
  oSameModel, oOtherVariant, oOtherProduct,
  // failures; from xNetworkError in the order of FAILURES
  xTitle, xKept, xSetup, xNetworkError, xTimeout, xInternal, xRateLimited, xConsentMismatch,
  xGeneric,
  // field errors, in the order of FIELD_ERRORS
  eRequired, eTooShort, eTooLong, eDuplicate, eInvalidFormat, eInvalidValue, eInvalidPostcode,
  eInvalidPhone, eInvalidEmail, eInvalidDate, eDateInFuture, eDateInPast, eConsentRequired,
}

export type Messages = Record<M, string>;
