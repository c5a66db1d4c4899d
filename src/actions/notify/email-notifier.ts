import { createTransport } from 'nodemailer';
import type { NotifyConfig } from '../../model/index.js';
import { ActionError } from '../action-error.js';
import type { Notifier } from './notifier.js';

type EmailSettings = NonNullable<NotifyConfig['email']>;

/** Email over SMTP (nodemailer); the user and password come from the environment variables the settings name. */
export function emailNotifier(settings: EmailSettings, env: Record<string, string | undefined>): Notifier {
  const secret = (field: 'user_env' | 'password_env') => {
    const name = settings[field];
    if (name === undefined) return undefined;
    const value = env[name];
    if (value === undefined) throw new ActionError(`notify.email.${field}`, `notify.email.${field} names ${name}, which is not set in the environment`);
    return value;
  };
  const user = secret('user_env');
  const pass = secret('password_env');
  const transport = createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    ...(user !== undefined ? { auth: { user, pass } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    channel: 'email',
    async send(message) {
      await transport.sendMail({ from: settings.from, to: message.address, subject: message.subject, text: message.body });
    },
  };
}
