import { didYouMean, type Dataset, type Project } from '../model/index.js';
import { findColumn, findTable, type Catalog, type CatalogColumn, type CatalogTable } from './catalog.js';
import { CompileError } from './compile-error.js';
import type { Dialect } from './dialect.js';

export const baseAlias = '_t';

interface JoinedTable {
  name: string;
  foreignKey: string;
  dataset: Dataset;
  table: CatalogTable;
}

/**
 * The tables a dataset's expressions can see: its own (columns by name) and its joins
 * (join.column). Records which joins were used so that only those are joined.
 */
export class DatasetScope {
  readonly table: CatalogTable;
  private readonly joins = new Map<string, JoinedTable>();
  private readonly usedJoins = new Set<string>();

  constructor(
    readonly dataset: Dataset,
    project: Pick<Project, 'datasets'>,
    catalog: Catalog,
    private readonly dialect: Dialect,
  ) {
    this.table = requireTable(catalog, dataset, 'table');
    for (const join of dataset.joins) {
      const joined = project.datasets.get(join.dataset);
      if (!joined) throw new CompileError(`dataset ${dataset.id}: join ${join.name} names unknown dataset "${join.dataset}"`, 'joins');
      this.joins.set(join.name, { name: join.name, foreignKey: join.foreign_key, dataset: joined, table: requireTable(catalog, joined, 'table') });
    }
  }

  /** SQL for a column reference: ["amount"] or ["owner", "region"]. */
  column(path: string[]): { sql: string; column: CatalogColumn } {
    if (path.length === 1) {
      const column = this.requireColumn(this.table, path[0]!, this.dataset.id);
      return { sql: `${this.dialect.quoteIdentifier(baseAlias)}.${this.dialect.quoteIdentifier(column.name)}`, column };
    }
    const [joinName, columnName] = path as [string, string];
    const join = this.joins.get(joinName);
    if (!join) {
      throw new CompileError(`dataset ${this.dataset.id} has no join named "${joinName}"`, joinName, didYouMean(joinName, this.joins.keys()));
    }
    this.usedJoins.add(joinName);
    const column = this.requireColumn(join.table, columnName, join.dataset.id);
    return { sql: `${this.dialect.quoteIdentifier(joinName)}.${this.dialect.quoteIdentifier(column.name)}`, column };
  }

  /** FROM with the dataset's table and the joins used so far. */
  fromClause(): string {
    const q = (name: string) => this.dialect.quoteIdentifier(name);
    const lines = [`FROM ${this.tableSql(this.table)} AS ${q(baseAlias)}`];
    for (const join of this.joins.values()) {
      if (!this.usedJoins.has(join.name)) continue;
      const fk = this.requireColumn(this.table, join.foreignKey, this.dataset.id);
      const pk = this.requireColumn(join.table, join.dataset.primary_key ?? 'id', join.dataset.id);
      lines.push(`LEFT JOIN ${this.tableSql(join.table)} AS ${q(join.name)} ON ${q(baseAlias)}.${q(fk.name)} = ${q(join.name)}.${q(pk.name)}`);
    }
    return lines.join('\n');
  }

  private tableSql(table: CatalogTable): string {
    return `${this.dialect.quoteIdentifier(table.schema)}.${this.dialect.quoteIdentifier(table.name)}`;
  }

  private requireColumn(table: CatalogTable, name: string, datasetId: string): CatalogColumn {
    const column = findColumn(table, name);
    if (!column) {
      throw new CompileError(
        `column "${name}" does not exist in ${table.schema}.${table.name} (dataset ${datasetId})`,
        name,
        didYouMean(name, table.columns.map((c) => c.name)),
      );
    }
    return column;
  }
}

function requireTable(catalog: Catalog, dataset: Dataset, field: string): CatalogTable {
  const table = findTable(catalog, dataset.table);
  if (!table) {
    throw new CompileError(
      `table "${dataset.table}" of dataset ${dataset.id} does not exist in the warehouse`,
      field,
      didYouMean(dataset.table, catalog.tables.map((t) => (t.schema === catalog.defaultSchema ? t.name : `${t.schema}.${t.name}`))),
    );
  }
  return table;
}
