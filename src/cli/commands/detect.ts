import { resolve } from 'node:path';
import { detectAnomalies, sensitivityAlpha, type Anomaly, type Sensitivity } from '../../analysis/index.js';
import { UsageError } from '../cli-error.js';
import { formatValue } from '../format-value.js';
import type { CliIo } from '../io.js';
import { parseFormat } from '../parse-options.js';
import { readSeriesCsv } from '../read-series-csv.js';
import { renderRows } from '../render-rows.js';

export interface DetectCommandOptions {
  format: string;
  /** low, medium (default) or high. */
  sensitivity?: string;
  /** Periods per season (1 or none: no season); default: inferred from the file's grain. */
  season?: string;
}

const typeLabels: Record<Anomaly['type'], string> = {
  spike: 'spike',
  dip: 'dip',
  level_shift: 'level shift',
  trend_change: 'trend change',
  drift: 'drift',
};

/**
 * kpitree detect FILE.csv: the anomalies of a timestamp,value series (daily, weekly or irregular):
 * spikes and dips, level shifts, trend changes and an ongoing slow drift, each with what was
 * expected, the band, a score (in noise standard deviations) and a p-value. A series too short
 * or flat to judge is not an error: it says why on stderr and prints no anomalies.
 */
export async function detectCommand(file: string, options: DetectCommandOptions, io: CliIo): Promise<void> {
  const format = parseFormat(options.format);
  const sensitivity = parseSensitivity(options.sensitivity ?? 'medium');
  const seasonLength = options.season === undefined ? undefined : parseSeason(options.season);
  const series = await readSeriesCsv(resolve(io.cwd, file), file);
  const result = detectAnomalies({ values: series.values, timestamps: series.timestamps, grain: series.grain }, { sensitivity, ...(seasonLength !== undefined ? { seasonLength } : {}) });
  const notes = [...series.notes, ...result.notes];
  if (result.status === 'insufficient') {
    io.stdout(format === 'json' ? '[]\n' : format === 'csv' ? `${columns.join(',')}\n` : '');
    const reason = result.reason.startsWith('cannot judge') ? result.reason : `cannot judge: ${result.reason}`;
    io.stderr(`${file}: ${reason}\n${notes.map((n) => `note: ${n}\n`).join('')}`);
    return;
  }
  const rows = result.anomalies.map((a) => ({
    timestamp: a.timestamp ?? String(a.index),
    type: a.type,
    direction: a.direction,
    value: a.observed,
    expected: a.expected,
    lower: a.lower,
    upper: a.upper,
    score: a.score,
    p: a.pValue,
  }));
  const json = result.anomalies.map((a, i) => ({
    ...rows[i]!,
    ...(a.shift !== undefined ? { shift: a.shift } : {}),
    ...(a.slopeBefore !== undefined ? { slopeBefore: a.slopeBefore, slopeAfter: a.slopeAfter } : {}),
    ...(a.periods !== undefined ? { periods: a.periods, rules: a.rules ?? [] } : {}),
  }));
  io.stdout(
    renderRows(
      {
        columns,
        numeric: ['value', 'expected', 'lower', 'upper', 'score', 'p'],
        raw: rows,
        display: result.anomalies.map((a) => [
          a.timestamp ?? String(a.index),
          typeLabels[a.type] + (a.periods !== undefined ? ` (${a.periods} ${series.grain}s)` : ''),
          a.direction,
          ...[a.observed, a.expected, a.lower, a.upper].map((v) => formatValue(v, 'number')),
          a.score.toFixed(1),
          a.pValue < 0.001 ? '<0.001' : a.pValue.toFixed(3),
        ]),
        json,
      },
      format,
    ),
  );
  const fit = result.method === 'stl' ? `robust STL with a season of ${result.seasonLength} ${series.grain}s` : 'a robust trend, no season';
  const count = `${result.anomalies.length} anomal${result.anomalies.length === 1 ? 'y' : 'ies'}`;
  io.stderr(
    `${file}: ${series.values.length} ${series.grain}s from ${series.timestamps[0]} to ${series.timestamps.at(-1)}; ${fit}; sensitivity ${sensitivity} (alpha ${result.alpha}): ${count}\n` +
      notes.map((n) => `note: ${n}\n`).join(''),
  );
}

const columns = ['timestamp', 'type', 'direction', 'value', 'expected', 'lower', 'upper', 'score', 'p'];

function parseSensitivity(text: string): Sensitivity {
  if (text in sensitivityAlpha) return text as Sensitivity;
  throw new UsageError(`--sensitivity: "${text}" is not a sensitivity; use low, medium or high`);
}

function parseSeason(text: string): number | null {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === 'none' || trimmed === '0' || trimmed === '1') return null;
  if (!/^\d+$/.test(trimmed)) throw new UsageError(`--season: "${text}" is not a season length; give a whole number of periods (7 for days in a week, 13 or 52 for weeks) or none`);
  return Number(trimmed);
}
