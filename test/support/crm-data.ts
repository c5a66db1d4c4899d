/**
 * The rows of the CRM fixture (test/fixtures/crm). Small enough to check by hand: each row is
 * there for a reason, noted beside it. Timestamps in `created_at` are UTC wall-clock (TIMESTAMP);
 * `changed_at` is an instant (TIMESTAMPTZ).
 */

export interface FixtureTable {
  name: string;
  columns: [name: string, type: string][];
  rows: (string | number | boolean | null)[][];
}

export const users: FixtureTable = {
  name: 'users',
  columns: [['id', 'VARCHAR'], ['name', 'VARCHAR'], ['region', 'VARCHAR']],
  rows: [
    ['u1', 'Ana', 'EMEA'],
    ['u2', 'Ben', 'NA'],
    ['u3', 'Cai', null], // a rep without a region: the slice region = (none)
  ],
};

export const accounts: FixtureTable = {
  name: 'accounts',
  columns: [['id', 'VARCHAR'], ['name', 'VARCHAR'], ['segment', 'VARCHAR']],
  rows: [
    ['a1', 'Acme', 'Enterprise'],
    ['a2', 'Bolt', 'SMB'],
    ['a3', 'Cog', null],
    ['a4', 'Dyn', 'Enterprise'],
  ],
};

export const opportunities: FixtureTable = {
  name: 'opportunities',
  columns: [
    ['id', 'VARCHAR'], ['account_id', 'VARCHAR'], ['owner_id', 'VARCHAR'], ['amount', 'NUMERIC(12,2)'],
    ['stage_name', 'VARCHAR'], ['is_won', 'BOOLEAN'], ['is_closed', 'BOOLEAN'],
    ['created_at', 'TIMESTAMP'], ['close_date', 'DATE'], ['is_deleted', 'BOOLEAN'],
  ],
  rows: [
    ['o1', 'a1', 'u1', 1000, 'Closed Won', true, true, '2025-01-06 09:00:00', '2025-01-20', false], // a Monday
    ['o2', 'a2', 'u1', 500, 'Closed Lost', false, true, '2025-01-05 23:30:00', '2025-01-25', false], // Sunday night: the week before o1
    ['o3', 'a1', 'u2', 2000, 'Closed Won', true, true, '2025-01-13 03:00:00', '2025-03-03', false], // Monday 03:00 UTC = Sunday in New York
    ['o4', 'a3', 'u2', null, 'Prospecting', false, false, '2025-01-14 12:00:00', '2025-04-30', false], // no amount: counted, not summed
    ['o5', 'a2', 'u3', 300, 'Closed Won', true, true, '2025-02-03 10:00:00', '2025-03-10', false],
    ['o6', 'a4', 'u1', 1500, 'Negotiation', false, false, '2025-02-10 10:00:00', '2025-04-15', false],
    ['o7', 'a4', 'u2', 700, 'Closed Lost', false, true, '2025-02-11 10:00:00', '2025-03-12', false],
    ['o8', 'a1', 'u1', 900, 'Closed Won', true, true, '2025-04-01 02:00:00', '2025-04-02', false], // Q2 in UTC, still Q1 (March 31) in New York
    ['o9', 'a2', 'u2', 400, 'Closed Won', true, true, '2025-01-20 10:00:00', '2025-01-28', true], // deleted: never counted
    ['o10', null, 'u3', 250, 'Closed Won', true, true, '2024-12-30 10:00:00', '2025-01-02', false], // no account; its week starts in 2024
  ],
};

export const stageHistory: FixtureTable = {
  name: 'stage_history',
  columns: [['opportunity_id', 'VARCHAR'], ['stage_name', 'VARCHAR'], ['changed_at', 'TIMESTAMPTZ'], ['amount', 'NUMERIC(12,2)']],
  rows: [
    ['o1', 'Qualification', '2025-01-06 10:00:00+00', 1000],
    ['o1', 'Proposal', '2025-01-10 10:00:00+00', 1000], // converts within 30 days
    ['o1', 'Closed Won', '2025-01-20 10:00:00+00', 1000],
    ['o2', 'Qualification', '2025-01-06 00:30:00+00', 500],
    ['o2', 'Closed Lost', '2025-01-25 10:00:00+00', 500], // never reaches Proposal
    ['o3', 'Qualification', '2025-01-13 03:00:00+00', 2000],
    ['o3', 'Proposal', '2025-02-20 10:00:00+00', 2000], // 38 days later: outside the 30-day window
    ['o3', 'Negotiation', '2025-02-25 10:00:00+00', 2000],
    ['o3', 'Closed Won', '2025-03-03 10:00:00+00', 2000],
    ['o4', 'Prospecting', '2025-01-14 12:00:00+00', null],
    ['o4', 'Qualification', '2025-01-20 12:00:00+00', null],
    ['o4', 'Proposal', '2025-01-27 12:00:00+00', null],
    ['o4', 'Qualification', '2025-02-05 12:00:00+00', null], // a regression: its cohort stays January
    ['o4', 'Proposal', '2025-02-10 12:00:00+00', null],
    ['o5', 'Qualification', '2025-02-03 10:00:00+00', 300],
    ['o5', 'Proposal', '2025-02-04 10:00:00+00', 300],
    ['o5', 'Closed Won', '2025-03-10 10:00:00+00', 300],
    ['o6', 'Qualification', '2025-02-10 10:00:00+00', 1500],
    ['o6', 'Proposal', '2025-02-12 10:00:00+00', 1500],
    ['o6', 'Negotiation', '2025-02-20 10:00:00+00', 1500],
    ['o7', 'Qualification', '2025-02-11 10:00:00+00', 700],
    ['o7', 'Closed Lost', '2025-03-12 10:00:00+00', 700],
  ],
};

export const crmTables = [users, accounts, opportunities, stageHistory];

/** CREATE TABLE and INSERT statements (with $n parameters) that load a table into DuckDB or Postgres. */
export function tableStatements(table: FixtureTable, schema?: string): { sql: string; params: FixtureTable['rows'][number] }[] {
  const name = schema ? `"${schema}"."${table.name}"` : `"${table.name}"`;
  const create = `CREATE TABLE ${name} (${table.columns.map(([c, t]) => `"${c}" ${t}`).join(', ')})`;
  const placeholders = table.columns.map(([, type], i) => `CAST($${i + 1} AS ${type})`).join(', ');
  return [
    { sql: create, params: [] },
    ...table.rows.map((row) => ({ sql: `INSERT INTO ${name} VALUES (${placeholders})`, params: row })),
  ];
}
