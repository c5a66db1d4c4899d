import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { formatIssue, type Project } from '../../../src/model/index.js';
import { loadProjectFolder } from '../../../src/project/index.js';
import { openStore, replaceSeriesWindow, type SeriesRow, type Store } from '../../../src/store/index.js';

/** Won deals by region: revenue (sum), deals (count), their ratio deal_size, an average cycle and a distinct count; revenue = deals × deal_size. */
export const storedProjectFiles: Record<string, string> = {
  'kpitree.yaml': 'name: t\nwarehouse: "duckdb::memory:"\nsync:\n  grains: [month]\n  dimensions: [region]\n',
  'datasets/o.yaml': 'id: o\ntable: o\ndimensions:\n  - name: region\n',
  'metrics/m.yaml': `metrics:
  - { id: revenue, kind: sum, dataset: o, expr: amount, time: closed, filter: won, format: currency }
  - { id: deals, kind: count, dataset: o, time: closed, filter: won, format: integer }
  - { id: deal_size, kind: ratio, numerator: revenue, denominator: deals, format: currency }
  - { id: cycle, kind: average, dataset: o, expr: days, time: closed, filter: won, format: days }
  - { id: buyers, kind: count_distinct, dataset: o, expr: account, time: closed, filter: won }
  - { id: lonely, kind: count, dataset: o, time: closed }
`,
  'trees/revenue.yaml': 'id: revenue\nroot:\n  metric: revenue\n  formula: deals * deal_size\n  children:\n    - metric: deals\n    - metric: deal_size\n',
  'owners.yaml': 'people:\n  - { id: dana, name: Dana Kim, role: manager }\nownership:\n  - { metric: deal_size, responsible: dana }\n',
};

/** A region's won deals in a month: how many, their total amount and total days to close. */
export interface RegionMonth {
  deals: number;
  revenue: number;
  days: number;
}

export interface StoredProject {
  dir: string;
  project: Project;
  store: Store;
  remove(): Promise<void>;
}

/**
 * The project above (and `files`) in a temp folder, with values written straight into its embedded store (as a
 * sync would: the total and every region, every metric, by month). The store stays open; close it
 * before running the CLI on the folder.
 */
export async function storedProject(months: Record<string, Record<string, RegionMonth>>, files: Record<string, string> = {}): Promise<StoredProject> {
  const dir = await mkdtemp(join(tmpdir(), 'kpitree-investigate-'));
  for (const [path, text] of Object.entries({ ...storedProjectFiles, ...files })) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  const { project, issues } = await loadProjectFolder(dir);
  if (issues.length > 0) throw new Error(issues.map(formatIssue).join('\n'));
  const store = await openStore(`pglite:${join(dir, '.kpitree', 'store')}`);
  const periods = Object.keys(months).sort();
  const valueOf: Record<string, (v: RegionMonth) => number | null> = {
    revenue: (v) => v.revenue,
    deals: (v) => v.deals,
    deal_size: (v) => (v.deals > 0 ? v.revenue / v.deals : null),
    cycle: (v) => (v.deals > 0 ? v.days / v.deals : null),
    buyers: (v) => v.deals,
    lonely: (v) => v.deals,
  };
  for (const [metric, value] of Object.entries(valueOf)) {
    const rows: SeriesRow[] = [];
    for (const period of periods) {
      const regions = months[period]!;
      const total = Object.values(regions).reduce((s, v) => ({ deals: s.deals + v.deals, revenue: s.revenue + v.revenue, days: s.days + v.days }), { deals: 0, revenue: 0, days: 0 });
      rows.push({ period, slice: {}, value: value(total) });
      if (metric !== 'lonely') for (const [region, v] of Object.entries(regions)) rows.push({ period, slice: { region }, value: value(v) });
    }
    await replaceSeriesWindow(store, { metric, grain: 'month', from: periods[0]!, to: periods.at(-1)!, rows, runId: 1 });
  }
  return { dir, project, store, remove: async () => { await store.close(); await rm(dir, { recursive: true, force: true }); } };
}

/** Eight quiet months (2025-01 … 2025-08): each region 10 deals of about $1,000, revenue wobbling by up to ±$200 (August exactly $1,000). */
export function quietHistory(): Record<string, Record<string, RegionMonth>> {
  const wobble = [0, 150, -100, 200, -150, 50, -200, 0];
  return Object.fromEntries(
    wobble.map((w, i) => [`2025-0${i + 1}-01`, { EMEA: { deals: 10, revenue: 10_000 + w, days: 300 }, NA: { deals: 10, revenue: 10_000 + w, days: 400 } }]),
  );
}

/** A region's usual month: 10 deals of $1,000. */
export const usualMonth = (revenue = 10_000, days = 300): RegionMonth => ({ deals: 10, revenue, days });

/** The quiet history, then September 2025: EMEA's 10 deals sell for $5,000 in all, NA as usual. */
export function emeaHalvesInSeptember(): Record<string, Record<string, RegionMonth>> {
  return { ...quietHistory(), '2025-09-01': { EMEA: usualMonth(5_000), NA: usualMonth(10_000, 400) } };
}
