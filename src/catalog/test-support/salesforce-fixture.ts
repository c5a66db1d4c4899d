import { apiName, fivetranSystemColumns, salesforceObject, salesforceObjects } from '../salesforce/index.js';
import type { ColumnType } from '../../semantic/index.js';
import { salesforceRows, type FixtureValue } from './salesforce-rows.js';

export interface FixtureOptions {
  /** Schema the tables go into (default salesforce). */
  schema?: string;
  /** Fivetran's snake_case names, or Airbyte's API names. */
  naming?: 'fivetran' | 'airbyte';
  /** Objects (Fivetran names) to leave out. */
  without?: string[];
  /** Columns (object.column, Fivetran names) to leave out. */
  withoutColumns?: string[];
  /** Stage history as Fivetran's history-mode copy of opportunity (named opportunity_history), or field history only. */
  stageHistory?: 'opportunity_history' | 'history_mode' | 'field_history';
}

const sqlTypes: Record<ColumnType, string> = {
  string: 'VARCHAR', number: 'DOUBLE PRECISION', boolean: 'BOOLEAN', date: 'DATE', timestamp: 'TIMESTAMP', timestamptz: 'TIMESTAMPTZ', other: 'VARCHAR',
};

/**
 * SQL (DuckDB and Postgres alike) creating a small Salesforce org as Fivetran or Airbyte lands it,
 * from src/catalog/salesforce/objects.ts: the same rows under either naming.
 */
export function salesforceFixtureSql(options: FixtureOptions = {}): string {
  const schema = options.schema ?? 'salesforce';
  const airbyte = options.naming === 'airbyte';
  const rows = salesforceRows();
  const q = (name: string) => `"${name.replaceAll('"', '""')}"`;
  const statements = [`CREATE SCHEMA IF NOT EXISTS ${q(schema)}`];
  const skip = new Set(options.without ?? []);
  if (options.stageHistory === 'history_mode' || options.stageHistory === 'field_history') skip.add('opportunity_history');
  const objects = salesforceObjects.filter((o) => !skip.has(o.name));

  const table = (name: string, columns: [string, ColumnType][], values: Record<string, FixtureValue>[], extra: [string, ColumnType, (r: Record<string, FixtureValue>, i: number) => FixtureValue][]) => {
    const kept = columns.filter(([column]) => !(options.withoutColumns ?? []).includes(`${name}.${column}`));
    const physical = (column: string) => (airbyte ? apiName(column) : column);
    const all = [...kept.map(([c, t]) => [physical(c), t] as const), ...extra.map(([c, t]) => [c, t] as const)];
    statements.push(`CREATE TABLE ${q(schema)}.${q(airbyte ? apiName(name) : name)} (${all.map(([c, t]) => `${q(c)} ${sqlTypes[t]}`).join(', ')})`);
    // A row Fivetran marks _fivetran_deleted is one Airbyte no longer has.
    const present = values.map((r, i) => [r, i] as const).filter(([, i]) => !(airbyte && fivetranDeleted(name, i)));
    if (present.length === 0) return;
    const tuples = present.map(([r, i]) => `(${[...kept.map(([c]) => literal(r[c] ?? null)), ...extra.map(([, , f]) => literal(f(r, i)))].join(', ')})`);
    statements.push(`INSERT INTO ${q(schema)}.${q(airbyte ? apiName(name) : name)} VALUES ${tuples.join(', ')}`);
  };
  const system = (name: string): [string, ColumnType, (r: Record<string, FixtureValue>, i: number) => FixtureValue][] =>
    airbyte
      ? [['_airbyte_raw_id', 'string', (_, i) => `raw${i}`], ['_airbyte_extracted_at', 'timestamptz', () => '2025-06-01 00:00:00+00']]
      : [[fivetranSystemColumns.deleted, 'boolean', (_, i) => fivetranDeleted(name, i)], [fivetranSystemColumns.synced, 'timestamp', () => '2025-06-01 00:00:00']];

  for (const object of objects) {
    table(object.name, object.columns.map((c) => [c.name, c.type]), rows.get(object.name) ?? [], system(object.name));
  }
  if (options.stageHistory === 'history_mode') {
    // One row per version of each opportunity: its columns as they were from _fivetran_start to _fivetran_end.
    const opportunity = salesforceObject('opportunity');
    const versions = rows.get('opportunity_history')!.map((h, i, all) => {
      const current = rows.get('opportunity')!.find((o) => o.id === h.opportunity_id)!;
      const next = all[i + 1]?.opportunity_id === h.opportunity_id ? all[i + 1]!.created_date : null;
      const stage = String(h.stage_name);
      const version: Record<string, FixtureValue> = { ...current, stage_name: stage, amount: h.amount ?? null, probability: h.probability ?? null, close_date: h.close_date ?? null, forecast_category_name: h.forecast_category ?? null, is_closed: stage.startsWith('Closed'), is_won: stage === 'Closed Won', _start: h.created_date ?? null, _end: next ?? '9999-12-31 23:59:59', _active: next === null };
      return version;
    });
    table('opportunity_history', opportunity.columns.map((c) => [c.name, c.type]), versions, [
      [fivetranSystemColumns.start, 'timestamp', (r) => r._start ?? null],
      [fivetranSystemColumns.end, 'timestamp', (r) => r._end ?? null],
      [fivetranSystemColumns.active, 'boolean', (r) => r._active ?? null],
      [fivetranSystemColumns.synced, 'timestamp', () => '2025-06-01 00:00:00'],
    ]);
  }
  return `${statements.join(';\n')};`;
}

/** Rows deleted at the source, in tables no other table joins to (so both namings give the same joins). */
function fivetranDeleted(table: string, index: number): boolean {
  return ['task', 'event', 'opportunity_line_item', 'campaign_member'].includes(table) && index % 7 === 5;
}

function literal(value: FixtureValue): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return `'${value.replaceAll("'", "''")}'`;
}
