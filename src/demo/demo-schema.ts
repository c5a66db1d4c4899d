import { fivetranSystemColumns, salesforceObjects, type ObjectColumn, type SalesforceObject } from '../catalog/index.js';
import { campaignTypes, caseValues, contactRoles, contactTitles, forecastCategories, industries, leadSourceNames, leadStatuses, lossReasons, opportunityTypes, regionNames, regions, segmentNames, stageNames } from './org-config.js';

/**
 * The tables the demo org writes: every object and column of catalog/salesforce/objects.ts.
 * Generators emit rows as arrays in the order of `rowLayouts`, then two values for Fivetran's
 * own columns (_fivetran_deleted, _fivetran_synced). Values: strings, numbers, booleans, null;
 * dates and timestamps as UTC milliseconds; ids as numbers, written with their key prefix.
 * A column objects.ts lists that no layout fills is written empty (test: demo-schema.test.ts).
 */

type ColumnType = ObjectColumn['type'];

/** How a string column's values travel: an id number, a value of a short list, or free text. */
export type Encoding = { kind: 'id'; prefixes: string[] } | { kind: 'enum'; values: string[] } | { kind: 'text' } | { kind: 'plain' };

export interface DemoColumn {
  /** Fivetran's name (stage_name). */
  name: string;
  /** The name written: Fivetran's or the Salesforce API name Airbyte keeps (StageName). */
  physical: string;
  type: ColumnType;
  encoding: Encoding;
  /** Where the value sits in a generated row; -1 for a column no generator fills (written empty). */
  position: number;
}

export interface DemoTableSpec {
  object: string;
  physical: string;
  columns: DemoColumn[];
  /** Values per generated row: the layout, plus Fivetran's two. */
  width: number;
}

export type Naming = 'fivetran' | 'airbyte';

/** Salesforce's key prefixes: 005 users, 001 accounts, 006 opportunities … */
export const keyPrefixes: Record<string, string> = {
  user: '005', user_role: '00E', account: '001', contact: '003', lead: '00Q', opportunity: '006',
  opportunity_history: '008', opportunity_field_history: '017', opportunity_stage: '01J', opportunity_line_item: '00k',
  product_2: '01t', opportunity_contact_role: '00K', task: '00T', event: '00U', email_message: '02s', campaign: '701',
  campaign_member: '00v', case: '500', forecasting_quota: '0J9', login_history: '0Ya', report: '00O', dashboard: '01Z',
};

/** A reference to one of several objects (who_id: a lead or a contact) is written prefixIndex·10¹⁵ + n. */
export const polymorphicBase = 1e15;
export const whoPrefixes = ['lead', 'contact'];
export const whatPrefixes = ['opportunity', 'account'];

const ids = (...objects: string[]): Encoding => ({ kind: 'id', prefixes: objects.map((o) => keyPrefixes[o]!) });
const values = (list: readonly string[]): Encoding => ({ kind: 'enum', values: [...list] });

const taskSubjects = ['Call', 'Discovery call', 'Follow-up call', 'Email', 'Intro email', 'Follow-up email', 'Send proposal', 'Check-in'];
const eventSubjects = ['Discovery meeting', 'Demo', 'Proposal review', 'Quarterly business review', 'Kick-off'];

/** Columns that hold ids or short lists; every other string column is free text. */
const encodings: Record<string, Record<string, Encoding>> = {
  user: { id: ids('user'), user_role_id: ids('user_role'), manager_id: ids('user'), department: values(['Sales', 'Sales Development', 'Customer Support', 'Executive', 'Revenue Operations']), region__c: values(regionNames) },
  user_role: { id: ids('user_role'), parent_role_id: ids('user_role') },
  account: { id: ids('account'), type: values(['Prospect', 'Customer', 'Former Customer']), industry: values(industries), owner_id: ids('user'), parent_id: ids('account'), billing_country: values(regions.flatMap((r) => r.countries)), segment__c: values(segmentNames) },
  contact: { id: ids('contact'), account_id: ids('account'), owner_id: ids('user'), title: values(contactTitles), lead_source: values(leadSourceNames) },
  lead: { id: ids('lead'), owner_id: ids('user'), lead_source: values(leadSourceNames), status: values(leadStatuses), rating: values(['Hot', 'Warm', 'Cold']), industry: values(industries), converted_account_id: ids('account'), converted_contact_id: ids('contact'), converted_opportunity_id: ids('opportunity') },
  opportunity: { id: ids('opportunity'), account_id: ids('account'), owner_id: ids('user'), campaign_id: ids('campaign'), stage_name: values(stageNames), type: values(opportunityTypes), lead_source: values(leadSourceNames), forecast_category_name: values(forecastCategories), loss_reason__c: values(lossReasons) },
  opportunity_history: { id: ids('opportunity_history'), opportunity_id: ids('opportunity'), stage_name: values(stageNames), forecast_category: values(forecastCategories) },
  opportunity_field_history: { id: ids('opportunity_field_history'), opportunity_id: ids('opportunity'), field: values(['StageName', 'CloseDate', 'Amount']) },
  opportunity_stage: { id: ids('opportunity_stage') },
  opportunity_line_item: { id: ids('opportunity_line_item'), opportunity_id: ids('opportunity'), product_2_id: ids('product_2') },
  product_2: { id: ids('product_2') },
  opportunity_contact_role: { id: ids('opportunity_contact_role'), opportunity_id: ids('opportunity'), contact_id: ids('contact'), role: values(contactRoles) },
  task: { id: ids('task'), owner_id: ids('user'), who_id: ids(...whoPrefixes), what_id: ids(...whatPrefixes), account_id: ids('account'), subject: values(taskSubjects), type: values(['Call', 'Email', 'Other']), task_subtype: values(['Call', 'Email', 'Task']), status: values(['Completed', 'Not Started']) },
  event: { id: ids('event'), owner_id: ids('user'), who_id: ids(...whoPrefixes), what_id: ids(...whatPrefixes), account_id: ids('account'), subject: values(eventSubjects), type: values(['Meeting']), event_subtype: values(['Event']) },
  email_message: { id: ids('email_message'), activity_id: ids('task'), related_to_id: ids(...whatPrefixes), subject: values(taskSubjects), status: values(['0', '1', '2', '3']), reply_to_email_message_id: ids('email_message'), created_by_id: ids('user') },
  campaign: { id: ids('campaign'), type: values(campaignTypes.map((c) => c.type)), status: values(['Planned', 'In Progress', 'Completed']), parent_id: ids('campaign') },
  campaign_member: { id: ids('campaign_member'), campaign_id: ids('campaign'), lead_id: ids('lead'), contact_id: ids('contact'), status: values(['Sent', 'Registered', 'Responded', 'Attended']) },
  case: { id: ids('case'), account_id: ids('account'), contact_id: ids('contact'), owner_id: ids('user'), status: values(caseValues.status), priority: values(caseValues.priority), origin: values(caseValues.origin), type: values(caseValues.type), reason: values(caseValues.reason) },
  forecasting_quota: { id: ids('forecasting_quota'), quota_owner_id: ids('user') },
  login_history: { id: ids('login_history'), user_id: ids('user'), login_type: values(['Application', 'SAML Sso', 'Remote Access 2.0']), status: values(['Success', 'Invalid Password']), application: values(['Browser', 'Salesforce for iOS', 'Salesforce for Android']) },
  report: { id: ids('report'), owner_id: ids('user'), format: values(['Tabular', 'Summary', 'Matrix']) },
  dashboard: { id: ids('dashboard') },
};

export { eventSubjects, taskSubjects };

/** The order of the values in each generated row (Fivetran names). */
export const rowLayouts: Record<string, string[]> = {
  user: ['id', 'name', 'username', 'email', 'title', 'department', 'is_active', 'user_role_id', 'manager_id', 'created_date', 'last_login_date', 'region__c'],
  user_role: ['id', 'name', 'developer_name', 'parent_role_id'],
  account: ['id', 'name', 'type', 'industry', 'owner_id', 'parent_id', 'annual_revenue', 'number_of_employees', 'billing_country', 'created_date', 'is_deleted', 'segment__c'],
  contact: ['id', 'account_id', 'owner_id', 'email', 'title', 'lead_source', 'created_date', 'is_deleted'],
  lead: [
    'id', 'owner_id', 'company', 'email', 'lead_source', 'status', 'rating', 'industry', 'is_converted', 'converted_date', 'converted_account_id',
    'converted_contact_id', 'converted_opportunity_id', 'created_date', 'is_deleted', 'lead_score__c', 'mql_date__c',
  ],
  opportunity: [
    'id', 'account_id', 'owner_id', 'campaign_id', 'name', 'amount', 'stage_name', 'probability', 'type', 'lead_source', 'forecast_category_name',
    'is_closed', 'is_won', 'close_date', 'created_date', 'last_activity_date', 'is_deleted', 'loss_reason__c', 'contract_term_months__c',
  ],
  opportunity_history: ['id', 'opportunity_id', 'stage_name', 'amount', 'probability', 'close_date', 'forecast_category', 'created_date', 'is_deleted'],
  opportunity_field_history: ['id', 'opportunity_id', 'field', 'old_value', 'new_value', 'created_date', 'is_deleted'],
  opportunity_stage: ['id', 'master_label', 'api_name', 'sort_order', 'default_probability', 'is_active', 'is_closed', 'is_won', 'forecast_category_name'],
  opportunity_line_item: ['id', 'opportunity_id', 'product_2_id', 'quantity', 'unit_price', 'list_price', 'total_price', 'discount', 'created_date', 'is_deleted'],
  product_2: ['id', 'name', 'family', 'product_code', 'is_active', 'is_deleted'],
  opportunity_contact_role: ['id', 'opportunity_id', 'contact_id', 'role', 'is_primary', 'is_deleted'],
  task: [
    'id', 'owner_id', 'who_id', 'what_id', 'account_id', 'subject', 'type', 'task_subtype', 'status', 'activity_date', 'created_date',
    'completed_date_time', 'call_duration_in_seconds', 'is_deleted',
  ],
  event: [
    'id', 'owner_id', 'who_id', 'what_id', 'account_id', 'subject', 'type', 'event_subtype', 'activity_date_time', 'start_date_time',
    'end_date_time', 'duration_in_minutes', 'created_date', 'is_deleted',
  ],
  email_message: [
    'id', 'activity_id', 'related_to_id', 'from_address', 'to_address', 'subject', 'status', 'incoming', 'is_tracked', 'is_opened', 'is_bounced',
    'first_opened_date', 'message_date', 'reply_to_email_message_id', 'created_by_id', 'created_date', 'is_deleted',
  ],
  campaign: ['id', 'name', 'type', 'status', 'start_date', 'end_date', 'budgeted_cost', 'actual_cost', 'expected_revenue', 'is_active', 'parent_id', 'created_date', 'is_deleted'],
  campaign_member: ['id', 'campaign_id', 'lead_id', 'contact_id', 'status', 'has_responded', 'first_responded_date', 'created_date', 'is_deleted'],
  case: ['id', 'account_id', 'contact_id', 'owner_id', 'status', 'priority', 'origin', 'type', 'reason', 'is_closed', 'is_escalated', 'created_date', 'closed_date', 'is_deleted'],
  forecasting_quota: ['id', 'quota_owner_id', 'quota_amount', 'start_date', 'created_date'],
  login_history: ['id', 'user_id', 'login_time', 'login_type', 'status', 'application'],
  report: ['id', 'name', 'folder_name', 'format', 'owner_id', 'last_run_date', 'last_viewed_date', 'created_date', 'is_deleted'],
  dashboard: ['id', 'title', 'folder_name', 'last_viewed_date', 'last_referenced_date', 'created_date', 'is_deleted'],
};

function specOf(object: SalesforceObject, naming: Naming): DemoTableSpec {
  const layout = rowLayouts[object.name] ?? [];
  const unknown = layout.filter((name) => !object.columns.some((c) => c.name === name));
  if (unknown.length > 0) throw new Error(`the demo org fills ${object.name}.${unknown.join(', ')}, which objects.ts does not list`);
  const columns: DemoColumn[] = object.columns.map((column) => ({
    name: column.name,
    physical: naming === 'fivetran' ? column.name : column.api,
    type: column.type,
    encoding: encodings[object.name]?.[column.name] ?? (column.type === 'string' ? { kind: 'text' } : { kind: 'plain' }),
    position: layout.indexOf(column.name),
  }));
  if (naming === 'fivetran') {
    const { deleted, synced } = fivetranSystemColumns;
    columns.push({ name: deleted, physical: deleted, type: 'boolean', encoding: { kind: 'plain' }, position: layout.length });
    columns.push({ name: synced, physical: synced, type: 'timestamp', encoding: { kind: 'plain' }, position: layout.length + 1 });
  }
  return { object: object.name, physical: naming === 'fivetran' ? object.name : object.api, columns, width: layout.length + 2 };
}

/** Every table of the org in the given naming. */
export function demoTableSpecs(naming: Naming): DemoTableSpec[] {
  return salesforceObjects.map((object) => specOf(object, naming));
}
