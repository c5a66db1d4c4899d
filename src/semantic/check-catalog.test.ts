import { describe, expect, it } from 'vitest';
import { formatIssue } from '../model/index.js';
import { crmCatalog } from '../../test/support/crm-catalog.js';
import { loadCrmProject } from '../../test/support/crm-project.js';
import type { Catalog } from './catalog.js';
import { checkCatalog } from './check-catalog.js';

const project = loadCrmProject();

function without(catalog: Catalog, table: string, column?: string): Catalog {
  return {
    ...catalog,
    tables: catalog.tables.flatMap((t) => {
      if (t.name !== table) return [t];
      return column ? [{ ...t, columns: t.columns.filter((c) => c.name !== column) }] : [];
    }),
  };
}

describe('checkCatalog', () => {
  it('finds nothing wrong when every table and column exists', () => {
    expect(checkCatalog(project, crmCatalog())).toEqual([]);
  });

  it('matches names regardless of case, as Snowflake upper-cases them', () => {
    const upper = crmCatalog('MAIN');
    const shouting = { ...upper, tables: upper.tables.map((t) => ({ ...t, name: t.name.toUpperCase(), columns: t.columns.map((c) => ({ ...c, name: c.name.toUpperCase() })) })) };
    expect(checkCatalog(project, shouting)).toEqual([]);
  });

  it('points at every use of a missing column, inside the expression', () => {
    const catalog = without(crmCatalog(), 'opportunities', 'amount');
    const issues = checkCatalog(project, catalog).map(formatIssue);
    expect(issues).toContain('metrics/money.yaml:5:11: metrics[0].expr: "amount" is neither a field of dataset opportunities nor a column of main.opportunities');
    // the field that wraps it, and the six metrics that sum or average it
    expect(issues.filter((i) => i.includes('"amount"'))).toHaveLength(8);
    expect(issues[0]).toMatch(/^datasets\/opportunities\.yaml:\d+:20: fields\[0\]\.expr: /);
  });

  it('reports a missing table once, at the dataset, and skips datasets that join to it', () => {
    const issues = checkCatalog(project, without(crmCatalog(), 'users'));
    expect(issues.map((i) => `${i.file}:${i.line}:${i.column} ${i.message}`)).toEqual(['datasets/users.yaml:2:8 table "users" does not exist in the warehouse']);
  });

  it('points at a join column, a dimension column and a filter column', () => {
    let catalog = without(crmCatalog(), 'opportunities', 'owner_id');
    catalog = without(catalog, 'accounts', 'segment');
    catalog = without(catalog, 'opportunities', 'is_won');
    const issues = checkCatalog(project, catalog);
    expect(issues.map((i) => `${i.file}:${i.line}:${i.column} ${i.field}`)).toEqual(
      expect.arrayContaining([
        'datasets/opportunities.yaml:7:18 joins[0].foreign_key',
        'datasets/accounts.yaml:4:11 dimensions[0].name',
        'metrics/money.yaml:13:13 metrics[1].filter',
      ]),
    );
  });

  it('refuses a time column that is not a date or timestamp', () => {
    const catalog = crmCatalog();
    const opportunities = catalog.tables.find((t) => t.name === 'opportunities')!;
    opportunities.columns = opportunities.columns.map((c) => (c.name === 'close_date' ? { ...c, type: 'string', rawType: 'VARCHAR' } : c));
    const issues = checkCatalog(project, catalog);
    expect(issues.some((i) => i.field === 'metrics[1].time' && i.message === 'time is a text; a time must be a date or a timestamp')).toBe(true);
  });

  it('refuses a sum of text, a condition that is not one, and a time that mixes dates and timestamps', () => {
    const catalog = crmCatalog();
    const opportunities = catalog.tables.find((t) => t.name === 'opportunities')!;
    opportunities.columns = opportunities.columns.map((c) =>
      c.name === 'amount' ? { ...c, type: 'string', rawType: 'VARCHAR' } : c.name === 'is_won' ? { ...c, type: 'number', rawType: 'INTEGER' } : c,
    );
    const messages = checkCatalog(project, catalog).map((i) => `${i.field}: ${i.message}`);
    expect(messages).toContain('metrics[0].expr: expr is a text; a sum needs numbers');
    expect(messages).toContain('metrics[1].filter: filter is a number; a condition must be true or false');
  });
});
