export { getVapidKeys, vapidSubject, type VapidKeys } from './vapid';
export {
	listSubscriptionsFor,
	removeSubscription,
	saveSubscription,
	type DeviceSubscription,
	type StoredSubscription
} from './subscriptions';
export { sendPushToAccounts, type PushOptions, type PushReport, type PushUrgency } from './send';
export { notifyBackupRecipients, type BackupPushPayload } from './notify';
