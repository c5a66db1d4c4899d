import type { ColumnType } from '../../semantic/index.js';
import type { ObjectColumn, SalesforceObject } from './salesforce-object.js';

/**
 * The Salesforce objects kpitree's catalogue reads, with the columns it uses, as Fivetran lands
 * them (names from fivetran/dbt_salesforce_source) and as Airbyte does (Salesforce API names).
 * Custom fields end in __c; the demo org fills every column listed here.
 */

/** stage_name → StageName, product_2_id → Product2Id, region__c → Region__c */
export function apiName(name: string): string {
  const custom = name.endsWith('__c');
  const base = custom ? name.slice(0, -3) : name;
  const pascal = base.split('_').filter(Boolean).map((part) => part[0]!.toUpperCase() + part.slice(1)).join('');
  return custom ? `${pascal}__c` : pascal;
}

function columns(spec: Record<string, ColumnType>): ObjectColumn[] {
  return Object.entries(spec).map(([name, type]) => ({ name, api: apiName(name), type }));
}

function object(name: string, label: string, key: string[], spec: Record<string, ColumnType>): SalesforceObject {
  return { name, api: apiName(name), label, key, columns: columns(spec) };
}

const S = 'string' as const;
const N = 'number' as const;
const B = 'boolean' as const;
const D = 'date' as const;
const T = 'timestamp' as const;

export const salesforceObjects: SalesforceObject[] = [
  object('user', 'User', ['username', 'user_role_id'], {
    id: S, name: S, username: S, email: S, title: S, department: S, is_active: B, user_role_id: S, manager_id: S,
    created_date: T, last_login_date: T, region__c: S,
  }),
  object('user_role', 'User role', ['parent_role_id'], { id: S, name: S, developer_name: S, parent_role_id: S }),
  object('account', 'Account', ['billing_country', 'industry'], {
    id: S, name: S, type: S, industry: S, owner_id: S, parent_id: S, annual_revenue: N, number_of_employees: N,
    billing_country: S, created_date: T, is_deleted: B, segment__c: S,
  }),
  object('contact', 'Contact', ['account_id', 'email', 'lead_source'], {
    id: S, account_id: S, owner_id: S, email: S, title: S, lead_source: S, created_date: T, is_deleted: B,
  }),
  object('lead', 'Lead', ['is_converted', 'converted_opportunity_id'], {
    id: S, owner_id: S, company: S, email: S, lead_source: S, status: S, rating: S, industry: S, is_converted: B,
    converted_date: D, converted_account_id: S, converted_contact_id: S, converted_opportunity_id: S, created_date: T,
    is_deleted: B, lead_score__c: N, mql_date__c: T,
  }),
  object('opportunity', 'Opportunity', ['stage_name', 'close_date', 'is_won'], {
    id: S, account_id: S, owner_id: S, campaign_id: S, name: S, amount: N, stage_name: S, probability: N, type: S,
    lead_source: S, forecast_category_name: S, is_closed: B, is_won: B, close_date: D, created_date: T,
    last_activity_date: D, is_deleted: B, loss_reason__c: S, contract_term_months__c: N,
  }),
  object('opportunity_history', 'Opportunity history', ['opportunity_id', 'stage_name'], {
    id: S, opportunity_id: S, stage_name: S, amount: N, probability: N, close_date: D, forecast_category: S,
    created_date: T, is_deleted: B,
  }),
  object('opportunity_field_history', 'Opportunity field history', ['opportunity_id', 'field', 'new_value'], {
    id: S, opportunity_id: S, field: S, old_value: S, new_value: S, created_date: T, is_deleted: B,
  }),
  object('opportunity_stage', 'Opportunity stage', ['master_label', 'sort_order'], {
    id: S, master_label: S, api_name: S, sort_order: N, default_probability: N, is_active: B, is_closed: B, is_won: B,
    forecast_category_name: S,
  }),
  object('opportunity_line_item', 'Opportunity product', ['opportunity_id', 'product_2_id'], {
    id: S, opportunity_id: S, product_2_id: S, quantity: N, unit_price: N, list_price: N, total_price: N, discount: N,
    created_date: T, is_deleted: B,
  }),
  object('product_2', 'Product', ['family', 'product_code'], { id: S, name: S, family: S, product_code: S, is_active: B, is_deleted: B }),
  object('opportunity_contact_role', 'Opportunity contact role', ['opportunity_id', 'contact_id', 'role'], {
    id: S, opportunity_id: S, contact_id: S, role: S, is_primary: B, is_deleted: B,
  }),
  object('task', 'Task', ['task_subtype', 'who_id', 'what_id'], {
    id: S, owner_id: S, who_id: S, what_id: S, account_id: S, subject: S, type: S, task_subtype: S, status: S,
    activity_date: D, created_date: T, completed_date_time: T, call_duration_in_seconds: N, is_deleted: B,
  }),
  object('event', 'Event', ['activity_date_time', 'who_id', 'what_id'], {
    id: S, owner_id: S, who_id: S, what_id: S, account_id: S, subject: S, type: S, event_subtype: S,
    activity_date_time: T, start_date_time: T, end_date_time: T, duration_in_minutes: N, created_date: T, is_deleted: B,
  }),
  object('email_message', 'Email message', ['message_date', 'is_opened'], {
    id: S, activity_id: S, related_to_id: S, from_address: S, to_address: S, subject: S, status: S, incoming: B,
    is_tracked: B, is_opened: B, is_bounced: B, first_opened_date: T, message_date: T, reply_to_email_message_id: S,
    created_by_id: S, created_date: T, is_deleted: B,
  }),
  object('campaign', 'Campaign', ['budgeted_cost', 'actual_cost'], {
    id: S, name: S, type: S, status: S, start_date: D, end_date: D, budgeted_cost: N, actual_cost: N,
    expected_revenue: N, is_active: B, parent_id: S, created_date: T, is_deleted: B,
  }),
  object('campaign_member', 'Campaign member', ['campaign_id', 'has_responded'], {
    id: S, campaign_id: S, lead_id: S, contact_id: S, status: S, has_responded: B, first_responded_date: D,
    created_date: T, is_deleted: B,
  }),
  object('case', 'Case', ['priority', 'origin', 'closed_date'], {
    id: S, account_id: S, contact_id: S, owner_id: S, status: S, priority: S, origin: S, type: S, reason: S,
    is_closed: B, is_escalated: B, created_date: T, closed_date: T, is_deleted: B,
  }),
  object('forecasting_quota', 'Forecasting quota', ['quota_owner_id', 'quota_amount'], {
    id: S, quota_owner_id: S, quota_amount: N, start_date: D, created_date: T,
  }),
  object('login_history', 'Login history', ['login_time', 'user_id'], { id: S, user_id: S, login_time: T, login_type: S, status: S, application: S }),
  object('report', 'Report', ['last_run_date', 'folder_name'], {
    id: S, name: S, folder_name: S, format: S, owner_id: S, last_run_date: T, last_viewed_date: T, created_date: T, is_deleted: B,
  }),
  object('dashboard', 'Dashboard', ['title', 'folder_name'], {
    id: S, title: S, folder_name: S, last_viewed_date: T, last_referenced_date: T, created_date: T, is_deleted: B,
  }),
];

/**
 * Columns Fivetran adds to every table: _fivetran_deleted marks rows deleted at the source (besides
 * Salesforce's own is_deleted); history mode adds _fivetran_start, _fivetran_end and _fivetran_active.
 */
export const fivetranSystemColumns = { deleted: '_fivetran_deleted', synced: '_fivetran_synced', start: '_fivetran_start', end: '_fivetran_end', active: '_fivetran_active' } as const;

export function salesforceObject(name: string): SalesforceObject {
  const found = salesforceObjects.find((o) => o.name === name);
  if (!found) throw new Error(`no Salesforce object ${name}`);
  return found;
}
