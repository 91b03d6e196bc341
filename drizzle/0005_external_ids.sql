ALTER TABLE `gatherings` ADD `external_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `gatherings_external_id_idx` ON `gatherings` (`external_id`);--> statement-breakpoint
ALTER TABLE `places` ADD `external_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `places_external_id_idx` ON `places` (`external_id`);