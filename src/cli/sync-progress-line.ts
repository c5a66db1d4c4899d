import type { SyncProgress } from '../sync/index.js';
import type { CliIo } from './io.js';
import { formatClock } from './format-duration.js';

const count = new Intl.NumberFormat('en-US');

/** The progress of a sync on stderr: one line redrawn in place on a terminal, a line every few seconds otherwise. */
export class SyncProgressLine {
  #lastPrinted = 0;
  #drawn = false;

  constructor(
    private readonly io: CliIo,
    private readonly everyMs = 5_000,
  ) {}

  update(progress: SyncProgress): void {
    const text = describeProgress(progress);
    if (this.io.interactive) {
      this.io.stderr(`\r\x1b[2K${text}`);
      this.#drawn = true;
    } else if (progress.elapsedMs - this.#lastPrinted >= this.everyMs) {
      this.io.stderr(`${text}\n`);
      this.#lastPrinted = progress.elapsedMs;
    }
  }

  /** Clears the redrawn line, so that what follows starts clean. */
  end(): void {
    if (this.#drawn) this.io.stderr('\r\x1b[2K');
    this.#drawn = false;
  }
}

export function describeProgress(p: SyncProgress): string {
  const parts = [
    `${p.done}/${p.total} metrics${p.failed > 0 ? ` (${p.failed} failed)` : ''}`,
    `${count.format(p.rows)} values`,
    `${formatClock(p.elapsedMs)} elapsed`,
    p.etaMs === undefined ? 'ETA –' : `ETA ${formatClock(p.etaMs)}`,
  ];
  if (p.running.length > 0) parts.push(p.running.join(', '));
  return parts.join(' · ');
}
