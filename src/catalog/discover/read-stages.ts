import type { Warehouse } from '../../warehouse/index.js';
import { findColumnByName } from './find-column.js';
import type { SchemaRecognition } from './recognition.js';

/** A stage of the org's sales process, as opportunity_stage lists it. */
export interface OrgStage {
  name: string;
  isClosed: boolean;
  isWon: boolean;
}

/**
 * The org's active opportunity stages in their sort order, read from opportunity_stage (the value
 * stage_name holds: api_name, else master_label). One cheap read; undefined, with the reason, when
 * the table is not there or cannot be read.
 */
export async function readStages(warehouse: Pick<Warehouse, 'query' | 'dialect'>, recognition: SchemaRecognition): Promise<{ stages?: OrgStage[]; note: string }> {
  const match = recognition.objects.find((o) => o.object.name === 'opportunity_stage');
  if (!match) return { note: 'opportunity_stage is missing: stage conversion metrics were not made per stage pair' };
  const column = (name: string) => findColumnByName(match.table, name)?.name;
  const label = column('api_name') ?? column('master_label');
  const sort = column('sort_order');
  if (!label || !sort) return { note: `${match.table.name} lacks api_name/master_label or sort_order: stage conversion metrics were not made per stage pair` };
  const q = (name: string) => warehouse.dialect.quoteIdentifier(name);
  const optional = (name: string, alias: string) => (column(name) ? `, ${q(column(name)!)} AS ${alias}` : `, NULL AS ${alias}`);
  const master = column('master_label');
  const name = master && master !== label ? `COALESCE(${q(label)}, ${q(master)})` : q(label);
  const sql =
    `SELECT ${name} AS stage_name, ${q(sort)} AS sort_order${optional('is_closed', 'is_closed')}${optional('is_won', 'is_won')}${optional('is_active', 'is_active')}` +
    ` FROM ${q(match.table.schema)}.${q(match.table.name)} ORDER BY ${q(sort)}, 1`;
  let rows;
  try {
    rows = await warehouse.query(sql);
  } catch (error) {
    return { note: `${match.table.name} could not be read (${error instanceof Error ? error.message : String(error)}): stage conversion metrics were not made per stage pair` };
  }
  const stages: OrgStage[] = [];
  for (const row of rows) {
    if (row.is_active === false || row.stage_name === null) continue;
    const stage = String(row.stage_name);
    if (stages.some((s) => s.name === stage)) continue;
    stages.push({ name: stage, isClosed: row.is_closed === true, isWon: row.is_won === true });
  }
  if (stages.length === 0) return { note: `${match.table.name} lists no active stage: stage conversion metrics were not made per stage pair` };
  return { stages, note: `the org's stages, from ${match.table.name}: ${stages.map((s) => s.name).join(' → ')}` };
}
