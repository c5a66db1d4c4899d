import type { Dataset, Expression, Project } from '../../model/index.js';
import { columnRef } from './column-ref.js';
import { locateDataset, physicalColumn, type LocatedDataset } from './locate-dataset.js';
import { deletionColumns, expressionRequirements } from './metric-requirements.js';
import { missingPieces } from './missing-pieces.js';
import { isCustomField, normaliseName, snakeId } from './normalise-name.js';
import type { SchemaRecognition } from './recognition.js';
import { conjuncts, renameRefs } from './rename-refs.js';

export interface AdaptContext {
  catalogue: Pick<Project, 'metrics' | 'datasets'>;
  recognition: SchemaRecognition;
  /** Ids of the datasets being written: joins and rollups to others are dropped. */
  written: ReadonlySet<string>;
}

export interface AdaptedDataset {
  /** The dataset as written to datasets/<id>.yaml. */
  definition: Record<string, unknown>;
  /** What was changed and why, for DISCOVERY.md. */
  notes: string[];
  /** The physical table, and its custom fields added as dimensions. */
  table: string;
  customDimensions: string[];
}

/** The field of a field-history stage dataset holding the stage an opportunity left (old_value). */
export const previousStageField = 'previous_stage_name';

type Located = Exclude<LocatedDataset, { missing: string }>;

/** The catalogue datasets that can be written: their table is there, and so is every column of their row filter but deletion flags. */
export function writableDatasets(catalogue: AdaptContext['catalogue'], recognition: SchemaRecognition): Set<string> {
  const ids = [...catalogue.datasets.values()].filter((dataset) => {
    if ('missing' in locateDataset(dataset, recognition)) return false;
    return !dataset.where || missingPieces(catalogue, recognition, expressionRequirements(catalogue, dataset, dataset.where, undefined, deletionColumns)).length === 0;
  });
  return new Set(ids.map((d) => d.id));
}

/**
 * A catalogue dataset rewritten for the warehouse: the table as found; a row filter from the
 * deletion columns that exist; a field for every logical column spelt otherwise (stage_name:
 * StageName); keys, joins, rollups and dimensions kept when what they name exists; custom fields
 * (__c) of the table offered as dimensions.
 */
export function adaptDataset(dataset: Dataset, context: AdaptContext): AdaptedDataset {
  const { catalogue, recognition, written } = context;
  const located = locateDataset(dataset, recognition) as Located;
  const { table, match } = located;
  const notes: string[] = [];
  const physical = (logical: string) => {
    const column = physicalColumn(located, logical);
    return 'physical' in column ? column.physical : undefined;
  };
  const available = (expression: Expression, own?: string) => missingPieces(catalogue, recognition, expressionRequirements(catalogue, dataset, expression, own));
  // Inside a field its own name means the column; a deletion flag is named as the warehouse spells it, or is false when missing.
  const adaptExpression = (expression: Expression, own?: string) =>
    renameRefs(expression, (path) => {
      const name = path.at(-1)!;
      if (path.length === 1 && name === own) return columnRef(physical(own) ?? own);
      if (!deletionColumns.includes(name)) return undefined;
      const flag = path.length === 1 ? physical(name) : deletionFlagThroughJoin(dataset, path[0]!, name, context);
      return flag === undefined ? 'false' : path.length === 1 ? columnRef(flag) : `${path[0]}.${columnRef(flag)}`;
    });

  const joins = dataset.joins.flatMap((join) => {
    const foreignKey = physical(join.foreign_key);
    if (!written.has(join.dataset)) notes.push(`join ${join.name} left out: dataset ${join.dataset} is not written (its table is missing)`);
    else if (!foreignKey) notes.push(`join ${join.name} left out: its foreign key ${join.foreign_key} is missing`);
    else return [{ name: join.name, dataset: join.dataset, foreign_key: foreignKey }];
    return [];
  });

  const keep = <T extends { name: string }>(what: string, item: T, expression: Expression | undefined, own?: string): boolean => {
    const column = expression ? undefined : physicalColumn(located, item.name);
    const missing = expression ? available(expression, own) : column && 'missing' in column ? [column.missing] : [];
    if (missing.length > 0) notes.push(`${what} ${item.name} left out: it ${missing.join('; ')}`);
    return missing.length === 0;
  };
  const fields = dataset.fields.filter((f) => keep('field', f, f.expr, f.name)).map((f) => ({ name: f.name, expr: adaptExpression(f.expr, f.name), ...desc(f) }));
  const dimensions = dataset.dimensions
    .filter((d) => keep('dimension', d, d.expr, d.name))
    .map((d) => {
      const expr = d.expr ? adaptExpression(d.expr, d.name) : sameName(physical(d.name)!, d.name) ? undefined : columnRef(physical(d.name)!);
      return { name: d.name, ...(expr !== undefined ? { expr } : {}), ...desc(d) };
    });
  const rollups = dataset.rollups.flatMap((rollup) => {
    const rows = catalogue.datasets.get(rollup.dataset);
    const foreignKey = rows && written.has(rows.id) ? physicalColumn(locateDataset(rows, recognition) as Located, rollup.foreign_key) : undefined;
    const needs = rows ? [rollup.expr, rollup.filter].flatMap((e) => (e ? missingPieces(catalogue, recognition, expressionRequirements(catalogue, rows, e)) : [])) : [];
    if (!foreignKey || 'missing' in foreignKey || needs.length > 0) {
      notes.push(`rollup ${rollup.name} left out: ${!foreignKey ? `dataset ${rollup.dataset} is not written` : 'missing' in foreignKey ? `it ${foreignKey.missing}` : `it ${needs.join('; ')}`}`);
      return [];
    }
    return [{ name: rollup.name, dataset: rollup.dataset, foreign_key: foreignKey.physical, aggregate: rollup.aggregate, ...text('expr', rollup.expr, rows!, context), ...text('filter', rollup.filter, rows!, context), ...desc(rollup) }];
  });

  const taken = new Set([...dataset.fields, ...dataset.dimensions, ...dataset.rollups].map((f) => f.name));
  const customDimensions = customFieldDimensions(located, dimensions, taken);
  customDimensions.forEach((d) => taken.add(d.name));
  const mappings = (match?.columns ?? [])
    .filter((c) => !sameName(c.physical, c.logical) && !taken.has(c.logical))
    .map((c) => ({ name: c.logical, expr: columnRef(c.physical) }));
  const previous = recognition.stageHistory?.match === match ? recognition.stageHistory?.previousStage : undefined;
  if (previous && !taken.has(previousStageField)) mappings.push({ name: previousStageField, expr: columnRef(previous) });

  const where = rowFilter(dataset, located, (part) => adaptExpression(part));
  const primaryKey = dataset.primary_key ?? 'id';
  const pk = physical(primaryKey);
  return {
    definition: {
      id: dataset.id,
      ...desc(dataset),
      table: table.schema === recognition.schema ? table.name : `${table.schema}.${table.name}`,
      ...(pk && (dataset.primary_key !== undefined || !sameName(pk, primaryKey)) ? { primary_key: pk } : {}),
      ...(where ? { where } : {}),
      ...(joins.length ? { joins } : {}),
      ...(fields.length + mappings.length ? { fields: [...mappings, ...fields] } : {}),
      ...(rollups.length ? { rollups } : {}),
      ...(dimensions.length + customDimensions.length ? { dimensions: [...dimensions, ...customDimensions.map(({ name, expr }) => ({ name, expr }))] } : {}),
    },
    notes,
    table: table.name,
    customDimensions: customDimensions.map((d) => d.column),
  };
}

/** The catalogue's row filter without its deletion terms, and the deletion columns that exist (plus the source's own filter). */
function rowFilter(dataset: Dataset, located: Located, adapt: (part: Expression) => string): string | undefined {
  const kept = dataset.where ? conjuncts(dataset.where).filter((part) => !isDeletionTerm(part)).map(adapt) : [];
  const match = located.match;
  const terms = [
    ...kept,
    ...(match?.deletion ?? []).map((column) => `not coalesce(${columnRef(column)}, false)`),
    ...(match?.activeFlag ? [`coalesce(${columnRef(match.activeFlag)}, false)`] : []),
    ...(match?.filter ? [match.filter] : []),
  ];
  return terms.length ? terms.join(' and ') : undefined;
}

function isDeletionTerm(part: Expression): boolean {
  const names: string[] = [];
  renameRefs(part, (path) => void names.push(path.join('.')));
  return names.length > 0 && names.every((name) => deletionColumns.includes(name));
}

/** String and boolean custom fields of the table that no dimension shows yet, as dimensions named after them. */
function customFieldDimensions(located: Located, dimensions: { name: string; expr?: string }[], taken: ReadonlySet<string>): { name: string; expr: string; column: string }[] {
  const { match, table } = located;
  if (match?.object.name === 'opportunity_history' || !match) return [];
  const shown = new Set(dimensions.flatMap((d) => [d.name, ...(d.expr?.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [])]).map(normaliseName));
  return table.columns
    .filter((c) => isCustomField(c.name) && (c.type === 'string' || c.type === 'boolean') && !shown.has(normaliseName(c.name)))
    .map((c) => ({ name: snakeId(c.name), expr: columnRef(c.name), column: c.name }))
    .filter((d) => !taken.has(d.name));
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function desc(item: { description?: string | undefined }): { description?: string } {
  return item.description !== undefined ? { description: item.description } : {};
}

function text(key: 'expr' | 'filter', expression: Expression | undefined, rows: Dataset, context: AdaptContext): Record<string, string> {
  if (!expression) return {};
  const located = locateDataset(rows, context.recognition) as Located;
  return {
    // Columns by their physical names: the semantic layer types a min or max rollup from the column it names.
    [key]: renameRefs(expression, (path) => {
      const name = path[0]!;
      if (path.length !== 1 || [...rows.fields, ...rows.dimensions, ...rows.rollups].some((f) => f.name === name && ('expr' in f ? f.expr : true))) return undefined;
      const column = physicalColumn(located, name);
      return 'physical' in column ? columnRef(column.physical) : deletionColumns.includes(name) ? 'false' : undefined;
    }),
  };
}

/** The physical deletion flag of the dataset a join reaches, if it has one. */
function deletionFlagThroughJoin(dataset: Dataset, joinName: string, flag: string, context: AdaptContext): string | undefined {
  const join = dataset.joins.find((j) => j.name === joinName);
  const joined = join && context.catalogue.datasets.get(join.dataset);
  const located = joined && locateDataset(joined, context.recognition);
  if (!located || 'missing' in located) return undefined;
  const column = physicalColumn(located, flag);
  return 'physical' in column ? column.physical : undefined;
}
