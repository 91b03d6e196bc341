export {
	EventHub,
	liveEvents,
	toLiveEvent,
	type CallEventSource,
	type EventHubOptions,
	type LiveCallEvent,
	type LiveSubscriber
} from './event-hub';
export {
	createEscalationRunner,
	startEscalationRunner,
	type EscalationRunner,
	type EscalationRunnerOptions
} from './escalation-runner';
export { openEventStream, type EventStreamOptions } from './event-stream';
