import { accounts, opportunities, stageHistory, users } from './crm-data.js';

/**
 * An independent reference for the CRM fixture's metrics: plain loops over the fixture rows, with
 * its own calendar arithmetic (day by day, month by month) and Intl for time zones. It shares no
 * code with the compiler, so agreement between the two is evidence, not an echo.
 */

export interface ReferenceCalendar {
  weekStart: number; // 0 = Sunday
  fiscalYearStartMonth: number;
  timezone: string;
}

type Grain = 'day' | 'week' | 'month' | 'quarter' | 'year';

interface Opportunity {
  id: string;
  account: string | null;
  region: string | null;
  segment: string | null;
  amount: number | null;
  won: boolean;
  closed: boolean;
  created: string; // UTC wall clock
  closeDate: string;
}

const opps: Opportunity[] = opportunities.rows
  .filter((r) => r[9] === false)
  .map((r) => {
    const owner = users.rows.find((u) => u[0] === r[2]);
    const account = accounts.rows.find((a) => a[0] === r[1]);
    return {
      id: r[0] as string,
      account: r[1] as string | null,
      region: (owner?.[2] ?? null) as string | null,
      segment: (account?.[2] ?? null) as string | null,
      amount: r[3] as number | null,
      won: r[5] as boolean,
      closed: r[6] as boolean,
      created: r[7] as string,
      closeDate: r[8] as string,
    };
  });

const history = stageHistory.rows.map((r) => ({
  opportunity: r[0] as string,
  stage: r[1] as string,
  instant: (r[2] as string).replace(' ', 'T').replace('+00', 'Z'),
  amount: r[3] as number | null,
}));

/** Wall-clock "YYYY-MM-DD HH:MM:SS" in `zone` of a UTC instant. */
export function wallClock(instantIso: string, zone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    }).formatToParts(new Date(instantIso)).map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

const utcWallToInstant = (wall: string) => `${wall.replace(' ', 'T')}Z`;

function shiftDay(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function refPeriodStart(date: string, grain: Grain, cal: ReferenceCalendar): string {
  if (grain === 'day') return date;
  if (grain === 'week') {
    let d = date;
    while (new Date(`${d}T12:00:00Z`).getUTCDay() !== cal.weekStart) d = shiftDay(d, -1);
    return d;
  }
  let year = Number(date.slice(0, 4));
  let month = Number(date.slice(5, 7));
  const aligned = (m: number) =>
    grain === 'month' || (grain === 'quarter' ? (m - cal.fiscalYearStartMonth + 12) % 3 === 0 : m === cal.fiscalYearStartMonth);
  while (!aligned(month)) {
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
  }
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

export function referencePeriods(from: string, to: string, grain: Grain, cal: ReferenceCalendar): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = shiftDay(d, 1)) {
    const start = refPeriodStart(d, grain, cal);
    if (!out.includes(start)) out.push(start);
  }
  return out;
}

function nextPeriodStart(start: string, grain: Grain, cal: ReferenceCalendar): string {
  let d = start;
  while (refPeriodStart(d, grain, cal) === start) d = shiftDay(d, 1);
  return d;
}

export type Series = Map<string, number | null>;

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const avg = (xs: number[]) => (xs.length ? sum(xs) / xs.length : null);
function quantile(xs: number[], p: number): number | null {
  if (xs.length === 0) return null;
  const sorted = [...xs].sort((a, b) => a - b);
  const pos = p * (sorted.length - 1);
  const lo = Math.floor(pos);
  return sorted[lo]! + (sorted[Math.min(lo + 1, sorted.length - 1)]! - sorted[lo]!) * (pos - lo);
}
const daysBetween = (end: string, start: string) =>
  Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start.slice(0, 10)}T00:00:00Z`)) / 86_400_000);

/** Reference values of a fixture metric at a grain, for opportunities matching `keep`. */
export function referenceSeries(
  metric: string,
  grain: Grain,
  cal: ReferenceCalendar,
  from: string,
  to: string,
  keep: (o: Opportunity) => boolean = () => true,
): Series {
  const periods = referencePeriods(from, to, grain, cal);
  const rows = opps.filter(keep);
  const createdPeriod = (o: Opportunity) => refPeriodStart(wallClock(utcWallToInstant(o.created), cal.timezone).slice(0, 10), grain, cal);
  const closedPeriod = (o: Opportunity) => refPeriodStart(o.closeDate, grain, cal);
  const byPeriod = <T>(fn: (period: string) => T) => new Map(periods.map((p) => [p, fn(p)] as const));
  const created = (p: string) => rows.filter((o) => createdPeriod(o) === p);
  const won = (p: string) => rows.filter((o) => o.won && closedPeriod(o) === p);
  const closed = (p: string) => rows.filter((o) => o.closed && closedPeriod(o) === p);
  const amounts = (os: Opportunity[]) => os.flatMap((o) => (o.amount === null ? [] : [o.amount]));
  const ratio = (a: number | null, b: number) => (a === null || b === 0 ? null : a / b);

  switch (metric) {
    case 'opportunities_created':
      return byPeriod((p) => created(p).length);
    case 'accounts_with_new_opportunities':
      return byPeriod((p) => new Set(created(p).flatMap((o) => (o.account ? [o.account] : []))).size);
    case 'pipeline_created':
      return byPeriod((p) => sum(amounts(created(p))));
    case 'closed_won_revenue':
      return byPeriod((p) => sum(amounts(won(p))));
    case 'average_deal_size':
      return byPeriod((p) => avg(amounts(won(p))));
    case 'smallest_won_deal':
      return byPeriod((p) => (amounts(won(p)).length ? Math.min(...amounts(won(p))) : null));
    case 'largest_won_deal':
      return byPeriod((p) => (amounts(won(p)).length ? Math.max(...amounts(won(p))) : null));
    case 'median_won_deal':
      return byPeriod((p) => quantile(amounts(won(p)), 0.5));
    case 'p90_won_deal':
      return byPeriod((p) => quantile(amounts(won(p)), 0.9));
    case 'won_deals':
      return byPeriod((p) => won(p).length);
    case 'closed_deals':
      return byPeriod((p) => closed(p).length);
    case 'win_rate':
      return byPeriod((p) => ratio(won(p).length, closed(p).length));
    case 'won_revenue_check':
      return byPeriod((p) => {
        const a = avg(amounts(won(p)));
        return a === null ? null : won(p).length * a;
      });
    case 'lost_deals_share':
      return byPeriod((p) => ratio(closed(p).length - won(p).length, closed(p).length));
    case 'sales_cycle_days':
      return byPeriod((p) => avg(won(p).map((o) => daysBetween(o.closeDate, o.created))));
    case 'revenue_quarter_to_date':
    case 'revenue_running_total':
      // A period belongs to the quarter its first day is in (a week starting March 31 is Q1).
      return byPeriod((p) => {
        const sameQuarter = (o: Opportunity) =>
          metric === 'revenue_running_total' || refPeriodStart(closedPeriod(o), 'quarter', cal) === refPeriodStart(p, 'quarter', cal);
        return sum(amounts(rows.filter((o) => o.won && closedPeriod(o) <= p && sameQuarter(o))));
      });
    case 'stage_changes_per_won_deal':
      return byPeriod((p) => avg(won(p).map((o) => history.filter((h) => h.opportunity === o.id).length)));
    case 'days_to_qualification':
      return byPeriod((p) =>
        avg(
          created(p).flatMap((o) => {
            const first = history.filter((h) => h.opportunity === o.id && h.stage === 'Qualification').map((h) => h.instant).sort()[0];
            return first ? [daysBetween(first.slice(0, 10), o.created)] : [];
          }),
        ),
      );
    case 'qualified_to_proposal':
      return byPeriod((p) => conversionRate(p, grain, cal, rows));
    case 'open_pipeline':
      return byPeriod((p) => sum(openAt(nextPeriodStart(p, grain, cal), cal, rows).flatMap((h) => (h.amount === null ? [] : [h.amount]))));
    case 'open_opportunities':
      return byPeriod((p) => openAt(nextPeriodStart(p, grain, cal), cal, rows).length);
    case 'open_opportunities_over_30_days':
      return byPeriod((p) => {
        const end = nextPeriodStart(p, grain, cal);
        const createdOn = (id: string) => opps.find((o) => o.id === id)!.created.slice(0, 10);
        return openAt(end, cal, rows).filter((h) => daysBetween(end, createdOn(h.opportunity)) > 30).length;
      });
    case 'pipeline_at_period_start':
      return byPeriod((p) => sum(openAt(p, cal, rows).flatMap((h) => (h.amount === null ? [] : [h.amount]))));
    default:
      throw new Error(`no reference for ${metric}`);
  }
}

function conversionRate(period: string, grain: Grain, cal: ReferenceCalendar, rows: Opportunity[]): number | null {
  let entered = 0;
  let converted = 0;
  for (const o of rows) {
    const events = history.filter((h) => h.opportunity === o.id);
    const firstQualification = events.filter((h) => h.stage === 'Qualification').sort((a, b) => a.instant.localeCompare(b.instant))[0];
    if (!firstQualification) continue;
    const local = wallClock(firstQualification.instant, cal.timezone);
    if (refPeriodStart(local.slice(0, 10), grain, cal) !== period) continue;
    entered += 1;
    const start = Date.parse(firstQualification.instant);
    const ok = events.some((h) => h.stage === 'Proposal' && Date.parse(h.instant) >= start && Date.parse(h.instant) - start <= 30 * 86_400_000);
    if (ok) converted += 1;
  }
  return entered === 0 ? null : converted / entered;
}

/** Each opportunity's latest stage row strictly before local midnight of `boundary`, if still open. */
function openAt(boundary: string, cal: ReferenceCalendar, rows: Opportunity[]) {
  const ids = new Set(rows.map((o) => o.id));
  const latest = new Map<string, (typeof history)[number]>();
  for (const h of history) {
    if (!ids.has(h.opportunity) || wallClock(h.instant, cal.timezone) >= `${boundary} 00:00:00`) continue;
    const current = latest.get(h.opportunity);
    if (!current || h.instant > current.instant) latest.set(h.opportunity, h);
  }
  return [...latest.values()].filter((h) => h.stage !== 'Closed Won' && h.stage !== 'Closed Lost');
}

export const fixtureMetrics = [
  'opportunities_created', 'accounts_with_new_opportunities', 'pipeline_created', 'closed_won_revenue', 'average_deal_size',
  'smallest_won_deal', 'largest_won_deal', 'median_won_deal', 'p90_won_deal', 'won_deals', 'closed_deals', 'win_rate',
  'won_revenue_check', 'lost_deals_share', 'sales_cycle_days', 'revenue_quarter_to_date', 'revenue_running_total',
  'qualified_to_proposal', 'open_pipeline', 'open_opportunities', 'stage_changes_per_won_deal', 'days_to_qualification',
  'open_opportunities_over_30_days', 'pipeline_at_period_start',
] as const;

export type { Opportunity };
