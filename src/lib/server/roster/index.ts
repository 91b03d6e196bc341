export { RosterError, isRosterError, type RosterErrorCode } from './roster-error';
export {
	DUTY_ROLES,
	findNextDutyStart,
	listCoordinators,
	listDutyNeighbourhoods,
	listOnDuty,
	type DutyPerson,
	type DutyRole,
	type OnDutyWorker
} from './on-duty';
export { findRosterGaps, type GapHours, type RosterGap } from './gaps';
export {
	addDutyPattern,
	addDutyShift,
	removeDutyPattern,
	removeDutyShift,
	type NewDutyPattern,
	type NewDutyShift
} from './manage';
export {
	listRoster,
	type Roster,
	type RosterDay,
	type RosterEntry,
	type RosterTimeOff
} from './roster-days';
