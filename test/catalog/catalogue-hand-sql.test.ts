import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../src/model/index.js';
import type { MetricRow } from '../../src/semantic/index.js';
import { loadCatalogue } from './support/catalogue-project.js';
import { demoRange } from './support/demo-org.js';
import { openDemoWarehouses, runMetric, type DemoWarehouses } from './support/demo-warehouses.js';

/**
 * A sample of the catalogue (every metric kind, rollups, joins, snapshots) against SQL written by
 * hand over the demo org's tables, the way an analyst would: month by month on DuckDB.
 */

const month = (column: string) => `CAST(date_trunc('month', ${column}) AS DATE)`;
const inRange = (column: string) => `${column} >= DATE '2025-04-01' AND ${column} < DATE '2026-01-01'`;
const live = (alias: string) => `NOT ${alias}.is_deleted AND NOT ${alias}._fivetran_deleted`;
const months = `months AS (
  SELECT CAST(m AS DATE) AS period, CAST(m + INTERVAL 1 MONTH AS DATE) AS next
  FROM range(DATE '2025-04-01', DATE '2026-01-01', INTERVAL 1 MONTH) AS t(m))`;

/** Live opportunities and their live stage-history rows. */
const history = `history AS (
  SELECT h.*, o.created_date AS opportunity_created
  FROM salesforce.opportunity_history h JOIN salesforce.opportunity o ON o.id = h.opportunity_id
  WHERE ${live('h')} AND ${live('o')})`;
/** Each opportunity's latest history row before each month's end (end) or start (start). */
const stateAt = (when: 'end' | 'start') => `state AS (
  SELECT m.period, m.next, h.*,
    row_number() OVER (PARTITION BY m.period, h.opportunity_id ORDER BY h.created_date DESC) AS latest
  FROM months m JOIN history h ON h.created_date < ${when === 'end' ? 'm.next' : 'm.period'})`;
const open = `latest = 1 AND stage_name NOT IN ('Closed Won', 'Closed Lost')`;

const opportunities = `opps AS (SELECT * FROM salesforce.opportunity o WHERE ${live('o')})`;
const closedBy = (value: string, where = 'TRUE') => `WITH ${opportunities}
  SELECT ${month('close_date')} AS period, ${value} AS value FROM opps WHERE ${inRange('close_date')} AND ${where} GROUP BY 1`;
const createdBy = (table: string, value: string, where = 'TRUE', time = 'created_date') => `
  SELECT ${month(time)} AS period, ${value} AS value FROM salesforce.${table} t WHERE ${live('t')} AND ${inRange(time)} AND ${where} GROUP BY 1`;
const touches = `first_touch AS (
  SELECT who_id, min(created_date) AS first_at FROM (
    SELECT who_id, created_date FROM salesforce.task t WHERE ${live('t')}
    UNION ALL SELECT who_id, created_date FROM salesforce.event e WHERE ${live('e')}) AS a
  GROUP BY who_id)`;
const monthlyActivities = `tasks AS (SELECT ${month('activity_date')} AS period, count(*) AS n, count(DISTINCT owner_id) AS reps
    FROM salesforce.task t WHERE ${live('t')} AND ${inRange('activity_date')} GROUP BY 1),
  events AS (SELECT ${month('activity_date_time')} AS period, count(*) AS n
    FROM salesforce.event e WHERE ${live('e')} AND ${inRange('activity_date_time')} GROUP BY 1)`;
const wonByMonth = `won AS (SELECT ${month('close_date')} AS period, sum(amount) AS revenue, count(*) AS deals
    FROM salesforce.opportunity o WHERE ${live('o')} AND is_won AND ${inRange('close_date')} GROUP BY 1)`;
const renewals = `WITH ${opportunities}
  SELECT ${month('close_date')} AS period,
    sum(amount) FILTER (WHERE type = 'Renewal' AND is_won) AS renewed,
    sum(amount) FILTER (WHERE type = 'Expansion' AND is_won) AS expanded,
    sum(amount) FILTER (WHERE type = 'Renewal') AS due
  FROM opps WHERE ${inRange('close_date')} GROUP BY 1`;
const firstWon = `first_won AS (
  SELECT a.id, min(o.close_date) AS first_won FROM salesforce.account a
  JOIN salesforce.opportunity o ON o.account_id = a.id AND o.is_won AND ${live('o')}
  WHERE ${live('a')} GROUP BY a.id)`;
const campaignCost = `cost AS (SELECT ${month('start_date')} AS period, sum(actual_cost) AS cost
    FROM salesforce.campaign c WHERE ${live('c')} AND ${inRange('start_date')} GROUP BY 1)`;
/**
 * The conversion kind: an opportunity enters the cohort of the month of its first row in stage `from`,
 * and converts if a row in one of the stages `to` follows within 90 days.
 */
const conversionWithin90Days = (from: string, to: string[], by: { period: string; columns: string[] } = { period: 'month', columns: [] }) => `WITH ${history},
  entered AS (SELECT opportunity_id, min(created_date) AS at FROM history WHERE stage_name = '${from}' GROUP BY 1)
  SELECT CAST(date_trunc('${by.period}', e.at) AS DATE) AS period${by.columns.map((c) => `, ${c}`).join('')},
    avg(CASE WHEN EXISTS (SELECT 1 FROM history r WHERE r.opportunity_id = e.opportunity_id AND r.stage_name IN (${to.map((s) => `'${s}'`).join(', ')})
      AND r.created_date >= e.at AND r.created_date <= e.at + INTERVAL 90 DAY) THEN 1.0 ELSE 0.0 END) AS value
  FROM entered e
  JOIN salesforce.opportunity o ON o.id = e.opportunity_id
  LEFT JOIN salesforce."user" u ON u.id = o.owner_id AND NOT u._fivetran_deleted
  LEFT JOIN salesforce.account a ON a.id = o.account_id AND ${live('a')}
  WHERE ${inRange('e.at')} GROUP BY ALL`;
/** The catalogue's qualified-to-close rate: rolled up onto the opportunity, the first won row within 180 days of the first Qualification row. */
const qualifiedToClose = `WITH ${history},
  entered AS (SELECT opportunity_id, min(created_date) AS at FROM history WHERE stage_name = 'Qualification' GROUP BY 1),
  won AS (SELECT opportunity_id, min(created_date) AS at FROM history WHERE stage_name = 'Closed Won' GROUP BY 1)
  SELECT ${month('e.at')} AS period, avg(CASE WHEN w.at >= e.at AND w.at <= e.at + INTERVAL 180 DAY THEN 1.0 ELSE 0.0 END) AS value
  FROM entered e LEFT JOIN won w USING (opportunity_id) WHERE ${inRange('e.at')} GROUP BY 1`;

const handSql: Record<string, string> = {
  // counts, distinct counts and sums (aggregate kinds)
  tasks_logged: createdBy('task', 'count(*)', 'TRUE', 'activity_date'),
  events_logged: createdBy('event', 'count(*)', 'TRUE', 'activity_date_time'),
  meetings_held: createdBy('event', 'count(*)', `type = 'Meeting'`, 'activity_date_time'),
  active_reps: createdBy('task', 'count(DISTINCT owner_id)', 'TRUE', 'activity_date'),
  leads_created: createdBy('lead', 'count(*)'),
  mql_leads: createdBy('lead', 'count(*)', 'mql_date__c IS NOT NULL'),
  leads_converted: createdBy('lead', 'count(*)', 'is_converted'),
  opportunities_created: createdBy('opportunity', 'count(*)'),
  pipeline_created: createdBy('opportunity', 'sum(amount)'),
  closed_deals: closedBy('count(*)', 'is_closed'),
  won_deals: closedBy('count(*)', 'is_won'),
  lost_deals: closedBy('count(*)', 'is_closed AND NOT is_won'),
  closed_won_revenue: closedBy('sum(amount)', 'is_won'),
  lost_revenue: closedBy('sum(amount)', 'is_closed AND NOT is_won'),
  new_business_revenue: closedBy('sum(amount)', `is_won AND type = 'New Business'`),
  expansion_revenue: closedBy('sum(amount)', `is_won AND type = 'Expansion'`),
  renewal_revenue: closedBy('sum(amount)', `is_won AND type = 'Renewal'`),
  total_contract_value: closedBy('sum(amount)', 'is_won'),
  annual_contract_value: closedBy('sum(amount / (coalesce(contract_term_months__c, 12) / 12.0))', 'is_won'),
  cases_opened: createdBy('case', 'count(*)'),
  campaign_cost: createdBy('campaign', 'sum(actual_cost)', 'TRUE', 'start_date'),
  campaign_attributed_revenue: closedBy('sum(amount)', 'is_won AND campaign_id IS NOT NULL'),
  quota: `SELECT ${month('start_date')} AS period, sum(quota_amount) AS value FROM salesforce.forecasting_quota
    WHERE NOT _fivetran_deleted AND ${inRange('start_date')} GROUP BY 1`,
  active_users: `SELECT ${month('login_time')} AS period, count(DISTINCT user_id) AS value FROM salesforce.login_history
    WHERE NOT _fivetran_deleted AND status = 'Success' AND ${inRange('login_time')} GROUP BY 1`,
  // averages
  sales_cycle_length: closedBy('avg(close_date - CAST(created_date AS DATE))', 'is_won'),
  expansion_win_rate: closedBy('avg(CASE WHEN is_won THEN 1.0 ELSE 0.0 END)', `is_closed AND type = 'Expansion'`),
  case_resolution_time: createdBy('case', 'avg(epoch(closed_date) - epoch(created_date)) / 3600', 'is_closed', 'closed_date'),
  // rollups: a lead's first touch, an opportunity's stages, an account's first win, a contact's roles, an email's replies
  lead_response_time: `WITH ${touches}
    SELECT ${month('l.created_date')} AS period, avg(epoch(f.first_at) - epoch(l.created_date)) / 3600 AS value
    FROM salesforce.lead l JOIN first_touch f ON f.who_id = l.id
    WHERE ${live('l')} AND ${inRange('l.created_date')} GROUP BY 1`,
  leads_responded_within_sla: `WITH ${touches}
    SELECT ${month('l.created_date')} AS period, count(*) AS value
    FROM salesforce.lead l JOIN first_touch f ON f.who_id = l.id
    WHERE ${live('l')} AND ${inRange('l.created_date')} AND f.first_at <= l.created_date + INTERVAL 24 HOUR GROUP BY 1`,
  deal_velocity: `WITH stages AS (
      SELECT opportunity_id, count(DISTINCT stage_name) AS reached FROM salesforce.opportunity_history h WHERE ${live('h')} GROUP BY 1)
    SELECT ${month('o.close_date')} AS period, avg((o.close_date - CAST(o.created_date AS DATE)) / (s.reached - 1.0)) AS value
    FROM salesforce.opportunity o JOIN stages s ON s.opportunity_id = o.id
    WHERE ${live('o')} AND o.is_won AND s.reached > 1 AND ${inRange('o.close_date')} GROUP BY 1`,
  // conversions over the stage history
  stage_conversion_prospecting_to_qualification: conversionWithin90Days('Prospecting', ['Qualification', 'Proposal', 'Negotiation', 'Closed Won']),
  stage_conversion_qualification_to_proposal: conversionWithin90Days('Qualification', ['Proposal', 'Negotiation', 'Closed Won']),
  stage_conversion_proposal_to_negotiation: conversionWithin90Days('Proposal', ['Negotiation', 'Closed Won']),
  stage_conversion_negotiation_to_closed_won: conversionWithin90Days('Negotiation', ['Closed Won']),
  proposals_entered: `WITH ${history}
    SELECT ${month('entered_at')} AS period, count(*) AS value
    FROM (SELECT opportunity_id, min(created_date) AS entered_at FROM history WHERE stage_name = 'Proposal' GROUP BY 1) AS entered
    WHERE ${inRange('entered_at')} GROUP BY 1`,
  new_customers: `WITH ${firstWon} SELECT ${month('first_won')} AS period, count(*) AS value FROM first_won WHERE ${inRange('first_won')} GROUP BY 1`,
  contact_conversion_rate: `WITH roles AS (
      SELECT contact_id, count(DISTINCT opportunity_id) AS opportunities FROM salesforce.opportunity_contact_role r WHERE ${live('r')} GROUP BY 1)
    SELECT ${month('c.created_date')} AS period, count(*) FILTER (WHERE r.opportunities > 0) * 1.0 / count(*) AS value
    FROM salesforce.contact c LEFT JOIN roles r ON r.contact_id = c.id
    WHERE ${live('c')} AND ${inRange('c.created_date')} GROUP BY 1`,
  email_reply_rate: `WITH replies AS (
      SELECT reply_to_email_message_id AS id, count(*) AS n, min(message_date) AS first_at
      FROM salesforce.email_message r WHERE ${live('r')} AND r.incoming GROUP BY 1)
    SELECT ${month('m.message_date')} AS period, count(*) FILTER (WHERE r.n > 0) * 1.0 / count(*) AS value
    FROM salesforce.email_message m LEFT JOIN replies r ON r.id = m.id
    WHERE ${live('m')} AND NOT m.incoming AND ${inRange('m.message_date')} GROUP BY 1`,
  email_response_time: `WITH replies AS (
      SELECT reply_to_email_message_id AS id, min(message_date) AS first_at
      FROM salesforce.email_message r WHERE ${live('r')} AND r.incoming GROUP BY 1)
    SELECT ${month('m.message_date')} AS period, avg(epoch(r.first_at) - epoch(m.message_date)) / 3600 AS value
    FROM salesforce.email_message m JOIN replies r ON r.id = m.id
    WHERE ${live('m')} AND NOT m.incoming AND ${inRange('m.message_date')} GROUP BY 1`,
  // joins: line items to won opportunities, field history to the stage order
  product_revenue: `SELECT ${month('o.close_date')} AS period, sum(li.total_price) AS value
    FROM salesforce.opportunity_line_item li JOIN salesforce.opportunity o ON o.id = li.opportunity_id
    WHERE ${live('li')} AND ${live('o')} AND o.is_won AND ${inRange('o.close_date')} GROUP BY 1`,
  stage_regressions: `SELECT ${month('f.created_date')} AS period, count(*) AS value
    FROM salesforce.opportunity_field_history f
    JOIN salesforce.opportunity o ON o.id = f.opportunity_id
    JOIN salesforce.opportunity_stage a ON a.master_label = f.old_value
    JOIN salesforce.opportunity_stage b ON b.master_label = f.new_value
    WHERE ${live('f')} AND ${live('o')} AND f.field = 'StageName' AND NOT a.is_closed AND NOT b.is_closed AND b.sort_order < a.sort_order
      AND ${inRange('f.created_date')} GROUP BY 1`,
  // ratios
  win_rate: closedBy('count(*) FILTER (WHERE is_won) * 1.0 / count(*)', 'is_closed'),
  average_deal_size: closedBy('sum(amount) / count(*)', 'is_won'),
  mql_rate: createdBy('lead', 'count(*) FILTER (WHERE mql_date__c IS NOT NULL) * 1.0 / count(*)'),
  lead_conversion_rate: createdBy('lead', 'count(*) FILTER (WHERE is_converted) * 1.0 / count(*)'),
  customer_renewal_rate: closedBy('count(*) FILTER (WHERE is_won) * 1.0 / count(*)', `type = 'Renewal'`),
  gross_revenue_retention: `SELECT period, renewed / due AS value FROM (${renewals}) AS r`,
  quota_attainment: `WITH ${wonByMonth},
    quota AS (SELECT ${month('start_date')} AS period, sum(quota_amount) AS quota FROM salesforce.forecasting_quota
      WHERE NOT _fivetran_deleted GROUP BY 1)
    SELECT period, won.revenue / quota.quota AS value FROM won JOIN quota USING (period)`,
  activity_volume_per_rep: `WITH ${monthlyActivities}
    SELECT period, (tasks.n + coalesce(events.n, 0)) * 1.0 / tasks.reps AS value FROM tasks LEFT JOIN events USING (period)`,
  customer_acquisition_cost: `WITH ${firstWon}, ${campaignCost}
    SELECT ${month('first_won')} AS period, max(cost.cost) / count(*) AS value
    FROM first_won JOIN cost ON cost.period = ${month('first_won')} WHERE ${inRange('first_won')} GROUP BY 1`,
  // formulas
  activities: `WITH ${monthlyActivities}
    SELECT coalesce(tasks.period, events.period) AS period, coalesce(tasks.n, 0) + coalesce(events.n, 0) AS value
    FROM tasks FULL JOIN events ON tasks.period = events.period`,
  net_revenue_retention: `SELECT period, (coalesce(renewed, 0) + coalesce(expanded, 0)) / due AS value FROM (${renewals}) AS r`,
  campaign_roi: `WITH ${campaignCost}, attributed AS (SELECT ${month('close_date')} AS period, sum(amount) AS revenue
      FROM salesforce.opportunity o WHERE ${live('o')} AND is_won AND campaign_id IS NOT NULL GROUP BY 1)
    SELECT period, (coalesce(attributed.revenue, 0) - cost.cost) / cost.cost AS value FROM cost LEFT JOIN attributed USING (period)`,
  pipeline_velocity: `WITH ${opportunities},
    created AS (SELECT ${month('created_date')} AS period, count(*) AS n FROM opps GROUP BY 1),
    closed AS (SELECT ${month('close_date')} AS period, count(*) FILTER (WHERE is_won) AS won, count(*) FILTER (WHERE is_closed) AS closed,
      sum(amount) FILTER (WHERE is_won) AS revenue, avg(close_date - CAST(created_date AS DATE)) FILTER (WHERE is_won) AS cycle
      FROM opps GROUP BY 1)
    SELECT period, created.n * (closed.revenue / closed.won) * (closed.won * 1.0 / closed.closed) / closed.cycle AS value
    FROM created JOIN closed USING (period) WHERE ${inRange('period')}`,
  lead_scoring_effectiveness: createdBy(
    'lead',
    `(count(*) FILTER (WHERE lead_score__c >= 70 AND is_converted) * 1.0 / count(*) FILTER (WHERE lead_score__c >= 70))
      / (count(*) FILTER (WHERE NOT coalesce(lead_score__c >= 70, FALSE) AND is_converted) * 1.0 / count(*) FILTER (WHERE NOT coalesce(lead_score__c >= 70, FALSE)))`,
  ),
  forecast_accuracy: `WITH ${months}, ${history}, ${stateAt('start')}, ${wonByMonth},
    forecast AS (SELECT period, sum(amount * probability / 100) AS forecast FROM state
      WHERE ${open} AND close_date >= period AND close_date < next GROUP BY 1)
    SELECT period, 1 - abs(forecast.forecast - won.revenue) / won.revenue AS value FROM forecast JOIN won USING (period)`,
  // rollups onto the opportunity: the first entry into Qualification, the first win within 180 days
  qualified_to_close_rate: qualifiedToClose,
  // snapshots from the stage history
  pipeline_value: `WITH ${months}, ${history}, ${stateAt('end')} SELECT period, sum(amount) AS value FROM state WHERE ${open} GROUP BY 1`,
  open_opportunities: `WITH ${months}, ${history}, ${stateAt('end')} SELECT period, count(*) AS value FROM state WHERE ${open} GROUP BY 1`,
  weighted_pipeline: `WITH ${months}, ${history}, ${stateAt('end')} SELECT period, sum(amount * probability / 100) AS value FROM state WHERE ${open} GROUP BY 1`,
  average_opportunity_age: `WITH ${months}, ${history}, ${stateAt('end')}
    SELECT period, avg(next - CAST(opportunity_created AS DATE)) AS value FROM state WHERE ${open} GROUP BY 1`,
  average_days_in_stage: `WITH ${months}, ${history}, ${stateAt('end')}
    SELECT period, avg(next - CAST(created_date AS DATE)) AS value FROM state WHERE ${open} GROUP BY 1`,
  opportunities_aged_over_90_days: `WITH ${months}, ${history}, ${stateAt('end')}
    SELECT period, count(*) AS value FROM state WHERE ${open} AND next - CAST(opportunity_created AS DATE) > 90 GROUP BY 1`,
  stale_pipeline_share: `WITH ${months}, ${history}, ${stateAt('end')}
    SELECT period, sum(amount) FILTER (WHERE next - CAST(opportunity_created AS DATE) > 90) / sum(amount) AS value FROM state WHERE ${open} GROUP BY 1`,
  stalled_opportunities: `WITH ${months}, ${history}, ${stateAt('end')}
    SELECT period, count(*) AS value FROM state WHERE ${open} AND next - CAST(created_date AS DATE) > 30 GROUP BY 1`,
  forecast_revenue: `WITH ${months}, ${history}, ${stateAt('start')}
    SELECT period, sum(amount * probability / 100) AS value FROM state WHERE ${open} AND close_date >= period AND close_date < next GROUP BY 1`,
  pipeline_due: `WITH ${months}, ${history}, ${stateAt('start')}
    SELECT period, sum(amount) AS value FROM state WHERE ${open} AND close_date >= period AND close_date < next GROUP BY 1`,
  // running totals (cumulative)
  revenue_quarter_to_date: `WITH ${wonByMonth}
    SELECT period, sum(revenue) OVER (PARTITION BY date_trunc('quarter', period) ORDER BY period) AS value FROM won`,
  licensed_users: `WITH ${months}
    SELECT m.period, count(u.id) AS value FROM months m
    LEFT JOIN salesforce."user" u ON u.created_date < m.next AND u.is_active AND NOT u._fivetran_deleted GROUP BY 1`,
  reports_total: `WITH ${months}
    SELECT m.period, count(r.id) AS value FROM months m LEFT JOIN salesforce.report r ON r.created_date < m.next AND ${live('r')} GROUP BY 1`,
  user_adoption_rate: `WITH ${months},
    active AS (SELECT ${month('login_time')} AS period, count(DISTINCT user_id) AS n FROM salesforce.login_history
      WHERE NOT _fivetran_deleted AND status = 'Success' GROUP BY 1),
    licensed AS (SELECT m.period, count(*) AS n FROM months m JOIN salesforce."user" u ON u.created_date < m.next AND u.is_active AND NOT u._fivetran_deleted GROUP BY 1)
    SELECT period, active.n * 1.0 / licensed.n AS value FROM active JOIN licensed USING (period)`,
};

describe('catalogue metrics equal hand-written SQL over the demo org (DuckDB, by month)', () => {
  let project: Project;
  let dbs: DemoWarehouses;
  beforeAll(async () => {
    project = await loadCatalogue();
    dbs = await openDemoWarehouses({ postgres: false });
  }, 120_000);
  afterAll(() => dbs?.close());

  const hand = async (sql: string) => dbs.duckdb.warehouse.query(sql);

  it('samples more than a third of the catalogue, every metric kind among them', () => {
    const sampled = Object.keys(handSql).map((id) => project.metrics.get(id));
    expect(sampled.every(Boolean)).toBe(true);
    expect(sampled.length * 3).toBeGreaterThan(project.metrics.size);
    const kinds = new Set(sampled.map((m) => m!.kind));
    for (const kind of ['count', 'count_distinct', 'sum', 'average', 'ratio', 'formula', 'conversion', 'snapshot', 'cumulative']) expect(kinds).toContain(kind);
  });

  it.each(Object.keys(handSql))('%s', async (metric) => {
    const rows = await runMetric(project, dbs.duckdb, { metric, grain: 'month', ...demoRange });
    const expected = new Map((await hand(handSql[metric]!)).map((r) => [String(r.period), r.value === null ? null : Number(r.value)]));
    // Quotas are set per quarter: they fall in three of the nine months (the first without won deals yet).
    const months = metric.startsWith('quota') ? 2 : 5;
    expect([...expected.keys()].filter((p) => p >= demoRange.from).length, 'months the hand SQL found').toBeGreaterThanOrEqual(months);
    expectSameSeries(rows, expected, metric);
  });

  it('Proposal → Negotiation conversion by region and segment, where the demo plants its incident: through the history\'s opportunity to its owner and account', async () => {
    const rows = await runMetric(project, dbs.duckdb, { metric: 'stage_conversion_proposal_to_negotiation', grain: 'quarter', ...demoRange, dimensions: ['region', 'segment'] });
    const expected = await hand(conversionWithin90Days('Proposal', ['Negotiation', 'Closed Won'], { period: 'quarter', columns: ['u.region__c AS region', 'a.segment__c AS segment'] }));
    expect(expected.length).toBeGreaterThan(12);
    expectSameSlices(rows, expected, ['region', 'segment']);
  });

  it('pipeline value at each month\'s end by region, and pipeline due at its start by segment, through the history\'s opportunity', async () => {
    const owners = `LEFT JOIN salesforce."user" u ON u.id = o.owner_id AND NOT u._fivetran_deleted
      LEFT JOIN salesforce.account a ON a.id = o.account_id AND ${live('a')}`;
    const value = await hand(`WITH ${months}, ${history}, ${stateAt('end')}
      SELECT s.period, u.region__c AS region, sum(s.amount) AS value
      FROM (SELECT * FROM state WHERE ${open}) AS s JOIN salesforce.opportunity o ON o.id = s.opportunity_id ${owners} GROUP BY 1, 2`);
    expect(value.length).toBeGreaterThanOrEqual(27);
    expectSameSlices(await runMetric(project, dbs.duckdb, { metric: 'pipeline_value', grain: 'month', ...demoRange, dimensions: ['region'] }), value, ['region']);
    const due = await hand(`WITH ${months}, ${history}, ${stateAt('start')}
      SELECT s.period, a.segment__c AS segment, sum(s.amount) AS value
      FROM (SELECT * FROM state WHERE ${open} AND close_date >= period AND close_date < next) AS s
      JOIN salesforce.opportunity o ON o.id = s.opportunity_id ${owners} GROUP BY 1, 2`);
    expect(due.length).toBeGreaterThanOrEqual(20);
    expectSameSlices(await runMetric(project, dbs.duckdb, { metric: 'pipeline_due', grain: 'month', ...demoRange, dimensions: ['segment'] }), due, ['segment']);
  });

  it('revenue by product line by region and rep, through the line item\'s opportunity', async () => {
    const rows = await runMetric(project, dbs.duckdb, { metric: 'product_revenue', grain: 'quarter', ...demoRange, dimensions: ['region', 'rep'] });
    const expected = await hand(`SELECT CAST(date_trunc('quarter', o.close_date) AS DATE) AS period, u.region__c AS region, u.name AS rep, sum(li.total_price) AS value
      FROM salesforce.opportunity_line_item li JOIN salesforce.opportunity o ON o.id = li.opportunity_id
      LEFT JOIN salesforce."user" u ON u.id = o.owner_id AND NOT u._fivetran_deleted
      WHERE ${live('li')} AND ${live('o')} AND o.is_won AND ${inRange('o.close_date')} GROUP BY 1, 2, 3`);
    expect(expected.length).toBeGreaterThan(20);
    expectSameSlices(rows, expected, ['region', 'rep']);
  });

  it('activities by region and seat: SDRs apart from AEs (by title), where the demo drops SDR activity in NA', async () => {
    const rows = await runMetric(project, dbs.duckdb, { metric: 'activities', grain: 'month', ...demoRange, dimensions: ['region', 'seat'] });
    const seat = `CASE WHEN u.title = 'Sales Development Representative' THEN 'SDR' WHEN u.title LIKE '%Account Executive' THEN 'AE' ELSE u.title END`;
    const expected = await hand(`
      SELECT period, region, seat, count(*) AS value FROM (
        SELECT ${month('t.activity_date')} AS period, u.region__c AS region, ${seat} AS seat FROM salesforce.task t
        LEFT JOIN salesforce."user" u ON u.id = t.owner_id WHERE ${live('t')} AND ${inRange('t.activity_date')}
        UNION ALL
        SELECT ${month('e.activity_date_time')}, u.region__c, ${seat} FROM salesforce.event e
        LEFT JOIN salesforce."user" u ON u.id = e.owner_id WHERE ${live('e')} AND ${inRange('e.activity_date_time')}
      ) AS a GROUP BY 1, 2, 3`);
    expect(new Set(expected.map((e) => e.seat))).toEqual(new Set(['SDR', 'AE']));
    expectSameSlices(rows, expected, ['region', 'seat']);
    // The incident (SDRs in NA, −30% from mid-October): of the six region × seat slices, NA SDRs fall most from Aug–Sep to Nov–Dec.
    const change = (region: string, s: string) => {
      const sum = (periods: string[]) => rows.filter((r) => r.slice.region === region && r.slice.seat === s && periods.includes(r.period)).reduce((t, r) => t + r.value!, 0);
      return sum(['2025-11-01', '2025-12-01']) / sum(['2025-08-01', '2025-09-01']);
    };
    const changes = ['NA', 'EMEA', 'APAC'].flatMap((region) => ['SDR', 'AE'].map((s) => ({ slice: `${region} ${s}`, change: change(region, s) })));
    const worst = changes.reduce((a, b) => (b.change < a.change ? b : a));
    expect(worst.slice).toBe('NA SDR');
    expect(worst.change).toBeLessThan(0.8);
    expect(changes.filter((c) => c.slice !== 'NA SDR').every((c) => c.change > 0.85), JSON.stringify(changes)).toBe(true);
  });

  it('activities by region and department, where the demo drops SDR activity in NA', async () => {
    const rows = await runMetric(project, dbs.duckdb, { metric: 'activities', grain: 'month', ...demoRange, dimensions: ['region', 'department'] });
    const expected = await hand(`
      SELECT period, region, department, count(*) AS value FROM (
        SELECT ${month('t.activity_date')} AS period, u.region__c AS region, u.department FROM salesforce.task t
        LEFT JOIN salesforce."user" u ON u.id = t.owner_id WHERE ${live('t')} AND ${inRange('t.activity_date')}
        UNION ALL
        SELECT ${month('e.activity_date_time')}, u.region__c, u.department FROM salesforce.event e
        LEFT JOIN salesforce."user" u ON u.id = e.owner_id WHERE ${live('e')} AND ${inRange('e.activity_date_time')}
      ) AS a GROUP BY 1, 2, 3`);
    expect(expected.filter((e) => e.region === 'NA' && e.department === 'Sales Development').length).toBe(9);
    for (const e of expected) {
      const got = rows.find((r) => r.period === e.period && r.slice.region === e.region && r.slice.department === e.department);
      expect(got?.value, `${e.period} ${e.region} ${e.department}`).toBe(Number(e.value));
    }
  });

  it('quota attainment by rep at quarter grain', async () => {
    const rows = await runMetric(project, dbs.duckdb, { metric: 'quota_attainment', grain: 'quarter', ...demoRange, dimensions: ['rep'] });
    const expected = await hand(`WITH won AS (
        SELECT CAST(date_trunc('quarter', o.close_date) AS DATE) AS period, u.name AS rep, sum(o.amount) AS revenue
        FROM salesforce.opportunity o LEFT JOIN salesforce."user" u ON u.id = o.owner_id
        WHERE ${live('o')} AND o.is_won AND ${inRange('o.close_date')} GROUP BY 1, 2),
      quota AS (
        SELECT CAST(date_trunc('quarter', q.start_date) AS DATE) AS period, u.name AS rep, sum(q.quota_amount) AS quota
        FROM salesforce.forecasting_quota q LEFT JOIN salesforce."user" u ON u.id = q.quota_owner_id
        WHERE NOT q._fivetran_deleted GROUP BY 1, 2)
      SELECT period, rep, won.revenue / quota.quota AS value FROM won JOIN quota USING (period, rep)`);
    expect(expected.length).toBeGreaterThan(10);
    for (const e of expected) {
      const got = rows.find((r) => r.period === e.period && r.slice.rep === e.rep);
      expect(got?.value, `${e.period} ${e.rep}`).toBeCloseTo(Number(e.value), 12);
    }
  });
});

/** Every slice of every requested dimension equals the hand SQL's row for it, and the hand SQL has a row for every such slice with a value. */
function expectSameSlices(rows: MetricRow[], expected: Record<string, unknown>[], dimensions: string[]): void {
  const keyOf = (period: string, values: unknown[]) => `${period} ${JSON.stringify(values.map((v) => (v === null || v === undefined ? null : String(v))))}`;
  const want = new Map(expected.map((e) => [keyOf(String(e.period), dimensions.map((d) => e[d])), e.value === null ? null : Number(e.value)]));
  const full = rows.filter((r) => dimensions.every((d) => d in r.slice));
  for (const row of full) {
    const key = keyOf(row.period, dimensions.map((d) => row.slice[d]));
    const value = want.get(key);
    if (value === undefined || value === null) {
      expect([0, null], key).toContain(row.value);
      continue;
    }
    expect(row.value, key).not.toBeNull();
    expect(Math.abs(row.value! - value), `${key}: ${row.value} vs ${value}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(value)));
    want.delete(key);
  }
  expect([...want.entries()].filter(([, v]) => v !== null && v !== 0), 'hand SQL slices kpitree lacks').toEqual([]);
}

/** Every month kpitree returns equals the hand SQL; a month the hand SQL has no row for is empty (0 for counts and sums, none for the rest). */
function expectSameSeries(rows: MetricRow[], expected: Map<string, number | null>, metric: string): void {
  expect(rows.map((r) => r.period)).toEqual(['2025-04-01', '2025-05-01', '2025-06-01', '2025-07-01', '2025-08-01', '2025-09-01', '2025-10-01', '2025-11-01', '2025-12-01']);
  for (const row of rows) {
    const want = expected.get(row.period);
    const where = `${metric} ${row.period}`;
    if (want === undefined || want === null) {
      expect([0, null], where).toContain(row.value);
      continue;
    }
    expect(row.value, where).not.toBeNull();
    expect(Math.abs(row.value! - want), `${where}: ${row.value} vs ${want}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));
  }
}
