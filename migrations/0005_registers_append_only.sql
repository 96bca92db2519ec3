-- R17/R18/R20/R21: evidence tables are append-only or at least never deleted.
CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints
BEGIN
  SELECT RAISE(ABORT, 'audit_checkpoints is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints
BEGIN
  SELECT RAISE(ABORT, 'audit_checkpoints is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER agreement_acceptances_no_update BEFORE UPDATE ON agreement_acceptances
BEGIN
  SELECT RAISE(ABORT, 'agreement_acceptances is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER agreement_acceptances_no_delete BEFORE DELETE ON agreement_acceptances
BEGIN
  SELECT RAISE(ABORT, 'agreement_acceptances is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER agreements_no_update BEFORE UPDATE ON agreements
BEGIN
  SELECT RAISE(ABORT, 'agreements are append-only: publish a new version');
END;
--> statement-breakpoint
CREATE TRIGGER agreements_no_delete BEFORE DELETE ON agreements
BEGIN
  SELECT RAISE(ABORT, 'agreements are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER subprocessor_objections_no_update BEFORE UPDATE ON subprocessor_objections
BEGIN
  SELECT RAISE(ABORT, 'subprocessor_objections is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER subprocessor_objections_no_delete BEFORE DELETE ON subprocessor_objections
BEGIN
  SELECT RAISE(ABORT, 'subprocessor_objections is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER breaches_no_delete BEFORE DELETE ON breaches
BEGIN
  SELECT RAISE(ABORT, 'the breach register keeps every breach (art. 33(5))');
END;
--> statement-breakpoint
CREATE TRIGGER breach_tenants_no_delete BEFORE DELETE ON breach_tenants
BEGIN
  SELECT RAISE(ABORT, 'the breach register keeps every breach (art. 33(5))');
END;
