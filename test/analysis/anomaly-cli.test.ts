import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/cli-error.js';
import { detectCommand, type DetectCommandOptions } from '../../src/cli/commands/detect.js';
import type { CliIo } from '../../src/cli/io.js';
import { parseSeriesCsv, readSeriesCsv } from '../../src/cli/read-series-csv.js';
import { periodDates, weeklySeries } from './anomaly-synthetic.js';

const folder = mkdtempSync(join(tmpdir(), 'kpitree-detect-'));

function csv(name: string, text: string): string {
  writeFileSync(join(folder, name), text);
  return name;
}

/** Runs detectCommand as main() would, with a captured CliIo; UsageError becomes exit code 2. */
async function detect(file: string, options: Partial<DetectCommandOptions> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: folder, env: {}, now: () => new Date('2025-05-15T12:00:00Z'), interactive: false };
  try {
    await detectCommand(file, { format: 'table', ...options }, io);
    return { code: 0, stdout, stderr };
  } catch (error) {
    if (error instanceof UsageError) return { code: error.exitCode, stdout, stderr: `${stderr}error: ${error.message}\n` };
    throw error;
  }
}

function weeklyCsv(): string {
  const values = weeklySeries(7, { length: 104, yearly: 0 });
  values[60]! += 30;
  const dates = periodDates('2024-01-01', 104, 7);
  return ['timestamp,value', ...dates.flatMap((d, i) => (i === 30 ? [] : [`${d},${values[i]!.toFixed(2)}`]))].join('\n') + '\n';
}

describe('kpitree detect FILE.csv', () => {
  it('prints the anomalies as a table, and what it read and did on stderr', async () => {
    const run = await detect(csv('weekly.csv', weeklyCsv()));
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^timestamp\s+type\s+direction\s+value\s+expected\s+lower\s+upper\s+score\s+p$/);
    expect(lines.slice(2)).toHaveLength(1);
    expect(lines[2]).toMatch(/^2025-02-24\s+spike\s+up\s+/);
    expect(run.stderr).toContain('weekly.csv: 104 weeks from 2024-01-01 to 2025-12-22; robust STL with a season of 13 weeks; sensitivity medium (alpha 0.01): 1 anomaly');
    expect(run.stderr).toContain('note: 1 week without a row is missing');
  });

  it('prints one JSON object per anomaly with timestamp, value, expected, lower, upper, score, type, direction and p', async () => {
    const run = await detect(csv('weekly.csv', weeklyCsv()), { format: 'json', sensitivity: 'high' });
    const anomalies = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(anomalies.length).toBeGreaterThanOrEqual(1);
    const spike = anomalies.find((a) => a.timestamp === '2025-02-24')!;
    expect(Object.keys(spike)).toEqual(['timestamp', 'type', 'direction', 'value', 'expected', 'lower', 'upper', 'score', 'p']);
    expect(spike).toMatchObject({ type: 'spike', direction: 'up' });
    expect(spike.value as number).toBeGreaterThan(spike.upper as number);
  });

  it('takes --season and says when a series cannot be judged yet, without failing', async () => {
    const short = await detect(csv('short.csv', 'timestamp,value\n2025-01-01,3\n2025-01-02,4\n2025-01-03,\n'), { format: 'json' });
    expect(short).toEqual({ code: 0, stdout: '[]\n', stderr: 'short.csv: cannot judge yet: only 2 observed values, and at least 8 are needed\n' });
    const noSeason = await detect(csv('weekly.csv', weeklyCsv()), { season: 'none' });
    expect(noSeason.stderr).toContain('a robust trend, no season');
  });

  it('exits 2 on bad options and bad files, naming the flag or file:line:column', async () => {
    const file = csv('weekly.csv', weeklyCsv());
    expect(await detect(file, { sensitivity: 'extreme' })).toMatchObject({ code: 2, stderr: 'error: --sensitivity: "extreme" is not a sensitivity; use low, medium or high\n' });
    expect((await detect(file, { season: '2.5' })).stderr).toContain('error: --season: "2.5" is not a season length');
    expect((await detect(file, { format: 'xml' })).code).toBe(2);
    expect(await detect('missing.csv')).toMatchObject({ code: 2, stderr: 'error: missing.csv: no such file\n' });
    const bad = await detect(csv('bad.csv', 'timestamp,value\n2025-01-06,3\n2025-01-13,4x\n'));
    expect(bad).toMatchObject({ code: 2, stderr: 'error: bad.csv:3:12: value "4x" is not a number; write 1234.5 (no thousands separators), or leave it empty for a missing value\n' });
  });
});

describe('parseSeriesCsv', () => {
  it('reads weekly rows, fills a missing week, and keeps the file’s dates', () => {
    const s = parseSeriesCsv('timestamp,value\n2025-01-06,1\n2025-01-13,2\n2025-01-27,4\n', 'w.csv');
    expect(s).toEqual({
      file: 'w.csv',
      grain: 'week',
      timestamps: ['2025-01-06', '2025-01-13', '2025-01-20', '2025-01-27'],
      values: [1, 2, null, 4],
      regular: true,
      notes: ['1 week without a row is missing'],
    });
  });

  it('reads daily and monthly rows, date-times as the date written, columns in any order, a BOM, CRLF, quotes and NA', () => {
    const daily = parseSeriesCsv('\uFEFF"value","timestamp",note\r\n1.5,2025-03-01T23:30:00-05:00,x\r\nNA,2025-03-02 08:00,"a, b"\r\n-2e1,2025-03-03,\r\n', 'd.csv');
    expect(daily).toMatchObject({ grain: 'day', timestamps: ['2025-03-01', '2025-03-02', '2025-03-03'], values: [1.5, null, -20] });
    const monthly = parseSeriesCsv('timestamp,value\n2025-01-31,1\n2025-02-28,2\n2025-04-30,3\n', 'm.csv');
    expect(monthly).toMatchObject({ grain: 'month', timestamps: ['2025-01-01', '2025-02-01', '2025-03-01', '2025-04-01'], values: [1, 2, null, 3] });
  });

  it('sorts rows and regularises irregular timestamps, saying how', () => {
    const s = parseSeriesCsv('timestamp,value\n2025-01-20,6\n2025-01-06,1\n2025-01-08,3\n2025-01-15,4\n2025-01-31,8\n', 'i.csv');
    expect(s.grain).toBe('week');
    expect(s.regular).toBe(false);
    expect(s.timestamps).toEqual(['2025-01-06', '2025-01-13', '2025-01-20', '2025-01-27']);
    expect(s.values).toEqual([2, 4, 6, 8]);
    expect(s.notes).toEqual(['rows were not in time order; they were sorted', 'irregular timestamps (gaps of 2–11 days, typically 7): 5 rows averaged into 4 Monday weeks']);
  });

  const errors: [string, string, string][] = [
    ['an empty file', '', 'e.csv: the file is empty; expected a header line timestamp,value'],
    ['a wrong header', 'date,amount\n2025-01-01,1\n', 'e.csv:1: expected the columns timestamp,value; the header reads "date,amount"'],
    ['a bad date', 'timestamp,value\n2025-01-01,1\n2025-02-30,2\n', 'e.csv:3:1: timestamp "2025-02-30" is not a date; write 2025-03-14 or 2025-03-14T09:30:00Z'],
    ['a repeated date', 'timestamp,value\n2025-01-01,1\n2025-01-01T10:00,2\n', 'e.csv:3:1: timestamp "2025-01-01T10:00" repeats the date of line 2'],
    ['a missing column', 'timestamp,value\n2025-01-01\n', 'e.csv:2: expected 2 columns, found 1'],
    ['an open quote', 'timestamp,value\n2025-01-01,"1\n', 'e.csv:2: a quoted cell is never closed'],
    ['thousands separators', 'value,timestamp\n"1,200",2025-01-01\n', 'e.csv:2:1: value "1,200" is not a number; write 1234.5 (no thousands separators), or leave it empty for a missing value'],
  ];
  it.each(errors)('names file, line and column for %s', (_name, text, message) => {
    expect(() => parseSeriesCsv(text, 'e.csv')).toThrow(new UsageError(message));
  });

  it('reads a header-only file as no rows, and a folder is not a file', async () => {
    expect(parseSeriesCsv('timestamp,value\n', 'h.csv')).toMatchObject({ values: [], notes: ['no rows below the header'] });
    await expect(readSeriesCsv(folder, 'tmp')).rejects.toThrow('tmp: is a folder, not a CSV file');
  });
});
