import { checkProject, formatIssue, loadProject, type Project } from '../../model/index.js';
import { replaceSeriesWindow, type Store } from '../../store/index.js';

/**
 * A small project for action-plan tests: metric win_rate (higher is better, target 0.25 with a
 * 10% margin: threshold line 0.225; July's target 0.3: line 0.27), reviewed monthly, owned by
 * rep ana, accountable vp, with a 2-day playbook; and lead_response_time (lower is better,
 * threshold 2 hours) whose trigger needs the threshold AND an anomaly.
 */
export function plansProject(extraConfig = ''): Project {
  const { project, issues } = loadProject(Object.entries(plansProjectFiles(extraConfig)).map(([path, text]) => ({ path, text })));
  issues.push(...checkProject(project));
  if (issues.length > 0) throw new Error(issues.map(formatIssue).join('\n'));
  return project;
}

/** The files of plansProject, by path. */
export function plansProjectFiles(extraConfig = ''): Record<string, string> {
  return {
    'kpitree.yaml': `name: t\nwarehouse: "duckdb::memory:"\n${extraConfig}`,
    'datasets/d.yaml': 'id: d\ntable: d\n',
    'metrics/m.yaml': `metrics:
  - { id: win_rate, name: Win rate, kind: average, dataset: d, expr: won, time: ts }
  - { id: lead_response_time, kind: average, dataset: d, expr: hours, time: ts }
`,
    'owners.yaml': `people:
  - { id: ana, name: Ana, role: rep, team: ae, email: ana@example.test }
  - { id: vp, name: Vera, role: manager, email: vp@example.test }
  - { id: bo, name: Bo, role: rep, team: ae }
teams:
  - { id: ae, manager: vp }
ownership:
  - metric: win_rate
    responsible: ana
    accountable: vp
    target: { value: 0.25, direction: higher, periods: { 2025-07: 0.3 } }
    threshold: { margin: 0.1 }
    review: monthly
    playbook: { action: "Review every Stage 3 opportunity in EMEA with its owner.", due: 2 days }
  - metric: lead_response_time
    responsible: ana
    target: { value: 1, direction: lower }
    threshold: { value: 2 }
    review: weekly
    playbook: { action: "Audit lead routing and call back every open lead today.", due: 24h }
    triggers:
      - { id: slow_and_unusual, when: [threshold, anomaly] }
`,
  };
}

/** Stores win_rate by month from January 2025, one value per month in order. */
export async function storeWinRates(store: Store, values: (number | null)[], runId = 1): Promise<void> {
  const months = values.map((_, i) => `2025-${String(i + 1).padStart(2, '0')}-01`);
  await replaceSeriesWindow(store, {
    metric: 'win_rate',
    grain: 'month',
    from: '2025-01-01',
    to: '2025-12-31',
    rows: values.map((value, i) => ({ period: months[i]!, slice: {}, value })),
    runId,
  });
}
