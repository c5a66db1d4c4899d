import { accountStatus, contactEmail } from './account-book.js';
import { emitEmail, emitEvent, emitTask, whatAccount, whoContact } from './activity-rows.js';
import { dayMs, hourMs } from './calendar.js';
import type { CampaignCalendar } from './campaigns.js';
import { createOpportunity } from './emit-opportunity.js';
import { activityFactor } from './incidents.js';
import { workingMoment } from './lead-rows.js';
import { caseValues, rates, segmentNames, segments } from './org-config.js';
import type { OrgState } from './org-state.js';
import type { Person } from './people.js';
import type { Random } from './random.js';

/**
 * An AE's week: calls and emails to the contacts of their accounts; meetings booked with
 * prospects turn into opportunities; customers meet for reviews, expand, and open support cases.
 */
export function runAeWeek(state: OrgState, campaigns: CampaignCalendar, ae: Person, monday: number, factor: number): void {
  const random = state.random(55, ae.index, state.week);
  const { accounts } = state;
  const book = accounts.books.get(ae.index) ?? [];
  const touches = book.length === 0 ? 0 : random.poisson(rates.aeTasks * ae.productivity * factor * activityFactor(state.incidents, ae, monday));
  for (let k = 0; k < touches; k++) {
    const at = workingMoment(random, monday, ae);
    const account = book[Math.floor(random.next() * book.length)]!;
    if (at >= state.span.end || accounts.created[account]! > at) continue;
    const contact = accounts.firstContact[account]! + random.int(0, accounts.contacts[account]! - 1);
    const call = random.chance(0.5);
    const subject = call ? random.pick(['Call', 'Follow-up call', 'Check-in']) : random.pick(['Email', 'Follow-up email', 'Send proposal']);
    const task = emitTask(state, random, { owner: ae, at, kind: call ? 'Call' : 'Email', subject, who: whoContact(contact), what: whatAccount(account + 1), account: account + 1 });
    if (!call) emitEmail(state, random, { task, owner: ae, at, subject, to: contactEmail(state, contact, account), related: whatAccount(account + 1), interest: 0.45 });

    const customer = accounts.status[account] === accountStatus.customer;
    if (customer && random.chance(0.03)) {
      const start = at + (7 + random.next() * 14) * dayMs;
      emitEvent(state, random, { owner: ae, created: at, start, minutes: 60, subject: 'Quarterly business review', who: whoContact(contact), what: whatAccount(account + 1), account: account + 1 });
    }
    if (customer || !random.chance(rates.aeMeeting)) continue;
    const meeting = at + (14 + random.next() * 7) * dayMs;
    emitEvent(state, random, { owner: ae, created: at, start: meeting, minutes: 30, subject: 'Discovery meeting', who: whoContact(contact), what: whatAccount(account + 1), account: account + 1 });
    if (!random.chance(rates.meetingToOpportunity)) continue;
    const created = meeting + (2 + random.next() * 7) * dayMs;
    const segment = segments[segmentNames[accounts.segment[account]!]!];
    const target = segment.dealSize * random.lognormal(0.5);
    const term = random.chance(0.3) ? 24 : 12;
    state.schedule(created, () => createOpportunity(state, { account, owner: ae, type: 'New Business', created, leadSource: 'Outbound', campaign: null, target, term }));
  }
  runCustomers(state, campaigns, ae, monday, random);
}

/** Expansions, support cases and webinar invitations among the AE's customers. */
function runCustomers(state: OrgState, campaigns: CampaignCalendar, ae: Person, monday: number, random: Random): void {
  const { accounts } = state;
  const customers = accounts.customersOf(ae.index);
  if (customers.length === 0) return;
  const expansions = random.poisson(rates.expansion * customers.length);
  for (let k = 0; k < expansions; k++) {
    const account = random.pick(customers);
    const created = workingMoment(random, monday, ae);
    if (created >= state.span.end) continue;
    createOpportunity(state, {
      account, owner: ae, type: 'Expansion', created, leadSource: 'Existing Customer', campaign: null,
      target: Math.max(2_000, accounts.arr[account]! * 0.3 * random.lognormal(0.4)), term: 12,
    });
  }
  const support = state.people.teams.get(`${ae.region}|Support`) ?? state.people.support;
  const cases = random.poisson(rates.cases * customers.length);
  for (let k = 0; k < cases; k++) emitCase(state, random, random.pick(customers), random.pick(support), monday + random.next() * 7 * dayMs);

  const webinar = campaigns.find(ae.region!, monday, 'Webinar');
  const invited = webinar === null ? 0 : random.poisson(0.6);
  for (let k = 0; k < invited; k++) {
    const account = random.pick(customers);
    const contact = accounts.firstContact[account]! + random.int(0, accounts.contacts[account]! - 1);
    const created = workingMoment(random, monday, ae);
    if (created >= state.span.end) continue;
    const responded = random.chance(0.35);
    state.sink.push('campaign_member', [
      state.nextId('campaign_member'), webinar, null, contact, responded ? 'Attended' : 'Registered', responded, responded ? created : null, created, false, ...state.fivetran(created),
    ]);
  }
}

const resolutionHours = { Low: 60, Medium: 30, High: 10, Critical: 4 } as Record<string, number>;

function emitCase(state: OrgState, random: Random, account: number, owner: Person, created: number): void {
  if (created >= state.span.end) return;
  const priority = random.weighted(caseValues.priority, (p) => ({ Low: 0.35, Medium: 0.4, High: 0.2, Critical: 0.05 })[p]!);
  const escalated = random.chance(priority === 'Critical' ? 0.3 : 0.05);
  const closedAt = created + resolutionHours[priority]! * random.lognormal(0.8) * (escalated ? 2.5 : 1) * hourMs;
  const closed = closedAt < state.span.end;
  const status = closed ? 'Closed' : escalated ? 'Escalated' : random.pick(['New', 'Working']);
  const contact = state.accounts.firstContact[account]! + random.int(0, state.accounts.contacts[account]! - 1);
  const { deleted, hardDeleted } = state.deletion(random);
  state.sink.push('case', [
    state.nextId('case'), account + 1, contact, owner.id, status, priority, random.pick(caseValues.origin), random.pick(caseValues.type), random.pick(caseValues.reason),
    closed, escalated, created, closed ? closedAt : null, deleted, ...state.fivetran(closed ? closedAt : created, hardDeleted),
  ]);
}
