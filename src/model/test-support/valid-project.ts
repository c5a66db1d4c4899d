import type { ProjectFile } from '../load-project.js';

/** A small valid project: two datasets with a join, six metrics of five kinds, a tree and owners. */
export const validProjectFiles: ProjectFile[] = [
  {
    path: 'kpitree.yaml',
    text: `name: acme_revenue
description: Revenue tree for Acme
warehouse:
  url: duckdb:warehouse.duckdb
  schema: crm
  statement_timeout: 2 minutes
calendar:
  week_start: sunday
  fiscal_year_start_month: 2
  timezone: America/New_York
`,
  },
  {
    path: 'datasets/opportunities.yaml',
    text: `id: opportunities
table: crm.opportunity
where: not is_deleted
joins:
  - name: account
    dataset: accounts
    foreign_key: account_id
dimensions:
  - name: region
    expr: account.region
  - name: stage
`,
  },
  {
    path: 'datasets/accounts.yml',
    text: `id: accounts
table: account
primary_key: account_id
dimensions:
  - name: region
`,
  },
  {
    path: 'metrics/pipeline.yaml',
    text: `metrics:
  - id: opportunities_created
    kind: count
    dataset: opportunities
    time: created_date
  - id: won_deals
    kind: count
    dataset: opportunities
    time: close_date
    filter: is_won
  - id: revenue
    kind: sum
    dataset: opportunities
    expr: amount
    time: close_date
    filter: is_won and amount > 0
    format: currency
    tags: [finance]
`,
  },
  {
    path: 'metrics/win_rate.yaml',
    text: `id: win_rate
kind: ratio
numerator: won_deals
denominator: opportunities_created
format: percent
`,
  },
  {
    path: 'metrics/average_deal_size.yaml',
    text: `id: average_deal_size
kind: formula
expr: "revenue / nullif(won_deals, 0)"
format: currency
`,
  },
  {
    path: 'metrics/revenue_to_date.yaml',
    text: `id: revenue_to_date
kind: cumulative
of: revenue
to_date: quarter
`,
  },
  {
    path: 'trees/revenue.yaml',
    text: `id: revenue_tree
name: Revenue
root:
  metric: revenue
  formula: won_deals * average_deal_size
  children:
    - metric: won_deals
      formula: opportunities_created * win_rate
      children:
        - metric: opportunities_created
        - metric: win_rate
          drivers:
            - metric: opportunities_created
              lag: 2 weeks
              sign: negative
    - metric: average_deal_size
`,
  },
  {
    path: 'owners.yaml',
    text: `people:
  - id: ana
    name: Ana Ruiz
    email: ana@example.com
    role: executive
    team: sales
  - id: ben
    name: Ben Okafor
    role: manager
    team: emea
teams:
  - id: sales
    name: Sales
    manager: ana
  - id: emea
    manager: ben
    parent: sales
ownership:
  - metric: revenue
    responsible: ben
    accountable: ana
    consulted: [ana]
    target:
      value: 1200000
      direction: higher
      periods:
        2026-Q3: 1500000
    threshold:
      margin: 0.1
    review: weekly
    playbook:
      action: Review every open opportunity in EMEA
      due: 3 days
`,
  },
  { path: 'README.md', text: '# not a definition: ignored' },
];
