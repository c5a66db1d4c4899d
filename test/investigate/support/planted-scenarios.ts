import type { IncidentSpec } from '../../../src/demo/index.js';
import type { Explanation } from '../../../src/explain/index.js';
import { addDays, addPeriods } from '../../../src/semantic/index.js';
import { seededRandom } from '../../explain/support/seeded-random.js';

const regions = ['EMEA', 'NA', 'APAC'];
const segments = ['Enterprise', 'Mid-Market', 'SMB'];
/** The incident kinds the revenue tree's exact part reaches, and the metric each is planted on. */
const plantedMetric = { win_rate: 'win_rate', deal_size: 'average_deal_size' } as const;

/** A period explained, and what explain should name first. */
export interface Scenario {
  id: string;
  /** The period's start: a Monday for weeks, the 1st for months. */
  period: string;
  expected: { metric: string; slice: Record<string, string> };
}

/**
 * An incident every `every` periods from `first` through `last`: a random kind (win rate or deal
 * size, both acting on deals by close date), slice (a region, a segment, or both), and size (win
 * rate falls 50–80%; deal size falls 50–80% or rises 100–200%), from the period's first Monday to
 * the Monday on or before the next period's start, so that no neighbouring period is touched.
 */
export function planIncidents(seed: number, plan: { first: string; last: string; grain: 'week' | 'month'; every: number }): { incidents: IncidentSpec[]; scenarios: Scenario[] } {
  const random = seededRandom(seed);
  const incidents: IncidentSpec[] = [];
  const scenarios: Scenario[] = [];
  for (let period = plan.first; period <= plan.last; period = addPeriods(period, plan.every, plan.grain)) {
    const kind = random.pick(['win_rate', 'deal_size'] as const);
    const region = random.pick(regions);
    const segment = random.pick(segments);
    const slice = random.pick<Record<string, string>>([{ region }, { segment }, { region, segment }]);
    const size = kind === 'deal_size' && random.next() < 0.5 ? 1 + random.next() : -(0.5 + 0.3 * random.next());
    const id = `${kind}-${period}`;
    const [start, end] = [mondayOnOrAfter(period), mondayOnOrBefore(addPeriods(period, 1, plan.grain))];
    incidents.push({ id, kind, slice, size: Math.round(size * 100) / 100, start, end });
    scenarios.push({ id, period, expected: { metric: plantedMetric[kind], slice } });
  }
  return { incidents, scenarios };
}

/**
 * How the top-ranked path's end relates to the planted incident: the planted metric and exactly
 * its slice; the planted metric and a slice inside it (EMEA × SMB for SMB: where the week's few
 * affected deals happened to be) or around it (SMB for EMEA × SMB); or something else.
 */
export function matchPlanted(explanation: Explanation, expected: Scenario['expected']): 'exact' | 'inside' | 'around' | 'other' {
  const top = explanation.paths[0];
  const named = top?.slice?.slice;
  if (top?.metric !== expected.metric || !named) return 'other';
  const within = (a: Record<string, string>, b: Record<string, string>) => Object.entries(b).every(([k, v]) => a[k] === v);
  if (within(named, expected.slice) && within(expected.slice, named)) return 'exact';
  if (within(named, expected.slice)) return 'inside';
  return within(expected.slice, named) ? 'around' : 'other';
}

function mondayOnOrAfter(iso: string): string {
  return addDays(iso, (8 - new Date(`${iso}T00:00:00Z`).getUTCDay()) % 7);
}

function mondayOnOrBefore(iso: string): string {
  return addDays(iso, -((new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7));
}
