import type { Notifier } from './notifier.js';

/**
 * Slack-compatible incoming webhooks ({"text": …} by POST) with plain fetch. The address is the
 * name of the environment variable holding the url, read at send time: the url, a secret, is never stored.
 */
export function webhookNotifier(env: Record<string, string | undefined>, timeoutMs = 10_000): Notifier {
  return {
    channel: 'webhook',
    async send(message) {
      const url = env[message.address];
      if (!url) throw new Error(`the webhook url is not set: environment variable ${message.address} (notify.webhooks url_env) is empty`);
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: `*${message.subject}*\n${message.body}` }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) throw new Error(`the webhook answered ${response.status} ${response.statusText}: ${(await response.text()).slice(0, 200)}`);
    },
  };
}
