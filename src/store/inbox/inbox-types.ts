export type NotificationKind = 'plan' | 'escalation' | 'reopened' | 'digest';
export type DeliveryChannel = 'email' | 'webhook';
export type DeliveryStatus = 'pending' | 'sent' | 'failed';

export interface Notification {
  id: number;
  person: string;
  planId: number | null;
  kind: NotificationKind;
  subject: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

/** One message on its way out by email or webhook, with its tries so far. */
export interface Delivery {
  id: number;
  notificationId: number;
  channel: DeliveryChannel;
  /** An email address, or the name of the environment variable that holds the webhook url (never the url). */
  address: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  sentAt: string | null;
}
