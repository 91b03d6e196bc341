CREATE TABLE `gatherings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`place_id` integer,
	`lat` real,
	`lon` real,
	`point_name` text,
	`neighbourhood_id` integer NOT NULL,
	`starts_at` text NOT NULL,
	`duration_minutes` integer NOT NULL,
	`rrule` text,
	`host` text NOT NULL,
	`walk_in` integer DEFAULT true NOT NULL,
	`cost` text DEFAULT 'free' NOT NULL,
	`languages` text DEFAULT '[]' NOT NULL,
	`visibility` text DEFAULT 'public' NOT NULL,
	`helpers_needed` integer,
	`is_demo` integer DEFAULT false NOT NULL,
	`archived_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')) NOT NULL,
	FOREIGN KEY (`place_id`) REFERENCES `places`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`neighbourhood_id`) REFERENCES `neighbourhoods`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `gatherings_slug_unique` ON `gatherings` (`slug`);--> statement-breakpoint
CREATE INDEX `gatherings_place_idx` ON `gatherings` (`place_id`);--> statement-breakpoint
CREATE INDEX `gatherings_neighbourhood_idx` ON `gatherings` (`neighbourhood_id`);--> statement-breakpoint
CREATE TABLE `neighbourhoods` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`municipality` text NOT NULL,
	`boundary` text,
	`centre_lat` real NOT NULL,
	`centre_lon` real NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `neighbourhoods_slug_unique` ON `neighbourhoods` (`slug`);--> statement-breakpoint
CREATE TABLE `occurrence_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`gathering_id` integer,
	`round_id` integer,
	`original_date` text NOT NULL,
	`status` text NOT NULL,
	`moved_to` text,
	`note` text,
	FOREIGN KEY (`gathering_id`) REFERENCES `gatherings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `occurrence_changes_gathering_idx` ON `occurrence_changes` (`gathering_id`);--> statement-breakpoint
CREATE INDEX `occurrence_changes_round_idx` ON `occurrence_changes` (`round_id`);--> statement-breakpoint
CREATE TABLE `places` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`what_to_expect` text NOT NULL,
	`greeter` text,
	`how_to_get_there` text,
	`address` text,
	`lat` real,
	`lon` real,
	`neighbourhood_id` integer NOT NULL,
	`visibility` text DEFAULT 'public' NOT NULL,
	`opening_hours` text,
	`walk_in` integer DEFAULT true NOT NULL,
	`cost` text DEFAULT 'free' NOT NULL,
	`coffee` integer DEFAULT false NOT NULL,
	`may_sit_without_buying` integer DEFAULT true NOT NULL,
	`wheelchair` integer DEFAULT false NOT NULL,
	`quiet_space` integer DEFAULT false NOT NULL,
	`children_welcome` integer DEFAULT false NOT NULL,
	`languages` text DEFAULT '[]' NOT NULL,
	`phone` text,
	`email` text,
	`website` text,
	`last_checked_on` text,
	`last_checked_by` text,
	`is_demo` integer DEFAULT false NOT NULL,
	`archived_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')) NOT NULL,
	FOREIGN KEY (`neighbourhood_id`) REFERENCES `neighbourhoods`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `places_slug_unique` ON `places` (`slug`);--> statement-breakpoint
CREATE INDEX `places_neighbourhood_idx` ON `places` (`neighbourhood_id`);--> statement-breakpoint
CREATE INDEX `places_visibility_idx` ON `places` (`visibility`);--> statement-breakpoint
CREATE TABLE `round_stops` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`position` integer NOT NULL,
	`street` text NOT NULL,
	`lat` real NOT NULL,
	`lon` real NOT NULL,
	`arrival_time` text NOT NULL,
	`stay_minutes` integer NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `round_stops_position_idx` ON `round_stops` (`round_id`,`position`);--> statement-breakpoint
CREATE TABLE `rounds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`description` text NOT NULL,
	`neighbourhood_id` integer NOT NULL,
	`starts_at` text NOT NULL,
	`rrule` text,
	`partners` text DEFAULT '[]' NOT NULL,
	`visibility` text DEFAULT 'public' NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	`archived_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')) NOT NULL,
	FOREIGN KEY (`neighbourhood_id`) REFERENCES `neighbourhoods`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rounds_slug_unique` ON `rounds` (`slug`);--> statement-breakpoint
CREATE TABLE `suggestions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`type` text NOT NULL,
	`change_type` text,
	`place_id` integer,
	`gathering_id` integer,
	`round_id` integer,
	`name` text,
	`where_text` text,
	`when_text` text,
	`details` text NOT NULL,
	`locale` text NOT NULL,
	`status` text DEFAULT 'new' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')) NOT NULL,
	FOREIGN KEY (`place_id`) REFERENCES `places`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`gathering_id`) REFERENCES `gatherings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE no action
);
