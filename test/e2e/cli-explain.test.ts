import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { emeaHalvesInSeptember, storedProject, usualMonth, type StoredProject } from '../investigate/support/stored-project.js';

/**
 * kpitree explain on a project whose store holds eight quiet months, a September in which EMEA's
 * deals sell for half (revenue $20,000 → $15,000, all of it deal size in EMEA), then an empty
 * November and a normal December (a zero baseline).
 */
describe('kpitree explain', () => {
  let stored: StoredProject;
  const cli = (...args: string[]) => runCli(['explain', ...args, '-p', stored.dir]);
  beforeAll(async () => {
    const none = { deals: 0, revenue: 0, days: 0 };
    stored = await storedProject({
      ...emeaHalvesInSeptember(),
      '2025-10-01': { EMEA: usualMonth(), NA: usualMonth(10_000, 400) },
      '2025-11-01': { EMEA: none, NA: none },
      '2025-12-01': { EMEA: usualMonth(), NA: usualMonth(10_000, 400) },
    });
    await stored.store.close(); // the CLI opens the project's store itself
  });
  afterAll(() => stored?.remove());

  it('prints the paragraph, the ranked paths and the waterfall, reading the store only', async () => {
    const run = await cli('revenue', '--to', '2025-09');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [summary, , heading, first] = run.stdout.split('\n');
    expect(summary).toMatch(/^Revenue fell \$5,000 \(−25\.0%\) against 2025-08\..*EMEA/);
    expect(heading).toBe('Causes, ranked by their part of the change:');
    expect(first).toBe('  1. revenue › deal_size: −$5,000 (100%) in EMEA (100% of its change), owner Dana Kim');
    expect(run.stdout).toMatch(/\nRevenue's change by slice:\n {2}EMEA +−\$5,000\n {2}every other slice +±\$0\n {2}total +−\$5,000\n/);
  });

  it('gives the structured result as JSON, the same numbers', async () => {
    const run = await cli('revenue', '--from', '2025-08', '--to', '2025-09', '--format', 'json');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ grain: 'month', periods: { baseline: '2025-08-01', current: '2025-09-01' }, explanation: { ok: true, tree: 'revenue', metric: 'revenue' } });
    expect(result.explanation.root).toMatchObject({ baseline: 20_000, current: 15_000, change: -5_000, noise: false });
    expect(result.explanation.paths[0]).toMatchObject({ metric: 'deal_size', share: 1, slice: { slice: { region: 'EMEA' } } });
  });

  it('warns when the period explained is not over yet', async () => {
    const run = await runCli(['explain', 'revenue', '--to', '2025-09', '-p', stored.dir], { now: '2025-09-20T12:00:00Z' });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('warning: 2025-09 is not over yet: its values so far are compared with a whole month\n');
  });

  it('compares with last year or a chosen period, and infers the grain from the period written', async () => {
    const vs = await cli('revenue', '--to', '2025-09', '--vs', '2025-07', '-f', 'json');
    expect(vs.code).toBe(0);
    expect(JSON.parse(vs.stdout).periods).toEqual({ baseline: '2025-07-01', current: '2025-09-01' });
    const lastYear = await cli('revenue', '--to', '2025-09', '--vs', 'last-year');
    expect(lastYear.code).toBe(1);
    expect(lastYear.stderr).toMatch(/^error: no stored value of revenue by month for 2024-09\n {2}the latest stored month is 2025-12; run kpitree sync for recent periods, kpitree sync --full for periods older than the restatement window\n$/);
    const quarter = await cli('revenue', '--to', '2025-Q3');
    expect(quarter.code).toBe(1);
    expect(quarter.stderr).toMatch(/^error: nothing is stored for revenue by quarter\n {2}run kpitree sync \(sync.grains in kpitree.yaml chooses the grains kept: month\)\n$/);
  });

  it('explains from a zero baseline without a made-up percentage or share', async () => {
    const run = await cli('revenue', '--from', '2025-11', '--to', '2025-12', '-f', 'json');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(/NaN|Infinity/);
    const { explanation } = JSON.parse(run.stdout);
    expect(explanation.root).toMatchObject({ baseline: 0, current: 20_000, change: 20_000, changePercent: null });
    const dealSize = explanation.root.children.find((c: { metric: string }) => c.metric === 'deal_size');
    expect(dealSize).toMatchObject({ status: 'unavailable', baseline: null, share: null });
    const text = await cli('revenue', '--from', '2025-11', '--to', '2025-12');
    expect(text.stdout).not.toMatch(/NaN|Infinity|%\) against/);
  });

  it('refuses bad input with exit 2, naming what is wrong', async () => {
    const cases: [string[], RegExp][] = [
      [['revenu', '--to', '2025-09'], /^error: unknown metric "revenu" \(did you mean "revenue"\?\)\n$/],
      [['revenue', '--from', '2025-09', '--to', '2025-08'], /^error: --from \(2025-09\) must be before --to \(2025-08\)\n$/],
      [['revenue', '--from', '2025-08', '--vs', 'prior', '--to', '2025-09'], /^error: give the baseline once/],
      [['revenue', '--to', 'September'], /^error: --to: "September" is not a period; write a date/],
      [['revenue', '--to', '2025-09', '--vs', 'lastyear'], /^error: --vs: "lastyear" is not a baseline; use prior, last-year or a period\n$/],
      [['revenue', '--to', '2025-09', '--tree', 'revenu'], /^error: no tree "revenu" \(did you mean "revenue"\?\)\n$/],
      [['revenue', '--to', '2025-09', '--format', 'csv'], /^error: --format: "csv" is not a format; use text or json\n$/],
      [['revenue'], /required option '--to <period>'/],
    ];
    for (const [args, message] of cases) {
      const run = await cli(...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr, args.join(' ')).toMatch(message);
    }
  });
});
