CREATE TABLE `outreach_log_themes` (
	`log_id` integer NOT NULL,
	`theme_id` integer NOT NULL,
	FOREIGN KEY (`log_id`) REFERENCES `outreach_logs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`theme_id`) REFERENCES `outreach_themes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outreach_log_themes_pk` ON `outreach_log_themes` (`log_id`,`theme_id`);--> statement-breakpoint
CREATE TABLE `outreach_logs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer,
	`gathering_id` integer,
	`stop_position` integer,
	`date` text NOT NULL,
	`neighbourhood_id` integer NOT NULL,
	`doors_rung` integer DEFAULT 0 NOT NULL,
	`conversations` integer DEFAULT 0 NOT NULL,
	`came_for_coffee` integer DEFAULT 0 NOT NULL,
	`created_by` integer,
	`is_demo` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')) NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`gathering_id`) REFERENCES `gatherings`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`neighbourhood_id`) REFERENCES `neighbourhoods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `outreach_logs_neighbourhood_idx` ON `outreach_logs` (`neighbourhood_id`,`date`);--> statement-breakpoint
CREATE TABLE `outreach_team` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer,
	`gathering_id` integer,
	`date` text NOT NULL,
	`account_id` integer,
	`partner_name` text,
	`partner_phone` text,
	`added_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')) NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`gathering_id`) REFERENCES `gatherings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`added_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `outreach_team_round_idx` ON `outreach_team` (`round_id`,`date`);--> statement-breakpoint
CREATE INDEX `outreach_team_gathering_idx` ON `outreach_team` (`gathering_id`,`date`);--> statement-breakpoint
CREATE INDEX `outreach_team_account_idx` ON `outreach_team` (`account_id`);--> statement-breakpoint
CREATE TABLE `outreach_themes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`archived_at` text,
	`is_demo` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outreach_themes_slug_unique` ON `outreach_themes` (`slug`);--> statement-breakpoint
CREATE TABLE `round_day_status` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`date` text NOT NULL,
	`state` text NOT NULL,
	`stop_position` integer,
	`delay_minutes` integer DEFAULT 0 NOT NULL,
	`ended_early` integer DEFAULT false NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` integer,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `round_day_status_unique` ON `round_day_status` (`round_id`,`date`);