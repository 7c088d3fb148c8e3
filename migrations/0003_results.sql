CREATE TABLE `certificate_counters` (
	`issuer_code` text NOT NULL,
	`type_code` text NOT NULL,
	`day` text NOT NULL,
	`last_sequence` integer NOT NULL,
	PRIMARY KEY(`issuer_code`, `type_code`, `day`)
);
--> statement-breakpoint
CREATE TABLE `certificate_events` (
	`identifier` text NOT NULL,
	`seq` integer NOT NULL,
	`type` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`on` text NOT NULL,
	`reason` text,
	`replaced_by` text,
	`actor` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`identifier`, `seq`)
);
--> statement-breakpoint
CREATE TABLE `certificates` (
	`identifier` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`case_number` text NOT NULL,
	`task_id` text,
	`applicant_id` text NOT NULL,
	`matter_code` text NOT NULL,
	`material_id` text,
	`status` text NOT NULL,
	`version` integer NOT NULL,
	`serial` text NOT NULL,
	`valid_to` text,
	`record` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `certificates_case` ON `certificates` (`case_number`);--> statement-breakpoint
CREATE INDEX `certificates_applicant` ON `certificates` (`applicant_id`,`status`);--> statement-breakpoint
CREATE INDEX `certificates_serial` ON `certificates` (`tenant_id`,`serial`);--> statement-breakpoint
CREATE TABLE `deliveries` (
	`case_number` text PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`method` text,
	`ready_at` integer NOT NULL,
	`collector_kind` text,
	`collector_name` text,
	`collector_id_masked` text,
	`authorisation_ref` text,
	`carrier` text,
	`tracking_number` text,
	`delivered_at` integer,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `deliveries_status` ON `deliveries` (`status`);--> statement-breakpoint
CREATE TABLE `evaluations` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`hall_id` text NOT NULL,
	`subject_kind` text NOT NULL,
	`case_number` text,
	`ticket_id` text,
	`department_id` text,
	`level` integer NOT NULL,
	`evaluated_on` text NOT NULL,
	`excluded` integer DEFAULT false NOT NULL,
	`record` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `evaluations_hall_day` ON `evaluations` (`hall_id`,`evaluated_on`);--> statement-breakpoint
CREATE TABLE `rectifications` (
	`evaluation_id` text PRIMARY KEY NOT NULL,
	`hall_id` text NOT NULL,
	`department_id` text,
	`status` text NOT NULL,
	`record` text NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `rectifications_hall_status` ON `rectifications` (`hall_id`,`status`);--> statement-breakpoint
ALTER TABLE `cases` ADD `intake_window` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `visits` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `completed_on` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `closed_on` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `decided_on` text;