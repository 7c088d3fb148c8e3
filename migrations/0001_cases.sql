CREATE TABLE `applicant_materials` (
	`id` text PRIMARY KEY NOT NULL,
	`applicant_id` text NOT NULL,
	`material_id` text NOT NULL,
	`name` text NOT NULL,
	`certificate_id` text,
	`valid_until` text,
	`source_case_number` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `applicant_materials_applicant` ON `applicant_materials` (`applicant_id`,`material_id`);--> statement-breakpoint
CREATE TABLE `applicants` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text DEFAULT 'xiaoshan' NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`id_number` text,
	`credit_code` text,
	`representative_id_number` text,
	`phone` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `applicants_tenant_id_number` ON `applicants` (`tenant_id`,`id_number`);--> statement-breakpoint
CREATE UNIQUE INDEX `applicants_tenant_credit_code` ON `applicants` (`tenant_id`,`credit_code`);--> statement-breakpoint
CREATE TABLE `case_counters` (
	`hall_id` text NOT NULL,
	`day` text NOT NULL,
	`last_sequence` integer NOT NULL,
	PRIMARY KEY(`hall_id`, `day`)
);
--> statement-breakpoint
CREATE TABLE `case_events` (
	`case_number` text NOT NULL,
	`seq` integer NOT NULL,
	`type` text NOT NULL,
	`at` integer NOT NULL,
	`actor` text NOT NULL,
	`payload` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL,
	PRIMARY KEY(`case_number`, `seq`)
);
--> statement-breakpoint
CREATE TABLE `case_materials` (
	`case_number` text NOT NULL,
	`material_id` text NOT NULL,
	`name` text NOT NULL,
	`status` text NOT NULL,
	`form` text,
	`originals` integer DEFAULT 0 NOT NULL,
	`copies` integer DEFAULT 0 NOT NULL,
	`valid_until` text,
	`library_item_id` text,
	`certificate_id` text,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`case_number`, `material_id`)
);
--> statement-breakpoint
CREATE TABLE `case_matters` (
	`case_number` text NOT NULL,
	`key` text NOT NULL,
	`matter_code` text NOT NULL,
	`matter_name` text NOT NULL,
	`department_id` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`case_number`, `key`)
);
--> statement-breakpoint
CREATE TABLE `cases` (
	`number` text PRIMARY KEY NOT NULL,
	`tenant_id` text DEFAULT 'xiaoshan' NOT NULL,
	`hall_id` text NOT NULL,
	`bundle_id` text,
	`applicant_id` text NOT NULL,
	`channel` text NOT NULL,
	`status` text NOT NULL,
	`query_code_hash` text NOT NULL,
	`plan` text NOT NULL,
	`accepted_on` text,
	`due_on` text,
	`event_seq` integer DEFAULT 0 NOT NULL,
	`event_head` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `cases_applicant` ON `cases` (`applicant_id`);--> statement-breakpoint
CREATE INDEX `cases_hall_status` ON `cases` (`hall_id`,`status`);--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`scope` text NOT NULL,
	`key_hash` text NOT NULL,
	`request_hash` text NOT NULL,
	`status` integer NOT NULL,
	`reply` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	PRIMARY KEY(`scope`, `key_hash`)
);
--> statement-breakpoint
CREATE TABLE `notices` (
	`id` text PRIMARY KEY NOT NULL,
	`case_number` text NOT NULL,
	`task_id` text,
	`defects` text NOT NULL,
	`reason` text,
	`issued_at` integer NOT NULL,
	`resolved_at` integer
);
--> statement-breakpoint
CREATE INDEX `notices_case` ON `notices` (`case_number`);--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`case_number` text NOT NULL,
	`key` text NOT NULL,
	`matter_code` text NOT NULL,
	`matter_name` text NOT NULL,
	`department_id` text NOT NULL,
	`stage` integer NOT NULL,
	`depends_on` text NOT NULL,
	`status` text NOT NULL,
	`claimed_by` text,
	`clock` text,
	`due_on` text,
	`reason` text,
	`correction_material_ids` text,
	`version` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `tasks_inbox` ON `tasks` (`department_id`,`status`,`due_on`);--> statement-breakpoint
CREATE UNIQUE INDEX `tasks_case_key` ON `tasks` (`case_number`,`key`);