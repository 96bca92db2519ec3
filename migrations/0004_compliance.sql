CREATE TABLE `agreement_acceptances` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`agreement_id` text NOT NULL,
	`user_id` text NOT NULL,
	`ip` text NOT NULL,
	`accepted_at` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agreement_acceptances_once` ON `agreement_acceptances` (`tenant_id`,`agreement_id`);--> statement-breakpoint
CREATE TABLE `agreements` (
	`id` text PRIMARY KEY NOT NULL,
	`version` integer NOT NULL,
	`text` text NOT NULL,
	`sha256` text NOT NULL,
	`published_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agreements_version` ON `agreements` (`version`);--> statement-breakpoint
CREATE TABLE `audit_checkpoints` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`seq` integer NOT NULL,
	`entry_hash` text NOT NULL,
	`at` integer NOT NULL,
	`jws` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `audit_checkpoints_tenant_seq` ON `audit_checkpoints` (`tenant_id`,`seq`);--> statement-breakpoint
CREATE TABLE `breach_tenants` (
	`breach_id` text NOT NULL,
	`tenant_id` text NOT NULL,
	`notified_at` integer,
	`reported_to_authority` integer,
	`reported_at` integer,
	`follow_up_note` text,
	`follow_up_by` text,
	`follow_up_at` integer,
	PRIMARY KEY(`breach_id`, `tenant_id`),
	FOREIGN KEY (`breach_id`) REFERENCES `breaches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `breach_tenants_tenant` ON `breach_tenants` (`tenant_id`);--> statement-breakpoint
CREATE TABLE `breaches` (
	`id` text PRIMARY KEY NOT NULL,
	`discovered_at` integer NOT NULL,
	`description` text NOT NULL,
	`data_categories` text NOT NULL,
	`approx_subjects` integer NOT NULL,
	`consequences` text NOT NULL,
	`measures` text NOT NULL,
	`recorded_at` integer NOT NULL,
	`recorded_by` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `job_leases` (
	`name` text PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `notices` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`kind` text NOT NULL,
	`ref_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`read_at` integer,
	`read_by` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notices_tenant` ON `notices` (`tenant_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `notices_ref` ON `notices` (`tenant_id`,`kind`,`ref_id`);--> statement-breakpoint
CREATE TABLE `platform_profile` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`contact` text NOT NULL,
	`dpo` text,
	`security_measures` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `retention_policies` (
	`tenant_id` text NOT NULL,
	`kind` text NOT NULL,
	`basis` text NOT NULL,
	`months` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `kind`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `subprocessor_objections` (
	`id` text PRIMARY KEY NOT NULL,
	`subprocessor_id` text NOT NULL,
	`tenant_id` text NOT NULL,
	`user_id` text NOT NULL,
	`reason` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`subprocessor_id`) REFERENCES `subprocessors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `subprocessor_objections_tenant` ON `subprocessor_objections` (`tenant_id`);--> statement-breakpoint
CREATE TABLE `subprocessors` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`purpose` text NOT NULL,
	`location` text NOT NULL,
	`safeguards` text,
	`start_date` text NOT NULL,
	`created_at` integer NOT NULL,
	`ended_at` integer
);
--> statement-breakpoint
CREATE TABLE `webhook_outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`event` text NOT NULL,
	`payload` text NOT NULL,
	`created_at` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`delivered_at` integer,
	`last_status` integer,
	`last_error` text,
	`failed_at` integer,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `webhook_outbox_due` ON `webhook_outbox` (`delivered_at`,`failed_at`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `webhook_outbox_tenant` ON `webhook_outbox` (`tenant_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `cases` ADD `retention_until` integer;--> statement-breakpoint
CREATE INDEX `cases_tenant_kind_closed` ON `cases` (`tenant_id`,`kind`,`closed_at`);--> statement-breakpoint
ALTER TABLE `tenants` ADD `contact` text;--> statement-breakpoint
ALTER TABLE `tenants` ADD `dpo` text;--> statement-breakpoint
ALTER TABLE `tenants` ADD `webhook_url` text;--> statement-breakpoint
ALTER TABLE `tenants` ADD `webhook_secret` text;--> statement-breakpoint
ALTER TABLE `tenants` ADD `webhook_personal_data` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `products_tenant_purchase` ON `products` (`tenant_id`,`purchase_date`);