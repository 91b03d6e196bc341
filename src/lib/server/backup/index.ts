export { BackupCallError, isBackupCallError, type BackupCallErrorCode } from './backup-error';
export { checkNote, type NoteWarning } from './note-check';
export type { BackupEventType, BackupRecipient } from './call-events';
export {
	acknowledgeCall,
	cancelCall,
	createBackupCall,
	handOverCall,
	markCalling,
	markOnTheWay,
	NOTE_MAX_LENGTH,
	resolveCall,
	type CallChange,
	type HelpKind,
	type NewBackupCall,
	type SentBackupCall,
	type Urgency
} from './calls';
export { escalateDueCalls, type EscalationKind, type EscalationStep } from './escalation';
export { countCalls, NOTE_RETENTION_DAYS, purgeOldNotes, type CallCount } from './retention';
export {
	findCallForVolunteer,
	findCallForWorker,
	findLatestEventId,
	listEventsAfter,
	listInboxForWorker,
	listTimeline,
	type FeedEvent,
	type InboxItem,
	type Person,
	type TimelineEntry,
	type VolunteerCallView,
	type WorkerCallView
} from './queries';
