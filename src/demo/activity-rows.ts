import { dayMs, startOfDay } from './calendar.js';
import { polymorphicBase } from './demo-schema.js';
import type { OrgState } from './org-state.js';
import type { Person } from './people.js';
import type { Random } from './random.js';

/** Task, Event and EmailMessage rows: the activity of the reps. */

/** who_id: a lead or a contact. */
export const whoLead = (lead: number) => lead;
export const whoContact = (contact: number) => polymorphicBase + contact;
/** what_id: an opportunity or an account. */
export const whatOpportunity = (opportunity: number) => opportunity;
export const whatAccount = (account: number) => polymorphicBase + account;

export interface TaskInput {
  owner: Person;
  at: number;
  kind: 'Call' | 'Email';
  subject: string;
  who: number | null;
  what: number | null;
  account: number | null;
}

export function emitTask(state: OrgState, random: Random, task: TaskInput): number {
  const id = state.nextId('task');
  const call = task.kind === 'Call';
  const duration = call ? Math.round(30 + random.lognormal(0.8) * 180) : null;
  const deleted = random.next() < 0.004;
  const completed = task.at + (duration ?? 60) * 1000;
  state.sink.push('task', [
    id, task.owner.id, task.who, task.what, task.account, task.subject, task.kind, task.kind, 'Completed', startOfDay(task.at), task.at, completed,
    duration, deleted, ...state.fivetran(completed),
  ]);
  return id;
}

export interface EventInput {
  owner: Person;
  /** When it was booked. */
  created: number;
  start: number;
  minutes: number;
  subject: string;
  who: number | null;
  what: number | null;
  account: number | null;
}

/** A meeting; none is written that starts on or after the as-of date. */
export function emitEvent(state: OrgState, random: Random, event: EventInput): void {
  if (event.start >= state.span.end) return;
  const id = state.nextId('event');
  const deleted = random.next() < 0.004;
  const created = Math.min(event.created, event.start - 3_600_000);
  state.sink.push('event', [
    id, event.owner.id, event.who, event.what, event.account, event.subject, 'Meeting', 'Event', event.start, event.start,
    event.start + event.minutes * 60_000, event.minutes, created, deleted, ...state.fivetran(created),
  ]);
}

export interface EmailInput {
  task: number;
  owner: Person;
  at: number;
  subject: string;
  to: string;
  related: number | null;
  /** 0–1: how likely the recipient engages (a lead's score, an account's interest). */
  interest: number;
}

/** A tracked outgoing email, whether it was opened, and a reply (an incoming email pointing at it). */
export function emitEmail(state: OrgState, random: Random, email: EmailInput): void {
  const id = state.nextId('email_message');
  const tracked = random.chance(0.9);
  const bounced = random.chance(0.03);
  const opened = tracked && !bounced && random.chance(0.25 + 0.4 * email.interest);
  const openedAt = opened ? email.at + Math.round(random.lognormal(1.2) * 3_600_000) : null;
  const replied = !bounced && random.chance(0.03 + 0.1 * email.interest);
  const status = replied ? '2' : opened ? '1' : '3';
  const end = state.span.end;
  const firstOpened = openedAt !== null && openedAt < end ? openedAt : null;
  state.sink.push('email_message', [
    id, email.task, email.related, email.owner.email, email.to, email.subject, status, false, tracked, firstOpened !== null, bounced, firstOpened,
    email.at, null, email.owner.id, email.at, false, ...state.fivetran(firstOpened ?? email.at),
  ]);
  if (!replied) return;
  const replyAt = email.at + Math.round((0.2 + random.lognormal(1) * 0.8) * dayMs);
  if (replyAt >= end) return;
  state.sink.push('email_message', [
    state.nextId('email_message'), null, email.related, email.to, email.owner.email, email.subject, '1', true, false, false, false, null,
    replyAt, id, email.owner.id, replyAt, false, ...state.fivetran(replyAt),
  ]);
}
