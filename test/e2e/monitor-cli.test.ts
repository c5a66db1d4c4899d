import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectCopy } from '../support/crm-project-copy.js';
import { runCli } from '../support/run-cli.js';
import { crmSyncProject } from '../sync/support/crm-sync-project.js';

/**
 * The readers of the analysis (anomalies, forecasts, accuracy, edges) and the analysis after
 * `kpitree sync`, on the CRM fixture project (about 24 weeks of history: short, so much cannot be
 * judged) with the embedded store.
 */
describe('kpitree anomalies, forecasts, accuracy and edges', () => {
  let copy: ProjectCopy;
  const cli = (...args: string[]) => runCli([...args, '-p', copy.dir]);

  beforeAll(async () => {
    ({ copy } = await crmSyncProject('dimensions: [region]\ngrains: [week, month]\nhistory_start: "2024-12-01"'));
  });
  afterAll(() => copy?.remove());

  it('says what to run when nothing is stored yet', async () => {
    for (const args of [['anomalies'], ['forecasts', 'closed_won_revenue'], ['accuracy'], ['edges']]) {
      const run = await cli(...args);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stderr).toMatch(/^error: nothing is stored yet in pglite:.*\n {2}run kpitree sync first: the analysis runs after each sync\n$/);
    }
  });

  it('refuses bad input with exit 2, naming the option, before opening the store', async () => {
    const cases: [string[], RegExp][] = [
      [['anomalies', '--metric', 'won_dealz'], /^error: --metric: unknown metric "won_dealz" \(did you mean "won_deals"\?\)/],
      [['anomalies', '--since', '2025-13'], /^error: --since: "2025-13" is not a period; /],
      [['anomalies', '--grain', 'fortnight'], /^error: --grain: "fortnight" is not a grain; use one of day, week, month, quarter, year/],
      [['anomalies', '--format', 'xml'], /^error: --format: "xml" is not a format; use one of table, json, csv/],
      [['forecasts', 'revenue_won'], /^error: the metric: unknown metric "revenue_won"/],
      [['forecasts', 'won_deals', '--grain', 'weekly'], /^error: --grain: "weekly" is not a grain/],
      [['accuracy', '--by', 'team'], /^error: --by: "team" is not a grouping; use metric or owner/],
      [['edges', 'revenu'], /^error: unknown tree "revenu" \(did you mean "revenue"\?\)/],
    ];
    for (const [args, message] of cases) {
      const run = await cli(...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(message);
    }
  });

  it('skips the analysis with --no-analyze, and the readers say there is none yet', async () => {
    const sync = await runCli(['sync', '--full', '--no-analyze', '-p', copy.dir]);
    expect(sync.code, sync.stderr).toBe(0);
    expect(sync.stdout).not.toMatch(/Analysis/);
    const anomalies = await cli('anomalies');
    expect(anomalies.code).toBe(1);
    expect(anomalies.stderr).toMatch(/no analysis is stored yet .*\n {2}run kpitree sync without --no-analyze/);
  });

  it('analyses after the sync, and the readers show what it stored', async () => {
    const sync = await runCli(['sync', '--full', '-f', 'json', '-p', copy.dir]);
    expect(sync.code, sync.stderr).toBe(0);
    expect(sync.stderr).toMatch(/^Analysis: anomalies by week: checking \d+ series$/m);
    const { run, analysis } = JSON.parse(sync.stdout) as { run: { id: number }; analysis: { runId: number; metrics: number; judged: number; forecasts: number; failures: unknown[]; insufficient: unknown[] } };
    expect(analysis).toMatchObject({ runId: run.id, metrics: 6, forecasts: 12, failures: [] });
    expect(analysis.judged + analysis.insufficient.length).toBeGreaterThan(6);

    const anomalies = await cli('anomalies', '-f', 'json', '--all');
    expect(anomalies.code, anomalies.stderr).toBe(0);
    expect(Array.isArray(JSON.parse(anomalies.stdout))).toBe(true);
    const listed = await cli('anomalies', '--grain', 'week');
    expect(listed.stdout).toMatch(/^period +grain +metric +slice +type +observed +expected +band +score +p +explained_by\n/);
    expect(listed.stderr).toMatch(/^\d+ anomal(y|ies) of every metric by week \(each incident once; .*\n\d+ series could not be judged, e\.g\. \w+ .* by week: .+\n$/);
    const forecast = await cli('forecasts', 'closed_won_revenue', '-f', 'json');
    expect(forecast.code, forecast.stderr).toBe(0);
    const { forecast: kept, accuracy } = JSON.parse(forecast.stdout) as { forecast: { runId: number; grain: string; points: { step: number }[] }; accuracy: { points: number } };
    expect(kept).toMatchObject({ runId: run.id, grain: 'week' });
    expect(kept.points.map((p) => p.step)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    expect(accuracy.points).toBe(0);
    const table = await cli('forecasts', 'closed_won_revenue', '--grain', 'month');
    expect(table.stdout).toMatch(/^period +step +forecast +lower +upper +actual\n/);
    expect(table.stderr).toMatch(/Accuracy so far: no forecast period is over yet/);
    const edges = await cli('edges', 'revenue', '-f', 'json');
    expect(JSON.parse(edges.stdout)).toEqual([expect.objectContaining({ tree: 'revenue', driver: 'pipeline_created', outcome: 'closed_deals', grain: 'week' })]);
    const accuracyRun = await cli('accuracy', '--by', 'owner', '-f', 'csv');
    expect(accuracyRun).toMatchObject({ code: 0, stdout: 'owner,grain,metrics,points,accuracy,mase,coverage\n' });
  });
});
