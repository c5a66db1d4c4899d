import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { UsageError } from './cli-error.js';

/** The grain a CSV's timestamps were read at; `irregular` files are regularised to day or week. */
export type CsvGrain = 'day' | 'week' | 'month';

/** A series read from `timestamp,value` rows: one value (or null) per period, oldest first. */
export interface SeriesCsv {
  file: string;
  grain: CsvGrain;
  /** The first day of each period (YYYY-MM-DD), consecutive, no gaps. */
  timestamps: string[];
  /** One value per period; null for a period without a row or with an empty value. */
  values: (number | null)[];
  /** Whether the timestamps were regular (every row one period apart, gaps allowed). */
  regular: boolean;
  /** What was done to the rows, for the user: gaps, sorting, regularisation. */
  notes: string[];
}

interface Row {
  line: number;
  day: number;
  value: number | null;
}

const dayMs = 86_400_000;
const missingWords = new Set(['', 'na', 'nan', 'null', 'none', 'n/a']);

/** Reads FILE as a series; every problem is a UsageError naming file:line:column. */
export async function readSeriesCsv(path: string, displayName = basename(path)): Promise<SeriesCsv> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`${displayName}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a CSV file' : `cannot read it (${code ?? String(error)})`}`);
  }
  return parseSeriesCsv(text, displayName);
}

/**
 * Parses `timestamp,value` CSV text (a header naming both columns, in any order, other columns
 * ignored). Timestamps are dates (2025-03-14) or date-times (2025-03-14T09:30:00Z, read as the
 * calendar date written). Values are numbers; an empty cell, NA or null is a missing value.
 */
export function parseSeriesCsv(text: string, file: string): SeriesCsv {
  const records = splitCsv(text.replace(/^\uFEFF/, ''), file);
  const header = records[0];
  if (!header || header.cells.every((c) => c.text.trim() === '')) throw new UsageError(`${file}: the file is empty; expected a header line timestamp,value`);
  const names = header.cells.map((c) => c.text.trim().toLowerCase());
  const timeAt = names.indexOf('timestamp');
  const valueAt = names.indexOf('value');
  if (timeAt < 0 || valueAt < 0) {
    throw new UsageError(`${file}:${header.line}: expected the columns timestamp,value; the header reads "${header.cells.map((c) => c.text).join(',')}"`);
  }
  const rows: Row[] = [];
  const seen = new Map<number, number>();
  for (const record of records.slice(1)) {
    if (record.cells.length === 1 && record.cells[0]!.text.trim() === '') continue;
    const time = record.cells[timeAt];
    const cell = record.cells[valueAt];
    if (!time || !cell) throw new UsageError(`${file}:${record.line}: expected ${names.length} columns, found ${record.cells.length}`);
    const day = parseDay(time.text.trim());
    if (day === undefined) throw new UsageError(`${file}:${record.line}:${time.column}: timestamp "${time.text}" is not a date; write 2025-03-14 or 2025-03-14T09:30:00Z`);
    const previous = seen.get(day);
    if (previous !== undefined) throw new UsageError(`${file}:${record.line}:${time.column}: timestamp "${time.text.trim()}" repeats the date of line ${previous}`);
    seen.set(day, record.line);
    rows.push({ line: record.line, day, value: parseValue(cell.text, `${file}:${record.line}:${cell.column}`) });
  }
  return toSeries(rows, file);
}

function parseValue(text: string, where: string): number | null {
  const trimmed = text.trim();
  if (missingWords.has(trimmed.toLowerCase())) return null;
  const value = Number(trimmed);
  if (!Number.isFinite(value) || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) {
    throw new UsageError(`${where}: value "${trimmed}" is not a number; write 1234.5 (no thousands separators), or leave it empty for a missing value`);
  }
  return value;
}

/** Days since 1970-01-01 of the calendar date written at the start of a timestamp. */
function parseDay(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(y, m - 1, d);
  const date = new Date(ms);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  if (match[4] !== undefined && (Number(match[4]) > 23 || Number(match[5]) > 59 || Number(match[6] ?? 0) > 59)) return undefined;
  return ms / dayMs;
}

function toSeries(rows: Row[], file: string): SeriesCsv {
  const notes: string[] = [];
  const sorted = [...rows].sort((a, b) => a.day - b.day);
  if (sorted.some((row, i) => row !== rows[i])) notes.push('rows were not in time order; they were sorted');
  if (sorted.length === 0) return { file, grain: 'day', timestamps: [], values: [], regular: true, notes: ['no rows below the header'] };
  const grain = regularGrain(sorted.map((r) => r.day));
  if (grain) return regularSeries(sorted, grain, file, notes);
  return regularise(sorted, file, notes);
}

/** The grain at which every gap between rows is a whole number of periods, if there is one. */
function regularGrain(days: number[]): CsvGrain | undefined {
  if (days.length < 2) return 'day';
  const gaps = days.slice(1).map((d, i) => d - days[i]!);
  const shortest = Math.min(...gaps);
  if (shortest === 1) return 'day';
  if (gaps.every((g) => g % 7 === 0)) return 'week';
  const dates = days.map((d) => new Date(d * dayMs));
  if (dates.every((d) => d.getUTCDate() === 1) || dates.every((d) => new Date(d.getTime() + dayMs).getUTCDate() === 1)) return 'month';
  return undefined;
}

function periodIndex(day: number, grain: CsvGrain, origin: number): number {
  if (grain === 'day') return day - origin;
  if (grain === 'week') return Math.floor((day - origin) / 7);
  const d = new Date(day * dayMs);
  const o = new Date(origin * dayMs);
  return (d.getUTCFullYear() - o.getUTCFullYear()) * 12 + d.getUTCMonth() - o.getUTCMonth();
}

function periodStartDay(index: number, grain: CsvGrain, origin: number): number {
  if (grain === 'day') return origin + index;
  if (grain === 'week') return origin + 7 * index;
  const o = new Date(origin * dayMs);
  return Date.UTC(o.getUTCFullYear(), o.getUTCMonth() + index, 1) / dayMs;
}

function regularSeries(rows: Row[], grain: CsvGrain, file: string, notes: string[]): SeriesCsv {
  const origin = rows[0]!.day;
  const length = periodIndex(rows[rows.length - 1]!.day, grain, origin) + 1;
  const values = new Array<number | null>(length).fill(null);
  for (const row of rows) values[periodIndex(row.day, grain, origin)] = row.value;
  const gaps = length - rows.length;
  if (gaps > 0) notes.push(`${gaps} ${grain}${gaps === 1 ? '' : 's'} without a row ${gaps === 1 ? 'is' : 'are'} missing`);
  const timestamps = Array.from({ length }, (_, i) => isoDay(periodStartDay(i, grain, origin)));
  return { file, grain, timestamps, values, regular: true, notes };
}

/** Irregular rows: averaged into days (typical gap under 4 days) or Monday weeks. */
function regularise(rows: Row[], file: string, notes: string[]): SeriesCsv {
  const gaps = rows.slice(1).map((r, i) => r.day - rows[i]!.day).sort((a, b) => a - b);
  const typical = gaps[Math.floor(gaps.length / 2)]!;
  const grain: CsvGrain = typical < 4 ? 'day' : 'week';
  const origin = grain === 'week' ? mondayOf(rows[0]!.day) : rows[0]!.day;
  const length = periodIndex(rows[rows.length - 1]!.day, grain, origin) + 1;
  const sums = new Array<number>(length).fill(0);
  const counts = new Array<number>(length).fill(0);
  for (const row of rows) {
    if (row.value === null) continue;
    const i = periodIndex(row.day, grain, origin);
    sums[i]! += row.value;
    counts[i]! += 1;
  }
  const values = sums.map((s, i) => (counts[i]! > 0 ? s / counts[i]! : null));
  const empty = values.filter((v) => v === null).length;
  notes.push(
    `irregular timestamps (gaps of ${gaps[0]}–${gaps[gaps.length - 1]} days, typically ${typical}): ${rows.length} rows averaged into ${length} ${grain === 'week' ? 'Monday weeks' : 'days'}` +
      (empty > 0 ? `; ${empty} without a value ${empty === 1 ? 'is' : 'are'} missing` : ''),
  );
  const timestamps = Array.from({ length }, (_, i) => isoDay(periodStartDay(i, grain, origin)));
  return { file, grain, timestamps, values, regular: false, notes };
}

function mondayOf(day: number): number {
  const weekday = (new Date(day * dayMs).getUTCDay() + 6) % 7;
  return day - weekday;
}

function isoDay(day: number): string {
  return new Date(day * dayMs).toISOString().slice(0, 10);
}

interface Cell {
  text: string;
  column: number;
}

/** RFC 4180 records with the line and column each starts at; quotes may hold commas and newlines. */
function splitCsv(text: string, file: string): { line: number; cells: Cell[] }[] {
  const records: { line: number; cells: Cell[] }[] = [];
  let line = 1;
  let column = 1;
  let cells: Cell[] = [];
  let cell: Cell = { text: '', column: 1 };
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell.text += '"';
        i++;
        column += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else cell.text += ch;
      if (ch === '\n') {
        line++;
        column = 1;
      } else column++;
      continue;
    }
    if (ch === '"' && cell.text.trim() === '') {
      quoted = true;
      quoteLine = line;
      cell.text = '';
    } else if (ch === ',') {
      cells.push(cell);
      cell = { text: '', column: column + 1 };
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      records.push({ line: recordLine, cells });
      line++;
      column = 0;
      cells = [];
      cell = { text: '', column: 1 };
      recordLine = line;
    } else cell.text += ch;
    column++;
  }
  if (quoted) throw new UsageError(`${file}:${quoteLine}: a quoted cell is never closed`);
  if (cell.text !== '' || cells.length > 0) {
    cells.push(cell);
    records.push({ line: recordLine, cells });
  }
  return records;
}
