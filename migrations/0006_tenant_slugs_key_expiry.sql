DROP INDEX `users_login_code`;--> statement-breakpoint
CREATE UNIQUE INDEX `users_tenant_login_code` ON `users` (`tenant_id`,`login_code`);--> statement-breakpoint
CREATE UNIQUE INDEX `users_operator_login_code` ON `users` (`login_code`) WHERE tenant_id IS NULL;--> statement-breakpoint
ALTER TABLE `api_keys` ADD `expires_at` integer;--> statement-breakpoint
-- Hand-edited after `drizzle-kit generate`: SQLite cannot add a NOT NULL column without a
-- default, and existing tenants need a slug before the unique index. Slugs follow
-- worker/src/admin/auth/login-code.ts (a-z 0-9 -, from the name); what the name cannot give
-- (other characters, empty, taken) falls back to a suffix from the tenant id.
ALTER TABLE `tenants` ADD `slug` text NOT NULL DEFAULT '';--> statement-breakpoint
UPDATE `tenants` SET `slug` = lower(trim(`name`));--> statement-breakpoint
UPDATE `tenants` SET `slug` = replace(replace(replace(replace(replace(replace(`slug`, 'é', 'e'), 'è', 'e'), 'ë', 'e'), 'ê', 'e'), 'á', 'a'), 'à', 'a');--> statement-breakpoint
UPDATE `tenants` SET `slug` = replace(replace(replace(replace(replace(replace(`slug`, 'ä', 'a'), 'â', 'a'), 'ö', 'o'), 'ó', 'o'), 'ô', 'o'), 'ü', 'u');--> statement-breakpoint
UPDATE `tenants` SET `slug` = replace(replace(replace(replace(replace(replace(`slug`, 'ú', 'u'), 'û', 'u'), 'ï', 'i'), 'í', 'i'), 'ç', 'c'), 'ß', 'ss');--> statement-breakpoint
UPDATE `tenants` SET `slug` = replace(replace(replace(replace(replace(replace(`slug`, ' ', '-'), '.', '-'), ',', '-'), '&', '-'), '''', '-'), '/', '-');--> statement-breakpoint
UPDATE `tenants` SET `slug` = replace(replace(replace(replace(replace(replace(`slug`, '_', '-'), '(', '-'), ')', '-'), '+', '-'), ':', '-'), '!', '-');--> statement-breakpoint
UPDATE `tenants` SET `slug` = replace(replace(replace(replace(`slug`, '?', '-'), '@', '-'), '#', '-'), '"', '-');--> statement-breakpoint
UPDATE `tenants` SET `slug` = replace(replace(replace(`slug`, '--', '-'), '--', '-'), '--', '-');--> statement-breakpoint
UPDATE `tenants` SET `slug` = replace(replace(replace(`slug`, '--', '-'), '--', '-'), '--', '-');--> statement-breakpoint
UPDATE `tenants` SET `slug` = trim(substr(trim(`slug`, '-'), 1, 40), '-');--> statement-breakpoint
UPDATE `tenants` SET `slug` = 'demo' WHERE `id` = (SELECT `tenant_id` FROM `users` WHERE `login_code` = 'demo-eigenaar' AND `tenant_id` IS NOT NULL LIMIT 1);--> statement-breakpoint
UPDATE `tenants` SET `slug` = 'tenant' WHERE `slug` = '' OR `slug` GLOB '*[^a-z0-9-]*';--> statement-breakpoint
UPDATE `tenants` SET `slug` = `slug` || '-' || lower(substr(`id`, -8)) WHERE `slug` = 'tenant' OR EXISTS (SELECT 1 FROM `tenants` AS `t2` WHERE `t2`.`slug` = `tenants`.`slug` AND `t2`.`id` < `tenants`.`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `tenants_slug` ON `tenants` (`slug`);