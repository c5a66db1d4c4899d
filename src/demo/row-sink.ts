import { demoTableSpecs, rowLayouts, type DemoTableSpec } from './demo-schema.js';

export type DemoRow = unknown[];

/**
 * Rows of one table, column by column, in the order of its row layout plus Fivetran's two values.
 * Numbers, ids, times (UTC ms) and booleans (1/0) sit in Float64Arrays with NaN for null; a
 * column of listed values holds each value's position in its list; free text stays strings.
 */
export interface ColumnBatch {
  object: string;
  length: number;
  columns: (Float64Array | (string | null)[])[];
}

type Slot = { kind: 'number' } | { kind: 'code'; codes: Map<unknown, number>; column: string } | { kind: 'text' };

/** How each position of a generated row is kept, by object: the same for both namings. */
const slotsByObject = new Map<string, Slot[]>(
  demoTableSpecs('fivetran').map((table: DemoTableSpec) => {
    const slots: Slot[] = (rowLayouts[table.object] ?? []).map((name) => {
      const { encoding } = table.columns.find((c) => c.name === name)!;
      if (encoding.kind === 'enum') return { kind: 'code', codes: new Map(encoding.values.map((v, i) => [v, i])), column: `${table.object}.${name}` };
      return encoding.kind === 'text' ? { kind: 'text' } : { kind: 'number' };
    });
    return [table.object, [...slots, { kind: 'number' }, { kind: 'number' }]];
  }),
);

const batchRows = 4096;

class BatchBuilder {
  length = 0;
  readonly columns: (Float64Array | (string | null)[])[];

  constructor(
    readonly object: string,
    private readonly slots: Slot[],
  ) {
    this.columns = slots.map((slot) => (slot.kind === 'text' ? new Array<string | null>(batchRows) : new Float64Array(batchRows)));
  }

  add(row: DemoRow): void {
    const { slots, columns } = this;
    if (row.length !== slots.length) throw new Error(`a row of ${this.object} has ${row.length} values, its layout ${slots.length}`);
    const at = this.length++;
    for (let p = 0; p < slots.length; p++) {
      const value = row[p];
      const slot = slots[p]!;
      if (slot.kind === 'text') {
        (columns[p] as (string | null)[])[at] = value === null || value === undefined ? null : String(value);
      } else if (slot.kind === 'number') {
        (columns[p] as Float64Array)[at] = value === null || value === undefined ? NaN : value === true ? 1 : value === false ? 0 : (value as number);
      } else if (value === null || value === undefined) {
        (columns[p] as Float64Array)[at] = NaN;
      } else {
        const code = slot.codes.get(value);
        if (code === undefined) throw new Error(`${slot.column}: "${String(value)}" is not one of its listed values`);
        (columns[p] as Float64Array)[at] = code;
      }
    }
  }

  done(): ColumnBatch {
    const columns = this.columns.map((c) => (c instanceof Float64Array ? c.subarray(0, this.length) : c.slice(0, this.length)));
    return { object: this.object, length: this.length, columns };
  }
}

/** Collects generated rows per table, column by column, until the driver hands them to a writer. */
export class RowSink {
  private open = new Map<string, BatchBuilder>();
  private full: ColumnBatch[] = [];
  size = 0;

  push(object: string, row: DemoRow): void {
    let builder = this.open.get(object);
    if (!builder) {
      const slots = slotsByObject.get(object);
      if (!slots) throw new Error(`the demo org has no table ${object}`);
      this.open.set(object, (builder = new BatchBuilder(object, slots)));
    }
    builder.add(row);
    this.size += 1;
    if (builder.length === batchRows) {
      this.full.push(builder.done());
      this.open.delete(object);
    }
  }

  drain(): ColumnBatch[] {
    const batches = [...this.full, ...[...this.open.values()].map((b) => b.done())];
    this.full = [];
    this.open = new Map();
    this.size = 0;
    return batches;
  }
}
