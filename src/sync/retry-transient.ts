import { WarehouseError } from '../warehouse/index.js';

/** A warehouse failure that may pass if tried again: a dropped or refused connection, a timeout. */
export function isTransient(error: unknown): boolean {
  return error instanceof WarehouseError && (error.kind === 'connection' || error.kind === 'timeout');
}

export interface RetryOptions {
  /** Tries in all, the first included (≥ 1). */
  attempts: number;
  /** The wait before the second try; it doubles each time, with jitter (default 1 s). */
  baseDelayMs?: number;
  /** The longest wait (default 30 s). */
  maxDelayMs?: number;
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
}

export type Retried<T> = { ok: true; value: T; attempts: number } | { ok: false; error: unknown; attempts: number };

/** The wait before try `attempt + 1`: base × 2^(attempt−1), between half of that and all of it, capped. */
export function backoffDelay(attempt: number, options: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs'>, random = Math.random): number {
  const full = Math.min(options.maxDelayMs ?? 30_000, (options.baseDelayMs ?? 1_000) * 2 ** (attempt - 1));
  return Math.round(full / 2 + (random() * full) / 2);
}

/** Runs `work`, trying again after a growing wait while it fails transiently; any other failure ends it at once. */
export async function retryTransient<T>(work: (attempt: number) => Promise<T>, options: RetryOptions): Promise<Retried<T>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return { ok: true, value: await work(attempt), attempts: attempt };
    } catch (error) {
      if (!isTransient(error) || attempt >= options.attempts) return { ok: false, error, attempts: attempt };
      const delayMs = backoffDelay(attempt, options);
      options.onRetry?.(error, attempt, delayMs);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}
