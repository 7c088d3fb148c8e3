ALTER TABLE `cases` ADD `due_after` text;--> statement-breakpoint
ALTER TABLE `tasks` ADD `due_after` text;