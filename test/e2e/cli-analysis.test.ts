import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

/** detect, forecast and correlate as a user types them: registered, with their exit codes. */
describe('kpitree detect, forecast, correlate', () => {
  let dir: string;
  let series: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kpitree-analysis-'));
    series = join(dir, 'weekly.csv');
    // 104 weeks: a gentle trend, a 13-week cycle, and one spike in week 80.
    const lines = Array.from({ length: 104 }, (_, i) => {
      const day = new Date(Date.UTC(2024, 0, 1) + i * 7 * 86_400_000).toISOString().slice(0, 10);
      const value = 100 + i * 0.5 + 8 * Math.sin((2 * Math.PI * i) / 13) + (i % 3) - 1 + (i === 80 ? 60 : 0);
      return `${day},${value.toFixed(2)}`;
    });
    await writeFile(series, ['timestamp,value', ...lines].join('\n'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('detect finds the spike, as JSON', async () => {
    const run = await runCli(['detect', series, '--format', 'json']);
    expect(run.code).toBe(0);
    const anomalies: { timestamp: string; type: string }[] = JSON.parse(run.stdout);
    expect(anomalies.map((a) => [a.timestamp, a.type])).toContainEqual([new Date(Date.UTC(2024, 0, 1) + 80 * 7 * 86_400_000).toISOString().slice(0, 10), 'spike']);
  });

  it('forecast prints the horizon with intervals', async () => {
    const run = await runCli(['forecast', series, '--horizon', '4', '--format', 'json']);
    expect(run.code).toBe(0);
    const points: { lower: number; upper: number }[] = JSON.parse(run.stdout);
    expect(points).toHaveLength(4);
    for (const p of points) expect(p.lower).toBeLessThan(p.upper);
  });

  it('correlate a series with itself: lag 0, r = 1', async () => {
    const run = await runCli(['correlate', series, series, '--max-lag', '3', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ lag: 0 });
  });

  it('a missing file is bad input, exit 2', async () => {
    const run = await runCli(['detect', join(dir, 'nope.csv')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('nope.csv');
  });
});
