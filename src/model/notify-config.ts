import { z } from 'zod';
import { durationSchema, envNameSchema, idSchema } from './schema-parts.js';

/** SMTP for email: where and as whom; the password only from the environment variable named. */
const emailSchema = z.strictObject({
  host: z.string().min(1),
  port: z.number().int().min(1).max(65_535).default(587),
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: z.boolean().default(false),
  from: z.string().min(1),
  user_env: envNameSchema.optional(),
  password_env: envNameSchema.optional(),
});

/** A Slack-compatible incoming webhook for one person or one team; its url is a secret, so it comes from the environment. */
const webhookSchema = z
  .strictObject({ person: idSchema.optional(), team: idSchema.optional(), url_env: envNameSchema })
  .refine((w) => (w.person === undefined) !== (w.team === undefined), { message: 'a webhook is for exactly one of person or team' });

/** How action plans and digests reach people, besides the in-app inbox. */
export const notifyConfigSchema = z.strictObject({
  email: emailSchema.optional(),
  webhooks: z.array(webhookSchema).default([]),
  /** Tries per message before it is marked failed; the wait doubles after each failure from `backoff`. */
  attempts: z.number().int().min(1).max(20).default(6),
  backoff: durationSchema.default({ text: '1 minute', seconds: 60 }),
});

export type NotifyConfig = z.infer<typeof notifyConfigSchema>;
