import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/cli-error.js';
import { correlateCommand } from '../../src/cli/commands/correlate.js';
import { captureIo, weeklyCsv } from './forecast-cli-support.js';
import { randomWalk, seededRandom } from './relations-random.js';

const dir = mkdtempSync(join(tmpdir(), 'kpitree-correlate-'));
const { normal } = seededRandom(21);
const pipeline = randomWalk(() => 20 * normal(), 110, 3, 1000);
const revenue = pipeline.map((_, t) => 0.5 * pipeline[Math.max(0, t - 4)]! + 4 * normal() + 2 * t);
writeFileSync(join(dir, 'pipeline.csv'), weeklyCsv(pipeline.slice(0, 104)));
writeFileSync(join(dir, 'revenue.csv'), weeklyCsv(revenue.slice(4, 108), '2024-01-29'));
writeFileSync(join(dir, 'flat.csv'), weeklyCsv(new Array<number>(104).fill(3)));
writeFileSync(join(dir, 'daily.csv'), 'timestamp,value\n2024-01-01,1\n2024-01-02,2\n2024-01-03,3\n');

describe('kpitree correlate A.csv B.csv --max-lag K', () => {
  it('finds which leads and by how much, over the weeks both files cover', async () => {
    const io = captureIo(dir);
    await correlateCommand('pipeline.csv', 'revenue.csv', { maxLag: '8', format: 'table' }, io);
    const lines = io.out().trim().split('\n');
    expect(lines[0]).toMatch(/^lag\s+n\s+r\s+p\s+rho\s+rho_p\s+p_adjusted\s+best$/);
    expect(lines).toHaveLength(2 + 17);
    expect(lines.find((l) => l.endsWith('◀'))).toMatch(/^\s*4\s/);
    expect(io.err()).toMatch(/pipeline.csv leads revenue.csv by 4 weeks, r = 0\.\d\d, p < 0\.001 \(adjusted over 17 lags/);
    expect(io.err()).toMatch(/compared over the 100 weeks both files cover/);
  });

  it('--format json: the headline and every lag', async () => {
    const io = captureIo(dir);
    await correlateCommand('revenue.csv', 'pipeline.csv', { maxLag: '6', method: 'spearman', format: 'json' }, io);
    const result = JSON.parse(io.out()) as { leader: string; follower: string; lag: number; method: string; pAdjusted: number; lags: unknown[]; summary: string };
    expect(result).toMatchObject({ leader: 'pipeline.csv', follower: 'revenue.csv', lag: 4, method: 'spearman' });
    expect(result.lags).toHaveLength(13);
    expect(result.summary).toMatch(/^pipeline.csv leads revenue.csv by 4 weeks/);
  });

  it.each([
    [['pipeline.csv', 'flat.csv'], { maxLag: '4' }, /cannot correlate .*constant/],
    [['pipeline.csv', 'daily.csv'], { maxLag: '4' }, /by week and daily.csv by day/],
    [['pipeline.csv', 'revenue.csv'], { maxLag: '-1' }, /--max-lag/],
    [['pipeline.csv', 'revenue.csv'], { maxLag: '4', method: 'kendall' }, /--method/],
  ])('%o %o is bad input (exit 2)', async ([a, b], options, message) => {
    const error = await correlateCommand(a!, b!, { format: 'table', ...options }, captureIo(dir)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toMatch(message);
  });
});
