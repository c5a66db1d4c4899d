import type { DemoTable, DemoValue } from './demo-table.js';
import { Random } from './random.js';

/**
 * A small Salesforce org as Fivetran lands it (snake_case columns, custom fields with __c):
 * reps log activities, meetings turn into opportunities two to three weeks later, and
 * opportunities move through stages to a win or a loss. Deterministic for a seed and an as-of date.
 */

const regions = [
  { region: 'EMEA', reps: ['Dana Kim', 'Lars Berg', 'Ines Duarte'] },
  { region: 'NA', reps: ['Sam Carter', 'Maya Patel', 'Jon Reyes'] },
  { region: 'APAC', reps: ['Aiko Sato', 'Ravi Nair'] },
];
const segments = [
  { name: 'Enterprise', weight: 0.2, dealSize: 60_000, stageDays: 18 },
  { name: 'Mid-Market', weight: 0.35, dealSize: 20_000, stageDays: 11 },
  { name: 'SMB', weight: 0.45, dealSize: 6_000, stageDays: 6 },
];
const industries = ['Software', 'Manufacturing', 'Retail', 'Finance', 'Healthcare'];
const leadSources = ['Web', 'Referral', 'Outbound', 'Event', 'Partner'];
const openStages = ['Prospecting', 'Qualification', 'Proposal', 'Negotiation'];
/** Chance of moving on from each open stage (the rest are lost there). */
const advance = [0.85, 0.6, 0.62, 0.68];

const dayMs = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
const sfId = (prefix: string, n: number) => `${prefix}${String(n).padStart(15, '0')}`;

export interface ExampleOrgOptions {
  /** The day the data ends (exclusive): nothing is created on or after it. */
  asOf: string;
  seed?: number;
  months?: number;
}

export function generateExampleOrg(options: ExampleOrgOptions): DemoTable[] {
  const random = new Random(options.seed ?? 42);
  const end = Date.parse(`${options.asOf}T00:00:00Z`);
  const start = Date.UTC(new Date(end).getUTCFullYear(), new Date(end).getUTCMonth() - (options.months ?? 24), 1);

  const users = regions.flatMap(({ region, reps }) => reps.map((name) => ({ name, region })));
  const userRows = users.map((u, i) => [sfId('005', i + 1), u.name, `${u.name.split(' ')[0]!.toLowerCase()}@example.com`, u.region, true]);

  const accountRows: DemoValue[][] = [];
  const accountsByRep = new Map<number, { id: string; segment: (typeof segments)[number] }[]>();
  for (let i = 0; i < 150; i++) {
    const rep = i % users.length;
    const segment = pickWeighted(random, segments);
    const id = sfId('001', i + 1);
    accountRows.push([id, `Account ${i + 1}`, random.pick(industries), segment.name, userRows[rep]![0]!, false]);
    accountsByRep.set(rep, [...(accountsByRep.get(rep) ?? []), { id, segment }]);
  }

  const taskRows: DemoValue[][] = [];
  const opportunityRows: DemoValue[][] = [];
  const historyRows: DemoValue[][] = [];
  for (let day = start; day < end; day += dayMs) {
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const growth = 1 + 0.25 * ((day - start) / (end - start));
    users.forEach((_, rep) => {
      const count = Math.max(0, Math.round(random.normal(6 * growth, 2)));
      for (let k = 0; k < count; k++) {
        const type = random.chance(0.15) ? 'Meeting' : random.chance(0.6) ? 'Call' : 'Email';
        const at = day + random.int(8, 18) * 3_600_000 + random.int(0, 59) * 60_000;
        taskRows.push([sfId('00T', taskRows.length + 1), userRows[rep]![0]!, type, iso(day), stamp(at), 'Completed', random.chance(0.01)]);
        if (type === 'Meeting' && random.chance(0.3)) {
          const created = at + random.int(10, 21) * dayMs;
          if (created < end) addOpportunity(rep, created);
        }
      }
    });
  }

  function addOpportunity(rep: number, created: number): void {
    const account = random.pick(accountsByRep.get(rep)!);
    const id = sfId('006', opportunityRows.length + 1);
    const amount = Math.round((account.segment.dealSize * Math.exp(random.normal(0, 0.45))) / 100) * 100;
    let at = created;
    let stage = 0;
    let outcome: 'Closed Won' | 'Closed Lost' | null = null;
    const history: [string, number][] = [[openStages[0]!, at]];
    while (outcome === null) {
      at += Math.max(1, Math.round(random.normal(account.segment.stageDays, account.segment.stageDays / 3))) * dayMs;
      if (random.chance(advance[stage]!)) {
        stage += 1;
        if (stage === openStages.length) outcome = 'Closed Won';
      } else if (stage >= 2 && random.chance(0.15)) {
        stage -= 1; // a regression: the deal goes back a stage
      } else {
        outcome = 'Closed Lost';
      }
      history.push([outcome ?? openStages[stage]!, at]);
    }
    const reached = history.filter(([, when]) => when < end);
    const [currentStage, lastChange] = reached.at(-1)!;
    const closed = currentStage === 'Closed Won' || currentStage === 'Closed Lost';
    const closeDate = iso(closed ? lastChange : history.at(-1)![1]);
    const deleted = random.chance(0.01);
    opportunityRows.push([
      id, account.id, userRows[rep]![0]!, `${account.id.slice(-4)} deal`, amount, currentStage,
      currentStage === 'Closed Won', closed, closeDate, stamp(created), random.pick(leadSources), deleted,
    ]);
    for (const [stageName, when] of reached) {
      historyRows.push([sfId('008', historyRows.length + 1), id, stageName, amount, closeDate, stamp(when), false]);
    }
  }

  return [
    { schema: 'salesforce', name: 'user', columns: [['id', 'VARCHAR'], ['name', 'VARCHAR'], ['email', 'VARCHAR'], ['region__c', 'VARCHAR'], ['is_active', 'BOOLEAN']], rows: userRows },
    { schema: 'salesforce', name: 'account', columns: [['id', 'VARCHAR'], ['name', 'VARCHAR'], ['industry', 'VARCHAR'], ['segment__c', 'VARCHAR'], ['owner_id', 'VARCHAR'], ['is_deleted', 'BOOLEAN']], rows: accountRows },
    {
      schema: 'salesforce',
      name: 'opportunity',
      columns: [
        ['id', 'VARCHAR'], ['account_id', 'VARCHAR'], ['owner_id', 'VARCHAR'], ['name', 'VARCHAR'], ['amount', 'DOUBLE'], ['stage_name', 'VARCHAR'],
        ['is_won', 'BOOLEAN'], ['is_closed', 'BOOLEAN'], ['close_date', 'DATE'], ['created_date', 'TIMESTAMP'], ['lead_source', 'VARCHAR'], ['is_deleted', 'BOOLEAN'],
      ],
      rows: opportunityRows,
    },
    {
      schema: 'salesforce',
      name: 'opportunity_history',
      columns: [['id', 'VARCHAR'], ['opportunity_id', 'VARCHAR'], ['stage_name', 'VARCHAR'], ['amount', 'DOUBLE'], ['close_date', 'DATE'], ['created_date', 'TIMESTAMP'], ['is_deleted', 'BOOLEAN']],
      rows: historyRows,
    },
    {
      schema: 'salesforce',
      name: 'task',
      columns: [['id', 'VARCHAR'], ['owner_id', 'VARCHAR'], ['task_subtype', 'VARCHAR'], ['activity_date', 'DATE'], ['created_date', 'TIMESTAMP'], ['status', 'VARCHAR'], ['is_deleted', 'BOOLEAN']],
      rows: taskRows,
    },
  ];
}

function pickWeighted<T extends { weight: number }>(random: Random, items: readonly T[]): T {
  let r = random.next();
  for (const item of items) {
    r -= item.weight;
    if (r < 0) return item;
  }
  return items.at(-1)!;
}
