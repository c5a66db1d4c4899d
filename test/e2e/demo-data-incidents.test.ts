import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoManifest } from '../../src/demo/index.js';
import { runCli } from '../support/run-cli.js';

/**
 * The planted incidents are in the data, measured with plain SQL against a control org: the same
 * seed with --incidents none. Every random draw of the generator belongs to one rep's week or one
 * opportunity, so the two orgs differ only where an incident acts.
 */
describe('incidents planted by kpitree demo-data', () => {
  let dir: string;
  let manifest: DemoManifest;
  let control: DemoManifest;
  let instance: DuckDBInstance;
  let connection: DuckDBConnection;
  const one = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJS()[0]!;
  /** The value of `sql` (with {db} for the schema) in the org with incidents over the control's. */
  const ratio = async (sql: string) => {
    const t = Number(Object.values(await one(sql.replaceAll('{db}', 't.salesforce')))[0]);
    const c = Number(Object.values(await one(sql.replaceAll('{db}', 'c.salesforce')))[0]);
    return t / c;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kpitree-incidents-'));
    const common = ['demo-data', '--as-of', '2026-11-23', '--seed', '3'];
    const runs = [await runCli([...common, '--out', 't.duckdb'], { cwd: dir }), await runCli([...common, '--out', 'c.duckdb', '--incidents', 'none'], { cwd: dir })];
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    manifest = JSON.parse(await readFile(join(dir, 't.manifest.json'), 'utf8'));
    control = JSON.parse(await readFile(join(dir, 'c.manifest.json'), 'utf8'));
    instance = await DuckDBInstance.create(':memory:');
    connection = await instance.connect();
    await connection.run(`ATTACH '${join(dir, 't.duckdb')}' AS t (READ_ONLY)`);
    await connection.run(`ATTACH '${join(dir, 'c.duckdb')}' AS c (READ_ONLY)`);
  });
  afterAll(async () => {
    connection?.closeSync();
    instance?.closeSync();
    await rm(dir, { recursive: true, force: true });
  });

  const incident = (id: string) => manifest.incidents.find((i) => i.id === id)!;

  it('writes the ground truth: slices, start weeks, metric ids, directions and sizes; none in a control', () => {
    expect(manifest.span).toEqual({ start: '2024-11-18', end: '2026-11-23', weeks: 105 });
    expect(incident('emea-enterprise-proposal-conversion')).toMatchObject({
      start: '2026-01-12', slice: { region: 'EMEA', segment: 'Enterprise' }, direction: 'down', relative_size: -0.4,
      metrics: ['stage_conversion_proposal_to_negotiation', 'win_rate'],
    });
    expect((Date.parse(incident('emea-enterprise-proposal-conversion').start) - Date.parse(manifest.span.start)) / (7 * 86_400_000)).toBe(60);
    expect(incident('na-sdr-activity-drop')).toMatchObject({ slice: { region: 'NA' }, direction: 'down', relative_size: -0.3, metrics: ['activities', 'meetings_held', 'pipeline_created'] });
    expect(incident('na-sdr-activity-drop').effects.find((e) => e.metric === 'pipeline_created')).toMatchObject({ lag_weeks: 4, direction: 'down', approximate: true });
    expect(incident('rep-deals-slip')).toMatchObject({ direction: 'up', metrics: ['sales_cycle_length'] });
    expect(control).toMatchObject({ control: true, incidents: [] });
    expect(manifest.counts.opportunity).toBeGreaterThan(7_000);
  });

  it('Proposal → Negotiation conversion falls about 40% in EMEA Enterprise from the start week, and nowhere else', async () => {
    const start = incident('emea-enterprise-proposal-conversion').start;
    const conversion = (region: string, segment: string, from: string, to: string) => `
      WITH entered AS (SELECT h.opportunity_id, min(h.created_date) AS at FROM {db}.opportunity_history h WHERE h.stage_name = 'Proposal' AND NOT h.is_deleted GROUP BY 1),
           reached AS (SELECT h.opportunity_id, min(h.created_date) AS at FROM {db}.opportunity_history h WHERE h.stage_name IN ('Negotiation', 'Closed Won') AND NOT h.is_deleted GROUP BY 1)
      SELECT avg(CASE WHEN r.at > e.at THEN 1.0 ELSE 0 END) AS conversion
      FROM entered e JOIN {db}.opportunity o ON o.id = e.opportunity_id JOIN {db}."user" u ON u.id = o.owner_id JOIN {db}.account a ON a.id = o.account_id
      LEFT JOIN reached r ON r.opportunity_id = e.opportunity_id
      WHERE NOT o.is_deleted AND NOT o._fivetran_deleted AND o.type = 'New Business'
        AND u.region__c = '${region}' AND a.segment__c = '${segment}' AND e.at >= DATE '${from}' AND e.at < DATE '${to}'`;
    // New business only: with fewer wins there are fewer renewals later, which convert better (a mix effect on top).
    // About 0.6: the two orgs' opportunities differ a little once customers differ, so allow sampling noise.
    const planted = await ratio(conversion('EMEA', 'Enterprise', start, '2026-09-01'));
    expect(planted).toBeGreaterThan(0.48);
    expect(planted).toBeLessThan(0.72);
    expect(await ratio(conversion('EMEA', 'Enterprise', '2024-11-18', start))).toBe(1);
    expect(await ratio(conversion('APAC', 'Enterprise', start, '2026-09-01'))).toBe(1);
    const [before, after] = [await one(conversion('EMEA', 'Enterprise', '2024-11-18', start).replaceAll('{db}', 't.salesforce')), await one(conversion('EMEA', 'Enterprise', start, '2026-09-01').replaceAll('{db}', 't.salesforce'))];
    expect(Number(after.conversion) / Number(before.conversion)).toBeLessThan(0.8);
  });

  it('NA SDR activity drops 30% from the start week; NA pipeline created follows weeks later', async () => {
    const start = incident('na-sdr-activity-drop').start;
    const sdrTasks = (region: string, from: string, to: string) => `
      SELECT count(*) FROM {db}.task t JOIN {db}."user" u ON u.id = t.owner_id
      WHERE u.title = 'Sales Development Representative' AND u.region__c = '${region}' AND t.created_date >= DATE '${from}' AND t.created_date < DATE '${to}'`;
    expect(await ratio(sdrTasks('NA', start, '2026-11-23'))).toBeCloseTo(0.7, 1);
    expect(await ratio(sdrTasks('NA', '2024-11-18', start))).toBe(1);
    expect(await ratio(sdrTasks('EMEA', start, '2026-11-23'))).toBe(1);
    const pipeline = (from: string, weeks: number) => `
      SELECT sum(o.amount) FROM {db}.opportunity o JOIN {db}."user" u ON u.id = o.owner_id
      WHERE u.region__c = 'NA' AND NOT o.is_deleted AND NOT o._fivetran_deleted AND o.created_date >= DATE '${from}' AND o.created_date < DATE '${from}' + ${weeks * 7}`;
    const firstTwoWeeks = await ratio(pipeline(start, 2));
    const fromWeekFive = await ratio(pipeline(addDays(start, 28), 16));
    expect(firstTwoWeeks).toBeGreaterThan(0.95);
    expect(fromWeekFive).toBeLessThan(0.9);
    expect(fromWeekFive).toBeGreaterThan(0.7);
  });

  it("one rep's deals slip: close dates are pushed out and cycles lengthen, for that rep only", async () => {
    const { start, slice } = incident('rep-deals-slip');
    const cycle = (rep: string) => `
      SELECT avg(date_diff('day', CAST(o.created_date AS DATE), o.close_date)) FROM {db}.opportunity o JOIN {db}."user" u ON u.id = o.owner_id
      WHERE u.name = '${rep}' AND o.is_won AND o.close_date >= DATE '${start}' AND NOT o.is_deleted`;
    expect(await ratio(cycle(slice.rep!))).toBeGreaterThan(1.3);
    const other = await one(`SELECT u.name FROM t.salesforce."user" u WHERE u.title = 'SMB Account Executive' AND u.region__c = 'APAC' ORDER BY u.name LIMIT 1`);
    expect(await ratio(cycle(String(other.name)))).toBe(1);
    const pushes = (db: string) => `
      SELECT count(*) AS n FROM ${db}.opportunity_field_history f JOIN ${db}.opportunity o ON o.id = f.opportunity_id JOIN ${db}."user" u ON u.id = o.owner_id
      WHERE u.name = '${slice.rep}' AND f.field = 'CloseDate' AND f.new_value > f.old_value AND f.created_date >= DATE '${start}'`;
    expect(Number((await one(pushes('t.salesforce'))).n)).toBeGreaterThan(10);
    expect(Number((await one(pushes('c.salesforce'))).n)).toBe(0);
  });
});

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
