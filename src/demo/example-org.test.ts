import { describe, expect, it } from 'vitest';
import type { DemoTable } from './demo-table.js';
import { generateExampleOrg } from './example-org.js';

const rowsOf = (tables: DemoTable[], name: string) => {
  const table = tables.find((t) => t.name === name)!;
  return table.rows.map((row) => Object.fromEntries(table.columns.map(([c], i) => [c, row[i]])));
};

describe('generateExampleOrg', () => {
  const org = generateExampleOrg({ asOf: '2026-11-23', seed: 7 });

  it('is deterministic for a seed and an as-of date, and differs for another seed', () => {
    expect(generateExampleOrg({ asOf: '2026-11-23', seed: 7 })).toEqual(org);
    expect(rowsOf(generateExampleOrg({ asOf: '2026-11-23', seed: 8 }), 'opportunity')).not.toEqual(rowsOf(org, 'opportunity'));
  });

  it('creates nothing on or after the as-of date, and closes nothing after it', () => {
    for (const o of rowsOf(org, 'opportunity')) {
      expect(String(o.created_date) < '2026-11-23').toBe(true);
      if (o.is_closed) expect(String(o.close_date) < '2026-11-23').toBe(true);
    }
    for (const t of rowsOf(org, 'task')) expect(String(t.created_date) < '2026-11-23').toBe(true);
  });

  it('keeps each opportunity consistent with its stage history', () => {
    const history = rowsOf(org, 'opportunity_history');
    for (const o of rowsOf(org, 'opportunity')) {
      const changes = history.filter((h) => h.opportunity_id === o.id).sort((a, b) => String(a.created_date).localeCompare(String(b.created_date)));
      expect(changes[0]!.stage_name).toBe('Prospecting');
      expect(changes.at(-1)!.stage_name).toBe(o.stage_name);
      expect(o.is_won).toBe(o.stage_name === 'Closed Won');
      expect(o.is_closed).toBe(o.stage_name === 'Closed Won' || o.stage_name === 'Closed Lost');
    }
  });

  it('has a realistic shape: wins and losses, open deals, regressions, Fivetran custom fields', () => {
    const opportunities = rowsOf(org, 'opportunity');
    const won = opportunities.filter((o) => o.is_won).length;
    const closed = opportunities.filter((o) => o.is_closed).length;
    expect(won / closed).toBeGreaterThan(0.15);
    expect(won / closed).toBeLessThan(0.45);
    expect(opportunities.some((o) => !o.is_closed)).toBe(true);
    const history = rowsOf(org, 'opportunity_history');
    const regressed = new Set(history.filter((h) => h.stage_name === 'Qualification').map((h) => h.opportunity_id));
    expect([...regressed].some((id) => history.filter((h) => h.opportunity_id === id && h.stage_name === 'Qualification').length > 1)).toBe(true);
    expect(org.find((t) => t.name === 'user')!.columns.map(([c]) => c)).toContain('region__c');
  });
});
