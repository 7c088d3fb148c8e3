CREATE TABLE `catalog_releases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`catalog_id` text NOT NULL,
	`version` text NOT NULL,
	`matter_count` integer NOT NULL,
	`department_count` integer NOT NULL,
	`loaded_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `catalog_releases_catalog_version` ON `catalog_releases` (`catalog_id`,`version`);