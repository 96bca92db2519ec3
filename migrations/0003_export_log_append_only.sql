-- R7/R8: the export and print log is append-only, like the audit log.
CREATE TRIGGER export_log_no_update BEFORE UPDATE ON export_log
BEGIN
  SELECT RAISE(ABORT, 'export_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER export_log_no_delete BEFORE DELETE ON export_log
BEGIN
  SELECT RAISE(ABORT, 'export_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER export_subjects_no_update BEFORE UPDATE ON export_subjects
BEGIN
  SELECT RAISE(ABORT, 'export_subjects is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER export_subjects_no_delete BEFORE DELETE ON export_subjects
BEGIN
  SELECT RAISE(ABORT, 'export_subjects is append-only');
END;
