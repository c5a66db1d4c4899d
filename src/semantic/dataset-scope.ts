import { didYouMean, parseExpression, type Dataset, type DatasetRollup, type Expr, type Project } from '../model/index.js';
import { findColumn, findTable, type Catalog, type CatalogColumn, type CatalogTable, type ColumnType } from './catalog.js';
import { zeroWhenEmpty } from './aggregate-sql.js';
import { CompileError } from './compile-error.js';
import type { Dialect } from './dialect.js';
import { expressionType } from './expression-type.js';

export const baseAlias = '_t';
/** The alias of a rollup's rows inside its subquery. */
export const rollupRowsAlias = '_r';

/** How many joins an expression may reach through: opportunity history → opportunity → owner → role. */
export const maxJoinDepth = 3;

/** What a name in an expression stands for: a column (of a table, or a rollup's value), or a field defined by expression. */
export type Resolved =
  | { kind: 'column'; sql: string; column: CatalogColumn }
  | { kind: 'field'; key: string; expr: Expr; scope: DatasetScope };

export interface UsedRollup {
  rollup: DatasetRollup;
  /** The other dataset, seen as the rollup subquery's rows. */
  rows: DatasetScope;
}

/**
 * The names a dataset's expressions can use: its fields and dimensions, its columns, and, through
 * its joins, join.name — where the joined dataset's own fields may reach through its joins in turn,
 * up to maxJoinDepth. Records which joins were used so that only those are joined.
 */
export class DatasetScope {
  readonly table: CatalogTable;
  private readonly joinScopes = new Map<string, DatasetScope>();
  private readonly usedJoins = new Set<string>();
  private readonly usedRollups = new Map<string, UsedRollup>();

  constructor(
    readonly dataset: Dataset,
    private readonly project: Pick<Project, 'datasets'>,
    private readonly catalog: Catalog,
    private readonly dialect: Dialect,
    /** The table's alias in SQL: a joined dataset is seen through its join's name (owner, opportunity__owner). */
    readonly alias: string = baseAlias,
    /** Joins between the query's dataset and this one. */
    private readonly depth = 0,
  ) {
    this.table = requireTable(catalog, dataset);
  }

  /**
   * Resolves ["amount"] or ["owner", "region"]: a field or dimension defined by expression first,
   * then a column. Names in `expanding` (fields being expanded) mean their column, so a field may
   * wrap the column it is named after (amount: coalesce(amount, 0)).
   */
  resolve(path: string[], expanding: ReadonlySet<string> = new Set()): Resolved {
    if (path.length === 2) return this.throughJoin(path[0]!, path[1]!, expanding);
    const name = path[0]!;
    const key = `${this.alias}.${name}`;
    const defined = [...this.dataset.fields, ...this.dataset.dimensions].find((f) => f.name === name && f.expr);
    if (defined?.expr && !expanding.has(key)) return { kind: 'field', key, expr: defined.expr.ast, scope: this };
    const rollup = this.dataset.rollups.find((r) => r.name === name);
    if (rollup && this.alias !== baseAlias) {
      throw new CompileError(`${this.alias}.${name} is a rollup of dataset ${this.dataset.id}: rollups are available on a metric's own dataset, not through a join`, name);
    }
    if (rollup) return this.useRollup(rollup);
    const column = this.requireColumn(name);
    return { kind: 'column', sql: `${this.dialect.quoteIdentifier(this.alias)}.${this.dialect.quoteIdentifier(column.name)}`, column };
  }

  /** The expression of a dimension offered for slicing (the column of its name when it has none). */
  dimension(name: string): Expr | undefined {
    const dimension = this.dataset.dimensions.find((d) => d.name === name);
    return dimension && (dimension.expr?.ast ?? parseExpression(`"${name}"`));
  }

  /** The rollups used so far, each to be joined as a subquery grouped by its foreign key. */
  rollups(): UsedRollup[] {
    return [...this.usedRollups.values()];
  }

  /** The joins used so far, with the column of this table that holds each joined dataset's key. */
  joinsUsed(): { foreignKey: CatalogColumn; joined: DatasetScope }[] {
    return this.dataset.joins
      .filter((join) => this.usedJoins.has(join.name))
      .map((join) => ({ foreignKey: this.requireColumn(join.foreign_key), joined: this.joinScopes.get(join.name)! }));
  }

  /** The dataset's table, qualified and quoted. */
  tableSql(): string {
    return `${this.dialect.quoteIdentifier(this.table.schema)}.${this.dialect.quoteIdentifier(this.table.name)}`;
  }

  requireColumn(name: string): CatalogColumn {
    const column = findColumn(this.table, name);
    if (!column) {
      const fields = [...this.dataset.fields, ...this.dataset.dimensions].map((f) => f.name);
      throw new CompileError(
        `"${name}" is neither a field of dataset ${this.dataset.id} nor a column of ${this.table.schema}.${this.table.name}`,
        name,
        didYouMean(name, new Set([...fields, ...this.table.columns.map((c) => c.name)])),
      );
    }
    return column;
  }

  private useRollup(rollup: DatasetRollup): Resolved {
    let used = this.usedRollups.get(rollup.name);
    if (!used) {
      const other = this.project.datasets.get(rollup.dataset);
      if (!other) throw new CompileError(`dataset ${this.dataset.id}: rollup ${rollup.name} names unknown dataset "${rollup.dataset}"`, 'rollups');
      used = { rollup, rows: new DatasetScope(other, this.project, this.catalog, this.dialect, rollupRowsAlias) };
      this.usedRollups.set(rollup.name, used);
    }
    const value = `${this.dialect.quoteIdentifier(rollup.name)}.rollup_value`;
    return {
      kind: 'column',
      sql: zeroWhenEmpty.has(rollup.aggregate) ? `COALESCE(${value}, 0)` : value,
      column: { name: rollup.name, type: rollupType(rollup, used.rows), rawType: `${rollup.aggregate} of ${rollup.dataset}` },
    };
  }

  private throughJoin(joinName: string, name: string, expanding: ReadonlySet<string>): Resolved {
    const join = this.dataset.joins.find((j) => j.name === joinName);
    if (!join) {
      throw new CompileError(`dataset ${this.dataset.id} has no join named "${joinName}"`, joinName, didYouMean(joinName, this.dataset.joins.map((j) => j.name)));
    }
    if (this.depth >= maxJoinDepth) {
      throw new CompileError(`${this.alias}.${joinName}: an expression reaches at most ${maxJoinDepth} joins away`, joinName);
    }
    let scope = this.joinScopes.get(joinName);
    if (!scope) {
      const joined = this.project.datasets.get(join.dataset);
      if (!joined) throw new CompileError(`dataset ${this.dataset.id}: join ${join.name} names unknown dataset "${join.dataset}"`, 'joins');
      const alias = this.alias === baseAlias ? joinName : `${this.alias}__${joinName}`;
      scope = new DatasetScope(joined, this.project, this.catalog, this.dialect, alias, this.depth + 1);
      this.joinScopes.set(joinName, scope);
    }
    this.usedJoins.add(joinName);
    return scope.resolve([name], expanding);
  }

}

function requireTable(catalog: Catalog, dataset: Dataset): CatalogTable {
  const table = findTable(catalog, dataset.table);
  if (!table) {
    throw new CompileError(
      `table "${dataset.table}" of dataset ${dataset.id} does not exist in the warehouse`,
      'table',
      didYouMean(dataset.table, catalog.tables.map((t) => (t.schema === catalog.defaultSchema ? t.name : `${t.schema}.${t.name}`))),
    );
  }
  return table;
}

/** min and max keep the type of what they aggregate (a first activity is a timestamp); the rest are numbers. */
function rollupType(rollup: DatasetRollup, rows: DatasetScope): ColumnType {
  if ((rollup.aggregate !== 'min' && rollup.aggregate !== 'max') || !rollup.expr) return 'number';
  const type = expressionType(rollup.expr.ast, rows);
  return type === 'unknown' || type === 'mixed' ? 'other' : type;
}
