import { emitEmail, emitEvent, emitTask, whoLead } from './activity-rows.js';
import { dayMs } from './calendar.js';
import type { CampaignCalendar } from './campaigns.js';
import { activityFactor } from './incidents.js';
import { convertLead, createLeads, emitLead, leadShelfLife, workingMoment, type Lead } from './lead-rows.js';
import { rates } from './org-config.js';
import type { OrgState } from './org-state.js';
import type { Person } from './people.js';

/**
 * An SDR's week: new leads arrive; the SDR calls and emails them; some touches book a discovery
 * meeting with an AE two to three weeks out; about half the meetings become an opportunity a few
 * days later (the lead converts). So SDR activity moves pipeline created about four weeks later.
 */

export interface WeekVolume {
  /** Growth, seasonality and noise for this week. */
  factor: number;
}

export class SdrDesk {
  private queues = new Map<number, Lead[]>();

  constructor(
    private readonly state: OrgState,
    private readonly campaigns: CampaignCalendar,
  ) {}

  runWeek(sdr: Person, monday: number, volume: WeekVolume): void {
    const { state } = this;
    const random = state.random(51, sdr.index, state.week);
    const queue = this.queueOf(sdr);
    for (let k = queue.length - 1; k >= 0; k--) {
      const lead = queue[k]!;
      if (lead.created >= monday - leadShelfLife) continue;
      emitLead(state, lead, lead.touched ? 'Unqualified' : 'Open - Not Contacted', random);
      queue[k] = queue.at(-1)!;
      queue.pop();
    }
    queue.push(...createLeads(state, this.campaigns, sdr, monday, rates.leadsPerSdr * volume.factor, random));

    const touches = random.poisson(rates.sdrTasks * sdr.productivity * volume.factor * activityFactor(state.incidents, sdr, monday));
    const aes = state.people.teams.get(sdr.region!)!;
    for (let k = 0; k < touches && queue.length > 0; k++) {
      const at = workingMoment(random, monday, sdr);
      if (at >= state.span.end) continue;
      const slot = Math.floor(random.next() * queue.length);
      const lead = queue[slot]!;
      if (lead.created > at) continue;
      const call = random.chance(0.55);
      const subject = call ? random.pick(['Call', 'Discovery call', 'Follow-up call']) : random.pick(['Intro email', 'Follow-up email']);
      const task = emitTask(state, random, { owner: sdr, at, kind: call ? 'Call' : 'Email', subject, who: whoLead(lead.id), what: null, account: null });
      if (!call) emitEmail(state, random, { task, owner: sdr, at, subject, to: lead.email, related: null, interest: lead.score / 100 });
      lead.touched = true;
      if (!random.chance(rates.sdrMeeting * Math.pow(lead.score / 50, 1.3))) continue;

      // A meeting is booked: the lead leaves the queue and its fate follows the meeting.
      queue[slot] = queue.at(-1)!;
      queue.pop();
      const ae = random.pick(state.people.teams.get(`${sdr.region}|${lead.segment}`) ?? aes);
      const meeting = at + (14 + random.next() * 7) * dayMs;
      emitEvent(state, random, { owner: ae, created: at, start: meeting, minutes: 30, subject: 'Discovery meeting', who: whoLead(lead.id), what: null, account: null });
      const converts = random.chance(rates.meetingToOpportunity * (0.7 + lead.score / 170));
      const decided = converts ? meeting + (2 + random.next() * 7) * dayMs : meeting;
      if (decided >= state.span.end) emitLead(state, lead, 'Working - Contacted', random);
      else if (converts) state.schedule(decided, () => convertLead(state, lead, ae, decided));
      else state.schedule(decided, () => emitLead(state, lead, 'Unqualified', state.random(53, lead.owner.index, lead.created)));
    }
  }

  /** Writes the leads still in the queues at the as-of date. */
  finish(): void {
    for (const [index, queue] of this.queues) {
      const random = this.state.random(54, index);
      for (const lead of queue) emitLead(this.state, lead, lead.touched ? 'Working - Contacted' : 'Open - Not Contacted', random);
    }
    this.queues.clear();
  }

  private queueOf(sdr: Person): Lead[] {
    let queue = this.queues.get(sdr.index);
    if (!queue) this.queues.set(sdr.index, (queue = []));
    return queue;
  }
}
