import { eq } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { gatherings, places } from '$lib/server/db/schema';
import { currentTime } from '$lib/server/clock';
import { slugify as slugifyTitle } from '$lib/server/gatherings/manage';
import { slugify, slugSource } from '$lib/server/places/slug';
import type { GatheringWrite, ImportPlan, PlaceWrite } from './plan';

export type ApplyResult =
	| { ok: true; created: number; updated: number; skipped: number }
	/** `has-errors`: the plan has rows with errors; `changed-meanwhile`: someone else wrote first. */
	| { ok: false; reason: 'has-errors' | 'changed-meanwhile' };

type Transaction = Parameters<Parameters<typeof db.transaction>[0]>[0];

// The same shape as the column default, so every updatedAt reads alike.
function timestamp(now: Date): string {
	return `${now.toISOString().slice(0, 19)}Z`;
}

/**
 * Slugs nobody has yet, as the editors make them: `buurthuis`, then `buurthuis-2`... Every
 * slug of the table is read once, so a file of thousands of rows does not ask the database
 * thousands of times, and the slugs given earlier in this import count as taken too. The slugs
 * the file asks for (the `slug` column) are kept for their rows first, so a slug made from a
 * name never takes one of them; one that is no longer free means someone wrote meanwhile.
 */
function slugMaker(
	tx: Transaction,
	table: typeof places | typeof gatherings,
	writes: Array<{ targetId: number | null; slug: string | null }>
) {
	const used = new Set(
		tx
			.select({ slug: table.slug })
			.from(table)
			.all()
			.map((row) => row.slug)
	);
	for (const write of writes) {
		if (write.targetId !== null || write.slug === null) continue;
		if (used.has(write.slug)) throw new ChangedMeanwhile();
		used.add(write.slug);
	}
	return (write: { slug: string | null }, base: string) => {
		if (write.slug !== null) return write.slug;
		let slug = base;
		for (let number = 2; used.has(slug); number += 1) slug = `${base}-${number}`;
		used.add(slug);
		return slug;
	};
}

// Rows per INSERT: far below SQLite's limit of bound values, far fewer statements than rows.
const BATCH = 100;

function inBatches<T>(items: T[], write: (batch: T[]) => void) {
	for (let index = 0; index < items.length; index += BATCH) {
		write(items.slice(index, index + BATCH));
	}
}

/** Updates and adds the places; returns the id of each new one by its external id. */
function writePlaces(tx: Transaction, writes: PlaceWrite[], now: string): Map<string, number> {
	const slugFor = slugMaker(tx, places, writes);
	const created = new Map<string, number>();
	for (const write of writes) {
		if (write.targetId === null) continue;
		tx.update(places)
			.set({ ...write.values, updatedAt: now })
			.where(eq(places.id, write.targetId))
			.run();
	}
	const added = writes
		.filter((write) => write.targetId === null)
		.map((write) => ({
			...write.values,
			slug: slugFor(write, slugify(slugSource(write.values.name)) || 'place'),
			externalId: write.externalId,
			createdAt: now,
			updatedAt: now
		}));
	inBatches(added, (batch) => {
		const rows = tx
			.insert(places)
			.values(batch)
			.returning({ id: places.id, externalId: places.externalId })
			.all();
		for (const row of rows) created.set(row.externalId as string, row.id);
	});
	return created;
}

function writeGatherings(
	tx: Transaction,
	writes: GatheringWrite[],
	newPlaces: Map<string, number>,
	now: string
) {
	const slugFor = slugMaker(tx, gatherings, writes);
	const added = [];
	for (const write of writes) {
		const reference = write.place;
		const placeId =
			reference === null
				? null
				: 'id' in reference
					? reference.id
					: (newPlaces.get(reference.externalId) ?? null);
		if (reference !== null && placeId === null) throw new ChangedMeanwhile();
		const values = { ...write.values, placeId };
		if (write.targetId !== null) {
			tx.update(gatherings)
				.set({ ...values, updatedAt: now })
				.where(eq(gatherings.id, write.targetId))
				.run();
			continue;
		}
		added.push({
			...values,
			slug: slugFor(write, slugifyTitle(slugSource(write.values.title)) || 'gathering'),
			externalId: write.externalId,
			createdAt: now,
			updatedAt: now
		});
	}
	inBatches(added, (batch) => tx.insert(gatherings).values(batch).run());
}

/**
 * Writes a plan in one transaction: all of it, or nothing. A plan with errors is refused, so a
 * file is never half imported. When someone imported the same records in the meantime the
 * database refuses the duplicate and nothing is written either; planning again shows why.
 */
export function applyImport(plan: ImportPlan, now: Date = currentTime()): ApplyResult {
	if (plan.counts.error > 0) return { ok: false, reason: 'has-errors' };
	const stamp = timestamp(now);
	const writes = plan.entries.flatMap((entry) => (entry.write ? [entry.write] : []));
	try {
		// better-sqlite3 refuses an async transaction callback, hence run(), all() and get() inside.
		db.transaction((tx) => {
			const newPlaces = writePlaces(
				tx,
				writes.filter((write): write is PlaceWrite => write.record === 'place'),
				stamp
			);
			writeGatherings(
				tx,
				writes.filter((write): write is GatheringWrite => write.record === 'gathering'),
				newPlaces,
				stamp
			);
		});
	} catch (error) {
		if (error instanceof ChangedMeanwhile || isConstraintError(error)) {
			return { ok: false, reason: 'changed-meanwhile' };
		}
		throw error;
	}
	return {
		ok: true,
		created: plan.counts.create,
		updated: plan.counts.update,
		skipped: plan.counts.skip
	};
}

class ChangedMeanwhile extends Error {}

function isConstraintError(error: unknown): boolean {
	const code = (error as { code?: unknown } | null)?.code;
	const cause = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
	return [code, cause].some(
		(value) => typeof value === 'string' && value.startsWith('SQLITE_CONSTRAINT')
	);
}
