import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/cli-error.js';
import { forecastCommand } from '../../src/cli/commands/forecast.js';
import { captureIo, weeklyCsv } from './forecast-cli-support.js';
import { seededRandom } from './relations-random.js';

const dir = mkdtempSync(join(tmpdir(), 'kpitree-forecast-'));
const { normal } = seededRandom(5);
writeFileSync(join(dir, 'pipeline.csv'), weeklyCsv(Array.from({ length: 80 }, (_, t) => 1000 + 5 * t + 60 * Math.sin((2 * Math.PI * t) / 13) + 10 * normal())));
writeFileSync(join(dir, 'short.csv'), weeklyCsv([1, 2]));
writeFileSync(join(dir, 'empty.csv'), 'timestamp,value\n');

describe('kpitree forecast FILE.csv --horizon N', () => {
  it('prints the next N weeks with intervals, the model and its backtest', async () => {
    const io = captureIo(dir);
    await forecastCommand('pipeline.csv', { horizon: '4', format: 'table' }, io);
    const lines = io.out().trim().split('\n');
    expect(lines[0]).toMatch(/^timestamp\s+step\s+forecast\s+lower\s+upper$/);
    expect(lines).toHaveLength(2 + 4);
    expect(lines[2]).toMatch(/^2025-07-14\s+1\s+[\d,.]+\s+[\d,.]+\s+[\d,.]+$/);
    expect(io.err()).toMatch(/Holt-Winters \(additive season of 13 weeks, trend; α [\d.]+ β [\d.]+ γ [\d.]+\) on 80 weeks of pipeline.csv; 95% prediction intervals/);
    expect(io.err()).toMatch(/backtest over \d+ origins: accuracy 9\d\.\d% \(1 − \|forecast − actual\| \/ actual\), MASE [\d.]+, interval coverage [\d.]+%/);
  });

  it('--format json: one object per forecast period', async () => {
    const io = captureIo(dir);
    await forecastCommand('pipeline.csv', { horizon: '2', period: '1', level: '80', format: 'json' }, io);
    const points = JSON.parse(io.out()) as { timestamp: string; step: number; forecast: number; lower: number; upper: number }[];
    expect(points.map((p) => [p.timestamp, p.step])).toEqual([['2025-07-14', 1], ['2025-07-21', 2]]);
    expect(points[0]!.lower).toBeLessThan(points[0]!.forecast);
    expect(io.err()).toBe('');
  });

  it.each([
    ['short.csv', { horizon: '3' }, /cannot forecast: the series has 2 periods; need at least 3/],
    ['empty.csv', { horizon: '3' }, /cannot forecast: the series is empty/],
    ['pipeline.csv', { horizon: '0' }, /--horizon: "0" is not a whole number ≥ 1/],
    ['pipeline.csv', { horizon: 'x' }, /--horizon/],
    ['pipeline.csv', { horizon: '3', level: '120' }, /--level/],
    ['missing.csv', { horizon: '3' }, /missing.csv: no such file/],
  ])('%s %o is bad input (exit 2)', async (file, options, message) => {
    const error = await forecastCommand(file, { format: 'table', ...options }, captureIo(dir)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).exitCode).toBe(2);
    expect((error as UsageError).message).toMatch(message);
  });
});
