import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProject, formatIssue, loadProject, type Project } from '../../src/model/index.js';
import { readProjectFiles } from '../../src/project/index.js';
import type { MetricRow } from '../../src/semantic/index.js';
import { runCli } from '../support/run-cli.js';
import { catalogueDir } from './support/catalogue-project.js';
import { demoRange, writeDemoOrg, type DemoOrgFile } from './support/demo-org.js';
import { openDemoWarehouses, runMetric, type DemoWarehouse, type DemoWarehouses } from './support/demo-warehouses.js';
import { openHandMadeOrg, type HandMadeOrg, type HandRows } from './support/hand-made-org.js';

/**
 * The stage conversions are `conversion` metrics over the stage history (first entry into stage A,
 * a row in B or a later open or won stage within 90 days). Before joins reached through joined
 * datasets, they were averages over opportunities of rollups of the history (first entry into A,
 * first reach of B): the two agree but for an opportunity that reached B before it first entered
 * A (a skip, then a regression), which the rollups count as not converted whatever follows. Here:
 * the two on the demo org, where they agree; the case where they differ, by hand; and discovery's
 * stage conversions for an org's own stages, which copy the first conversion of the catalogue.
 */

interface Pair {
  id: string;
  from: string;
  to: string[];
  /** The opportunities dataset's rollups the old definition used. */
  entered: string;
  reached: string;
}

const pairs: Pair[] = [
  { id: 'prospecting_to_qualification', from: 'Prospecting', to: ['Qualification', 'Proposal', 'Negotiation', 'Closed Won'], entered: 'entered_prospecting_at', reached: 'reached_qualification_at' },
  { id: 'qualification_to_proposal', from: 'Qualification', to: ['Proposal', 'Negotiation', 'Closed Won'], entered: 'entered_qualification_at', reached: 'reached_proposal_at' },
  { id: 'proposal_to_negotiation', from: 'Proposal', to: ['Negotiation', 'Closed Won'], entered: 'entered_proposal_at', reached: 'reached_negotiation_at' },
  { id: 'negotiation_to_closed_won', from: 'Negotiation', to: ['Closed Won'], entered: 'entered_negotiation_at', reached: 'won_at' },
];

/** The catalogue's definition before this change, as `rollup_stage_conversion_<pair>`. */
const rollupDefinition = (pair: Pair) => `id: rollup_stage_conversion_${pair.id}
kind: average
dataset: opportunities
time: ${pair.entered}
expr: case when ${pair.reached} >= ${pair.entered} and hours_between(${pair.reached}, ${pair.entered}) <= 2160 then 1 else 0 end
`;

/** The catalogue with the old rollup definitions beside the new ones. */
async function catalogueWithRollupDefinitions(): Promise<Project> {
  const files = [...(await readProjectFiles(catalogueDir)), ...pairs.map((pair) => ({ path: `metrics/rollup_stage_conversion_${pair.id}.yaml`, text: rollupDefinition(pair) }))];
  const { project, issues } = loadProject(files);
  const all = [...issues, ...checkProject(project)];
  if (all.length > 0) throw new Error(all.map(formatIssue).join('\n'));
  return project;
}

const live = (alias: string) => `NOT ${alias}.is_deleted AND NOT ${alias}._fivetran_deleted`;
/** Opportunities counted differently: they reached B (or later) before first entering A, and reach it again within 90 days of entering A. */
const reachedBeforeEntering = (pair: Pair) => {
  const to = pair.to.map((s) => `'${s}'`).join(', ');
  return `WITH history AS (
      SELECT h.* FROM salesforce.opportunity_history h JOIN salesforce.opportunity o ON o.id = h.opportunity_id WHERE ${live('h')} AND ${live('o')}),
    entered AS (SELECT opportunity_id, min(created_date) AS at FROM history WHERE stage_name = '${pair.from}' GROUP BY 1),
    reached AS (SELECT opportunity_id, min(created_date) AS at FROM history WHERE stage_name IN (${to}) GROUP BY 1)
    SELECT e.opportunity_id FROM entered e JOIN reached r USING (opportunity_id)
    WHERE r.at < e.at AND EXISTS (SELECT 1 FROM history h WHERE h.opportunity_id = e.opportunity_id AND h.stage_name IN (${to})
      AND h.created_date >= e.at AND h.created_date <= e.at + INTERVAL 90 DAY)
    ORDER BY 1`;
};

const sliceKey = (row: MetricRow) => `${row.period} ${JSON.stringify(row.slice)}`;

function expectSameValue(actual: number | null, expected: number | null, where: string): void {
  if (expected === null) expect(actual, where).toBeNull();
  else expect(actual, where).toBeCloseTo(expected, 12);
}

describe('stage conversions on the demo org: the conversion kind and the old rollup definition agree', () => {
  let project: Project;
  let dbs: DemoWarehouses;
  beforeAll(async () => {
    project = await catalogueWithRollupDefinitions();
    dbs = await openDemoWarehouses({ postgres: false });
  }, 120_000);
  afterAll(() => dbs?.close());

  it.each(pairs)('$id: no opportunity of the demo org reached $to.0 before first entering $from, so the two are equal by month, and by quarter, region and segment', async (pair) => {
    expect(await dbs.duckdb.warehouse.query(reachedBeforeEntering(pair))).toEqual([]);
    for (const request of [
      { grain: 'month' as const, ...demoRange, dimensions: [] },
      { grain: 'quarter' as const, ...demoRange, dimensions: ['region', 'segment'] },
    ]) {
      const now = await runMetric(project, dbs.duckdb, { metric: `stage_conversion_${pair.id}`, ...request });
      const before = await runMetric(project, dbs.duckdb, { metric: `rollup_stage_conversion_${pair.id}`, ...request });
      expect(now.map(sliceKey)).toEqual(before.map(sliceKey));
      expect(now.filter((r) => r.value !== null).length).toBeGreaterThan(request.grain === 'month' ? 5 : 20);
      now.forEach((row, i) => expectSameValue(row.value, before[i]!.value, sliceKey(row)));
    }
  });
});

/** A stage-history row; ids are numbered in the order written. */
let historyRows = 0;
const stage = (opportunity: string, stageName: string, at: string, deleted = false) => ({
  id: `h${++historyRows}`, opportunity_id: opportunity, stage_name: stageName, amount: 1000, probability: 10, close_date: '2025-06-30', created_date: at, is_deleted: deleted,
});
const opportunity = (id: string, owner: string, account: string, deleted = false) => ({
  id, owner_id: owner, account_id: account, amount: 1000, stage_name: 'Closed Lost', is_closed: true, is_won: false, close_date: '2025-06-30', created_date: '2025-01-01 09:00:00', is_deleted: deleted,
});

const handRows: HandRows = {
  user: [
    { id: 'u1', name: 'Nora NA', region__c: 'NA', is_active: true },
    { id: 'u2', name: 'Emil EMEA', region__c: 'EMEA', is_active: true },
  ],
  account: [
    { id: 'a1', name: 'Small Co', segment__c: 'SMB' },
    { id: 'a2', name: 'Big Co', segment__c: 'Enterprise' },
  ],
  opportunity: [opportunity('p1', 'u1', 'a1'), opportunity('p2', 'u1', 'a1'), opportunity('p3', 'u1', 'a1'), opportunity('p4', 'u1', 'a1', true), opportunity('p5', 'u2', 'a2')],
  opportunity_history: [
    // p1 skips Qualification, falls back to it, then reaches Proposal again: converted for the conversion kind, not for the rollups.
    stage('p1', 'Prospecting', '2025-01-02 10:00:00'), stage('p1', 'Proposal', '2025-01-10 10:00:00'), stage('p1', 'Qualification', '2025-01-20 10:00:00'),
    stage('p1', 'Proposal', '2025-02-01 10:00:00'), stage('p1', 'Closed Lost', '2025-03-01 10:00:00'),
    // p2 is lost from Qualification; p3 reaches Proposal after 127 days, beyond the window.
    stage('p2', 'Prospecting', '2025-01-05 10:00:00'), stage('p2', 'Qualification', '2025-01-15 10:00:00'), stage('p2', 'Closed Lost', '2025-02-01 10:00:00'),
    stage('p3', 'Qualification', '2025-01-25 10:00:00'), stage('p3', 'Proposal', '2025-06-01 10:00:00'),
    // p4 is deleted; p5 converts in EMEA Enterprise (its deleted Negotiation row is not there).
    stage('p4', 'Qualification', '2025-01-03 10:00:00'), stage('p4', 'Proposal', '2025-01-05 10:00:00'),
    stage('p5', 'Qualification', '2025-01-28 10:00:00'), stage('p5', 'Proposal', '2025-02-10 10:00:00'), stage('p5', 'Negotiation', '2025-02-12 10:00:00', true),
  ],
};

describe('stage conversions on a hand-made org: where the conversion kind and the old rollup definition differ', () => {
  let project: Project;
  let org: HandMadeOrg;
  beforeAll(async () => {
    project = await catalogueWithRollupDefinitions();
    org = await openHandMadeOrg(handRows);
  }, 60_000);
  afterAll(() => org?.close());

  const january = async (db: DemoWarehouse, metric: string, dimensions: string[] = []) => {
    const rows = await runMetric(project, db, { metric, grain: 'month', from: '2025-01-01', to: '2025-01-31', dimensions });
    return Object.fromEntries(rows.map((r) => [JSON.stringify(r.slice), r.value]));
  };

  it.each(['duckdb', 'postgres'] as const)('on %s: Qualification → Proposal counts p1 (skip, regression, Proposal again) as converted; the rollups did not', async (name) => {
    const db = org[name];
    // January's Qualification cohort: p1, p2, p3, p5 (p4 is deleted); converted within 90 days: p1 and p5.
    expect(await january(db, 'stage_conversion_qualification_to_proposal', ['region', 'segment'])).toEqual({
      '{}': 0.5, '{"region":"EMEA"}': 1, '{"region":"NA"}': 1 / 3, '{"segment":"Enterprise"}': 1, '{"segment":"SMB"}': 1 / 3,
      '{"region":"EMEA","segment":"Enterprise"}': 1, '{"region":"NA","segment":"SMB"}': 1 / 3,
    });
    // The rollups: p1 first reached Proposal on Jan 10, before it first entered Qualification on Jan 20.
    expect(await january(db, 'rollup_stage_conversion_qualification_to_proposal', ['region'])).toEqual({ '{}': 0.25, '{"region":"EMEA"}': 1, '{"region":"NA"}': 0 });
    // Where nothing was reached before the stage was entered, the two agree: Prospecting (p1, p2 both on to a later stage), Proposal (p1 never reaches Negotiation; p5's Negotiation row is deleted).
    for (const pair of ['prospecting_to_qualification', 'proposal_to_negotiation']) {
      expect(await january(db, `stage_conversion_${pair}`)).toEqual(await january(db, `rollup_stage_conversion_${pair}`));
    }
    expect(await january(db, 'stage_conversion_prospecting_to_qualification')).toEqual({ '{}': 1 });
    expect(await january(db, 'stage_conversion_proposal_to_negotiation')).toEqual({ '{}': 0 });
  });

  it('the hand SQL that finds such opportunities finds p1, and only for Qualification → Proposal', async () => {
    const found = await Promise.all(pairs.map((pair) => org.duckdb.warehouse.query(reachedBeforeEntering(pair))));
    expect(found.map((rows) => rows.map((r) => r.opportunity_id))).toEqual([[], ['p1'], [], []]);
  });
});

describe("discovery's stage conversions for an org's own stages", () => {
  let file: DemoOrgFile;
  let dir: string;
  beforeAll(async () => {
    // The demo org with its first stage renamed: Prospecting is Discovery here.
    file = await writeDemoOrg();
    const instance = await DuckDBInstance.create(file.path);
    const connection = await instance.connect();
    try {
      await connection.run(`
        UPDATE salesforce.opportunity_stage SET master_label = 'Discovery', api_name = 'Discovery' WHERE master_label = 'Prospecting';
        UPDATE salesforce.opportunity_history SET stage_name = 'Discovery' WHERE stage_name = 'Prospecting';
        UPDATE salesforce.opportunity SET stage_name = 'Discovery' WHERE stage_name = 'Prospecting';
        UPDATE salesforce.opportunity_field_history SET old_value = 'Discovery' WHERE old_value = 'Prospecting';
        UPDATE salesforce.opportunity_field_history SET new_value = 'Discovery' WHERE new_value = 'Prospecting';`);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
    dir = await mkdtemp(join(tmpdir(), 'kpitree-discover-stages-'));
  }, 120_000);
  afterAll(async () => {
    await file?.remove();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('copy the window, layer, cadence and tags of the catalogue\'s first stage conversion, and give the numbers of the catalogue\'s definition', async () => {
    const out = join(dir, 'project');
    const run = await runCli(['discover', '--warehouse', `duckdb:${file.path}`, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/stage_conversion_prospecting_to_qualification: needs the stages? "Prospecting"/);
    const generated = parse(await readFile(join(out, 'metrics/stage_conversion_discovery_to_qualification.yaml'), 'utf8')) as Record<string, unknown>;
    expect(generated).toMatchObject({
      kind: 'conversion', dataset: 'opportunity_history', entity: 'opportunity_id', time: 'created_date',
      from: "stage_name = 'Discovery'", to: "stage_name in ('Qualification', 'Proposal', 'Negotiation', 'Closed Won')",
      window: '90 days', layer: 'pipeline_health', indicator: 'leading', cadence: 'weekly',
    });
    expect(generated.tags).toEqual(expect.arrayContaining(['stage_conversion', 'discovered']));
    // The same numbers as the catalogue's Prospecting → Qualification on the org before the rename. (The generated metric does not
    // ask for a live opportunity; the demo org deletes an opportunity's history rows with it, so that makes no difference here.)
    const query = await runCli(['query', 'stage_conversion_discovery_to_qualification', '--grain', 'quarter', '--from', demoRange.from, '--to', demoRange.to, '--by', 'region', '--format', 'json', '-p', out]);
    expect(query.code, query.stderr).toBe(0);
    const original = await openDemoWarehouses({ postgres: false });
    try {
      const { loadCatalogue } = await import('./support/catalogue-project.js');
      const expected = await runMetric(await loadCatalogue(), original.duckdb, { metric: 'stage_conversion_prospecting_to_qualification', grain: 'quarter', ...demoRange, dimensions: ['region'] });
      const got = JSON.parse(query.stdout) as { period: string; slice: Record<string, string | null>; value: number | null }[];
      expect(got.map((r) => `${r.period} ${JSON.stringify(r.slice)}`)).toEqual(expected.map(sliceKey));
      expect(got.filter((r) => r.value !== null).length).toBeGreaterThan(10);
      got.forEach((row, i) => expectSameValue(row.value, expected[i]!.value, sliceKey(expected[i]!)));
    } finally {
      await original.close();
    }
  }, 120_000);
});
