import { describe, expect, it } from 'vitest';
import { backoffDelay, retryTransient } from '../../src/sync/index.js';
import { WarehouseError } from '../../src/warehouse/index.js';

describe('retryTransient', () => {
  it('waits base × 2^(n−1), jittered down to half, capped', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, { baseDelayMs: 1000 }, () => 1))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffDelay(3, { baseDelayMs: 1000 }, () => 0)).toBe(2000);
    expect(backoffDelay(10, { baseDelayMs: 1000, maxDelayMs: 30_000 }, () => 1)).toBe(30_000);
  });

  it('tries again on a lost connection or a timeout, up to the attempts', async () => {
    const seen: number[] = [];
    const kinds = ['connection', 'timeout'] as const;
    const result = await retryTransient(
      async (attempt) => {
        if (attempt <= 2) throw new WarehouseError(kinds[attempt - 1]!, 'gone');
        return 'rows';
      },
      { attempts: 3, baseDelayMs: 5, onRetry: (_e, attempt) => seen.push(attempt) },
    );
    expect(result).toEqual({ ok: true, value: 'rows', attempts: 3 });
    expect(seen).toEqual([1, 2]);
    const exhausted = await retryTransient(() => Promise.reject(new WarehouseError('timeout', 'slow')), { attempts: 2, baseDelayMs: 1 });
    expect(exhausted).toMatchObject({ ok: false, attempts: 2 });
  });

  it('gives up at once on an error that will not pass', async () => {
    let calls = 0;
    for (const error of [new WarehouseError('query', 'no such column'), new WarehouseError('read_only', 'no'), new Error('bug')]) {
      const result = await retryTransient(() => (calls++, Promise.reject(error)), { attempts: 5, baseDelayMs: 1 });
      expect(result).toEqual({ ok: false, error, attempts: 1 });
    }
    expect(calls).toBe(3);
  });
});
