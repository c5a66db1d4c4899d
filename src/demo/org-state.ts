import { AccountBook } from './account-book.js';
import { hourMs, weekMs, type Span } from './calendar.js';
import type { Incident } from './incidents.js';
import { rates } from './org-config.js';
import type { People } from './people.js';
import { Random } from './random.js';
import { RowSink } from './row-sink.js';

/** Everything the generators share while the org is built week by week. */
export class OrgState {
  readonly sink = new RowSink();
  readonly accounts = new AccountBook();
  private counters = new Map<string, number>();
  private pending = new Map<number, (() => void)[]>();
  /** The week being generated (0 = the first of the span). */
  week = 0;

  constructor(
    readonly seed: number,
    readonly span: Span,
    readonly people: People,
    readonly incidents: readonly Incident[],
  ) {}

  /** The next id number of an object: 1, 2, 3 … */
  nextId(object: string): number {
    const id = (this.counters.get(object) ?? 0) + 1;
    this.counters.set(object, id);
    return id;
  }

  /** An independent random stream for one part of the org. */
  random(...keys: number[]): Random {
    return Random.derive(this.seed, ...keys);
  }

  weekOf(ms: number): number {
    return Math.floor((ms - this.span.start) / weekMs);
  }

  /** Runs `job` when the generation reaches the week of `ms` (the next week at the earliest); never past the span. */
  schedule(ms: number, job: () => void): void {
    if (ms >= this.span.end) return;
    const week = Math.max(this.weekOf(ms), this.week + 1);
    let jobs = this.pending.get(week);
    if (!jobs) this.pending.set(week, (jobs = []));
    jobs.push(job);
  }

  runDueJobs(): void {
    const jobs = this.pending.get(this.week);
    this.pending.delete(this.week);
    for (const job of jobs ?? []) job();
  }

  /**
   * Fivetran's two columns for a row last changed at `ms`: hard-deleted rows (gone from Salesforce,
   * kept by Fivetran with _fivetran_deleted) and the time of the sync that brought the row.
   */
  fivetran(ms: number, hardDeleted = false): [boolean, number] {
    const synced = Math.max(ms, this.span.start) + hourMs * 0.25 + (Math.abs(ms) % 2_700_000);
    return [hardDeleted, Math.min(synced, this.span.end - 60_000)];
  }

  /** Soft-deleted (is_deleted) and hard-deleted (_fivetran_deleted) by the org's shares. */
  deletion(random: Random): { deleted: boolean; hardDeleted: boolean } {
    const r = random.next();
    return { deleted: r < rates.deletedShare, hardDeleted: r >= rates.deletedShare && r < rates.deletedShare + rates.hardDeletedShare };
  }
}
