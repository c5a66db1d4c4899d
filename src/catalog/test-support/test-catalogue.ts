import { checkProject, loadProject, type ProjectFile } from '../../model/index.js';
import type { Catalogue } from '../discover/index.js';

/**
 * A small catalogue in the shape of catalog/salesforce (Fivetran names, deletion filters, joins,
 * rollups, fields, a stage history, a custom field, a tree with formulas and drivers), so that
 * discovery's tests do not move when the real catalogue grows.
 */
export const testCatalogueFiles: ProjectFile[] = [
  {
    path: 'kpitree.yaml',
    text: 'name: test-catalogue\ndescription: A small Salesforce catalogue.\nwarehouse:\n  url: duckdb:demo.duckdb\n  schema: salesforce\nsync:\n  dimensions: [region, segment]\ncalendar:\n  week_start: monday\n',
  },
  {
    path: 'datasets/users.yaml',
    text: 'id: users\ntable: user\nwhere: not _fivetran_deleted\ndimensions:\n  - { name: rep, expr: name }\n  - { name: region, expr: region__c }\n',
  },
  {
    path: 'datasets/accounts.yaml',
    text: 'id: accounts\ntable: account\nwhere: not is_deleted and not _fivetran_deleted\njoins:\n  - { name: owner, dataset: users, foreign_key: owner_id }\ndimensions:\n  - { name: segment, expr: segment__c }\n  - name: industry\n',
  },
  {
    path: 'datasets/opportunities.yaml',
    text: [
      'id: opportunities',
      'table: opportunity',
      'where: not is_deleted and not _fivetran_deleted',
      'joins:',
      '  - { name: owner, dataset: users, foreign_key: owner_id }',
      '  - { name: account, dataset: accounts, foreign_key: account_id }',
      'fields:',
      "  - { name: amount, expr: 'coalesce(amount, 0)' }",
      "  - { name: days_to_close, expr: 'days_between(close_date, created_date)' }",
      'rollups:',
      '  - { name: stage_changes, dataset: opportunity_history, foreign_key: opportunity_id, aggregate: count }',
      '  - { name: line_items, dataset: opportunity_line_items, foreign_key: opportunity_id, aggregate: count }',
      'dimensions:',
      '  - { name: region, expr: owner.region__c }',
      '  - { name: segment, expr: account.segment__c }',
      '  - name: lead_source',
      '  - { name: stage, expr: stage_name }',
      '',
    ].join('\n'),
  },
  {
    path: 'datasets/opportunity_history.yaml',
    text: [
      'id: opportunity_history',
      'table: opportunity_history',
      'where: not is_deleted and not _fivetran_deleted',
      'joins:',
      '  - { name: opportunity, dataset: opportunities, foreign_key: opportunity_id }',
      'fields:',
      '  - { name: live_opportunity, expr: not opportunity.is_deleted and not opportunity._fivetran_deleted }',
      'dimensions:',
      '  - { name: stage, expr: stage_name }',
      '',
    ].join('\n'),
  },
  {
    path: 'datasets/opportunity_line_items.yaml',
    text: 'id: opportunity_line_items\ntable: opportunity_line_item\nwhere: not is_deleted\n',
  },
  {
    path: 'datasets/leads.yaml',
    text: 'id: leads\ntable: lead\nwhere: not is_deleted and not _fivetran_deleted\nfields:\n  - { name: is_mql, expr: mql_date__c is not null }\ndimensions:\n  - name: lead_source\n',
  },
  {
    path: 'datasets/campaign_members.yaml',
    text: 'id: campaign_members\ntable: campaign_member\nwhere: not is_deleted\njoins:\n  - { name: lead, dataset: leads, foreign_key: lead_id }\n',
  },
  {
    path: 'datasets/tasks.yaml',
    text: 'id: tasks\ntable: task\nwhere: not is_deleted and not _fivetran_deleted\njoins:\n  - { name: owner, dataset: users, foreign_key: owner_id }\ndimensions:\n  - { name: region, expr: owner.region__c }\n  - { name: activity_type, expr: task_subtype }\n',
  },
  {
    path: 'metrics/revenue.yaml',
    text: [
      'metrics:',
      '  - { id: won_deals, kind: count, dataset: opportunities, time: close_date, filter: is_won }',
      '  - { id: closed_deals, kind: count, dataset: opportunities, time: close_date, filter: is_closed }',
      '  - { id: closed_won_revenue, kind: sum, dataset: opportunities, expr: amount, time: close_date, filter: is_won }',
      '  - { id: average_deal_size, kind: average, dataset: opportunities, expr: amount, time: close_date, filter: is_won }',
      '  - { id: win_rate, kind: ratio, numerator: won_deals, denominator: closed_deals }',
      '  - { id: revenue_quarter_to_date, kind: cumulative, of: closed_won_revenue, to_date: quarter }',
      '  - { id: sales_cycle_length, kind: median, dataset: opportunities, expr: days_to_close, time: close_date, filter: is_won }',
      '  - { id: deals_with_products, kind: count, dataset: opportunities, time: close_date, filter: line_items > 0 }',
      '',
    ].join('\n'),
  },
  { path: 'metrics/pipeline_created.yaml', text: '# The amount of the opportunities created in the period.\nid: pipeline_created\nkind: sum\ndataset: opportunities\nexpr: amount\ntime: created_date\n' },
  { path: 'metrics/deal_velocity.yaml', text: 'id: deal_velocity\nkind: formula\nexpr: won_deals * average_deal_size / sales_cycle_length\n' },
  { path: 'metrics/stage_moves.yaml', text: 'id: stage_moves\nkind: count\ndataset: opportunity_history\ntime: created_date\nfilter: live_opportunity\n' },
  {
    path: 'metrics/open_pipeline.yaml',
    text: "id: open_pipeline\nkind: snapshot\ndataset: opportunity_history\nentity: opportunity_id\nvalid_from: created_date\naggregate: sum\nexpr: amount\nfilter: stage_name not in ('Closed Won', 'Closed Lost')\n",
  },
  {
    path: 'metrics/proposal_to_negotiation.yaml',
    text: "id: proposal_to_negotiation\nkind: conversion\ndataset: opportunity_history\nentity: opportunity_id\ntime: created_date\nfrom: stage_name = 'Proposal'\nto: stage_name in ('Negotiation', 'Closed Won')\nwindow: 60 days\nlayer: pipeline_health\n",
  },
  {
    path: 'metrics/discovery_to_demo.yaml',
    text: "id: discovery_to_demo\nkind: conversion\ndataset: opportunity_history\nentity: opportunity_id\ntime: created_date\nfrom: stage_name = 'Discovery'\nto: stage_name = 'Demo'\n",
  },
  { path: 'metrics/mql_count.yaml', text: 'id: mql_count\nkind: count\ndataset: leads\ntime: mql_date__c\nfilter: is_mql\n' },
  { path: 'metrics/leads_created.yaml', text: 'id: leads_created\nkind: count\ndataset: leads\ntime: created_date\n' },
  { path: 'metrics/mql_rate.yaml', text: 'id: mql_rate\nkind: ratio\nnumerator: mql_count\ndenominator: leads_created\n' },
  { path: 'metrics/campaign_responses.yaml', text: 'id: campaign_responses\nkind: count\ndataset: campaign_members\ntime: created_date\nfilter: has_responded\n' },
  { path: 'metrics/activities.yaml', text: 'id: activities\nkind: count\ndataset: tasks\ntime: created_date\n' },
  {
    path: 'trees/revenue.yaml',
    text: [
      'id: revenue',
      'root:',
      '  metric: closed_won_revenue',
      '  formula: won_deals * average_deal_size',
      '  children:',
      '    - metric: won_deals',
      '      formula: closed_deals * win_rate',
      '      children:',
      '        - metric: closed_deals',
      '          drivers:',
      '            - metric: pipeline_created',
      '              lag: 6 weeks',
      '              drivers:',
      '                - metric: activities',
      '                  lag: 3 weeks',
      '        - metric: win_rate',
      '          drivers:',
      '            - { metric: proposal_to_negotiation, lag: 4 weeks }',
      '            - { metric: discovery_to_demo, lag: 4 weeks }',
      '    - metric: average_deal_size',
      '  drivers:',
      '    - metric: mql_rate',
      '      lag: 8 weeks',
      '',
    ].join('\n'),
  },
  {
    path: 'owners.yaml',
    text: [
      'people:',
      '  - { id: cro, name: Chief Revenue Officer, role: executive }',
      '  - { id: marketing, name: Marketing Lead, role: manager }',
      'ownership:',
      '  - { metric: closed_won_revenue, responsible: cro, target: { value: 100000, direction: higher } }',
      '  - { metric: mql_rate, responsible: marketing }',
      '  - { metric: campaign_responses, responsible: marketing }',
      '',
    ].join('\n'),
  },
];

/** The test catalogue, loaded; it has no issues of its own. */
export function testCatalogue(files: ProjectFile[] = testCatalogueFiles): Catalogue {
  const { project, issues } = loadProject(files);
  const all = [...issues, ...checkProject(project)];
  if (all.length > 0) throw new Error(`test catalogue: ${all.map((i) => `${i.file}:${i.line}: ${i.message}`).join('; ')}`);
  return { dir: '(test catalogue)', files, project };
}
