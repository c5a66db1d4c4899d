import { accountStatus } from './account-book.js';
import { emitEvent, whatOpportunity, whoContact } from './activity-rows.js';
import { addMonths, dayMs, isoDate } from './calendar.js';
import { contactRoles, leadSourceNames, products, segmentNames, segments, stages, type OpportunityType } from './org-config.js';
import type { OrgState } from './org-state.js';
import { simulatePath } from './opportunity-path.js';
import type { Person } from './people.js';
import type { Random } from './random.js';

/** One opportunity with everything it leaves behind: stage history, field history, products, contact roles, meetings. */

export interface NewOpportunity {
  account: number;
  owner: Person;
  type: OpportunityType;
  created: number;
  leadSource: string;
  campaign: number | null;
  /** The deal size aimed at, before products are priced. */
  target: number;
  term: number;
}

export function createOpportunity(state: OrgState, o: NewOpportunity): number {
  const { accounts, span } = state;
  if (o.created >= span.end) throw new Error('an opportunity created after the as-of date');
  const id = state.nextId('opportunity');
  const random = state.random(41, o.owner.index, o.created);
  const segment = segments[segmentNames[accounts.segment[o.account]!]!];
  const context = { region: o.owner.region, segment: segment.name, rep: o.owner.name, leadSource: leadSourceNames.includes(o.leadSource) ? o.leadSource : null };
  const path = simulatePath(random, { created: o.created, type: o.type, segment, context, incidents: state.incidents });
  const lines = priceLines(random, o.type, segment.name, o.target * path.amountFactor);
  const amount = lines.reduce((sum, line) => sum + line.total, 0);
  const { deleted, hardDeleted } = state.deletion(random);
  const fivetran = (ms: number) => state.fivetran(ms, hardDeleted);
  const seen = path.steps.filter((s) => s.at < span.end);
  const now = seen.at(-1)!;
  const stage = stages[now.stage]!;

  state.sink.push('opportunity', [
    id, o.account + 1, o.owner.id, o.campaign, `${accounts.names[o.account]} - ${o.type}`, amount, stage.name, stage.probability, o.type, o.leadSource,
    stage.forecast, stage.closed, stage.won, now.closeDate, o.created, now.at - (now.at % dayMs), deleted, stage.closed && !stage.won ? path.lossReason : null,
    o.term, ...fivetran(now.at),
  ]);
  let previous: (typeof seen)[number] | null = null;
  for (const step of seen) {
    const s = stages[step.stage]!;
    state.sink.push('opportunity_history', [
      state.nextId('opportunity_history'), id, s.name, amount, s.probability, step.closeDate, s.forecast, step.at, deleted, ...fivetran(step.at),
    ]);
    if (previous) {
      const [field, before, after] = step.push ? ['CloseDate', isoDate(previous.closeDate), isoDate(step.closeDate)] : ['StageName', stages[previous.stage]!.name, s.name];
      state.sink.push('opportunity_field_history', [state.nextId('opportunity_field_history'), id, field, before, after, step.at, deleted, ...fivetran(step.at)]);
    }
    previous = step;
  }
  const linesAt = o.created + 600_000;
  for (const line of lines) {
    state.sink.push('opportunity_line_item', [
      state.nextId('opportunity_line_item'), id, line.product + 1, line.quantity, line.unit, line.list, line.total, line.discount, linesAt, deleted, ...fivetran(linesAt),
    ]);
  }
  const first = accounts.firstContact[o.account]!;
  const contactCount = accounts.contacts[o.account]!;
  const roles = Math.min(contactCount, 1 + Math.floor(random.next() * (segment.name === 'Enterprise' ? 4 : 2)));
  for (let k = 0; k < roles; k++) {
    state.sink.push('opportunity_contact_role', [
      state.nextId('opportunity_contact_role'), id, first + k, k === 0 ? 'Decision Maker' : random.pick(contactRoles), k === 0, deleted, ...fivetran(o.created),
    ]);
  }
  // A demo when it is qualified, a review when the proposal goes out.
  for (const step of seen) {
    if (step.push || (step.stage !== 1 && step.stage !== 2)) continue;
    const start = step.at + random.int(1, 4) * dayMs;
    emitEvent(state, random, {
      owner: o.owner, created: step.at, start, minutes: step.stage === 1 ? 60 : 45, subject: step.stage === 1 ? 'Demo' : 'Proposal review',
      who: whoContact(first + random.int(0, contactCount - 1)), what: whatOpportunity(id), account: o.account + 1,
    });
  }

  accounts.hasOpportunity[o.account] = 1;
  const close = path.steps.at(-1)!;
  if (close.at < span.end) state.schedule(close.at, () => settle(state, o, amount, path.won, close.at));
  return id;
}

/** A closed deal changes its account: a new customer, a bigger contract, a renewal, a churn. */
function settle(state: OrgState, o: NewOpportunity, amount: number, won: boolean, closedAt: number): void {
  const { accounts } = state;
  const yearly = amount / Math.max(1, o.term / 12);
  if (won && o.type === 'New Business') {
    const isNew = accounts.status[o.account] !== accountStatus.customer;
    accounts.makeCustomer(o.account, accounts.arr[o.account]! + yearly);
    if (isNew) scheduleRenewal(state, o.account, addMonths(closedAt, o.term));
  } else if (won && o.type === 'Expansion') {
    accounts.makeCustomer(o.account, accounts.arr[o.account]! + yearly);
  } else if (o.type === 'Renewal') {
    if (won) {
      accounts.makeCustomer(o.account, yearly);
      scheduleRenewal(state, o.account, addMonths(closedAt, o.term));
    } else {
      accounts.churn(o.account);
    }
  }
}

/** A renewal opportunity about 90 days before the contract ends, if the account is still a customer then. */
export function scheduleRenewal(state: OrgState, account: number, contractEnd: number): void {
  state.schedule(contractEnd - 90 * dayMs, () => {
    const { accounts } = state;
    if (accounts.status[account] !== accountStatus.customer) return;
    const owner = state.people.users[accounts.owner[account]!]!;
    const created = Math.max(contractEnd - 90 * dayMs, state.span.start + state.week * 7 * dayMs) + 10 * 3_600_000;
    if (created >= state.span.end) return;
    const random = state.random(43, account, created);
    createOpportunity(state, {
      account, owner, type: 'Renewal', created, leadSource: 'Existing Customer', campaign: null,
      target: accounts.arr[account]! * (1 + random.normal(0.05, 0.05)), term: random.chance(0.8) ? 12 : 24,
    });
  });
}

interface Line {
  product: number;
  quantity: number;
  unit: number;
  list: number;
  discount: number;
  total: number;
}

/** Products for a deal that add up to about `target`: a platform, add-ons, services, support. */
function priceLines(random: Random, type: OpportunityType, segment: string, target: number): Line[] {
  const chosen: [product: number, share: number][] =
    type === 'Expansion'
      ? [[random.pick([2, 3, 4, 5]), 0.7], [5, 0.3]]
      : type === 'Renewal'
        ? [[segment === 'Enterprise' ? 1 : 0, 0.85], [8, 0.15]]
        : [[segment === 'SMB' ? 0 : 1, 0.7], [random.pick([2, 3, 4, 9]), 0.2], [segment === 'SMB' ? 7 : 6, 0.1]];
  const lines: Line[] = [];
  for (const [product, share] of chosen) {
    if (lines.some((l) => l.product === product)) continue;
    const list = products[product]!.price;
    const discount = Math.round(random.next() * (type === 'Renewal' ? 5 : 25)) / 100;
    const unit = Math.round(list * (1 - discount) * 100) / 100;
    const quantity = Math.max(1, Math.round((target * share) / unit));
    lines.push({ product, quantity, unit, list, discount: discount * 100, total: Math.round(quantity * unit * 100) / 100 });
  }
  return lines;
}
