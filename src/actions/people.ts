import type { NotifyConfig, Owners, Ownership, Person } from '../model/index.js';
import type { DeliveryChannel } from '../store/index.js';

/** The person a late plan escalates to: the accountable one, else the manager of the responsible person's team. */
export function escalationTarget(owners: Owners, ownership: Ownership): string | null {
  if (ownership.accountable && ownership.accountable !== ownership.responsible) return ownership.accountable;
  const team = owners.teams.find((t) => t.id === findPerson(owners, ownership.responsible)?.team);
  return team?.manager && team.manager !== ownership.responsible ? team.manager : null;
}

export function findPerson(owners: Owners, id: string): Person | undefined {
  return owners.people.find((p) => p.id === id);
}

/**
 * Where a person's messages go besides the inbox: their email when SMTP is configured, and the
 * webhooks of them or their team (by the name of the environment variable that holds the url).
 */
export function deliveryAddresses(owners: Owners, notify: NotifyConfig | undefined, personId: string): { channel: DeliveryChannel; address: string }[] {
  const person = findPerson(owners, personId);
  if (!person || !notify) return [];
  const out: { channel: DeliveryChannel; address: string }[] = [];
  if (notify.email && person.email) out.push({ channel: 'email', address: person.email });
  for (const webhook of notify.webhooks) {
    if (webhook.person === person.id || (webhook.team !== undefined && webhook.team === person.team)) out.push({ channel: 'webhook', address: webhook.url_env });
  }
  return out;
}
