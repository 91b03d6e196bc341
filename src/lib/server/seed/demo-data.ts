/**
 * The demo data set: a made-up but realistic picture of four Brussels neighbourhoods.
 * Street names, stops and coordinates are real; house numbers, names of places, groups and
 * people are invented. Everything here is inserted with `isDemo: true` (see `./index.ts`).
 * Rows refer to each other by slug; the seeder turns slugs into ids.
 */
import type { Localized } from '$lib/i18n';
import type { Cost, GatheringKind, PlaceKind, Visibility } from '$lib/server/db/schema';

/** A text in all three languages (demo data always has each one). */
export type AllLanguages = Required<Localized>;

export interface DemoNeighbourhood {
	slug: string;
	name: AllLanguages;
	municipality: string;
	/** GeoJSON Polygon, coordinates [lon, lat], closed ring. */
	boundary: { type: 'Polygon'; coordinates: number[][][] };
	centreLat: number;
	centreLon: number;
}

export interface DemoPlace {
	slug: string;
	/** Slug of a neighbourhood in `demoNeighbourhoods`. */
	neighbourhood: string;
	kind: PlaceKind;
	name: AllLanguages;
	whatToExpect: AllLanguages;
	greeter: AllLanguages;
	howToGetThere: AllLanguages;
	address: string;
	lat: number;
	lon: number;
	visibility: Visibility;
	/** OpenStreetMap opening_hours syntax, or null when there are no fixed hours. */
	openingHours: string | null;
	walkIn: boolean;
	cost: Cost;
	coffee: boolean;
	maySitWithoutBuying: boolean;
	wheelchair: boolean;
	quietSpace: boolean;
	childrenWelcome: boolean;
	/** ISO 639 codes. */
	languages: string[];
	phone: string | null;
	email: string | null;
	website: string | null;
	/** `YYYY-MM-DD` */
	lastCheckedOn: string;
	lastCheckedBy: string;
}

export interface DemoPoint {
	lat: number;
	lon: number;
	name: string;
}

export interface DemoGathering {
	slug: string;
	kind: GatheringKind;
	title: AllLanguages;
	description: AllLanguages;
	/** Slug of a neighbourhood in `demoNeighbourhoods`. */
	neighbourhood: string;
	/** Slug of a place in `demoPlaces`, or null when the gathering meets at `point`. */
	place: string | null;
	point: DemoPoint | null;
	/** Local start of the first occurrence, `YYYY-MM-DDTHH:mm` (Europe/Brussels). */
	startsAt: string;
	durationMinutes: number;
	/** RRULE without DTSTART, or null for a one-off. */
	rrule: string | null;
	host: string;
	walkIn: boolean;
	cost: Cost;
	languages: string[];
	visibility: Visibility;
	helpersNeeded: number | null;
}

export interface DemoRoundStop {
	position: number;
	street: string;
	lat: number;
	lon: number;
	/** `HH:mm` */
	arrivalTime: string;
	stayMinutes: number;
}

export interface DemoRound {
	slug: string;
	name: AllLanguages;
	description: AllLanguages;
	neighbourhood: string;
	/** Local date and time the bus leaves for the first stop, `YYYY-MM-DDTHH:mm`. */
	startsAt: string;
	rrule: string | null;
	partners: string[];
	visibility: Visibility;
	stops: DemoRoundStop[];
}

export interface DemoOccurrenceChange {
	/** Slug of a gathering, or null when the change is for a round. */
	gathering: string | null;
	/** Slug of a round, or null when the change is for a gathering. */
	round: string | null;
	/** `YYYY-MM-DD`, a date the recurrence gives. */
	originalDate: string;
	status: 'cancelled' | 'moved';
	/** New local start `YYYY-MM-DDTHH:mm` for a moved date. */
	movedTo: string | null;
	note: AllLanguages | null;
}

// ---------------------------------------------------------------------------------------------
// Neighbourhoods

export const demoNeighbourhoods: DemoNeighbourhood[] = [
	{
		slug: 'anneessens',
		name: { nl: 'Anneessens', fr: 'Anneessens', en: 'Anneessens' },
		municipality: 'Brussel / Bruxelles (demo)',
		boundary: {
			type: 'Polygon',
			coordinates: [
				[
					[4.3375, 50.847],
					[4.3445, 50.849],
					[4.35, 50.847],
					[4.349, 50.843],
					[4.344, 50.841],
					[4.3385, 50.8425],
					[4.3375, 50.847]
				]
			]
		},
		centreLat: 50.8451,
		centreLon: 4.3447
	},
	{
		slug: 'marollen',
		name: { nl: 'Marollen', fr: 'Marolles', en: 'Marollen / Marolles' },
		municipality: 'Brussel / Bruxelles (demo)',
		boundary: {
			type: 'Polygon',
			coordinates: [
				[
					[4.3415, 50.84],
					[4.347, 50.8415],
					[4.352, 50.8395],
					[4.351, 50.835],
					[4.346, 50.8325],
					[4.342, 50.833],
					[4.3405, 50.8365],
					[4.3415, 50.84]
				]
			]
		},
		centreLat: 50.8372,
		centreLon: 4.3462
	},
	{
		slug: 'kuregem',
		name: { nl: 'Kuregem', fr: 'Cureghem', en: 'Kuregem / Cureghem' },
		municipality: 'Anderlecht (demo)',
		boundary: {
			type: 'Polygon',
			coordinates: [
				[
					[4.3215, 50.8455],
					[4.332, 50.8465],
					[4.338, 50.842],
					[4.335, 50.836],
					[4.325, 50.8355],
					[4.32, 50.84],
					[4.3215, 50.8455]
				]
			]
		},
		centreLat: 50.8412,
		centreLon: 4.329
	},
	{
		slug: 'molenbeek-historisch-centrum',
		name: {
			nl: 'Molenbeek Historisch centrum',
			fr: 'Molenbeek Centre historique',
			en: 'Molenbeek historic centre'
		},
		municipality: 'Sint-Jans-Molenbeek / Molenbeek-Saint-Jean (demo)',
		boundary: {
			type: 'Polygon',
			coordinates: [
				[
					[4.329, 50.859],
					[4.339, 50.8595],
					[4.3435, 50.8555],
					[4.341, 50.851],
					[4.332, 50.8505],
					[4.3275, 50.8545],
					[4.329, 50.859]
				]
			]
		},
		centreLat: 50.8549,
		centreLon: 4.3362
	}
];

// ---------------------------------------------------------------------------------------------
// Places

export const demoPlaces: DemoPlace[] = [
	// Anneessens ------------------------------------------------------------------------------
	{
		slug: 'inloophuis-de-zennebel',
		neighbourhood: 'anneessens',
		kind: 'drop-in-house',
		name: {
			nl: 'Inloophuis De Zennebel',
			fr: "Maison d'accueil De Zennebel",
			en: 'De Zennebel drop-in house'
		},
		whatToExpect: {
			nl: 'Je belt aan en iemand doet open. Er is altijd koffie en thee, gratis. Je mag gewoon aan de grote tafel zitten, een krant lezen of een praatje maken. Niemand vraagt wie je bent.',
			fr: "Vous sonnez et quelqu'un vous ouvre. Il y a toujours du café et du thé, gratuits. Vous pouvez simplement vous asseoir à la grande table, lire le journal ou bavarder. Personne ne vous demande qui vous êtes.",
			en: 'You ring the bell and someone opens the door. There is always coffee and tea, for free. You can just sit at the big table, read the paper or have a chat. Nobody asks who you are.'
		},
		greeter: {
			nl: 'Vrijwilligers uit de buurt en Yasmina, de buurtwerker',
			fr: 'Des bénévoles du quartier et Yasmina, la travailleuse de quartier',
			en: 'Volunteers from the neighbourhood and Yasmina, the neighbourhood worker'
		},
		howToGetThere: {
			nl: 'Tram 3 of 4, halte Anneessens. Dan 3 minuten te voet.',
			fr: 'Tram 3 ou 4, arrêt Anneessens. Ensuite 3 minutes à pied.',
			en: 'Tram 3 or 4 to Anneessens. Then a 3-minute walk.'
		},
		address: 'Zennestraat 38 / Rue de la Senne 38, 1000 Brussel',
		lat: 50.8462,
		lon: 4.3438,
		visibility: 'public',
		openingHours: 'Mo-Fr 10:00-16:00; PH off',
		walkIn: true,
		cost: 'free',
		coffee: true,
		maySitWithoutBuying: true,
		wheelchair: true,
		quietSpace: true,
		childrenWelcome: false,
		languages: ['nl', 'fr', 'ar', 'en'],
		phone: '+32 2 511 42 17',
		email: 'hallo@zennebel.example.org',
		website: 'https://zennebel.example.org',
		lastCheckedOn: '2026-11-04',
		lastCheckedBy: 'Yasmina'
	},
	{
		slug: 'buurthuis-anneessens',
		neighbourhood: 'anneessens',
		kind: 'neighbourhood-centre',
		name: {
			nl: 'Buurthuis Anneessens',
			fr: 'Maison de quartier Anneessens',
			en: 'Anneessens neighbourhood centre'
		},
		whatToExpect: {
			nl: 'Een groot buurthuis met een bar, een keuken en een zaal. Aan het onthaal zegt iemand je goeiedag en vertelt wat er die dag te doen is. Koffie kost 50 cent, maar wie niet kan betalen, krijgt ook koffie.',
			fr: "Une grande maison de quartier avec un bar, une cuisine et une salle. À l'accueil, quelqu'un vous dit bonjour et vous explique ce qui se passe ce jour-là. Le café coûte 50 centimes, mais si vous ne pouvez pas payer, vous en recevez aussi.",
			en: 'A big neighbourhood centre with a bar, a kitchen and a hall. At the front desk someone says hello and tells you what is on that day. Coffee costs 50 cents, but if you cannot pay, you still get a coffee.'
		},
		greeter: {
			nl: 'Joris aan het onthaal, en vrijwilligers zoals Fatima en Marc',
			fr: "Joris à l'accueil, et des bénévoles comme Fatima et Marc",
			en: 'Joris at the front desk, and volunteers like Fatima and Marc'
		},
		howToGetThere: {
			nl: 'Tram 3 of 4, halte Anneessens. Het buurthuis ligt aan het plein.',
			fr: 'Tram 3 ou 4, arrêt Anneessens. La maison de quartier est sur la place.',
			en: 'Tram 3 or 4 to Anneessens. The centre is on the square.'
		},
		address: 'Anneessensplein 7 / Place Anneessens 7, 1000 Brussel',
		lat: 50.8449,
		lon: 4.3452,
		visibility: 'public',
		openingHours: 'Mo-Fr 09:00-17:00; Sa 10:00-13:00; PH off',
		walkIn: true,
		cost: 'pay-what-you-can',
		coffee: true,
		maySitWithoutBuying: true,
		wheelchair: true,
		quietSpace: false,
		childrenWelcome: true,
		languages: ['nl', 'fr', 'ar', 'ber', 'es'],
		phone: '+32 2 512 80 33',
		email: 'onthaal@buurthuis-anneessens.example.org',
		website: 'https://buurthuis-anneessens.example.org',
		lastCheckedOn: '2026-10-21',
		lastCheckedBy: 'Joris'
	},
	{
		slug: 'cafe-zes-jettons',
		neighbourhood: 'anneessens',
		kind: 'cafe',
		name: {
			nl: 'Café Zes Jettons',
			fr: 'Café des Six Jetons',
			en: 'Six Jetons café'
		},
		whatToExpect: {
			nl: 'Een gewoon buurtcafé met een paar tafels op de stoep. De baas, Ahmed, kent veel mensen bij naam. Je mag er zitten met een glas water, ook als je niets bestelt.',
			fr: "Un café de quartier tout simple, avec quelques tables sur le trottoir. Le patron, Ahmed, connaît beaucoup de gens par leur prénom. Vous pouvez vous asseoir avec un verre d'eau, même sans commander.",
			en: 'An ordinary local café with a few tables on the pavement. The owner, Ahmed, knows many people by name. You may sit with a glass of water, even if you order nothing.'
		},
		greeter: {
			nl: 'Ahmed, de uitbater',
			fr: 'Ahmed, le patron',
			en: 'Ahmed, who runs the café'
		},
		howToGetThere: {
			nl: 'Tram 3 of 4, halte Anneessens of Lemonnier. 2 minuten te voet.',
			fr: 'Tram 3 ou 4, arrêt Anneessens ou Lemonnier. 2 minutes à pied.',
			en: 'Tram 3 or 4 to Anneessens or Lemonnier. A 2-minute walk.'
		},
		address: 'Zes Jettonsstraat 21 / Rue des Six Jetons 21, 1000 Brussel',
		lat: 50.8456,
		lon: 4.3432,
		visibility: 'public',
		openingHours: 'We-Su 12:00-22:00',
		walkIn: true,
		cost: 'paid',
		coffee: true,
		maySitWithoutBuying: true,
		wheelchair: false,
		quietSpace: false,
		childrenWelcome: true,
		languages: ['fr', 'nl', 'ar', 'tr'],
		phone: '+32 2 513 06 72',
		email: null,
		website: null,
		lastCheckedOn: '2026-05-12',
		lastCheckedBy: 'Yasmina'
	},
	{
		slug: 'bibliotheek-lemonnier',
		neighbourhood: 'anneessens',
		kind: 'library',
		name: {
			nl: 'Bibliotheek Lemonnier',
			fr: 'Bibliothèque Lemonnier',
			en: 'Lemonnier library'
		},
		whatToExpect: {
			nl: 'Je mag binnenkomen zonder lidkaart. Er zijn kranten in veel talen, computers en een stille leeszaal. Lenen is gratis; vraag gerust hulp aan de balie.',
			fr: "Vous pouvez entrer sans carte de membre. Il y a des journaux dans beaucoup de langues, des ordinateurs et une salle de lecture calme. Emprunter est gratuit ; demandez de l'aide au comptoir.",
			en: 'You can come in without a library card. There are newspapers in many languages, computers and a quiet reading room. Borrowing is free; feel free to ask for help at the desk.'
		},
		greeter: {
			nl: 'Lotte en Grégoire aan de balie',
			fr: 'Lotte et Grégoire au comptoir',
			en: 'Lotte and Grégoire at the desk'
		},
		howToGetThere: {
			nl: 'Tram 3 of 4, halte Lemonnier. De ingang is aan de laan.',
			fr: "Tram 3 ou 4, arrêt Lemonnier. L'entrée est sur le boulevard.",
			en: 'Tram 3 or 4 to Lemonnier. The entrance is on the boulevard.'
		},
		address: 'Maurice Lemonnierlaan 112 / Boulevard Maurice Lemonnier 112, 1000 Brussel',
		lat: 50.8436,
		lon: 4.3446,
		visibility: 'public',
		openingHours: 'Tu-Fr 12:00-18:00; Sa 10:00-16:00; PH off',
		walkIn: true,
		cost: 'free',
		coffee: false,
		maySitWithoutBuying: true,
		wheelchair: true,
		quietSpace: true,
		childrenWelcome: true,
		languages: ['nl', 'fr', 'en'],
		phone: '+32 2 514 55 90',
		email: 'bib-lemonnier@example.org',
		website: 'https://bib-lemonnier.example.org',
		lastCheckedOn: '2026-09-30',
		lastCheckedBy: 'Joris'
	},
	{
		slug: 'square-fontainas',
		neighbourhood: 'anneessens',
		kind: 'park',
		name: {
			nl: 'Fontainasplantsoen',
			fr: 'Square Fontainas',
			en: 'Fontainas square garden'
		},
		whatToExpect: {
			nl: 'Een klein groen plein met bomen en banken. Overdag zitten er vaak buren te praten. Er is geen toilet.',
			fr: "Une petite place verte avec des arbres et des bancs. En journée, des voisins s'y assoient souvent pour discuter. Il n'y a pas de toilettes.",
			en: 'A small green square with trees and benches. In the daytime neighbours often sit and talk here. There is no toilet.'
		},
		greeter: {
			nl: 'Niemand in het bijzonder: de buren',
			fr: 'Personne en particulier : les voisins',
			en: 'Nobody in particular: the neighbours'
		},
		howToGetThere: {
			nl: 'Tram 3 of 4, halte Anneessens. Het plantsoen ligt aan de lanen.',
			fr: 'Tram 3 ou 4, arrêt Anneessens. Le square est le long des boulevards.',
			en: 'Tram 3 or 4 to Anneessens. The garden is along the boulevards.'
		},
		address: 'Fontainasplein / Place Fontainas, 1000 Brussel',
		lat: 50.8458,
		lon: 4.3466,
		visibility: 'public',
		openingHours: 'Mo-Su 07:00-22:00',
		walkIn: true,
		cost: 'free',
		coffee: false,
		maySitWithoutBuying: true,
		wheelchair: true,
		quietSpace: false,
		childrenWelcome: true,
		languages: [],
		phone: null,
		email: null,
		website: null,
		lastCheckedOn: '2026-07-08',
		lastCheckedBy: 'Yasmina'
	},
	{
		slug: 'ontmoetingshuis-de-draad',
		neighbourhood: 'anneessens',
		kind: 'meeting-house',
		name: {
			nl: 'Ontmoetingshuis De Draad',
			fr: 'Maison de rencontre Le Fil',
			en: 'De Draad meeting house'
		},
		whatToExpect: {
			nl: 'Een rustig huis waar vrijwilligers samenkomen en nieuwe mensen leren kennen. De eerste keer komt iemand met je mee en drinkt een koffie met je. Je hoeft niets te vertellen wat je niet wilt.',
			fr: "Une maison calme où les bénévoles se retrouvent et font connaissance avec de nouvelles personnes. La première fois, quelqu'un vient avec vous et boit un café avec vous. Vous ne devez rien raconter que vous ne voulez pas.",
			en: 'A calm house where volunteers meet and get to know new people. The first time, someone walks along with you and has a coffee with you. You do not have to tell anything you do not want to.'
		},
		greeter: {
			nl: 'Yasmina, de buurtwerker, en Dorota, vrijwilliger',
			fr: 'Yasmina, la travailleuse de quartier, et Dorota, bénévole',
			en: 'Yasmina, the neighbourhood worker, and Dorota, a volunteer'
		},
		howToGetThere: {
			nl: 'Tram 3 of 4, halte Anneessens. 5 minuten te voet, richting Beurs.',
			fr: 'Tram 3 ou 4, arrêt Anneessens. 5 minutes à pied, vers la Bourse.',
			en: 'Tram 3 or 4 to Anneessens. A 5-minute walk towards the Bourse.'
		},
		address: 'Van Arteveldestraat 60 / Rue Van Artevelde 60, 1000 Brussel',
		lat: 50.8474,
		lon: 4.3455,
		visibility: 'members',
		openingHours: 'Tu,Th 13:30-17:00; Sa 10:00-13:00; PH off',
		walkIn: false,
		cost: 'free',
		coffee: true,
		maySitWithoutBuying: true,
		wheelchair: false,
		quietSpace: true,
		childrenWelcome: false,
		languages: ['nl', 'fr', 'pl', 'en'],
		phone: '+32 2 511 09 48',
		email: 'dedraad@example.org',
		website: null,
		lastCheckedOn: '2026-11-12',
		lastCheckedBy: 'Yasmina'
	},
	{
		slug: 'zaal-boven-de-bakkerij',
		neighbourhood: 'anneessens',
		kind: 'other',
		name: {
			nl: 'Zaal boven de bakkerij',
			fr: 'Salle au-dessus de la boulangerie',
			en: 'Room above the bakery'
		},
		whatToExpect: {
			nl: 'Een kleine zaal die de bakker van de buurt uitleent voor overleg. Er is water en koffie. Alleen op afspraak.',
			fr: "Une petite salle que le boulanger du quartier prête pour des réunions. Il y a de l'eau et du café. Seulement sur rendez-vous.",
			en: 'A small room the local baker lends out for meetings. There is water and coffee. Only by arrangement.'
		},
		greeter: {
			nl: 'Joris opent de deur',
			fr: 'Joris ouvre la porte',
			en: 'Joris opens the door'
		},
		howToGetThere: {
			nl: 'Tram 3 of 4, halte Anneessens. De deur naast de bakkerij, eerste verdieping.',
			fr: 'Tram 3 ou 4, arrêt Anneessens. La porte à côté de la boulangerie, premier étage.',
			en: 'Tram 3 or 4 to Anneessens. The door next to the bakery, first floor.'
		},
		address: "Anderlechtsesteenweg 95 / Rue d'Anderlecht 95, 1000 Brussel",
		lat: 50.8465,
		lon: 4.3408,
		visibility: 'hidden',
		openingHours: null,
		walkIn: false,
		cost: 'free',
		coffee: true,
		maySitWithoutBuying: true,
		wheelchair: false,
		quietSpace: true,
		childrenWelcome: false,
		languages: ['nl', 'fr'],
		phone: null,
		email: null,
		website: null,
		lastCheckedOn: '2026-03-17',
		lastCheckedBy: 'Joris'
	},

	// Marollen --------------------------------------------------------------------------------
	{
		slug: 'aanloophuis-bij-de-vossen',
		neighbourhood: 'marollen',
		kind: 'drop-in-house',
		name: {
			nl: 'Aanloophuis Bij de Vossen',
			fr: "Lieu d'accueil Chez les Renards",
			en: 'Bij de Vossen drop-in house'
		},
		whatToExpect: {
			nl: 'Een warme plek om de dag te beginnen. Er is koffie, brood en soms soep, alles gratis. Je kan er ook een douche nemen of je kleren wassen; vraag het gewoon.',
			fr: 'Un endroit chaleureux pour commencer la journée. Il y a du café, du pain et parfois de la soupe, tout est gratuit. Vous pouvez aussi prendre une douche ou laver vos vêtements ; demandez simplement.',
			en: 'A warm place to start the day. There is coffee, bread and sometimes soup, all free. You can also take a shower or wash your clothes; just ask.'
		},
		greeter: {
			nl: 'Els en Mamadou, samen met vrijwilligers die de buurt goed kennen',
			fr: 'Els et Mamadou, avec des bénévoles qui connaissent bien le quartier',
			en: 'Els and Mamadou, together with volunteers who know the area well'
		},
		howToGetThere: {
			nl: 'Bus 27 of 48, halte Vossenplein. Metro Hallepoort is 8 minuten te voet.',
			fr: 'Bus 27 ou 48, arrêt Jeu de Balle. Le métro Porte de Hal est à 8 minutes à pied.',
			en: 'Bus 27 or 48 to Jeu de Balle. Porte de Hal metro is an 8-minute walk.'
		},
		address: 'Blaesstraat 143 / Rue Blaes 143, 1000 Brussel',
		lat: 50.8376,
		lon: 4.3454,
		visibility: 'area',
		openingHours: 'Mo-Fr 08:30-13:00; PH off',
		walkIn: true,
		cost: 'free',
		coffee: true,
		maySitWithoutBuying: true,
		wheelchair: true,
		quietSpace: false,
		childrenWelcome: false,
		languages: ['fr', 'nl', 'es', 'ro', 'pl'],
		phone: '+32 2 502 61 25',
		email: 'vossen@example.org',
		website: null,
		lastCheckedOn: '2026-10-02',
		lastCheckedBy: 'Els'
	},
	{
		slug: 'buurthuis-de-marolle',
		neighbourhood: 'marollen',
		kind: 'neighbourhood-centre',
		name: {
			nl: 'Buurthuis De Marolle',
			fr: 'Maison de quartier des Marolles',
			en: 'De Marolle neighbourhood centre'
		},
		whatToExpect: {
			nl: 'Hier komt de hele buurt: jong en oud, mensen van de markt, families. Er is koffie en thee aan de toog, en je mag gewoon blijven zitten. Eén keer per maand is het groot open huis.',
			fr: "Tout le quartier passe ici : jeunes et moins jeunes, gens du marché, familles. Il y a du café et du thé au comptoir, et vous pouvez simplement rester assis. Une fois par mois, c'est la grande maison ouverte.",
			en: 'The whole neighbourhood comes here: young and old, people from the market, families. There is coffee and tea at the counter, and you can just stay and sit. Once a month there is a big open house.'
		},
		greeter: {
			nl: 'Karim, de buurtwerker, en de vrijwilligers van het onthaal',
			fr: "Karim, le travailleur de quartier, et les bénévoles de l'accueil",
			en: 'Karim, the neighbourhood worker, and the volunteers at the front desk'
		},
		howToGetThere: {
			nl: 'Metro of tram, halte Hallepoort. Dan 6 minuten te voet door de Hoogstraat. Bus 27 stopt vlakbij.',
			fr: "Métro ou tram, arrêt Porte de Hal. Ensuite 6 minutes à pied par la rue Haute. Le bus 27 s'arrête tout près.",
			en: 'Metro or tram to Porte de Hal. Then a 6-minute walk up Rue Haute. Bus 27 stops close by.'
		},
		address: 'Hoogstraat 210 / Rue Haute 210, 1000 Brussel',
		lat: 50.8372,
		lon: 4.3478,
		visibility: 'public',
		openingHours: 'Mo-Fr 09:00-16:00; Sa[1] 14:00-18:00; PH off',
		walkIn: true,
		cost: 'free',
		coffee: true,
		maySitWithoutBuying: true,
		wheelchair: true,
		quietSpace: false,
		childrenWelcome: true,
		languages: ['nl', 'fr', 'tr', 'ar', 'ro'],
		phone: '+32 2 503 12 84',
		email: 'info@demarolle.example.org',
		website: 'https://demarolle.example.org',
		lastCheckedOn: '2026-11-09',
		lastCheckedBy: 'Karim'
	},
	{
		slug: 'dienstencentrum-hallepoort',
		neighbourhood: 'marollen',
		kind: 'service-centre',
		name: {
			nl: 'Dienstencentrum Hallepoort',
			fr: 'Centre de services Porte de Hal',
			en: 'Porte de Hal local service centre'
		},
		whatToExpect: {
			nl: 'Een dienstencentrum met een restaurant, een kapsalon en activiteiten. Het middagmaal kost wat je kan betalen. Je mag ook gewoon binnenkomen voor een kop koffie en de krant.',
			fr: 'Un centre de services avec un restaurant, un salon de coiffure et des activités. Le repas de midi est à prix libre. Vous pouvez aussi simplement entrer pour une tasse de café et le journal.',
			en: 'A local service centre with a restaurant, a hairdresser and activities. Lunch is pay what you can. You can also just come in for a cup of coffee and the paper.'
		},
		greeter: {
			nl: 'Ilse aan het onthaal en de vrijwilligers van het restaurant',
			fr: "Ilse à l'accueil et les bénévoles du restaurant",
			en: 'Ilse at the front desk and the restaurant volunteers'
		},
		howToGetThere: {
			nl: 'Metro 2 of 6, of tram 3, 4 of 51, halte Hallepoort. 3 minuten te voet.',
			fr: 'Métro 2 ou 6, ou tram 3, 4 ou 51, arrêt Porte de Hal. 3 minutes à pied.',
			en: 'Metro 2 or 6, or tram 3, 4 or 51, to Porte de Hal. A 3-minute walk.'
		},
		address: 'Hoogstraat 298 / Rue Haute 298, 1000 Brussel',
		lat: 50.835,
		lon: 4.3455,
		visibility: 'public',
		openingHours: 'Mo-Fr 09:00-12:00,13:00-17:00; PH off',
		walkIn: true,
		cost: 'pay-what-you-can',
		coffee: true,
		maySitWithoutBuying: true,
		wheelchair: true,
		quietSpace: true,
		childrenWelcome: false,
		languages: ['nl', 'fr', 'it', 'es'],
		phone: '+32 2 537 44 10',
		email: 'hallepoort@example.org',
		website: 'https://dc-hallepoort.example.org',
		lastCheckedOn: '2026-08-14',
		lastCheckedBy: 'Els'
	},
	{
		slug: 'koffiehuis-vossenplein',
		neighbourhood: 'marollen',
		kind: 'cafe',
		name: {
			nl: 'Koffiehuis Vossenplein',
			fr: 'Café du Jeu de Balle',
			en: 'Jeu de Balle coffee house'
		},
		whatToExpect: {
			nl: 'Een druk café aan de vlooienmarkt, vooral in de ochtend. Je bestelt aan de toog. In het weekend is het vol; door de week is het rustiger.',
			fr: "Un café animé au bord du marché aux puces, surtout le matin. Vous commandez au comptoir. Le week-end, c'est plein ; en semaine, c'est plus calme.",
			en: 'A busy café by the flea market, especially in the morning. You order at the counter. At weekends it is full; on weekdays it is quieter.'
		},
		greeter: {
			nl: 'Sofia en haar team achter de toog',
			fr: 'Sofia et son équipe derrière le comptoir',
			en: 'Sofia and her team behind the counter'
		},
		howToGetThere: {
			nl: 'Bus 27 of 48, halte Vossenplein. Het café ligt aan het plein.',
			fr: 'Bus 27 ou 48, arrêt Jeu de Balle. Le café est sur la place.',
			en: 'Bus 27 or 48 to Jeu de Balle. The café is on the square.'
		},
		address: 'Vossenplein 12 / Place du Jeu de Balle 12, 1000 Brussel',
		lat: 50.8381,
		lon: 4.3462,
		visibility: 'public',
		openingHours: 'Mo-Su 07:00-15:00',
		walkIn: true,
		cost: 'paid',
		coffee: true,
		maySitWithoutBuying: false,
		wheelchair: true,
		quietSpace: false,
		childrenWelcome: true,
		languages: ['fr', 'nl', 'pt', 'en'],
		phone: '+32 2 512 77 03',
		email: null,
		website: 'https://koffiehuis-vossenplein.example.org',
		lastCheckedOn: '2026-02-26',
		lastCheckedBy: 'Karim'
	},
	{
		slug: 'hallepoortpark',
		neighbourhood: 'marollen',
		kind: 'park',
		name: {
			nl: 'Hallepoortpark',
			fr: 'Parc de la Porte de Hal',
			en: 'Porte de Hal park'
		},
		whatToExpect: {
			nl: 'Een park rond de oude stadspoort, met een speeltuin en veel banken. In de zomer is er een klein terras. Je mag er gewoon zitten, zo lang je wilt.',
			fr: "Un parc autour de l'ancienne porte de la ville, avec une plaine de jeux et beaucoup de bancs. En été, il y a une petite terrasse. Vous pouvez vous y asseoir aussi longtemps que vous voulez.",
			en: 'A park around the old city gate, with a playground and lots of benches. In summer there is a small terrace. You can sit here for as long as you like.'
		},
		greeter: {
			nl: 'De parkwachters en de buren',
			fr: 'Les gardiens du parc et les voisins',
			en: 'The park keepers and the neighbours'
		},
		howToGetThere: {
			nl: 'Metro 2 of 6, of tram 3, 4 of 51, halte Hallepoort.',
			fr: 'Métro 2 ou 6, ou tram 3, 4 ou 51, arrêt Porte de Hal.',
			en: 'Metro 2 or 6, or tram 3, 4 or 51, to Porte de Hal.'
		},
		address: 'Zuidlaan / Boulevard du Midi, 1000 Brussel',
		lat: 50.8336,
		lon: 4.3452,
		visibility: 'public',
		openingHours: 'Mo-Su 07:00-21:00',
		walkIn: true,
		cost: 'free',
		coffee: false,
		maySitWithoutBuying: true,
		wheelchair: true,
		quietSpace: false,
		childrenWelcome: true,
		languages: [],
		phone: null,
		email: null,
		website: null,
		lastCheckedOn: '2026-06-19',
		lastCheckedBy: 'Els'
	},
	{
		slug: 'ontmoetingshuis-de-voorzorg',
		neighbourhood: 'marollen',
		kind: 'meeting-house',
		name: {
			nl: 'Ontmoetingshuis De Voorzorg',
			fr: 'Maison de rencontre La Prévoyance',
			en: 'De Voorzorg meeting house'
		},
		whatToExpect: {
			nl: 'Een huiskamer in een gewoon rijhuis. Je kan er lezen, naaien, een spel spelen of gewoon even uitrusten. De koffie is gratis; een koekje meebrengen mag, maar hoeft niet.',
			fr: "Un salon dans une maison ordinaire. Vous pouvez y lire, coudre, jouer à un jeu ou simplement vous reposer. Le café est gratuit ; apporter un biscuit, c'est possible, mais pas obligatoire.",
			en: 'A living room in an ordinary terraced house. You can read, sew, play a game or just rest for a while. Coffee is free; bringing a biscuit is fine, but not needed.'
		},
		greeter: {
			nl: 'Ayşe en Paul, twee buren die het huis openhouden',
			fr: 'Ayşe et Paul, deux voisins qui tiennent la maison ouverte',
			en: 'Ayşe and Paul, two neighbours who keep the house open'
		},
		howToGetThere: {
			nl: 'Bus 27 of 48, halte Vossenplein. 4 minuten te voet.',
			fr: 'Bus 27 ou 48, arrêt Jeu de Balle. 4 minutes à pied.',
			en: 'Bus 27 or 48 to Jeu de Balle. A 4-minute walk.'
		},
		address: 'Voorzorgsstraat 25 / Rue de la Prévoyance 25, 1000 Brussel',
		lat: 50.839,
		lon: 4.3446,
		visibility: 'area',
		openingHours: 'We-Fr 12:00-18:00',
		walkIn: true,
		cost: 'free',
		coffee: true,
		maySitWithoutBuying: true,
		wheelchair: false,
		quietSpace: true,
		childrenWelcome: true,
		languages: ['nl', 'fr', 'tr'],
		phone: '+32 2 511 93 61',
		email: null,
		website: null,
		lastCheckedOn: '2026-04-08',
		lastCheckedBy: 'Karim'
	},
	{
		slug: 'huiskamer-radijs',
		neighbourhood: 'marollen',
		kind: 'other',
		name: {
			nl: 'Huiskamer Radijs',
			fr: 'Salon Radis',
			en: 'Radijs living room'
		},
		whatToExpect: {
			nl: 'Eén keer per maand komen de vrijwilligers van de Marollen hier samen om te vertellen hoe het gaat. Er is soep en brood. Nieuwe vrijwilligers komen de eerste keer samen met Karim.',
			fr: 'Une fois par mois, les bénévoles des Marolles se retrouvent ici pour raconter comment ça va. Il y a de la soupe et du pain. Les nouveaux bénévoles viennent la première fois avec Karim.',
			en: 'Once a month the Marollen volunteers meet here to share how things are going. There is soup and bread. New volunteers come along with Karim the first time.'
		},
		greeter: {
			nl: 'Karim en Els',
			fr: 'Karim et Els',
			en: 'Karim and Els'
		},
		howToGetThere: {
			nl: 'Metro Hallepoort, dan 7 minuten te voet. Bel aan bij “Radijs”.',
			fr: 'Métro Porte de Hal, puis 7 minutes à pied. Sonnez à « Radijs ».',
			en: 'Porte de Hal metro, then a 7-minute walk. Ring the bell marked “Radijs”.'
		},
		address: 'Radijsstraat 9 / Rue des Radis 9, 1000 Brussel',
		lat: 50.8367,
		lon: 4.3438,
		visibility: 'members',
		openingHours: 'Tu[2] 10:00-12:00',
		walkIn: false,
		cost: 'free',
		coffee: true,
		maySitWithoutBuying: true,
		wheelchair: false,
		quietSpace: true,
		childrenWelcome: false,
		languages: ['nl', 'fr'],
		phone: null,
		email: 'radijs@example.org',
		website: null,
		lastCheckedOn: '2026-11-10',
		lastCheckedBy: 'Karim'
	},

	// Kuregem ---------------------------------------------------------------------------------
	{
		slug: 'inloophuis-de-brug',
		neighbourhood: 'kuregem',
		kind: 'drop-in-house',
		name: {
			nl: 'Inloophuis De Brug',
			fr: "Maison d'accueil Le Pont",
			en: 'De Brug drop-in house'
		},
		whatToExpect: {
			nl: 'Je stapt binnen en iemand biedt je koffie of thee aan. Op donderdagochtend is er ontbijt voor iedereen die er een nodig heeft. Je mag blijven zitten zo lang je wilt, ook zonder te praten.',
			fr: "Vous entrez et quelqu'un vous propose un café ou un thé. Le jeudi matin, il y a un petit-déjeuner pour toute personne qui en a besoin. Vous pouvez rester assis aussi longtemps que vous voulez, même sans parler.",
			en: 'You walk in and someone offers you coffee or tea. On Thursday mornings there is breakfast for anyone who needs one. You can stay as long as you like, even without talking.'
		},
		greeter: {
			nl: 'Vrijwilligers uit de buurt en Sara, de buurtwerker',
			fr: 'Des bénévoles du quartier et Sara, la travailleuse de quartier',
			en: 'Volunteers of the neighbourhood and Sara, the neighbourhood worker'
		},
		howToGetThere: {
			nl: 'Metro 2 of 6, halte Clemenceau. Dan 4 minuten te voet. Station Brussel-Zuid is 10 minuten te voet.',
			fr: 'Métro 2 ou 6, arrêt Clemenceau. Ensuite 4 minutes à pied. La gare du Midi est à 10 minutes à pied.',
			en: 'Metro 2 or 6 to Clemenceau. Then a 4-minute walk. Brussels-Midi station is a 10-minute walk.'
		},
		address: 'Brogniezstraat 54 / Rue Brogniez 54, 1070 Anderlecht',
		lat: 50.8418,
		lon: 4.3315,
		visibility: 'public',
		openingHours: 'Mo-Fr 09:00-16:00; PH off',
		walkIn: true,
		cost: 'free',
		coffee: true,
		maySitWithoutBuying: true,
		wheelchair: true,
		quietSpace: true,
		childrenWelcome: false,
		languages: ['nl', 'fr', 'ar', 'ro', 'es', 'bg'],
		phone: '+32 2 520 36 58',
		email: 'debrug@example.org',
		website: 'https://debrug.example.org',
		lastCheckedOn: '2026-11-16',
		lastCheckedBy: 'Sara'
	},
	{
		slug: 'buurtcentrum-lemmens',
		neighbourhood: 'kuregem',
		kind: 'neighbourhood-centre',
		name: {
			nl: 'Buurtcentrum Lemmens',
			fr: 'Maison de quartier Lemmens',
			en: 'Lemmens neighbourhood centre'
		},
		whatToExpect: {
			nl: 'Een open buurtcentrum aan het plein, met huiswerkklas, een kookatelier en een zithoek. Elke woensdagmiddag kan je zonder afspraak bij Sara terecht met een vraag. De koffie staat klaar.',
			fr: 'Une maison de quartier ouverte sur la place, avec école de devoirs, atelier cuisine et un coin salon. Chaque mercredi après-midi, vous pouvez venir voir Sara sans rendez-vous avec une question. Le café est prêt.',
			en: 'An open neighbourhood centre on the square, with homework club, a cooking workshop and a sitting area. Every Wednesday afternoon you can see Sara without an appointment with any question. The coffee is ready.'
		},
		greeter: {
			nl: 'Sara en Mehmet, buurtwerkers, en vrijwilligers zoals Ioana',
			fr: 'Sara et Mehmet, travailleurs de quartier, et des bénévoles comme Ioana',
			en: 'Sara and Mehmet, neighbourhood workers, and volunteers like Ioana'
		},
		howToGetThere: {
			nl: 'Metro 2 of 6, halte Clemenceau. Dan 5 minuten te voet naar het Lemmensplein.',
			fr: "Métro 2 ou 6, arrêt Clemenceau. Ensuite 5 minutes à pied jusqu'à la place Lemmens.",
			en: 'Metro 2 or 6 to Clemenceau. Then a 5-minute walk to Place Lemmens.'
		},
		address: 'Lemmensplein 3 / Place Lemmens 3, 1070 Anderlecht',
		lat: 50.8422,
		lon: 4.3262,
		visibility: 'public',
		openingHours: 'Mo-Fr 10:00-18:00; PH off',
		walkIn: true,
		cost: 'free',
		coffee: true,
		maySitWithoutBuying: true,
		wheelchair: true,
		quietSpace: false,
		childrenWelcome: true,
		languages: ['nl', 'fr', 'ar', 'ber', 'tr', 'ro'],
		phone: '+32 2 521 14 07',
		email: 'lemmens@example.org',
		website: 'https://lemmens.example.org',
		lastCheckedOn: '2026-10-13',
		lastCheckedBy: 'Mehmet'
	},
	{
		slug: 'dienstencentrum-clemenceau',
		neighbourhood: 'kuregem',
		kind: 'service-centre',
		name: {
			nl: 'Lokaal dienstencentrum Clemenceau',
			fr: 'Centre de services Clemenceau',
			en: 'Clemenceau local service centre'
		},
		whatToExpect: {
			nl: 'Een dienstencentrum voor iedereen uit de buurt. Er is een cafetaria met goedkope koffie en een warme maaltijd om 12 uur. Op dinsdag wordt er gekaart; kijken mag ook.',
			fr: 'Un centre de services pour tout le quartier. Il y a une cafétéria avec du café bon marché et un repas chaud à midi. Le mardi, on joue aux cartes ; vous pouvez aussi juste regarder.',
			en: 'A local service centre for everyone in the area. There is a cafeteria with cheap coffee and a hot meal at noon. On Tuesdays people play cards; watching is fine too.'
		},
		greeter: {
			nl: 'Nadia aan het onthaal',
			fr: "Nadia à l'accueil",
			en: 'Nadia at the front desk'
		},
		howToGetThere: {
			nl: 'Metro 2 of 6, halte Clemenceau. De ingang is 1 minuut van de metro.',
			fr: "Métro 2 ou 6, arrêt Clemenceau. L'entrée est à 1 minute du métro.",
			en: 'Metro 2 or 6 to Clemenceau. The entrance is a minute from the metro.'
		},
		address: 'Clemenceaulaan 88 / Avenue Clemenceau 88, 1070 Anderlecht',
		lat: 50.8405,
		lon: 4.329,
		visibility: 'public',
		openingHours: 'Mo-Fr 08:30-16:30; PH off',
		walkIn: true,
		cost: 'pay-what-you-can',
		coffee: true,
		maySitWithoutBuying: true,
		wheelchair: true,
		quietSpace: false,
		childrenWelcome: false,
		languages: ['nl', 'fr', 'es', 'it'],
		phone: '+32 2 522 70 19',
		email: 'clemenceau@example.org',
		website: null,
		lastCheckedOn: '2026-07-22',
		lastCheckedBy: 'Mehmet'
	},
	{
		slug: 'dauwpark',
		neighbourhood: 'kuregem',
		kind: 'park',
		name: {
			nl: 'Dauwpark',
			fr: 'Parc de la Rosée',
			en: 'Dauwpark (Parc de la Rosée)'
		},
		whatToExpect: {
			nl: 'Een nieuw park tussen de huizen, met grasvelden, een speelplein en een moestuin. Er zijn veel banken in de zon. Het park is open van zonsopgang tot zonsondergang.',
			fr: 'Un nouveau parc entre les maisons, avec des pelouses, une plaine de jeux et un potager. Il y a beaucoup de bancs au soleil. Le parc est ouvert du lever au coucher du soleil.',
			en: 'A new park between the houses, with lawns, a playground and a vegetable garden. There are lots of benches in the sun. The park is open from sunrise to sunset.'
		},
		greeter: {
			nl: 'De buren en soms de tuiniers van de moestuin',
			fr: 'Les voisins et parfois les jardiniers du potager',
			en: 'The neighbours and sometimes the gardeners'
		},
		howToGetThere: {
			nl: 'Metro 2 of 6, halte Clemenceau. Dan 6 minuten te voet via de Dauwstraat.',
			fr: 'Métro 2 ou 6, arrêt Clemenceau. Ensuite 6 minutes à pied par la rue de la Rosée.',
			en: 'Metro 2 or 6 to Clemenceau. Then a 6-minute walk via Rue de la Rosée.'
		},
		address: 'Dauwstraat / Rue de la Rosée, 1070 Anderlecht',
		lat: 50.8441,
		lon: 4.3283,
		visibility: 'public',
		openingHours: 'sunrise-sunset',
		walkIn: true,
		cost: 'free',
		coffee: false,
		maySitWithoutBuying: true,
		wheelchair: true,
		quietSpace: false,
		childrenWelcome: true,
		languages: [],
		phone: null,
		email: null,
		website: null,
		lastCheckedOn: '2026-05-27',
		lastCheckedBy: 'Sara'
	},
	{
		slug: 'bibliotheek-kuregem',
		neighbourhood: 'kuregem',
		kind: 'library',
		name: {
			nl: 'Bibliotheek Kuregem',
			fr: 'Bibliothèque de Cureghem',
			en: 'Kuregem library'
		},
		whatToExpect: {
			nl: 'Een kleine bibliotheek met boeken in het Nederlands, Frans, Arabisch en Turks. Je mag er zitten, lezen of de computer gebruiken zonder lid te zijn. Er is een rustige hoek achteraan.',
			fr: "Une petite bibliothèque avec des livres en néerlandais, français, arabe et turc. Vous pouvez vous asseoir, lire ou utiliser l'ordinateur sans être membre. Il y a un coin calme au fond.",
			en: 'A small library with books in Dutch, French, Arabic and Turkish. You can sit, read or use a computer without being a member. There is a quiet corner at the back.'
		},
		greeter: {
			nl: 'Hanane en Bram aan de balie',
			fr: 'Hanane et Bram au comptoir',
			en: 'Hanane and Bram at the desk'
		},
		howToGetThere: {
			nl: 'Metro 2 of 6, halte Clemenceau. 6 minuten te voet.',
			fr: 'Métro 2 ou 6, arrêt Clemenceau. 6 minutes à pied.',
			en: 'Metro 2 or 6 to Clemenceau. A 6-minute walk.'
		},
		address: 'Kliniekstraat 40 / Rue de la Clinique 40, 1070 Anderlecht',
		lat: 50.8385,
		lon: 4.3266,
		visibility: 'public',
		openingHours: 'Tu,Th 14:00-19:00; We 10:00-18:00; Sa 10:00-14:00; PH off',
		walkIn: true,
		cost: 'free',
		coffee: false,
		maySitWithoutBuying: true,
		wheelchair: true,
		quietSpace: true,
		childrenWelcome: true,
		languages: ['nl', 'fr', 'ar', 'tr'],
		phone: '+32 2 523 48 66',
		email: 'bib-kuregem@example.org',
		website: 'https://bib-kuregem.example.org',
		lastCheckedOn: '2026-09-02',
		lastCheckedBy: 'Sara'
	},
	{
		slug: 'koffiehuis-heyvaert',
		neighbourhood: 'kuregem',
		kind: 'cafe',
		name: {
			nl: 'Koffiehuis Heyvaert',
			fr: 'Café Heyvaert',
			en: 'Heyvaert coffee house'
		},
		whatToExpect: {
			nl: 'Een klein koffiehuis waar vooral buren komen. Een thee kost 1 euro. Er hangt een bord met “uitgestelde koffie”: iemand heeft al betaald, dus vraag er gerust een.',
			fr: "Un petit café fréquenté surtout par des voisins. Un thé coûte 1 euro. Il y a un tableau de « cafés suspendus » : quelqu'un a déjà payé, alors n'hésitez pas à en demander un.",
			en: 'A small coffee house where mostly neighbours come. A tea costs 1 euro. There is a board with “suspended coffees”: someone has already paid, so feel free to ask for one.'
		},
		greeter: {
			nl: 'Youssef en zijn broer Hamza',
			fr: 'Youssef et son frère Hamza',
			en: 'Youssef and his brother Hamza'
		},
		howToGetThere: {
			nl: 'Metro 2 of 6, halte Clemenceau. 7 minuten te voet.',
			fr: 'Métro 2 ou 6, arrêt Clemenceau. 7 minutes à pied.',
			en: 'Metro 2 or 6 to Clemenceau. A 7-minute walk.'
		},
		address: 'Heyvaertstraat 77 / Rue Heyvaert 77, 1070 Anderlecht',
		lat: 50.8449,
		lon: 4.3309,
		visibility: 'public',
		openingHours: 'Mo-Sa 07:30-19:00',
		walkIn: true,
		cost: 'paid',
		coffee: true,
		maySitWithoutBuying: true,
		wheelchair: false,
		quietSpace: false,
		childrenWelcome: true,
		languages: ['fr', 'ar', 'ber', 'nl'],
		phone: '+32 2 410 25 31',
		email: null,
		website: null,
		lastCheckedOn: '2026-01-20',
		lastCheckedBy: 'Mehmet'
	},
	{
		slug: 'ontmoetingshuis-eloy',
		neighbourhood: 'kuregem',
		kind: 'meeting-house',
		name: {
			nl: 'Ontmoetingshuis Eloy',
			fr: 'Maison de rencontre Eloy',
			en: 'Eloy meeting house'
		},
		whatToExpect: {
			nl: 'Een klein huis met een tuin achteraan, waar buren samen koken, praten en spelletjes spelen. De eerste keer kan iemand je aan de metro komen halen. Er is een kamer waar het stil is.',
			fr: "Une petite maison avec un jardin à l'arrière, où des voisins cuisinent, parlent et jouent ensemble. La première fois, quelqu'un peut venir vous chercher au métro. Il y a une pièce où c'est calme.",
			en: 'A small house with a garden at the back, where neighbours cook, talk and play games together. The first time, someone can pick you up at the metro. There is a room where it is quiet.'
		},
		greeter: {
			nl: 'Mehmet, de buurtwerker, en vrijwilliger Ana',
			fr: 'Mehmet, le travailleur de quartier, et Ana, bénévole',
			en: 'Mehmet, the neighbourhood worker, and Ana, a volunteer'
		},
		howToGetThere: {
			nl: 'Metro 2 of 6, halte Clemenceau. 8 minuten te voet. Bel Mehmet als je wilt dat iemand je komt halen.',
			fr: "Métro 2 ou 6, arrêt Clemenceau. 8 minutes à pied. Appelez Mehmet si vous voulez que quelqu'un vienne vous chercher.",
			en: 'Metro 2 or 6 to Clemenceau. An 8-minute walk. Call Mehmet if you would like someone to pick you up.'
		},
		address: 'Eloystraat 15 / Rue Eloy 15, 1070 Anderlecht',
		lat: 50.8396,
		lon: 4.3246,
		visibility: 'area',
		openingHours: 'Mo,We 13:00-18:00; Fr 10:00-14:00; PH off',
		walkIn: true,
		cost: 'free',
		coffee: true,
		maySitWithoutBuying: true,
		wheelchair: true,
		quietSpace: true,
		childrenWelcome: true,
		languages: ['nl', 'fr', 'tr', 'bg', 'ro'],
		phone: '+32 2 521 88 42',
		email: 'eloy@example.org',
		website: null,
		lastCheckedOn: '2026-10-27',
		lastCheckedBy: 'Mehmet'
	},

	// Molenbeek Historisch centrum ------------------------------------------------------------
	{
		slug: 'buurthuis-gemeenteplein',
		neighbourhood: 'molenbeek-historisch-centrum',
		kind: 'neighbourhood-centre',
		name: {
			nl: 'Buurthuis Gemeenteplein',
			fr: 'Maison de quartier Place Communale',
			en: 'Place Communale neighbourhood centre'
		},
		whatToExpect: {
			nl: 'Een buurthuis met grote ramen op het plein. Je kan er koffie drinken, een krant lezen of meedoen met wat er die dag loopt. Op de laatste vrijdag van de maand is er soep voor iedereen.',
			fr: 'Une maison de quartier avec de grandes fenêtres sur la place. Vous pouvez y boire un café, lire le journal ou participer à ce qui se passe ce jour-là. Le dernier vendredi du mois, il y a de la soupe pour tout le monde.',
			en: 'A neighbourhood centre with big windows onto the square. You can have a coffee, read the paper or join whatever is on that day. On the last Friday of the month there is soup for everyone.'
		},
		greeter: {
			nl: 'Nadia en Pieter, buurtwerkers, en de vrijwilligers van het onthaal',
			fr: "Nadia et Pieter, travailleurs de quartier, et les bénévoles de l'accueil",
			en: 'Nadia and Pieter, neighbourhood workers, and the volunteers at the front desk'
		},
		howToGetThere: {
			nl: 'Metro 1 of 5, halte Graaf van Vlaanderen. Dan 3 minuten te voet naar het Gemeenteplein.',
			fr: "Métro 1 ou 5, arrêt Comte de Flandre. Ensuite 3 minutes à pied jusqu'à la place Communale.",
			en: 'Metro 1 or 5 to Comte de Flandre. Then a 3-minute walk to Place Communale.'
		},
		address: 'Gemeenteplein 20 / Place Communale 20, 1080 Sint-Jans-Molenbeek',
		lat: 50.8553,
		lon: 4.338,
		visibility: 'public',
		openingHours: 'Mo-Fr 09:00-17:00; PH off',
		walkIn: true,
		cost: 'free',
		coffee: true,
		maySitWithoutBuying: true,
		wheelchair: true,
		quietSpace: false,
		childrenWelcome: true,
		languages: ['nl', 'fr', 'ar', 'ber', 'en'],
		phone: '+32 2 410 63 20',
		email: 'gemeenteplein@example.org',
		website: 'https://buurthuis-gemeenteplein.example.org',
		lastCheckedOn: '2026-11-02',
		lastCheckedBy: 'Nadia'
	},
	{
		slug: 'aanloophuis-ransfort',
		neighbourhood: 'molenbeek-historisch-centrum',
		kind: 'drop-in-house',
		name: {
			nl: 'Aanloophuis Ransfort',
			fr: "Lieu d'accueil Ransfort",
			en: 'Ransfort drop-in house'
		},
		whatToExpect: {
			nl: 'We gaan pas om 11 uur open, dus je hoeft niet vroeg op te staan. Er is koffie, thee en een kleine lunch, gratis. Je kan gewoon zitten, ook als je geen zin hebt om te praten.',
			fr: "Nous n'ouvrons qu'à 11 heures, donc pas besoin de vous lever tôt. Il y a du café, du thé et un petit lunch, gratuits. Vous pouvez simplement vous asseoir, même si vous n'avez pas envie de parler.",
			en: 'We only open at 11, so there is no need to get up early. There is coffee, tea and a small lunch, for free. You can just sit, even if you do not feel like talking.'
		},
		greeter: {
			nl: 'Pieter, de buurtwerker, en ervaringsdeskundige Aïcha',
			fr: 'Pieter, le travailleur de quartier, et Aïcha, pair-aidante',
			en: 'Pieter, the neighbourhood worker, and Aïcha, a peer worker'
		},
		howToGetThere: {
			nl: 'Metro 1 of 5, halte Graaf van Vlaanderen. 5 minuten te voet.',
			fr: 'Métro 1 ou 5, arrêt Comte de Flandre. 5 minutes à pied.',
			en: 'Metro 1 or 5 to Comte de Flandre. A 5-minute walk.'
		},
		address: 'Ransfortstraat 31 / Rue Ransfort 31, 1080 Sint-Jans-Molenbeek',
		lat: 50.8536,
		lon: 4.3355,
		visibility: 'public',
		openingHours: 'Mo-Th 11:00-19:00; Fr 11:00-15:00; PH off',
		walkIn: true,
		cost: 'free',
		coffee: true,
		maySitWithoutBuying: true,
		wheelchair: true,
		quietSpace: true,
		childrenWelcome: false,
		languages: ['nl', 'fr', 'ar', 'en', 'so'],
		phone: '+32 2 411 27 95',
		email: 'ransfort@example.org',
		website: null,
		lastCheckedOn: '2026-10-30',
		lastCheckedBy: 'Pieter'
	},
	{
		slug: 'bonneviepark',
		neighbourhood: 'molenbeek-historisch-centrum',
		kind: 'park',
		name: {
			nl: 'Bonneviepark',
			fr: 'Parc Bonnevie',
			en: 'Bonnevie park'
		},
		whatToExpect: {
			nl: 'Een buurtpark met een speeltuin, een voetbalveldje en veel schaduw. In de ochtend is het er rustig. Een keer per maand ruimen buren samen het park op.',
			fr: "Un parc de quartier avec une plaine de jeux, un petit terrain de foot et beaucoup d'ombre. Le matin, c'est calme. Une fois par mois, des voisins nettoient le parc ensemble.",
			en: 'A neighbourhood park with a playground, a small football pitch and plenty of shade. It is quiet in the morning. Once a month neighbours tidy up the park together.'
		},
		greeter: {
			nl: 'De buren',
			fr: 'Les voisins',
			en: 'The neighbours'
		},
		howToGetThere: {
			nl: 'Metro 1 of 5, halte Graaf van Vlaanderen. 6 minuten te voet.',
			fr: 'Métro 1 ou 5, arrêt Comte de Flandre. 6 minutes à pied.',
			en: 'Metro 1 or 5 to Comte de Flandre. A 6-minute walk.'
		},
		address: 'Bonneviestraat / Rue Bonnevie, 1080 Sint-Jans-Molenbeek',
		lat: 50.8561,
		lon: 4.3334,
		visibility: 'public',
		openingHours: 'Mo-Su 07:00-22:00',
		walkIn: true,
		cost: 'free',
		coffee: false,
		maySitWithoutBuying: true,
		wheelchair: true,
		quietSpace: false,
		childrenWelcome: true,
		languages: [],
		phone: null,
		email: null,
		website: null,
		lastCheckedOn: '2026-03-30',
		lastCheckedBy: 'Nadia'
	},
	{
		slug: 'bibliotheek-vandermaelen',
		neighbourhood: 'molenbeek-historisch-centrum',
		kind: 'library',
		name: {
			nl: 'Bibliotheek Vandermaelen',
			fr: 'Bibliothèque Vandermaelen',
			en: 'Vandermaelen library'
		},
		whatToExpect: {
			nl: 'Een lichte bibliotheek met een leestafel voor kranten en tijdschriften. Je mag de wifi en de printer gebruiken; een bladzijde printen kost 10 cent. Op woensdag is er taalcafé.',
			fr: "Une bibliothèque lumineuse avec une table de lecture pour les journaux et les magazines. Vous pouvez utiliser le wifi et l'imprimante ; une page coûte 10 centimes. Le mercredi, il y a un café des langues.",
			en: 'A bright library with a reading table for newspapers and magazines. You can use the wifi and the printer; a page costs 10 cents. On Wednesdays there is a language café.'
		},
		greeter: {
			nl: 'Samira en Koen aan de balie',
			fr: 'Samira et Koen au comptoir',
			en: 'Samira and Koen at the desk'
		},
		howToGetThere: {
			nl: 'Metro 1 of 5, halte Graaf van Vlaanderen. 4 minuten te voet.',
			fr: 'Métro 1 ou 5, arrêt Comte de Flandre. 4 minutes à pied.',
			en: 'Metro 1 or 5 to Comte de Flandre. A 4-minute walk.'
		},
		address: 'Vandermaelenstraat 12 / Rue Vandermaelen 12, 1080 Sint-Jans-Molenbeek',
		lat: 50.8547,
		lon: 4.3366,
		visibility: 'public',
		openingHours: 'Mo,We,Fr 09:30-12:30; Tu,Th 14:00-19:00; PH off',
		walkIn: true,
		cost: 'free',
		coffee: false,
		maySitWithoutBuying: true,
		wheelchair: true,
		quietSpace: true,
		childrenWelcome: true,
		languages: ['nl', 'fr', 'ar', 'en'],
		phone: '+32 2 412 05 77',
		email: 'bib-vandermaelen@example.org',
		website: 'https://bib-vandermaelen.example.org',
		lastCheckedOn: '2026-08-05',
		lastCheckedBy: 'Pieter'
	},
	{
		slug: 'dienstencentrum-de-molen',
		neighbourhood: 'molenbeek-historisch-centrum',
		kind: 'service-centre',
		name: {
			nl: 'Dienstencentrum De Molen',
			fr: 'Centre de services Le Moulin',
			en: 'De Molen local service centre'
		},
		whatToExpect: {
			nl: 'Een dienstencentrum met een cafetaria, computerhulp en een wasserette. De koffie kost 60 cent. De eerste zaterdag van de maand is er een buurtbrunch.',
			fr: "Un centre de services avec une cafétéria, de l'aide informatique et une laverie. Le café coûte 60 centimes. Le premier samedi du mois, il y a un brunch de quartier.",
			en: 'A local service centre with a cafeteria, computer help and a laundry. Coffee costs 60 cents. On the first Saturday of the month there is a neighbourhood brunch.'
		},
		greeter: {
			nl: 'Kevin aan het onthaal en de vrijwilligers van de cafetaria',
			fr: "Kevin à l'accueil et les bénévoles de la cafétéria",
			en: 'Kevin at the front desk and the cafeteria volunteers'
		},
		howToGetThere: {
			nl: 'Metro 1 of 5, halte Graaf van Vlaanderen. 7 minuten te voet langs de Gentsesteenweg.',
			fr: 'Métro 1 ou 5, arrêt Comte de Flandre. 7 minutes à pied par la chaussée de Gand.',
			en: 'Metro 1 or 5 to Comte de Flandre. A 7-minute walk along Chaussée de Gand.'
		},
		address: 'Gentsesteenweg 130 / Chaussée de Gand 130, 1080 Sint-Jans-Molenbeek',
		lat: 50.8563,
		lon: 4.3318,
		visibility: 'public',
		openingHours: 'Mo-Fr 09:00-16:00; Sa[1] 10:00-14:00; PH off',
		walkIn: true,
		cost: 'pay-what-you-can',
		coffee: true,
		maySitWithoutBuying: true,
		wheelchair: true,
		quietSpace: false,
		childrenWelcome: true,
		languages: ['nl', 'fr', 'ar', 'tr', 'pl'],
		phone: '+32 2 412 90 33',
		email: 'demolen@example.org',
		website: 'https://dc-demolen.example.org',
		lastCheckedOn: '2026-06-11',
		lastCheckedBy: 'Nadia'
	},
	{
		slug: 'theehuis-vier-winden',
		neighbourhood: 'molenbeek-historisch-centrum',
		kind: 'cafe',
		name: {
			nl: 'Theehuis De Vier Winden',
			fr: 'Salon de thé Quatre-Vents',
			en: 'Vier Winden tea house'
		},
		whatToExpect: {
			nl: 'Een gezellig theehuis met muntthee en zelfgebakken koekjes. Het is er rustig in de namiddag. Je mag blijven zitten met één glas thee.',
			fr: "Un salon de thé convivial, avec du thé à la menthe et des biscuits faits maison. L'après-midi, c'est calme. Vous pouvez rester assis avec un seul verre de thé.",
			en: 'A cosy tea house with mint tea and home-made biscuits. It is quiet in the afternoon. You can stay sitting with just one glass of tea.'
		},
		greeter: {
			nl: 'Khadija, de eigenares',
			fr: 'Khadija, la propriétaire',
			en: 'Khadija, the owner'
		},
		howToGetThere: {
			nl: 'Metro 1 of 5, halte Graaf van Vlaanderen. 2 minuten te voet.',
			fr: 'Métro 1 ou 5, arrêt Comte de Flandre. 2 minutes à pied.',
			en: 'Metro 1 or 5 to Comte de Flandre. A 2-minute walk.'
		},
		address: 'Vierwindenstraat 18 / Rue des Quatre-Vents 18, 1080 Sint-Jans-Molenbeek',
		lat: 50.8545,
		lon: 4.3394,
		visibility: 'public',
		openingHours: 'Tu-Su 10:00-20:00',
		walkIn: true,
		cost: 'paid',
		coffee: true,
		maySitWithoutBuying: true,
		wheelchair: false,
		quietSpace: true,
		childrenWelcome: true,
		languages: ['fr', 'ar', 'ber', 'nl'],
		phone: '+32 2 411 52 68',
		email: null,
		website: null,
		lastCheckedOn: '2026-04-23',
		lastCheckedBy: 'Pieter'
	},
	{
		slug: 'werkplaats-aan-de-kaai',
		neighbourhood: 'molenbeek-historisch-centrum',
		kind: 'other',
		name: {
			nl: 'Werkplaats aan de Kaai',
			fr: 'Atelier du Quai',
			en: 'Workshop on the Quay'
		},
		whatToExpect: {
			nl: 'Een werkplaats aan het kanaal waar buren samen fietsen en meubels herstellen. Het gereedschap is er; jij brengt wat kapot is. Er zijn geen vaste uren: kijk bij de activiteiten wanneer er iemand is.',
			fr: "Un atelier au bord du canal où des voisins réparent ensemble des vélos et des meubles. Les outils sont là ; vous apportez ce qui est cassé. Il n'y a pas d'horaires fixes : regardez dans les activités quand quelqu'un est présent.",
			en: 'A workshop by the canal where neighbours repair bikes and furniture together. The tools are there; you bring what is broken. There are no fixed hours: check the activities to see when someone is in.'
		},
		greeter: {
			nl: 'Tomasz en Lucas, vrijwilligers',
			fr: 'Tomasz et Lucas, bénévoles',
			en: 'Tomasz and Lucas, volunteers'
		},
		howToGetThere: {
			nl: 'Metro 1 of 5, halte Graaf van Vlaanderen. 3 minuten te voet, langs het water.',
			fr: "Métro 1 ou 5, arrêt Comte de Flandre. 3 minutes à pied, le long de l'eau.",
			en: 'Metro 1 or 5 to Comte de Flandre. A 3-minute walk along the water.'
		},
		address: "Nijverheidskaai 40 / Quai de l'Industrie 40, 1080 Sint-Jans-Molenbeek",
		lat: 50.8524,
		lon: 4.3401,
		visibility: 'public',
		openingHours: null,
		walkIn: true,
		cost: 'pay-what-you-can',
		coffee: true,
		maySitWithoutBuying: true,
		wheelchair: true,
		quietSpace: false,
		childrenWelcome: true,
		languages: ['nl', 'fr', 'pl', 'pt'],
		phone: null,
		email: 'kaai@example.org',
		website: 'https://werkplaats-kaai.example.org',
		lastCheckedOn: '2026-02-10',
		lastCheckedBy: 'Pieter'
	},
	{
		slug: 'samentuin-piers',
		neighbourhood: 'molenbeek-historisch-centrum',
		kind: 'park',
		name: {
			nl: 'Samentuin Piers',
			fr: 'Potager partagé Piers',
			en: 'Piers shared garden'
		},
		whatToExpect: {
			nl: 'Een moestuin die buren samen onderhouden. Als het hek open is, is er iemand aan het werk en mag je binnen. Je hoeft niets te kennen van tuinieren.',
			fr: "Un potager que des voisins entretiennent ensemble. Quand la grille est ouverte, quelqu'un y travaille et vous pouvez entrer. Pas besoin de savoir jardiner.",
			en: 'A vegetable garden that neighbours look after together. When the gate is open, someone is working and you may come in. You do not need to know anything about gardening.'
		},
		greeter: {
			nl: 'De tuiniers, vaak Rachid of Greet',
			fr: 'Les jardiniers, souvent Rachid ou Greet',
			en: 'The gardeners, often Rachid or Greet'
		},
		howToGetThere: {
			nl: 'Metro 1 of 5, halte Graaf van Vlaanderen, dan 8 minuten te voet. Het hek is naast nummer 102.',
			fr: 'Métro 1 ou 5, arrêt Comte de Flandre, puis 8 minutes à pied. La grille est à côté du numéro 102.',
			en: 'Metro 1 or 5 to Comte de Flandre, then an 8-minute walk. The gate is next to number 102.'
		},
		address: 'Piersstraat 102 / Rue Piers 102, 1080 Sint-Jans-Molenbeek',
		lat: 50.8578,
		lon: 4.3338,
		visibility: 'public',
		openingHours: null,
		walkIn: true,
		cost: 'free',
		coffee: false,
		maySitWithoutBuying: true,
		wheelchair: false,
		quietSpace: true,
		childrenWelcome: true,
		languages: ['nl', 'fr', 'ar'],
		phone: null,
		email: null,
		website: null,
		lastCheckedOn: '2026-09-18',
		lastCheckedBy: 'Nadia'
	}
];

// ---------------------------------------------------------------------------------------------
// Gatherings

export const demoGatherings: DemoGathering[] = [
	{
		slug: 'open-huis-de-marolle',
		kind: 'open-house',
		title: {
			nl: 'Open huis in De Marolle',
			fr: 'Maison ouverte aux Marolles',
			en: 'Open house at De Marolle'
		},
		description: {
			nl: 'Eén keer per maand staat de deur open voor de hele buurt. Er is koffie en thee, de marktkramers brengen iets lekkers mee en wie wil, speelt muziek. Kom gewoon binnen, ook als je niemand kent.',
			fr: 'Une fois par mois, la porte est ouverte à tout le quartier. Il y a du café et du thé, les marchands apportent quelque chose de bon et ceux qui le veulent jouent de la musique. Entrez simplement, même si vous ne connaissez personne.',
			en: 'Once a month the door is open to the whole neighbourhood. There is coffee and tea, the market traders bring something tasty and anyone who likes plays music. Just come in, even if you do not know anyone.'
		},
		neighbourhood: 'marollen',
		place: 'buurthuis-de-marolle',
		point: null,
		startsAt: '2026-02-07T14:00',
		durationMinutes: 240,
		rrule: 'FREQ=MONTHLY;BYDAY=1SA',
		host: 'Buurthuis De Marolle',
		walkIn: true,
		cost: 'free',
		languages: ['nl', 'fr', 'tr', 'ar', 'ro'],
		visibility: 'public',
		helpersNeeded: null
	},
	{
		slug: 'donderdagontbijt',
		kind: 'shared-meal',
		title: {
			nl: 'Donderdagontbijt',
			fr: 'Petit-déjeuner du jeudi',
			en: 'Thursday breakfast'
		},
		description: {
			nl: 'Elke donderdag maken buren een warm ontbijt voor iedereen die er een nodig heeft, ook voor mensen die buiten slapen. Er is brood, eieren, fruit, koffie en thee. Je hoeft je niet in te schrijven en niemand vraagt iets.',
			fr: "Chaque jeudi, des voisins préparent un petit-déjeuner chaud pour toute personne qui en a besoin, aussi pour celles et ceux qui dorment dehors. Il y a du pain, des œufs, des fruits, du café et du thé. Pas d'inscription, et personne ne vous pose de questions.",
			en: 'Every Thursday neighbours make a warm breakfast for anyone who needs one, also for people sleeping rough. There is bread, eggs, fruit, coffee and tea. There is no sign-up and nobody asks you anything.'
		},
		neighbourhood: 'kuregem',
		place: 'inloophuis-de-brug',
		point: null,
		startsAt: '2026-01-08T07:30',
		durationMinutes: 150,
		rrule: 'FREQ=WEEKLY;BYDAY=TH',
		host: 'Buren van De Brug / Les voisins du Pont',
		walkIn: true,
		cost: 'free',
		languages: ['nl', 'fr', 'ar', 'ro', 'bg'],
		visibility: 'public',
		helpersNeeded: 2
	},
	{
		slug: 'open-kring-zennebel',
		kind: 'open-circle',
		title: {
			nl: 'Open kring',
			fr: 'Cercle ouvert',
			en: 'Open circle'
		},
		description: {
			nl: 'Om de twee weken zitten buren, vrijwilligers en buurtwerkers samen in een kring. Niet als hulpverlener, maar als mens: je vertelt wat je wilt, of je luistert alleen. Er is thee en soep.',
			fr: "Toutes les deux semaines, des voisins, des bénévoles et des travailleurs de quartier s'assoient ensemble en cercle. Pas en tant que professionnels, mais en tant que personnes : vous racontez ce que vous voulez, ou vous écoutez seulement. Il y a du thé et de la soupe.",
			en: 'Every other week neighbours, volunteers and neighbourhood workers sit together in a circle. Not as professionals, but as people: you share what you want, or you just listen. There is tea and soup.'
		},
		neighbourhood: 'anneessens',
		place: 'inloophuis-de-zennebel',
		point: null,
		startsAt: '2026-01-13T18:00',
		durationMinutes: 90,
		rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU',
		host: 'Inloophuis De Zennebel',
		walkIn: true,
		cost: 'free',
		languages: ['nl', 'fr', 'en'],
		visibility: 'public',
		helpersNeeded: null
	},
	{
		slug: 'spreekuur-sara-lemmens',
		kind: 'drop-in-hour',
		title: {
			nl: 'Spreekuur zonder afspraak met Sara',
			fr: 'Permanence sans rendez-vous avec Sara',
			en: 'Drop-in hour with Sara'
		},
		description: {
			nl: 'Sara, de buurtwerker, zit elke woensdagmiddag in het buurtcentrum. Kom langs met een vraag over een brief, je huis, of gewoon voor een babbel. Zonder afspraak.',
			fr: 'Sara, la travailleuse de quartier, est à la maison de quartier chaque mercredi après-midi. Passez avec une question sur un courrier, votre logement, ou juste pour bavarder. Sans rendez-vous.',
			en: 'Sara, the neighbourhood worker, is at the centre every Wednesday afternoon. Drop by with a question about a letter, your home, or just for a chat. No appointment needed.'
		},
		neighbourhood: 'kuregem',
		place: 'buurtcentrum-lemmens',
		point: null,
		startsAt: '2026-01-14T14:00',
		durationMinutes: 120,
		rrule: 'FREQ=WEEKLY;BYDAY=WE',
		host: 'Sara – Buurtwerk Kuregem / Travail de quartier Cureghem',
		walkIn: true,
		cost: 'free',
		languages: ['nl', 'fr', 'ar', 'en'],
		visibility: 'public',
		helpersNeeded: null
	},
	{
		slug: 'spreekuur-karim-marolle',
		kind: 'drop-in-hour',
		title: {
			nl: 'Spreekuur zonder afspraak met Karim',
			fr: 'Permanence sans rendez-vous avec Karim',
			en: 'Drop-in hour with Karim'
		},
		description: {
			nl: 'Elke vrijdagochtend is Karim in het buurthuis. Je kan met hem praten over wat je bezighoudt, of samen iets uitzoeken. Koffie staat klaar.',
			fr: 'Chaque vendredi matin, Karim est à la maison de quartier. Vous pouvez lui parler de ce qui vous préoccupe, ou chercher une solution ensemble. Le café est prêt.',
			en: 'Every Friday morning Karim is at the centre. You can talk with him about what is on your mind, or sort something out together. Coffee is ready.'
		},
		neighbourhood: 'marollen',
		place: 'buurthuis-de-marolle',
		point: null,
		startsAt: '2026-01-16T10:00',
		durationMinutes: 120,
		rrule: 'FREQ=WEEKLY;BYDAY=FR',
		host: 'Karim – Buurtwerk Marollen / Travail de quartier Marolles',
		walkIn: true,
		cost: 'free',
		languages: ['nl', 'fr', 'ar'],
		visibility: 'public',
		helpersNeeded: null
	},
	{
		slug: 'aanwezig-in-ransfort',
		kind: 'drop-in-hour',
		title: {
			nl: 'Pieter is er: rondlopen en beschikbaar zijn',
			fr: 'Pieter est là : présent et disponible',
			en: 'Pieter is around: present and available'
		},
		description: {
			nl: 'Op dinsdagnamiddag is Pieter, de buurtwerker, in het aanloophuis. Hij drinkt koffie, speelt een spel mee en heeft tijd als je iets wilt vragen.',
			fr: "Le mardi après-midi, Pieter, le travailleur de quartier, est au lieu d'accueil. Il boit un café, joue à un jeu avec vous et a du temps si vous voulez demander quelque chose.",
			en: 'On Tuesday afternoons Pieter, the neighbourhood worker, is at the drop-in house. He has a coffee, joins a game and has time if you want to ask something.'
		},
		neighbourhood: 'molenbeek-historisch-centrum',
		place: 'aanloophuis-ransfort',
		point: null,
		startsAt: '2026-01-13T14:00',
		durationMinutes: 180,
		rrule: 'FREQ=WEEKLY;BYDAY=TU',
		host: 'Pieter – Buurtwerk Molenbeek / Travail de quartier Molenbeek',
		walkIn: true,
		cost: 'free',
		languages: ['nl', 'fr', 'en'],
		visibility: 'public',
		helpersNeeded: null
	},
	{
		slug: 'samen-koken-hallepoort',
		kind: 'shared-meal',
		title: {
			nl: 'Samen koken en eten',
			fr: 'Cuisiner et manger ensemble',
			en: 'Cooking and eating together'
		},
		description: {
			nl: 'Op de tweede dinsdag van de maand koken we samen een middagmaal. Je mag helpen snijden of gewoon mee aan tafel komen. Je betaalt wat je kan.',
			fr: 'Le deuxième mardi du mois, nous cuisinons ensemble un repas de midi. Vous pouvez aider à couper les légumes ou simplement venir à table. Vous payez ce que vous pouvez.',
			en: 'On the second Tuesday of the month we cook a lunch together. You can help chop or just come and sit at the table. You pay what you can.'
		},
		neighbourhood: 'marollen',
		place: 'dienstencentrum-hallepoort',
		point: null,
		startsAt: '2026-03-10T11:00',
		durationMinutes: 180,
		rrule: 'FREQ=MONTHLY;BYDAY=2TU',
		host: 'Dienstencentrum Hallepoort',
		walkIn: true,
		cost: 'pay-what-you-can',
		languages: ['nl', 'fr', 'es'],
		visibility: 'public',
		helpersNeeded: null
	},
	{
		slug: 'soep-op-vrijdag',
		kind: 'shared-meal',
		title: {
			nl: 'Soep op vrijdag',
			fr: 'Soupe du vendredi',
			en: 'Friday soup'
		},
		description: {
			nl: 'Op de laatste vrijdag van de maand is er soep en brood voor de hele buurt. Neem gerust een buur mee. Er is ook soep zonder vlees.',
			fr: 'Le dernier vendredi du mois, il y a de la soupe et du pain pour tout le quartier. Venez avec un voisin si vous voulez. Il y a aussi une soupe sans viande.',
			en: 'On the last Friday of the month there is soup and bread for the whole neighbourhood. Feel free to bring a neighbour. There is also soup without meat.'
		},
		neighbourhood: 'molenbeek-historisch-centrum',
		place: 'buurthuis-gemeenteplein',
		point: null,
		startsAt: '2026-01-30T18:30',
		durationMinutes: 120,
		rrule: 'FREQ=MONTHLY;BYDAY=-1FR',
		host: 'Buurthuis Gemeenteplein',
		walkIn: true,
		cost: 'free',
		languages: ['nl', 'fr', 'ar', 'ber'],
		visibility: 'public',
		helpersNeeded: null
	},
	{
		slug: 'soep-maken-vrijwilligers',
		kind: 'volunteer-activity',
		title: {
			nl: 'Help mee soep maken',
			fr: 'Aidez à préparer la soupe',
			en: 'Help make the soup'
		},
		description: {
			nl: 'Voor de soep van vrijdagavond hebben we handen nodig: groenten schillen, snijden en roeren. Je hoeft niet te kunnen koken. Na afloop eten we samen.',
			fr: 'Pour la soupe du vendredi soir, nous avons besoin de mains : éplucher, couper et remuer. Pas besoin de savoir cuisiner. Après, on mange ensemble.',
			en: 'For the Friday evening soup we need hands: peeling, chopping and stirring. You do not need to know how to cook. Afterwards we eat together.'
		},
		neighbourhood: 'molenbeek-historisch-centrum',
		place: 'buurthuis-gemeenteplein',
		point: null,
		startsAt: '2026-01-30T14:30',
		durationMinutes: 180,
		rrule: 'FREQ=MONTHLY;BYDAY=-1FR',
		host: 'Buurthuis Gemeenteplein',
		walkIn: true,
		cost: 'free',
		languages: ['nl', 'fr', 'ar'],
		visibility: 'public',
		helpersNeeded: 3
	},
	{
		slug: 'wandeling-verdwenen-zenne',
		kind: 'walk',
		title: {
			nl: 'Wandeling: op zoek naar de verdwenen Zenne',
			fr: 'Promenade : sur les traces de la Senne disparue',
			en: 'Walk: looking for the lost river Senne'
		},
		description: {
			nl: 'Een rustige wandeling van een uur door de buurt, langs plekken waar vroeger de rivier stroomde. We stoppen onderweg voor een koffie. Afspraak aan het standbeeld op het Anneessensplein.',
			fr: "Une promenade tranquille d'une heure dans le quartier, le long des endroits où coulait autrefois la rivière. On s'arrête en route pour un café. Rendez-vous près de la statue, place Anneessens.",
			en: 'A calm one-hour walk through the neighbourhood, past spots where the river used to flow. We stop for a coffee on the way. Meet at the statue on Place Anneessens.'
		},
		neighbourhood: 'anneessens',
		place: null,
		point: {
			lat: 50.8448,
			lon: 4.3449,
			name: 'Anneessensplein, aan het standbeeld / Place Anneessens, près de la statue'
		},
		startsAt: '2026-04-18T10:00',
		durationMinutes: 90,
		rrule: 'FREQ=MONTHLY;BYDAY=3SA',
		host: 'Wandelgroep Zenne / Groupe de marche Senne',
		walkIn: true,
		cost: 'free',
		languages: ['nl', 'fr'],
		visibility: 'public',
		helpersNeeded: null
	},
	{
		slug: 'wandeling-langs-het-kanaal',
		kind: 'walk',
		title: {
			nl: 'Rustige wandeling langs het kanaal',
			fr: 'Balade tranquille le long du canal',
			en: 'Slow walk along the canal'
		},
		description: {
			nl: 'Elke vrijdagochtend wandelen we een uurtje langs het kanaal, op het tempo van wie het traagst gaat. Na afloop drinken we thee. We vertrekken aan de fontein op het Gemeenteplein.',
			fr: 'Chaque vendredi matin, nous marchons une petite heure le long du canal, au rythme de la personne la plus lente. Après, on boit un thé. Départ à la fontaine de la place Communale.',
			en: 'Every Friday morning we walk for about an hour along the canal, at the pace of the slowest walker. Afterwards we have tea. We leave from the fountain on Place Communale.'
		},
		neighbourhood: 'molenbeek-historisch-centrum',
		place: null,
		point: {
			lat: 50.8556,
			lon: 4.3386,
			name: 'Gemeenteplein, aan de fontein / Place Communale, à la fontaine'
		},
		startsAt: '2026-01-16T10:30',
		durationMinutes: 75,
		rrule: 'FREQ=WEEKLY;BYDAY=FR',
		host: 'Aanloophuis Ransfort',
		walkIn: true,
		cost: 'free',
		languages: ['nl', 'fr', 'ar'],
		visibility: 'public',
		helpersNeeded: null
	},
	{
		slug: 'koffie-op-het-bankje',
		kind: 'open-circle',
		title: {
			nl: 'Koffie op het bankje',
			fr: 'Un café sur le banc',
			en: 'Coffee on the bench'
		},
		description: {
			nl: 'Op maandagochtend staan twee vrijwilligers met een thermos koffie bij de bankjes op het Vossenplein. Schuif gerust aan voor een praatje, of neem gewoon een koffie mee.',
			fr: 'Le lundi matin, deux bénévoles sont près des bancs de la place du Jeu de Balle avec un thermos de café. Venez vous asseoir pour bavarder, ou prenez simplement un café.',
			en: 'On Monday mornings two volunteers stand by the benches on Place du Jeu de Balle with a flask of coffee. Sit down for a chat, or just take a coffee.'
		},
		neighbourhood: 'marollen',
		place: null,
		point: {
			lat: 50.8378,
			lon: 4.3458,
			name: 'Vossenplein, bij de bankjes onder de bomen / Place du Jeu de Balle, bancs sous les arbres'
		},
		startsAt: '2026-03-02T09:30',
		durationMinutes: 90,
		rrule: 'FREQ=WEEKLY;BYDAY=MO',
		host: 'Vrijwilligers Marollen / Bénévoles des Marolles',
		walkIn: true,
		cost: 'free',
		languages: ['fr', 'nl', 'es'],
		visibility: 'public',
		helpersNeeded: 2
	},
	{
		slug: 'fietsatelier-kaai',
		kind: 'workshop',
		title: {
			nl: 'Fietsatelier: zelf je fiets herstellen',
			fr: 'Atelier vélo : réparer son vélo soi-même',
			en: 'Bike workshop: fix your own bike'
		},
		description: {
			nl: 'Breng je fiets mee; samen zoeken we wat er mis is en herstellen we het. Onderdelen betaal je naar wat je kan. Geen fiets? Kom dan gewoon kijken en helpen.',
			fr: 'Apportez votre vélo ; ensemble, on cherche ce qui ne va pas et on le répare. Les pièces sont à prix libre. Pas de vélo ? Venez simplement regarder et aider.',
			en: 'Bring your bike; together we find out what is wrong and fix it. You pay what you can for parts. No bike? Just come and watch and help.'
		},
		neighbourhood: 'molenbeek-historisch-centrum',
		place: 'werkplaats-aan-de-kaai',
		point: null,
		startsAt: '2026-05-20T14:00',
		durationMinutes: 180,
		rrule: 'FREQ=MONTHLY;BYDAY=3WE',
		host: 'Werkplaats aan de Kaai',
		walkIn: true,
		cost: 'pay-what-you-can',
		languages: ['nl', 'fr', 'pl', 'pt'],
		visibility: 'public',
		helpersNeeded: null
	},
	{
		slug: 'naaiatelier-voorzorg',
		kind: 'workshop',
		title: {
			nl: 'Naaiatelier',
			fr: 'Atelier couture',
			en: 'Sewing workshop'
		},
		description: {
			nl: 'Elke donderdagnamiddag herstellen we kleren en maken we samen iets nieuws. Er zijn naaimachines en stof. Beginners zijn welkom; Ayşe legt alles uit.',
			fr: 'Chaque jeudi après-midi, nous réparons des vêtements et créons ensemble quelque chose de nouveau. Il y a des machines à coudre et du tissu. Les débutants sont bienvenus ; Ayşe explique tout.',
			en: 'Every Thursday afternoon we mend clothes and make something new together. There are sewing machines and fabric. Beginners are welcome; Ayşe explains everything.'
		},
		neighbourhood: 'marollen',
		place: 'ontmoetingshuis-de-voorzorg',
		point: null,
		startsAt: '2026-01-15T13:30',
		durationMinutes: 150,
		rrule: 'FREQ=WEEKLY;BYDAY=TH',
		host: 'Ontmoetingshuis De Voorzorg',
		walkIn: true,
		cost: 'free',
		languages: ['nl', 'fr', 'tr'],
		visibility: 'public',
		helpersNeeded: null
	},
	{
		slug: 'rustige-ochtend-vossen',
		kind: 'open-circle',
		title: {
			nl: 'Rustige ochtend',
			fr: 'Matinée calme',
			en: 'Quiet morning'
		},
		description: {
			nl: 'Een ochtend zonder muziek en met weinig volk, voor wie het graag kalm heeft. Er is koffie, er liggen puzzels en boeken. Praten mag, zwijgen ook.',
			fr: 'Une matinée sans musique et avec peu de monde, pour qui aime le calme. Il y a du café, des puzzles et des livres. On peut parler, ou se taire.',
			en: 'A morning without music and with few people, for anyone who likes it calm. There is coffee, puzzles and books. Talking is fine, so is silence.'
		},
		neighbourhood: 'marollen',
		place: 'aanloophuis-bij-de-vossen',
		point: null,
		startsAt: '2026-02-02T09:00',
		durationMinutes: 120,
		rrule: 'FREQ=WEEKLY;BYDAY=MO',
		host: 'Aanloophuis Bij de Vossen',
		walkIn: true,
		cost: 'free',
		languages: ['fr', 'nl'],
		visibility: 'area',
		helpersNeeded: null
	},
	{
		slug: 'vrijwilligersoverleg-anneessens',
		kind: 'volunteer-activity',
		title: {
			nl: 'Vrijwilligersoverleg Anneessens',
			fr: 'Réunion des bénévoles Anneessens',
			en: 'Anneessens volunteers meeting'
		},
		description: {
			nl: 'De vrijwilligers van Anneessens komen samen om de maand te plannen en te vertellen hoe het gaat. Er is ook tijd om te praten over wat moeilijk was. Met soep.',
			fr: "Les bénévoles d'Anneessens se retrouvent pour planifier le mois et raconter comment ça va. Il y a aussi du temps pour parler de ce qui a été difficile. Avec de la soupe.",
			en: 'The Anneessens volunteers meet to plan the month and share how things are going. There is also time to talk about what was hard. With soup.'
		},
		neighbourhood: 'anneessens',
		place: 'ontmoetingshuis-de-draad',
		point: null,
		startsAt: '2026-02-02T18:30',
		durationMinutes: 90,
		rrule: 'FREQ=MONTHLY;BYDAY=1MO',
		host: 'Yasmina – Buurtwerk Anneessens',
		walkIn: false,
		cost: 'free',
		languages: ['nl', 'fr'],
		visibility: 'members',
		helpersNeeded: null
	},
	{
		slug: 'terugkomavond-kuregem',
		kind: 'volunteer-activity',
		title: {
			nl: 'Terugkomavond vrijwilligers Kuregem',
			fr: "Soirée d'échange des bénévoles de Cureghem",
			en: 'Kuregem volunteers evening'
		},
		description: {
			nl: 'Een avond voor de vrijwilligers van Kuregem: samen eten, ervaringen delen en nieuwe vrijwilligers leren kennen. Sara en Mehmet zijn erbij.',
			fr: 'Une soirée pour les bénévoles de Cureghem : manger ensemble, partager ses expériences et rencontrer les nouveaux bénévoles. Sara et Mehmet sont présents.',
			en: 'An evening for the Kuregem volunteers: eating together, sharing experiences and meeting new volunteers. Sara and Mehmet are there.'
		},
		neighbourhood: 'kuregem',
		place: 'buurtcentrum-lemmens',
		point: null,
		startsAt: '2026-03-19T19:00',
		durationMinutes: 120,
		rrule: 'FREQ=MONTHLY;BYDAY=3TH',
		host: 'Buurtwerk Kuregem / Travail de quartier Cureghem',
		walkIn: false,
		cost: 'free',
		languages: ['nl', 'fr'],
		visibility: 'members',
		helpersNeeded: null
	},
	{
		slug: 'buren-helpen-buren',
		kind: 'volunteer-activity',
		title: {
			nl: 'Buren helpen buren: boodschappen',
			fr: 'Voisins solidaires : les courses',
			en: 'Neighbours helping neighbours: shopping'
		},
		description: {
			nl: 'Op zaterdagochtend doen vrijwilligers boodschappen voor buren die zelf moeilijk naar de winkel kunnen. Je vertrekt vanuit het buurthuis en krijgt een lijstje mee. Een uurtje is al veel.',
			fr: "Le samedi matin, des bénévoles font les courses pour des voisins qui peuvent difficilement aller au magasin. Vous partez de la maison de quartier avec une liste. Une petite heure, c'est déjà beaucoup.",
			en: 'On Saturday mornings volunteers do the shopping for neighbours who find it hard to get to the shop. You leave from the centre with a list. An hour already helps a lot.'
		},
		neighbourhood: 'anneessens',
		place: 'buurthuis-anneessens',
		point: null,
		startsAt: '2026-01-17T10:00',
		durationMinutes: 120,
		rrule: 'FREQ=WEEKLY;BYDAY=SA',
		host: 'Buurthuis Anneessens',
		walkIn: true,
		cost: 'free',
		languages: ['nl', 'fr', 'ar'],
		visibility: 'public',
		helpersNeeded: 4
	},
	{
		slug: 'park-opruimen-bonnevie',
		kind: 'volunteer-activity',
		title: {
			nl: 'Samen het park opruimen',
			fr: 'Nettoyer le parc ensemble',
			en: 'Tidying up the park together'
		},
		description: {
			nl: 'Op de tweede zaterdag van de maand ruimen we samen het Bonneviepark op. Handschoenen en grijpers liggen klaar. Daarna is er koffie en iets zoets.',
			fr: 'Le deuxième samedi du mois, nous nettoyons ensemble le parc Bonnevie. Les gants et les pinces sont prêts. Ensuite, il y a du café et quelque chose de sucré.',
			en: 'On the second Saturday of the month we tidy up Bonnevie park together. Gloves and litter pickers are ready. Afterwards there is coffee and something sweet.'
		},
		neighbourhood: 'molenbeek-historisch-centrum',
		place: 'bonneviepark',
		point: null,
		startsAt: '2026-04-11T10:00',
		durationMinutes: 120,
		rrule: 'FREQ=MONTHLY;BYDAY=2SA',
		host: 'Buurtcomité Bonnevie / Comité de quartier Bonnevie',
		walkIn: true,
		cost: 'free',
		languages: ['nl', 'fr', 'ar'],
		visibility: 'public',
		helpersNeeded: 2
	},
	{
		slug: 'taalcafe-lemonnier',
		kind: 'open-circle',
		title: {
			nl: 'Taalcafé Nederlands',
			fr: 'Café des langues : néerlandais',
			en: 'Dutch language café'
		},
		description: {
			nl: 'Oefen Nederlands met buren, bij een kop koffie. Alle niveaus zijn welkom, ook als je maar een paar woorden kent. Geen les, gewoon praten.',
			fr: "Pratiquez le néerlandais avec des voisins autour d'une tasse de café. Tous les niveaux sont bienvenus, même si vous ne connaissez que quelques mots. Pas de cours, juste de la conversation.",
			en: 'Practise Dutch with neighbours over a cup of coffee. All levels are welcome, even if you only know a few words. No lessons, just talking.'
		},
		neighbourhood: 'anneessens',
		place: 'bibliotheek-lemonnier',
		point: null,
		startsAt: '2026-01-14T14:00',
		durationMinutes: 90,
		rrule: 'FREQ=WEEKLY;BYDAY=WE',
		host: 'Bibliotheek Lemonnier',
		walkIn: true,
		cost: 'free',
		languages: ['nl'],
		visibility: 'public',
		helpersNeeded: null
	},
	{
		slug: 'bavarder-en-francais',
		kind: 'open-circle',
		title: {
			nl: 'Frans praten bij de koffie',
			fr: 'Bavarder en français',
			en: 'French conversation over coffee'
		},
		description: {
			nl: 'Elke maandagnamiddag praten we Frans in een kleine groep. Fouten maken mag. De bibliotheek zorgt voor koffie en thee.',
			fr: 'Chaque lundi après-midi, nous parlons français en petit groupe. On a le droit de se tromper. La bibliothèque offre le café et le thé.',
			en: 'Every Monday afternoon we speak French in a small group. Mistakes are fine. The library provides coffee and tea.'
		},
		neighbourhood: 'kuregem',
		place: 'bibliotheek-kuregem',
		point: null,
		startsAt: '2026-09-07T14:00',
		durationMinutes: 90,
		rrule: 'FREQ=WEEKLY;BYDAY=MO',
		host: 'Bibliotheek Kuregem / Bibliothèque de Cureghem',
		walkIn: true,
		cost: 'free',
		languages: ['fr'],
		visibility: 'public',
		helpersNeeded: null
	},
	{
		slug: 'kaarten-en-spelletjes',
		kind: 'open-circle',
		title: {
			nl: 'Kaarten en spelletjes',
			fr: 'Cartes et jeux',
			en: 'Cards and games'
		},
		description: {
			nl: 'Op dinsdagnamiddag wordt er gekaart, gedamd en gerummikubd. Je mag meespelen of gewoon kijken. Koffie kost 50 cent.',
			fr: 'Le mardi après-midi, on joue aux cartes, aux dames et au Rummikub. Vous pouvez jouer ou juste regarder. Le café coûte 50 centimes.',
			en: 'On Tuesday afternoons people play cards, draughts and Rummikub. You can join in or just watch. Coffee costs 50 cents.'
		},
		neighbourhood: 'kuregem',
		place: 'dienstencentrum-clemenceau',
		point: null,
		startsAt: '2026-01-13T14:00',
		durationMinutes: 150,
		rrule: 'FREQ=WEEKLY;BYDAY=TU',
		host: 'Lokaal dienstencentrum Clemenceau',
		walkIn: true,
		cost: 'pay-what-you-can',
		languages: ['nl', 'fr', 'es', 'it'],
		visibility: 'public',
		helpersNeeded: null
	},
	{
		slug: 'open-kring-de-molen',
		kind: 'open-circle',
		title: {
			nl: 'Open kring Molenbeek',
			fr: 'Cercle ouvert Molenbeek',
			en: 'Open circle Molenbeek'
		},
		description: {
			nl: 'Om de twee weken op donderdagavond: een kring van buren, naasten, vrijwilligers en buurtwerkers. We vragen niet wie je bent, wel hoe je week was.',
			fr: "Un jeudi soir sur deux : un cercle de voisins, de proches, de bénévoles et de travailleurs de quartier. On ne vous demande pas qui vous êtes, mais comment s'est passée votre semaine.",
			en: 'Every other Thursday evening: a circle of neighbours, family and friends, volunteers and neighbourhood workers. We do not ask who you are, but how your week was.'
		},
		neighbourhood: 'molenbeek-historisch-centrum',
		place: 'dienstencentrum-de-molen',
		point: null,
		startsAt: '2026-02-05T18:30',
		durationMinutes: 90,
		rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH',
		host: 'Dienstencentrum De Molen',
		walkIn: true,
		cost: 'free',
		languages: ['nl', 'fr', 'ar'],
		visibility: 'public',
		helpersNeeded: null
	},
	{
		slug: 'ochtendwandeling-dauwpark',
		kind: 'walk',
		title: {
			nl: 'Ochtendwandeling vanuit het Dauwpark',
			fr: 'Marche du matin au départ du parc de la Rosée',
			en: 'Morning walk from Dauwpark'
		},
		description: {
			nl: 'Elke woensdag wandelen we 45 minuten door Kuregem. Het project loopt tot eind juni 2027. Goede schoenen volstaan; we wachten op elkaar.',
			fr: "Chaque mercredi, nous marchons 45 minutes dans Cureghem. Le projet dure jusqu'à fin juin 2027. De bonnes chaussures suffisent ; on s'attend les uns les autres.",
			en: 'Every Wednesday we walk for 45 minutes through Kuregem. The project runs until the end of June 2027. Good shoes are enough; we wait for each other.'
		},
		neighbourhood: 'kuregem',
		place: 'dauwpark',
		point: null,
		startsAt: '2026-09-02T09:30',
		durationMinutes: 60,
		rrule: 'FREQ=WEEKLY;BYDAY=WE;UNTIL=20270630T235959Z',
		host: 'Buurtcentrum Lemmens',
		walkIn: true,
		cost: 'free',
		languages: ['nl', 'fr', 'ar', 'ro'],
		visibility: 'public',
		helpersNeeded: null
	},
	{
		slug: 'samen-tuinieren-piers',
		kind: 'volunteer-activity',
		title: {
			nl: 'Samen tuinieren',
			fr: 'Jardiner ensemble',
			en: 'Gardening together'
		},
		description: {
			nl: 'Op zaterdagochtend werken we samen in de moestuin: zaaien, wieden, oogsten. Wat we oogsten, delen we. Trek kleren aan die vuil mogen worden.',
			fr: 'Le samedi matin, nous travaillons ensemble au potager : semer, désherber, récolter. Ce que nous récoltons, nous le partageons. Mettez des vêtements qui peuvent se salir.',
			en: 'On Saturday mornings we work together in the vegetable garden: sowing, weeding, harvesting. We share what we harvest. Wear clothes that can get dirty.'
		},
		neighbourhood: 'molenbeek-historisch-centrum',
		place: 'samentuin-piers',
		point: null,
		startsAt: '2026-03-07T10:00',
		durationMinutes: 150,
		rrule: 'FREQ=WEEKLY;BYDAY=SA',
		host: 'Tuiniers van de Piersstraat / Jardiniers de la rue Piers',
		walkIn: true,
		cost: 'free',
		languages: ['nl', 'fr', 'ar'],
		visibility: 'public',
		helpersNeeded: 3
	},
	{
		slug: 'muziek-maken-marolle',
		kind: 'workshop',
		title: {
			nl: 'Samen muziek maken',
			fr: 'Faire de la musique ensemble',
			en: 'Making music together'
		},
		description: {
			nl: 'Op de tweede donderdag van de maand spelen buren samen muziek: gitaar, viool, darbuka of gewoon zingen. Instrumenten zijn er. Je hoeft geen noten te kunnen lezen.',
			fr: 'Le deuxième jeudi du mois, des voisins font de la musique ensemble : guitare, violon, darbouka ou simplement chanter. Il y a des instruments sur place. Pas besoin de savoir lire la musique.',
			en: 'On the second Thursday of the month neighbours play music together: guitar, violin, darbuka or just singing. Instruments are there. You do not need to read music.'
		},
		neighbourhood: 'marollen',
		place: 'buurthuis-de-marolle',
		point: null,
		startsAt: '2026-06-11T18:00',
		durationMinutes: 120,
		rrule: 'FREQ=MONTHLY;BYDAY=2TH',
		host: 'Buurthuis De Marolle',
		walkIn: true,
		cost: 'free',
		languages: ['nl', 'fr', 'ro', 'tr'],
		visibility: 'public',
		helpersNeeded: null
	},
	{
		slug: 'winterfeest-clemenceau',
		kind: 'shared-meal',
		title: {
			nl: 'Winterfeest: samen eten',
			fr: "Fête d'hiver : repas partagé",
			en: 'Winter party: shared meal'
		},
		description: {
			nl: 'Een feestelijke maaltijd voor de hele buurt, met muziek. Breng iets mee als je kan, kom ook als je niets kan meebrengen. Iedereen is welkom, ook je naasten.',
			fr: 'Un repas de fête pour tout le quartier, avec de la musique. Apportez quelque chose si vous pouvez, venez aussi si vous ne pouvez rien apporter. Tout le monde est bienvenu, vos proches aussi.',
			en: 'A festive meal for the whole neighbourhood, with music. Bring something if you can, and come even if you cannot bring anything. Everyone is welcome, your family and friends too.'
		},
		neighbourhood: 'kuregem',
		place: 'dienstencentrum-clemenceau',
		point: null,
		startsAt: '2026-12-19T17:30',
		durationMinutes: 210,
		rrule: null,
		host: 'Lokaal dienstencentrum Clemenceau en Buurtcentrum Lemmens',
		walkIn: true,
		cost: 'free',
		languages: ['nl', 'fr', 'ar', 'tr', 'ro', 'es'],
		visibility: 'public',
		helpersNeeded: 4
	}
];

// ---------------------------------------------------------------------------------------------
// Coffee-bus rounds

export const demoRounds: DemoRound[] = [
	{
		slug: 'koffiebus-kuregem',
		name: {
			nl: 'Koffiebus Kuregem',
			fr: 'Bus-café Cureghem',
			en: 'Kuregem coffee bus'
		},
		description: {
			nl: 'Elke maand rijdt een busje met koffie en thee door Kuregem, samen met iemand van het CAW en van de gemeente. We bellen aan en nodigen je uit voor een drankje en een babbel over hoe het is om in de buurt te wonen. Kom gerust naar de bus, ook als niemand bij jou aanbelde.',
			fr: "Chaque mois, un petit bus avec du café et du thé passe dans Cureghem, avec quelqu'un du CAW et de la commune. Nous sonnons aux portes et vous invitons à boire un verre et à parler de la vie dans le quartier. Venez au bus, même si personne n'a sonné chez vous.",
			en: 'Every month a van with coffee and tea drives through Kuregem, with someone from CAW and from the municipality. We ring doorbells and invite you for a drink and a chat about living in the neighbourhood. Feel free to come to the bus, even if nobody rang your bell.'
		},
		neighbourhood: 'kuregem',
		startsAt: '2026-02-10T09:30',
		rrule: 'FREQ=MONTHLY;BYDAY=2TU',
		partners: ['CAW Brussel', 'OCMW/CPAS Anderlecht', "Gemeente Anderlecht / Commune d'Anderlecht"],
		visibility: 'public',
		stops: [
			{
				position: 1,
				street: 'Brogniezstraat / Rue Brogniez',
				lat: 50.8414,
				lon: 4.3322,
				arrivalTime: '09:45',
				stayMinutes: 45
			},
			{
				position: 2,
				street: 'Heyvaertstraat / Rue Heyvaert',
				lat: 50.8447,
				lon: 4.3296,
				arrivalTime: '10:40',
				stayMinutes: 45
			},
			{
				position: 3,
				street: 'Lemmensplein / Place Lemmens',
				lat: 50.8423,
				lon: 4.3264,
				arrivalTime: '11:35',
				stayMinutes: 60
			},
			{
				position: 4,
				street: 'Eloystraat / Rue Eloy',
				lat: 50.8398,
				lon: 4.3243,
				arrivalTime: '13:30',
				stayMinutes: 40
			},
			{
				position: 5,
				street: 'Bergensesteenweg / Chaussée de Mons',
				lat: 50.8378,
				lon: 4.3292,
				arrivalTime: '14:20',
				stayMinutes: 40
			}
		]
	},
	{
		slug: 'koffiebus-marollen',
		name: {
			nl: 'Koffiebus Marollen',
			fr: 'Bus-café des Marolles',
			en: 'Marollen coffee bus'
		},
		description: {
			nl: 'Op de eerste woensdag van de maand staat de koffiebus in de Marollen. Er is gratis koffie en thee. We bellen aan bij de buren en vragen hoe het is om hier te wonen; wie wil, komt iets drinken aan de bus.',
			fr: "Le premier mercredi du mois, le bus-café s'installe dans les Marolles. Le café et le thé sont gratuits. Nous sonnons chez les voisins et demandons comment c'est de vivre ici ; qui le souhaite vient boire un verre au bus.",
			en: "On the first Wednesday of the month the coffee bus parks in the Marollen. Coffee and tea are free. We ring at the neighbours' doors and ask what it is like to live here; anyone who wants comes for a drink at the bus."
		},
		neighbourhood: 'marollen',
		startsAt: '2026-03-04T09:30',
		rrule: 'FREQ=MONTHLY;BYDAY=1WE',
		partners: ['CAW Brussel', 'OCMW/CPAS Brussel', 'Stad Brussel / Ville de Bruxelles'],
		visibility: 'public',
		stops: [
			{
				position: 1,
				street: 'Vossenplein / Place du Jeu de Balle',
				lat: 50.8382,
				lon: 4.3457,
				arrivalTime: '09:40',
				stayMinutes: 60
			},
			{
				position: 2,
				street: 'Huidevettersstraat / Rue des Tanneurs',
				lat: 50.8395,
				lon: 4.3427,
				arrivalTime: '10:50',
				stayMinutes: 45
			},
			{
				position: 3,
				street: 'Hoogstraat / Rue Haute',
				lat: 50.8358,
				lon: 4.3462,
				arrivalTime: '11:50',
				stayMinutes: 45
			},
			{
				position: 4,
				street: 'Blaesstraat / Rue Blaes',
				lat: 50.8364,
				lon: 4.3449,
				arrivalTime: '13:30',
				stayMinutes: 30
			},
			{
				position: 5,
				street: 'Radijsstraat / Rue des Radis',
				lat: 50.8369,
				lon: 4.3436,
				arrivalTime: '14:10',
				stayMinutes: 30
			},
			{
				position: 6,
				street: 'Voorzorgsstraat / Rue de la Prévoyance',
				lat: 50.8391,
				lon: 4.3449,
				arrivalTime: '14:50',
				stayMinutes: 40
			}
		]
	}
];

// ---------------------------------------------------------------------------------------------
// Cancelled and moved dates

export const demoOccurrenceChanges: DemoOccurrenceChange[] = [
	{
		gathering: 'open-huis-de-marolle',
		round: null,
		originalDate: '2026-12-05',
		status: 'cancelled',
		movedTo: null,
		note: {
			nl: 'Gesloten wegens verlof. Op 2 januari is het weer open huis.',
			fr: 'Fermé pour congé. La maison ouverte revient le 2 janvier.',
			en: 'Closed for holidays. The next open house is on 2 January.'
		}
	},
	{
		gathering: 'open-kring-zennebel',
		round: null,
		originalDate: '2026-12-15',
		status: 'moved',
		movedTo: '2026-12-16T18:00',
		note: {
			nl: 'Deze keer op woensdag, want op dinsdag is er een buurtfeest in de zaal.',
			fr: 'Cette fois le mercredi, car le mardi il y a une fête de quartier dans la salle.',
			en: 'This time on Wednesday, because there is a neighbourhood party in the hall on Tuesday.'
		}
	},
	{
		gathering: 'donderdagontbijt',
		round: null,
		originalDate: '2026-12-31',
		status: 'moved',
		movedTo: '2026-12-30T07:30',
		note: {
			nl: 'Op oudejaarsdag ontbijten we een dag vroeger, op woensdag.',
			fr: 'Pour le réveillon, le petit-déjeuner a lieu un jour plus tôt, le mercredi.',
			en: "On New Year's Eve breakfast is one day earlier, on Wednesday."
		}
	},
	{
		gathering: 'spreekuur-sara-lemmens',
		round: null,
		originalDate: '2026-12-02',
		status: 'cancelled',
		movedTo: null,
		note: {
			nl: 'Sara is er die dag niet. Mehmet is er op donderdagnamiddag.',
			fr: "Sara n'est pas là ce jour-là. Mehmet est présent le jeudi après-midi.",
			en: 'Sara is away that day. Mehmet is in on Thursday afternoon.'
		}
	},
	{
		gathering: null,
		round: 'koffiebus-kuregem',
		originalDate: '2026-12-08',
		status: 'cancelled',
		movedTo: null,
		note: {
			nl: 'De koffiebus rijdt niet: het busje is in herstelling.',
			fr: 'Le bus-café ne roule pas : le bus est en réparation.',
			en: 'The coffee bus is not running: the van is being repaired.'
		}
	}
];
