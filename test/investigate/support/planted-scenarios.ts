import type { IncidentSpec } from '../../../src/demo/index.js';
import type { Explanation } from '../../../src/explain/index.js';
import { addDays, addPeriods } from '../../../src/semantic/index.js';
import { seededRandom } from '../../explain/support/seeded-random.js';

const regions = ['EMEA', 'NA', 'APAC'];
const segments = ['Enterprise', 'Mid-Market', 'SMB'];
/** The incident kinds the revenue tree's exact part reaches, and the metric each is planted on. */
const plantedMetric = { win_rate: 'win_rate', deal_size: 'average_deal_size' } as const;

/** One comparison of two months and what explain should name first (null: a control, nothing planted). */
export interface Scenario {
  id: string;
  baseline: string;
  current: string;
  expected: { metric: string; slice: Record<string, string> } | null;
}

/**
 * Incidents in every other month from `first`: a random kind (win rate or deal size), slice (a
 * region or a segment), direction and size, from the month's first Monday to the Monday
 * on or before the next month's first day (by close date, so nothing spills into a neighbour).
 * Each gives two scenarios: its onset (its month against the one before) and its end (the month
 * after against its month). `controls` gives the same comparisons with nothing expected.
 */
export function planIncidents(seed: number, first: string, last: string): { incidents: IncidentSpec[]; scenarios: Scenario[]; controls: Scenario[] } {
  const random = seededRandom(seed);
  const incidents: IncidentSpec[] = [];
  const scenarios: Scenario[] = [];
  for (let month = first; month <= last; month = addPeriods(month, 2, 'month')) {
    const kind = random.pick(['win_rate', 'deal_size'] as const);
    const slice = random.pick([{ region: random.pick(regions) }, { segment: random.pick(segments) }]);
    const fall = kind === 'win_rate' || random.next() < 0.5;
    const size = fall ? -(0.6 + 0.25 * random.next()) : 1 + random.next();
    const next = addPeriods(month, 1, 'month');
    const id = `${kind}-${month.slice(0, 7)}`;
    incidents.push({ id, kind, slice, size: Math.round(size * 100) / 100, start: mondayOnOrAfter(month), end: mondayOnOrBefore(next) });
    const expected = { metric: plantedMetric[kind], slice };
    scenarios.push({ id: `${id} onset`, baseline: addPeriods(month, -1, 'month'), current: month, expected });
    if (next <= last) scenarios.push({ id: `${id} end`, baseline: month, current: next, expected });
  }
  return { incidents, scenarios, controls: scenarios.map((s) => ({ ...s, id: `control ${s.current.slice(0, 7)} vs ${s.baseline.slice(0, 7)}`, expected: null })) };
}

/** Whether the top-ranked path ends at the planted metric and exactly the planted slice. */
export function namesPlanted(explanation: Explanation, expected: NonNullable<Scenario['expected']>): boolean {
  const top = explanation.paths[0];
  const slice = top?.slice?.slice;
  const sorted = (s: Record<string, string>) => JSON.stringify(Object.entries(s).sort());
  return top?.metric === expected.metric && slice !== undefined && sorted(slice) === sorted(expected.slice);
}

function mondayOnOrAfter(iso: string): string {
  const day = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return addDays(iso, (8 - day) % 7);
}

function mondayOnOrBefore(iso: string): string {
  const day = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return addDays(iso, -((day + 6) % 7));
}
