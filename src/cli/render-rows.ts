export type OutputFormat = 'table' | 'json' | 'csv';
export const outputFormats: OutputFormat[] = ['table', 'json', 'csv'];

export type Cell = string | number | boolean | null;

/** Rows with named columns: a table shows `display` text, JSON and CSV keep the raw values. */
export interface Rows {
  columns: string[];
  raw: Record<string, Cell>[];
  display: string[][];
  /** Columns whose text aligns right (numbers). */
  numeric?: string[];
  /** What --format json prints, when it is richer than the flat rows. */
  json?: unknown;
}

export function renderRows(rows: Rows, format: OutputFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(rows.json ?? rows.raw, null, 2)}\n`;
    case 'csv':
      return [rows.columns, ...rows.raw.map((r) => rows.columns.map((c) => r[c] ?? null))].map(csvLine).join('\n') + '\n';
    case 'table':
      return renderTable(rows);
  }
}

function csvLine(cells: Cell[]): string {
  return cells
    .map((cell) => {
      if (cell === null) return '';
      const text = String(cell);
      return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(',');
}

function renderTable(rows: Rows): string {
  const widths = rows.columns.map((c, i) => Math.max(c.length, ...rows.display.map((r) => r[i]!.length)));
  const right = new Set(rows.numeric ?? []);
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (right.has(rows.columns[i]!) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(rows.columns), line(widths.map((w) => '─'.repeat(w))), ...rows.display.map(line)].join('\n') + '\n';
}
