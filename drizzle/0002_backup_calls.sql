CREATE TABLE `app_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `backup_call_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`call_id` integer NOT NULL,
	`type` text NOT NULL,
	`actor_id` integer,
	`target_id` integer,
	`at` text NOT NULL,
	FOREIGN KEY (`call_id`) REFERENCES `backup_calls`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`target_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `backup_call_events_call_idx` ON `backup_call_events` (`call_id`,`id`);--> statement-breakpoint
CREATE TABLE `backup_calls` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`device_call_id` text NOT NULL,
	`volunteer_id` integer NOT NULL,
	`neighbourhood_id` integer NOT NULL,
	`place_id` integer,
	`rough_lat` real,
	`rough_lon` real,
	`urgency` text NOT NULL,
	`help_kind` text NOT NULL,
	`note` text,
	`status` text DEFAULT 'open' NOT NULL,
	`owner_id` integer,
	`escalation_level` integer DEFAULT 0 NOT NULL,
	`escalate_at` text,
	`closing_note` text,
	`created_at` text NOT NULL,
	`acknowledged_at` text,
	`closed_at` text,
	`note_purged_at` text,
	FOREIGN KEY (`volunteer_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`neighbourhood_id`) REFERENCES `neighbourhoods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`place_id`) REFERENCES `places`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `backup_calls_device_call_id_unique` ON `backup_calls` (`device_call_id`);--> statement-breakpoint
CREATE INDEX `backup_calls_status_idx` ON `backup_calls` (`status`,`escalate_at`);--> statement-breakpoint
CREATE INDEX `backup_calls_volunteer_idx` ON `backup_calls` (`volunteer_id`);--> statement-breakpoint
CREATE TABLE `duty_patterns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`neighbourhood_ids` text NOT NULL,
	`weekday` integer NOT NULL,
	`start_time` text NOT NULL,
	`end_time` text NOT NULL,
	`valid_from` text NOT NULL,
	`valid_until` text,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `duty_patterns_account_idx` ON `duty_patterns` (`account_id`);--> statement-breakpoint
CREATE TABLE `duty_shifts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`neighbourhood_ids` text NOT NULL,
	`starts_at` text NOT NULL,
	`ends_at` text NOT NULL,
	`kind` text DEFAULT 'extra' NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `duty_shifts_time_idx` ON `duty_shifts` (`starts_at`,`ends_at`);--> statement-breakpoint
CREATE TABLE `push_subscriptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer NOT NULL,
	`endpoint` text NOT NULL,
	`p256dh` text NOT NULL,
	`auth` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')) NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `push_subscriptions_endpoint_unique` ON `push_subscriptions` (`endpoint`);--> statement-breakpoint
ALTER TABLE `neighbourhoods` ADD `escalation_minutes` integer DEFAULT 5 NOT NULL;