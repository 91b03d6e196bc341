/**
 * The one row shape every import goes through: the documented CSV columns (docs/import.md).
 * A CSV file is read into these rows directly; an HSDS dataset is converted into the same rows
 * first (src/lib/server/hsds/to-rows.ts). Validation, the dry run and applying live beside this
 * file and only ever see ImportRows.
 *
 * Every value is text; an empty or missing value means "not given".
 */
export const IMPORT_COLUMNS = [
	/** `place` or `gathering`: which kind of record this row describes. */
	'record',
	/**
	 * The record's identifier in the source dataset (required). Stored as `externalId`, so that
	 * importing the same file again updates the record instead of adding it twice.
	 */
	'id',
	/** A PLACE_KINDS value for a place, a GATHERING_KINDS value for a gathering (db/schema.ts). */
	'kind',
	/** The name in Dutch. At least one of name_nl, name_fr, name_en is required. */
	'name_nl',
	/** The name in French. */
	'name_fr',
	/** The name in English. */
	'name_en',
	/** Dutch text: "what to expect" for a place, the description for a gathering. */
	'description_nl',
	/** French text: "what to expect" for a place, the description for a gathering. */
	'description_fr',
	/** English text: "what to expect" for a place, the description for a gathering. */
	'description_en',
	/** A neighbourhood slug, or its name in any language. The neighbourhood must already exist. */
	'neighbourhood',
	/** `public`, `area`, `members` or `hidden`; empty means `public`. */
	'visibility',
	/** A place's street address; for a gathering without a place, the meeting point's name. */
	'address',
	/** Latitude (WGS 84, decimal degrees) of the place or the gathering's meeting point. */
	'lat',
	/** Longitude (WGS 84, decimal degrees) of the place or the gathering's meeting point. */
	'lon',
	/** A place's opening hours in OpenStreetMap `opening_hours` syntax, e.g. `Tu-Fr 10:00-16:00`. */
	'opening_hours',
	/** yes/no (also ja/nee, oui/non, true/false, 1/0): just walk in, without signing up. */
	'walk_in',
	/** yes/no: a place serves coffee. */
	'coffee',
	/** yes/no: at a place you may sit without buying anything. */
	'may_sit_without_buying',
	/** yes/no: a place is wheelchair accessible. */
	'wheelchair',
	/** yes/no: a place has a quiet space. */
	'quiet_space',
	/** yes/no: children are welcome at a place. */
	'children_welcome',
	/** `free`, `pay-what-you-can` or `paid`. */
	'cost',
	/** Language codes spoken, separated by spaces or commas, e.g. `nl fr ar`. */
	'languages',
	/** A place's phone number. */
	'phone',
	/** A place's e-mail address. */
	'email',
	/** A place's website (http or https). */
	'website',
	/**
	 * For a gathering held at a place: the `id` of a place in the same file, or of a place that
	 * was imported before.
	 */
	'place_id',
	/** A gathering's first date and time, `YYYY-MM-DDTHH:mm`, wall time in Europe/Brussels. */
	'starts_at',
	/** How long a gathering lasts, in minutes. */
	'duration_minutes',
	/**
	 * An RFC 5545 RRULE without DTSTART for a repeating gathering, e.g. `FREQ=MONTHLY;BYDAY=1SA`;
	 * empty for a one-off.
	 */
	'rrule',
	/** Who organises a gathering (a group or organisation name). */
	'host',
	/**
	 * The public address (slug) a NEW record gets, e.g. `square-fontainas` for
	 * `/nl/places/square-fontainas`; empty makes one from the name. Small letters a-z, digits and
	 * single dashes between them, 60 characters at most. A slug that is not written like that,
	 * or that two rows ask for, is an error; one that another record in Kwartier already has
	 * gives a slug made from the name, with a notice in the dry run. An update never changes a
	 * slug: links people shared keep working. Kwartier's HSDS export sends it, so export →
	 * import keeps every public address.
	 */
	'slug'
] as const;

export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/**
 * One row to import. `line` is the CSV line number (the header is line 1) or, for HSDS, the
 * 1-based position of the service in the dataset; `source` is a short human label such as
 * "line 7" or "service 3 (Koffiehuis)", used when reporting a problem.
 */
export type ImportRow = { line: number; source: string } & Partial<Record<ImportColumn, string>>;
