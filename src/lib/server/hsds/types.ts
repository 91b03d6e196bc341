/**
 * The parts of Open Referral HSDS 3.0 (https://docs.openreferral.org/en/3.0/) that Kwartier
 * writes. Every id is a UUID; optional fields are left out rather than sent empty.
 */

export type HsdsTaxonomyTerm = {
	id: string;
	code: string;
	name: string;
	description: string;
	taxonomy: string;
	language: string;
};

/** A Kwartier fact: the term is listed at /feeds/hsds/taxonomy_terms (see terms.ts). */
export type HsdsAttribute = {
	id: string;
	taxonomy_term_id: string;
	value: string;
};

export type HsdsSchedule = {
	id: string;
	service_id?: string;
	location_id?: string;
	valid_from?: string;
	valid_to?: string;
	dtstart?: string;
	until?: string;
	count?: number;
	wkst?: 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU';
	freq?: 'WEEKLY' | 'MONTHLY';
	interval?: number;
	byday?: string;
	bymonthday?: string;
	opens_at?: string;
	closes_at?: string;
	description?: string;
	notes?: string;
};

export type HsdsPhone = {
	id: string;
	service_id?: string;
	location_id?: string;
	number: string;
};

export type HsdsLanguage = {
	id: string;
	service_id?: string;
	name: string;
	code: string;
};

export type HsdsAccessibility = {
	id: string;
	location_id: string;
	description: string;
	details: string;
};

export type HsdsAddress = {
	id: string;
	location_id: string;
	address_1: string;
	city: string;
	state_province: string;
	postal_code: string;
	country: string;
	address_type: 'physical';
};

export type HsdsLocation = {
	id: string;
	location_type: 'physical';
	name: string;
	description?: string;
	transportation?: string;
	latitude?: number;
	longitude?: number;
	addresses: HsdsAddress[];
	accessibility: HsdsAccessibility[];
};

export type HsdsServiceAtLocation = {
	id: string;
	service_id: string;
	location_id: string;
	location: HsdsLocation;
};

export type HsdsServiceArea = {
	id: string;
	service_id: string;
	name: string;
	description: string;
	uri: string;
};

export type HsdsCostOption = {
	id: string;
	service_id: string;
	option: string;
	currency?: string;
	amount?: number;
};

export type HsdsOrganization = {
	id: string;
	name: string;
	description: string;
	website?: string;
};

export type HsdsService = {
	id: string;
	organization_id: string;
	name: string;
	description: string;
	url?: string;
	email?: string;
	status: 'active' | 'inactive';
	application_process: string;
	fees_description: string;
	assured_date?: string;
	last_modified?: string;
	organization: HsdsOrganization;
	phones: HsdsPhone[];
	schedules: HsdsSchedule[];
	service_areas: HsdsServiceArea[];
	service_at_locations: HsdsServiceAtLocation[];
	languages: HsdsLanguage[];
	cost_options: HsdsCostOption[];
	attributes: HsdsAttribute[];
};

/** A page of a list, as the HSDS 3.0 API gives one (openapi.json, components/schemas/Page). */
export type HsdsPage<T> = {
	total_items: number;
	total_pages: number;
	page_number: number;
	size: number;
	first_page: boolean;
	last_page: boolean;
	empty: boolean;
	contents: T[];
};
