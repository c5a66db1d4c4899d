import type { CatalogTable } from '../../semantic/index.js';
import { fivetranSystemColumns, salesforceObject } from '../salesforce/index.js';
import { findColumnByName } from './find-column.js';
import { matchObject } from './match-object.js';
import { normaliseName } from './normalise-name.js';
import type { ColumnMatch, ObjectMatch, StageHistory, StageHistorySource } from './recognition.js';
import { columnRef, stringLiteral } from './column-ref.js';

/**
 * For each OpportunityHistory column, the column of the source that stands for it (null: the source
 * has nothing for it, with the reason).
 */
const translations: Record<Exclude<StageHistorySource, 'opportunity_history'>, { object: string; columns: Record<string, string | { none: string }> }> = {
  history_mode: {
    object: 'opportunity',
    columns: {
      id: { none: 'a history-mode copy has one row per version of an opportunity, without a row id of its own' },
      opportunity_id: 'id',
      forecast_category: 'forecast_category_name',
      created_date: fivetranSystemColumns.start,
    },
  },
  field_history: {
    object: 'opportunity_field_history',
    columns: {
      stage_name: 'new_value',
      ...Object.fromEntries(
        ['amount', 'probability', 'close_date', 'forecast_category'].map((c) => [c, { none: 'OpportunityFieldHistory records only the stage that changed, not the opportunity\'s other fields' }]),
      ),
    },
  },
};

const preference: StageHistorySource[] = ['opportunity_history', 'history_mode', 'field_history'];

/**
 * Where the stage history of opportunities is: Salesforce's OpportunityHistory log, Fivetran's
 * history-mode copy of Opportunity (named opportunity or opportunity_history, with _fivetran_start
 * and _fivetran_end), or OpportunityFieldHistory. The log is preferred, then history mode.
 */
export function findStageHistory(tables: CatalogTable[]): StageHistory | undefined {
  const found = tables.flatMap((table) => {
    const source = stageHistorySource(table);
    return source ? [{ source, table }] : [];
  });
  const namedOpportunity = (table: CatalogTable) => (normaliseName(table.name) === 'opportunity' ? 1 : 0);
  found.sort((a, b) => preference.indexOf(a.source) - preference.indexOf(b.source) || namedOpportunity(a.table) - namedOpportunity(b.table));
  const chosen = found[0];
  if (!chosen) return undefined;
  const { source, table } = chosen;
  if (source === 'opportunity_history') return { source, match: matchObject(salesforceObject('opportunity_history'), table), found };
  const match = translatedMatch(source, table);
  const column = (name: string) => findColumnByName(table, name)!.name;
  if (source === 'history_mode') {
    return { source, match, validFrom: column(fivetranSystemColumns.start), validTo: column(fivetranSystemColumns.end), found };
  }
  return { source, match: { ...match, filter: `${columnRef(column('field'))} = ${stringLiteral('StageName')}` }, previousStage: findColumnByName(table, 'old_value')?.name, found };
}

/** Which kind of stage-history source a table is, if any. */
export function stageHistorySource(table: CatalogTable): StageHistorySource | undefined {
  const name = normaliseName(table.name);
  const has = (column: string) => findColumnByName(table, column) !== undefined;
  if (name === 'opportunityhistory' && has('opportunity_id')) return 'opportunity_history';
  if ((name === 'opportunity' || name === 'opportunityhistory') && has(fivetranSystemColumns.start) && has(fivetranSystemColumns.end) && has('id') && has('stage_name')) {
    return 'history_mode';
  }
  if (name === 'opportunityfieldhistory' && has('field') && has('new_value') && has('opportunity_id')) return 'field_history';
  return undefined;
}

/** The source read as OpportunityHistory: each of its columns mapped onto the source's own. */
function translatedMatch(source: Exclude<StageHistorySource, 'opportunity_history'>, table: CatalogTable): ObjectMatch {
  const translation = translations[source];
  const sourceMatch = matchObject(salesforceObject(translation.object), table);
  const history = salesforceObject('opportunity_history');
  const columns: ColumnMatch[] = [];
  const missing: string[] = [];
  const missingReasons: Record<string, string> = {};
  for (const { name } of history.columns) {
    const target = translation.columns[name] ?? name;
    if (typeof target !== 'string') {
      missing.push(name);
      missingReasons[name] = target.none;
      continue;
    }
    const physical = sourceMatch.columns.find((c) => c.logical === target) ?? findColumnByName(table, target);
    if (!physical) missing.push(name);
    else columns.push({ logical: name, physical: 'physical' in physical ? physical.physical : physical.name, type: physical.type });
  }
  // Every version counts here, not only the current one: no _fivetran_active filter.
  const match: ObjectMatch = { ...sourceMatch, object: history, columns, missing, missingReasons };
  delete match.activeFlag;
  return match;
}
