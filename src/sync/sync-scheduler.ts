import { Cron } from 'croner';
import type { SyncSchedule } from './plan-schedules.js';

export interface SyncSchedulerOptions {
  schedules: readonly SyncSchedule[];
  /** The zone cron times are read in (the project's calendar.timezone). */
  timezone: string;
  /** Runs one scheduled sync; its errors go to onError. */
  run: (schedule: SyncSchedule) => Promise<void>;
  onError?: (error: unknown, schedule: SyncSchedule) => void;
  /** A tick came while the same schedule was still waiting or running: it was skipped. */
  onSkip?: (schedule: SyncSchedule) => void;
}

/**
 * The embedded scheduler: one cron per schedule, in this process (`kpitree schedule`, later
 * `kpitree serve`). Runs go one at a time, in the order they came due, so one process never syncs
 * a metric twice at once; a schedule that comes due while its previous run still waits or runs is
 * skipped, not piled up.
 */
export class SyncScheduler {
  readonly #options: SyncSchedulerOptions;
  readonly #crons: Cron[] = [];
  readonly #pending = new Set<string>();
  #queue: Promise<void> = Promise.resolve();

  constructor(options: SyncSchedulerOptions) {
    this.#options = options;
  }

  start(): void {
    if (this.#crons.length > 0) return;
    for (const schedule of this.#options.schedules) {
      this.#crons.push(new Cron(schedule.cron, { timezone: this.#options.timezone, name: `kpitree-${schedule.name}` }, () => this.trigger(schedule)));
    }
  }

  /** Queues a run of `schedule` now, as a tick would; returns when it has run (or was skipped). */
  trigger(schedule: SyncSchedule): Promise<void> {
    if (this.#pending.has(schedule.name)) {
      this.#options.onSkip?.(schedule);
      return this.#queue;
    }
    this.#pending.add(schedule.name);
    this.#queue = this.#queue.then(async () => {
      try {
        await this.#options.run(schedule);
      } catch (error) {
        this.#options.onError?.(error, schedule);
      } finally {
        this.#pending.delete(schedule.name);
      }
    });
    return this.#queue;
  }

  /** When each schedule runs next. */
  nextRuns(): { schedule: SyncSchedule; next: Date | null }[] {
    return this.#options.schedules.map((schedule, i) => ({ schedule, next: this.#crons[i]?.nextRun() ?? new Cron(schedule.cron, { timezone: this.#options.timezone, paused: true }).nextRun() }));
  }

  /** Stops every cron, then waits for the run in progress (and any already due) to end. */
  async stop(): Promise<void> {
    for (const cron of this.#crons.splice(0)) cron.stop();
    await this.#queue;
  }
}
