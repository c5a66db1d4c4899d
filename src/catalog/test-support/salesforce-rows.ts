import type { ColumnType } from '../../semantic/index.js';
import { salesforceObjects, type SalesforceObject } from '../salesforce/index.js';

/** The stages of the fixture org, in order: [name, is_closed, is_won]. */
export const fixtureStages: [string, boolean, boolean][] = [
  ['Prospecting', false, false],
  ['Qualification', false, false],
  ['Proposal', false, false],
  ['Negotiation', false, false],
  ['Closed Won', true, true],
  ['Closed Lost', true, false],
];

export type FixtureValue = string | number | boolean | null;

/** How many rows each object gets (others: 8). */
const counts: Record<string, number> = { user: 6, user_role: 3, account: 8, opportunity: 40, lead: 30, task: 60, event: 24, campaign: 3, campaign_member: 20, opportunity_line_item: 30, product_2: 3 };

const references: Record<string, string> = {
  owner_id: 'user', user_id: 'user', manager_id: 'user', quota_owner_id: 'user', created_by_id: 'user',
  account_id: 'account', converted_account_id: 'account', opportunity_id: 'opportunity', converted_opportunity_id: 'opportunity',
  what_id: 'opportunity', contact_id: 'contact', converted_contact_id: 'contact', who_id: 'lead', campaign_id: 'campaign',
  lead_id: 'lead', product_2_id: 'product_2', user_role_id: 'user_role', parent_role_id: 'user_role',
};

const day = (offset: number) => new Date(Date.UTC(2025, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * Small, deterministic rows for every Salesforce object of the catalogue, in logical (Fivetran)
 * column names: enough for metrics to give non-trivial numbers (stages, wins, amounts, a deleted
 * row per object), not a realistic org (that is src/demo).
 */
export function salesforceRows(): Map<string, Record<string, FixtureValue>[]> {
  const tables = new Map<string, Record<string, FixtureValue>[]>();
  for (const object of salesforceObjects) {
    if (['opportunity_history', 'opportunity_field_history', 'opportunity_stage'].includes(object.name)) continue;
    tables.set(object.name, Array.from({ length: counts[object.name] ?? 8 }, (_, i) => row(object, i)));
  }
  tables.set('opportunity_stage', fixtureStages.map(([name, closed, won], i) => ({
    id: `stage${i}`, master_label: name, api_name: name, sort_order: i + 1, default_probability: won ? 100 : closed ? 0 : (i + 1) * 20,
    is_active: true, is_closed: closed, is_won: won, forecast_category_name: closed ? (won ? 'Closed' : 'Omitted') : 'Pipeline',
  })));
  const history: Record<string, FixtureValue>[] = [];
  const fieldHistory: Record<string, FixtureValue>[] = [];
  for (const opportunity of tables.get('opportunity')!) {
    const final = fixtureStages.findIndex(([name]) => name === opportunity.stage_name);
    const path = final >= 4 ? [0, 1, 2, 3].slice(0, 1 + (Number(String(opportunity.id).slice(3)) % 4)).concat(final) : Array.from({ length: final + 1 }, (_, k) => k);
    path.forEach((stage, k) => {
      const at = `${day(Number(String(opportunity.id).slice(3)) * 3 + k * 6)} 10:00:00`;
      const common = { opportunity_id: opportunity.id ?? null, created_date: at, is_deleted: false };
      history.push({ id: `${opportunity.id}h${k}`, ...common, stage_name: fixtureStages[stage]![0], amount: opportunity.amount ?? null, probability: 10 * (stage + 1), close_date: opportunity.close_date ?? null, forecast_category: 'Pipeline' });
      if (k > 0) fieldHistory.push({ id: `${opportunity.id}f${k}`, ...common, field: 'StageName', old_value: fixtureStages[path[k - 1]!]![0], new_value: fixtureStages[stage]![0] });
    });
  }
  tables.set('opportunity_history', history);
  tables.set('opportunity_field_history', fieldHistory);
  return tables;
}

function row(object: SalesforceObject, i: number): Record<string, FixtureValue> {
  const out: Record<string, FixtureValue> = {};
  for (const column of object.columns) out[column.name] = value(object, column.name, column.type, i);
  return out;
}

function value(object: SalesforceObject, column: string, type: ColumnType, i: number): FixtureValue {
  const target = references[column];
  if (column === 'id') return `${object.name.slice(0, 3)}${i}`;
  if (target) return column === 'manager_id' && i === 0 ? null : `${target.slice(0, 3)}${(i * 7 + 3) % (counts[target] ?? 8)}`;
  if (column === 'parent_id' || column === 'parent_role_id' || column === 'activity_id' || column === 'related_to_id' || column === 'reply_to_email_message_id') return null;
  if (column === 'stage_name') return fixtureStages[i % fixtureStages.length]![0];
  if (object.name === 'opportunity' && (column === 'is_closed' || column === 'is_won')) {
    const [, closed, won] = fixtureStages[i % fixtureStages.length]!;
    return column === 'is_closed' ? closed : won;
  }
  if (column === 'is_deleted') return i % 13 === 12;
  if (column === 'is_active') return true;
  if (column === 'region__c') return ['EMEA', 'NA', 'APAC'][i % 3]!;
  if (column === 'segment__c') return ['Enterprise', 'Mid-Market', 'SMB'][i % 3]!;
  if (column === 'family') return ['Platform', 'Add-on', 'Services'][i % 3]!;
  if (column === 'type' && object.name === 'opportunity') return ['New Business', 'Renewal', 'Upsell'][i % 3]!;
  if (column === 'task_subtype') return ['Call', 'Email', 'Task'][i % 3]!;
  if (column === 'lead_source') return ['Web', 'Partner', 'Event'][i % 3]!;
  if (column === 'mql_date__c') return i % 3 === 0 ? null : `${day(i * 4 + 2)} 09:00:00`;
  switch (type) {
    case 'number':
      return column === 'amount' ? 1000 * ((i % 7) + 1) : ((i * 37) % 97) + 1;
    case 'boolean':
      return i % 2 === 0;
    case 'date':
      return day(i * 4 + (column.includes('close') || column === 'end_date' ? 45 : 0));
    case 'timestamp':
    case 'timestamptz':
      return `${day(i * 4 + (column.includes('closed') ? 3 : 0))} ${String(8 + (i % 9)).padStart(2, '0')}:30:00`;
    default:
      return `${column} ${i % 4}`;
  }
}
