import { addMonths, dayMs, type Span } from './calendar.js';
import { campaignTypes, regions } from './org-config.js';
import type { OrgState } from './org-state.js';

/**
 * Marketing campaigns: every region runs each campaign type every `everyMonths` months. A lead
 * from a campaign's source finds the campaign running in its region that month.
 */
export class CampaignCalendar {
  private ids = new Map<string, number>();
  private readonly firstMonth: number;
  readonly rows: { id: number; region: string; type: string; start: number; end: number; budget: number }[] = [];

  constructor(span: Span, scale: number) {
    const first = new Date(span.start);
    this.firstMonth = first.getUTCFullYear() * 12 + first.getUTCMonth();
    const months = Math.ceil((span.end - span.start) / (30.4 * dayMs)) + 1;
    for (let m = 0; m < months; m++) {
      const month = this.firstMonth + m;
      const start = Date.UTC(Math.floor(month / 12), month % 12, 1);
      if (start >= span.end) break;
      for (const region of regions) {
        for (const c of campaignTypes) {
          if (m % c.everyMonths !== 0) continue;
          const id = this.rows.length + 1;
          this.rows.push({ id, region: region.name, type: c.type, start, end: addMonths(start, c.everyMonths) - dayMs, budget: c.budget * Math.max(0.2, scale) });
          this.ids.set(`${region.name}|${m}|${c.type}`, id);
        }
      }
    }
  }

  /** The campaign of `type` running in `region` at `ms`, if any. */
  find(region: string, ms: number, type: string): number | null {
    const d = new Date(ms);
    const m = d.getUTCFullYear() * 12 + d.getUTCMonth() - this.firstMonth;
    const every = campaignTypes.find((c) => c.type === type)?.everyMonths ?? 1;
    return this.ids.get(`${region}|${m - (m % every)}|${type}`) ?? null;
  }

  emit(state: OrgState): void {
    const end = state.span.end;
    for (const c of this.rows) {
      const random = state.random(71, c.id);
      const status = c.end < end ? 'Completed' : 'In Progress';
      const spent = c.end < end ? 1 : Math.max(0.05, (end - c.start) / (c.end - c.start));
      const created = c.start - random.int(10, 40) * dayMs;
      const name = `${c.region} ${c.type} ${new Date(c.start).toISOString().slice(0, 7)}`;
      state.sink.push('campaign', [
        state.nextId('campaign'), name, c.type, status, c.start, c.end, Math.round(c.budget), Math.round(c.budget * spent * (0.8 + random.next() * 0.35)),
        Math.round(c.budget * 5), status !== 'Completed', null, created, false, ...state.fivetran(created),
      ]);
    }
  }
}
