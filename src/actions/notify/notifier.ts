import type { DeliveryChannel } from '../../store/index.js';

/** A message on its way to one address of one channel. */
export interface OutgoingMessage {
  /** An email address, or the name of the environment variable holding a webhook url. */
  address: string;
  subject: string;
  body: string;
}

/** Delivers a message, or throws why it could not (the delivery is then retried). */
export interface Notifier {
  readonly channel: DeliveryChannel;
  send(message: OutgoingMessage): Promise<void>;
}
