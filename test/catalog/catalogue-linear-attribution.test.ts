import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../../src/model/index.js';
import type { MetricRow } from '../../src/semantic/index.js';
import { loadCatalogue } from './support/catalogue-project.js';
import { runMetric } from './support/demo-warehouses.js';
import { openHandMadeOrg, type HandMadeOrg, type HandRows } from './support/hand-made-org.js';

/**
 * Linear-touch attribution (linear_touch_revenue) on an org small enough to weigh every touch by
 * hand: each lead's won opportunity is split equally over the lead's live campaign touches, on
 * DuckDB and on Postgres.
 */

const opportunity = (id: string, owner: string, account: string, amount: number, close: string, won: boolean, deleted = false) => ({
  id, owner_id: owner, account_id: account, amount, close_date: close, is_closed: true, is_won: won,
  stage_name: won ? 'Closed Won' : 'Closed Lost', created_date: '2025-01-02 09:00:00', is_deleted: deleted,
});
const lead = (id: string, converted: string | null, deleted = false) => ({
  id, owner_id: 'u1', lead_source: 'Web', is_converted: converted !== null, converted_opportunity_id: converted,
  converted_date: converted ? '2025-01-02' : null, created_date: '2025-01-01 09:00:00', is_deleted: deleted,
});
let members = 0;
const touch = (campaign: string, lead: string | null, options: { contact?: string; is_deleted?: boolean; _fivetran_deleted?: boolean } = {}) => ({
  id: `m${++members}`, campaign_id: campaign, lead_id: lead, contact_id: options.contact ?? null, status: 'Sent', has_responded: false,
  created_date: '2025-01-01 12:00:00', is_deleted: options.is_deleted ?? false, _fivetran_deleted: options._fivetran_deleted ?? false,
});

const rows: HandRows = {
  user: [
    { id: 'u1', name: 'Nora NA', region__c: 'NA', title: 'SMB Account Executive', is_active: true },
    { id: 'u2', name: 'Emil EMEA', region__c: 'EMEA', title: 'Enterprise Account Executive', is_active: true },
  ],
  account: [
    { id: 'a1', name: 'Small Co', segment__c: 'SMB' },
    { id: 'a2', name: 'Big Co', segment__c: 'Enterprise' },
  ],
  campaign: [
    { id: 'c1', name: 'Webinar', type: 'Webinar', start_date: '2025-01-01' },
    { id: 'c2', name: 'Trade show', type: 'Event', start_date: '2025-01-01' },
    { id: 'c3', name: 'Paid search', type: 'Paid', start_date: '2025-01-01' },
  ],
  opportunity: [
    opportunity('o1', 'u1', 'a1', 900, '2025-03-10', true),
    opportunity('o2', 'u2', 'a2', 1000, '2025-03-20', true),
    opportunity('o3', 'u1', 'a1', 5000, '2025-03-25', false), // lost: nothing to attribute
    opportunity('o4', 'u1', 'a1', 400, '2025-04-05', true),
    opportunity('o5', 'u1', 'a1', 600, '2025-03-15', true),
    opportunity('o6', 'u1', 'a1', 7000, '2025-03-12', true, true), // deleted
    opportunity('o7', 'u2', 'a2', 800, '2025-03-05', true), // from a deleted lead
    opportunity('o8', 'u2', 'a2', 3000, '2025-03-06', true), // no lead: never touched
  ],
  lead: [
    lead('l1', 'o1'), lead('l2', 'o2'), lead('l3', 'o3'), lead('l4', null), lead('l5', 'o4'), lead('l6', 'o5'), lead('l7', 'o6'), lead('l8', 'o7', true),
  ],
  campaign_member: [
    touch('c1', 'l1'), touch('c2', 'l1'), touch('c3', 'l1'), // three touches: 900 / 3 = 300 each
    touch('c1', 'l2'), touch('c2', 'l2'), // two: 1000 / 2 = 500 each
    touch('c1', 'l3'), // lost
    touch('c3', 'l4'), // never converted
    touch('c2', 'l5'), touch('c1', 'l5', { is_deleted: true }), // one live touch: 400 to c2, in April
    touch('c1', 'l6'), touch('c3', 'l6', { _fivetran_deleted: true }), // one live touch: 600 to c1
    touch('c1', 'l7'), // its opportunity is deleted
    touch('c2', 'l8'), // its lead is deleted
    touch('c1', null, { contact: 'k1' }), // a contact, not a lead
  ],
};

describe('linear-touch attributed revenue on a hand-made org', () => {
  let project: Project;
  let org: HandMadeOrg;
  beforeAll(async () => {
    project = await loadCatalogue();
    org = await openHandMadeOrg(rows);
  }, 60_000);
  afterAll(() => org?.close());

  const run = async (dimensions: string[]) => {
    const request = { metric: 'linear_touch_revenue', grain: 'month' as const, from: '2025-03-01', to: '2025-04-30', dimensions };
    const [duck, post] = await Promise.all([runMetric(project, org.duckdb, request), runMetric(project, org.postgres, request)]);
    expect(post).toEqual(duck);
    return (slice: Record<string, string>, period: string) => duck.find((r: MetricRow) => r.period === period && JSON.stringify(r.slice) === JSON.stringify(slice))?.value;
  };

  it('gives each live touch of a lead 1/n of its won opportunity, by close date, on DuckDB and Postgres alike', async () => {
    const value = await run(['campaign']);
    // March: l1's 900 in thirds, l2's 1000 in halves, l6's 600 whole (its other touch is deleted).
    expect(value({ campaign: 'Webinar' }, '2025-03-01')).toBeCloseTo(300 + 500 + 600, 9);
    expect(value({ campaign: 'Trade show' }, '2025-03-01')).toBeCloseTo(300 + 500, 9);
    expect(value({ campaign: 'Paid search' }, '2025-03-01')).toBeCloseTo(300, 9);
    expect(value({}, '2025-03-01')).toBeCloseTo(900 + 1000 + 600, 9);
    // April: l5's 400, its only live touch.
    expect(value({ campaign: 'Trade show' }, '2025-04-01')).toBeCloseTo(400, 9);
    expect(value({ campaign: 'Webinar' }, '2025-04-01')).toBe(0);
    expect(value({}, '2025-04-01')).toBeCloseTo(400, 9);
  });

  it('slices by campaign type and by the region and segment of the opportunity (touch → lead → opportunity → owner, account)', async () => {
    const byType = await run(['campaign_type']);
    expect(byType({ campaign_type: 'Webinar' }, '2025-03-01')).toBeCloseTo(1400, 9);
    expect(byType({ campaign_type: 'Event' }, '2025-03-01')).toBeCloseTo(800, 9);
    const byRegion = await run(['region', 'segment']);
    expect(byRegion({ region: 'NA', segment: 'SMB' }, '2025-03-01')).toBeCloseTo(900 + 600, 9);
    expect(byRegion({ region: 'EMEA', segment: 'Enterprise' }, '2025-03-01')).toBeCloseTo(1000, 9);
    expect(byRegion({ region: 'NA' }, '2025-04-01')).toBeCloseTo(400, 9);
  });
});
