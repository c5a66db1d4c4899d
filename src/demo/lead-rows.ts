import { companyName, emailAt } from './account-book.js';
import { dayMs, drawWeekday, hourMs, weekMs } from './calendar.js';
import type { CampaignCalendar } from './campaigns.js';
import { createOpportunity } from './emit-opportunity.js';
import { industries, leadSources, regions, segmentNames, segments, type SegmentName } from './org-config.js';
import type { OrgState } from './org-state.js';
import type { Person } from './people.js';
import type { Random } from './random.js';

/** Leads: created by marketing for an SDR, worked, then converted, disqualified, or still open at the as-of date. */

export interface Lead {
  id: number;
  owner: Person;
  created: number;
  source: string;
  campaign: number | null;
  score: number;
  segment: SegmentName;
  company: string;
  email: string;
  industry: string;
  mql: number | null;
  touched: boolean;
}

const inbound = leadSources.filter((s) => s.weight > 0);

/** A working moment in the week of `monday`: weekdays mostly, the region's office hours. */
export function workingMoment(random: Random, monday: number, person: Person): number {
  const region = regions.find((r) => r.name === person.region);
  return monday + drawWeekday(random.next()) * dayMs + ((region?.dayStartHour ?? 8) + random.next() * 10) * hourMs;
}

export function createLeads(state: OrgState, campaigns: CampaignCalendar, sdr: Person, monday: number, volume: number, random: Random): Lead[] {
  const region = regions.find((r) => r.name === sdr.region)!;
  const leads: Lead[] = [];
  const count = random.poisson(volume);
  for (let k = 0; k < count; k++) {
    const created = workingMoment(random, monday, sdr);
    if (created >= state.span.end) continue;
    const source = random.weighted(inbound, (s) => s.weight);
    const campaign = source.campaign ? campaigns.find(region.name, created, source.campaign) : null;
    const score = Math.max(1, Math.min(99, Math.round(random.normal(source.score, 16))));
    const segment = random.weighted(segmentNames, (s) => region.aes[s]);
    const company = companyName(random);
    const mqlAfter = score >= 55 ? random.next() * 3 * dayMs : random.chance(0.1) ? (5 + random.next() * 15) * dayMs : null;
    const mql = mqlAfter !== null && created + mqlAfter < state.span.end ? created + mqlAfter : null;
    const lead: Lead = {
      id: state.nextId('lead'), owner: sdr, created, source: source.name, campaign, score, segment, company,
      email: emailAt(random, company), industry: random.pick(industries), mql, touched: false,
    };
    leads.push(lead);
    if (campaign !== null) {
      const responded = source.name !== 'Email' || random.chance(0.6);
      state.sink.push('campaign_member', [
        state.nextId('campaign_member'), campaign, lead.id, null, responded ? 'Responded' : 'Sent', responded, responded ? created : null, created, false, ...state.fivetran(created),
      ]);
    }
  }
  return leads;
}

/** Writes the lead as it stands at the as-of date. */
export function emitLead(state: OrgState, lead: Lead, status: string, random: Random, conversion?: { at: number; account: number; contact: number; opportunity: number }): void {
  const rating = lead.score >= 70 ? 'Hot' : lead.score >= 45 ? 'Warm' : 'Cold';
  const { deleted, hardDeleted } = conversion ? { deleted: false, hardDeleted: false } : state.deletion(random);
  const changed = conversion?.at ?? lead.created;
  state.sink.push('lead', [
    lead.id, lead.owner.id, lead.company, lead.email, lead.source, status, rating, lead.industry, conversion !== undefined, conversion?.at ?? null,
    conversion?.account ?? null, conversion?.contact ?? null, conversion?.opportunity ?? null, lead.created, deleted, lead.score, lead.mql,
    ...state.fivetran(changed, hardDeleted),
  ]);
}

/** The lead becomes an account, a contact and a new-business opportunity owned by the AE who met them. */
export function convertLead(state: OrgState, lead: Lead, ae: Person, at: number): void {
  const random = state.random(52, lead.owner.index, lead.created);
  const account = state.accounts.create(state, { owner: ae, segment: lead.segment, created: at, name: lead.company, industry: lead.industry, leadSource: lead.source, firstEmail: lead.email }, random);
  const segment = segments[lead.segment];
  const term = random.chance(segment.name === 'Enterprise' ? 0.45 : 0.25) ? random.pick([24, 36]) : 12;
  const opportunity = createOpportunity(state, {
    account, owner: ae, type: 'New Business', created: at, leadSource: lead.source, campaign: lead.campaign,
    target: segment.dealSize * random.lognormal(0.5) * (0.8 + lead.score / 250), term,
  });
  emitLead(state, lead, 'Qualified', random, { at, account: account + 1, contact: state.accounts.firstContact[account]!, opportunity });
}

/** Leads untouched for six weeks leave the SDR's queue. */
export const leadShelfLife = 6 * weekMs;
