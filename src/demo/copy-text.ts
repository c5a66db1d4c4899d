import { polymorphicBase, type DemoColumn, type DemoTableSpec } from './demo-schema.js';
import type { ColumnBatch } from './row-sink.js';

/** Rows in Postgres's COPY text format: tab-separated, \N for null, one line per row. */

const dayMs = 86_400_000;
const days = new Map<number, string>();
const two = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

function isoDay(ms: number): string {
  const day = Math.floor(ms / dayMs);
  let text = days.get(day);
  if (text === undefined) days.set(day, (text = new Date(day * dayMs).toISOString().slice(0, 10)));
  return text;
}

function timestamp(ms: number): string {
  const seconds = Math.floor((ms - Math.floor(ms / dayMs) * dayMs) / 1000);
  return `${isoDay(ms)} ${two[Math.floor(seconds / 3600)]}:${two[Math.floor(seconds / 60) % 60]}:${two[seconds % 60]}`;
}

function escape(text: string): string {
  return /[\\\t\n\r]/.test(text) ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : text;
}

type Format = (value: number) => string;

function formatOf(column: DemoColumn): Format {
  const { encoding } = column;
  if (encoding.kind === 'id') {
    const [only] = encoding.prefixes;
    if (encoding.prefixes.length === 1) return (v) => `${only}${String(v).padStart(15, '0')}`;
    return (v) => `${encoding.prefixes[Math.floor(v / polymorphicBase)]}${String(v % polymorphicBase).padStart(15, '0')}`;
  }
  if (encoding.kind === 'enum') return (v) => escape(encoding.values[v]!);
  if (column.type === 'date') return isoDay;
  if (column.type === 'timestamp') return timestamp;
  if (column.type === 'boolean') return (v) => (v ? 't' : 'f');
  return String;
}

/** The COPY text of a batch, for the table's columns in order (columns no generator fills are \N). */
export function copyText(table: DemoTableSpec, batch: ColumnBatch): string {
  const formats = table.columns.map((c) => (c.position < 0 ? null : formatOf(c)));
  const lines: string[] = new Array(batch.length);
  const fields: string[] = new Array(table.columns.length);
  for (let r = 0; r < batch.length; r++) {
    for (let c = 0; c < table.columns.length; c++) {
      const format = formats[c];
      const values = format ? batch.columns[table.columns[c]!.position]! : null;
      if (!values) {
        fields[c] = '\\N';
        continue;
      }
      const value = values[r];
      if (value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value))) fields[c] = '\\N';
      else fields[c] = typeof value === 'string' ? escape(value) : format!(value);
    }
    lines[r] = fields.join('\t');
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
