CREATE TABLE `api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`name` text NOT NULL,
	`prefix` text NOT NULL,
	`secret_hash` text NOT NULL,
	`role` text NOT NULL,
	`partner_org_id` text,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partner_org_id`) REFERENCES `partner_orgs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_secret` ON `api_keys` (`secret_hash`);--> statement-breakpoint
CREATE INDEX `api_keys_tenant` ON `api_keys` (`tenant_id`);--> statement-breakpoint
CREATE TABLE `auth_throttle` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`last_failure_at` integer NOT NULL,
	`locked_until` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `case_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`case_id` text NOT NULL,
	`author_id` text NOT NULL,
	`body` text NOT NULL,
	`shared` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_notes_case` ON `case_notes` (`tenant_id`,`case_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `export_log` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`at` integer NOT NULL,
	`actor_type` text NOT NULL,
	`actor_id` text NOT NULL,
	`ip` text NOT NULL,
	`kind` text NOT NULL,
	`filter` text NOT NULL,
	`row_count` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `export_log_tenant_at` ON `export_log` (`tenant_id`,`at`);--> statement-breakpoint
CREATE TABLE `export_subjects` (
	`export_id` text NOT NULL,
	`tenant_id` text NOT NULL,
	`subject_id` text NOT NULL,
	PRIMARY KEY(`export_id`, `subject_id`),
	FOREIGN KEY (`export_id`) REFERENCES `export_log`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `export_subjects_subject` ON `export_subjects` (`tenant_id`,`subject_id`);--> statement-breakpoint
CREATE TABLE `partner_orgs` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	`created_at` integer NOT NULL,
	`disabled_at` integer,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `partner_orgs_tenant` ON `partner_orgs` (`tenant_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`user_id` text NOT NULL,
	`tenant_id` text,
	`stage` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer,
	`ip` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sessions_token` ON `sessions` (`token_hash`);--> statement-breakpoint
CREATE INDEX `sessions_user` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text,
	`login_code` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`partner_org_id` text,
	`password_hash` text NOT NULL,
	`totp_secret` text,
	`totp_enabled_at` integer,
	`totp_last_step` integer,
	`locale` text DEFAULT 'nl' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`last_login_at` integer,
	`disabled_at` integer,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partner_org_id`) REFERENCES `partner_orgs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_login_code` ON `users` (`login_code`);--> statement-breakpoint
CREATE INDEX `users_tenant` ON `users` (`tenant_id`);--> statement-breakpoint
DROP INDEX `cases_tenant_created`;--> statement-breakpoint
ALTER TABLE `cases` ADD `assigned_org_id` text REFERENCES partner_orgs(id);--> statement-breakpoint
ALTER TABLE `cases` ADD `closed_at` integer;--> statement-breakpoint
CREATE INDEX `cases_tenant_updated` ON `cases` (`tenant_id`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_tenant_org_created` ON `cases` (`tenant_id`,`assigned_org_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_tenant_kind_status_created` ON `cases` (`tenant_id`,`kind`,`status`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_tenant_subject` ON `cases` (`tenant_id`,`subject_id`);--> statement-breakpoint
CREATE INDEX `cases_tenant_created` ON `cases` (`tenant_id`,`created_at`,`id`);--> statement-breakpoint
ALTER TABLE `tenants` ADD `require_totp_for_owners` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `products_tenant_serial` ON `products` (`tenant_id`,`serial_number`);--> statement-breakpoint
CREATE INDEX `subjects_tenant_postcode` ON `subjects` (`tenant_id`,`postcode`);--> statement-breakpoint
CREATE INDEX `subjects_tenant_last_name` ON `subjects` (`tenant_id`,`last_name`);--> statement-breakpoint
CREATE INDEX `subjects_tenant_phone` ON `subjects` (`tenant_id`,`phone`);