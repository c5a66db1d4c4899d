import { describe, expect, it } from 'vitest';
import { SyncScheduler, type SyncSchedule } from '../../src/sync/index.js';

const every = (name: string): SyncSchedule => ({ name, cron: '* * * * * *', metrics: [name] });

describe('SyncScheduler (the embedded scheduler)', () => {
  it('runs each schedule at its cron times, one run at a time, and skips a tick while its run is pending', async () => {
    const runs: { name: string; start: number; end: number }[] = [];
    const skipped: string[] = [];
    const scheduler = new SyncScheduler({
      schedules: [every('a'), every('b')],
      timezone: 'UTC',
      run: async (schedule) => {
        const start = performance.now();
        await new Promise((resolve) => setTimeout(resolve, 700)); // two runs take longer than a tick
        runs.push({ name: schedule.name, start, end: performance.now() });
      },
      onSkip: (schedule) => skipped.push(schedule.name),
    });
    expect(scheduler.nextRuns().map((n) => n.next!.getTime() - Date.now())).toSatisfy((ms: number[]) => ms.every((m) => m > 0 && m <= 1000));
    scheduler.start();
    await new Promise((resolve) => setTimeout(resolve, 3_300));
    await scheduler.stop();
    const count = runs.length;
    expect(count).toBeGreaterThanOrEqual(3);
    expect(new Set(runs.map((r) => r.name))).toEqual(new Set(['a', 'b']));
    for (let i = 1; i < runs.length; i++) expect(runs[i]!.start).toBeGreaterThanOrEqual(runs[i - 1]!.end - 1); // never two at once
    expect(skipped.length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(runs.length).toBe(count); // stopped: no more ticks
  });

  it('reports a failed run and keeps going', async () => {
    const errors: string[] = [];
    let calls = 0;
    const scheduler = new SyncScheduler({
      schedules: [every('x')],
      timezone: 'UTC',
      run: async () => {
        calls++;
        throw new Error('warehouse down');
      },
      onError: (error, schedule) => errors.push(`${schedule.name}: ${(error as Error).message}`),
    });
    await scheduler.trigger(every('x'));
    await scheduler.trigger(every('x'));
    expect(calls).toBe(2);
    expect(errors).toEqual(['x: warehouse down', 'x: warehouse down']);
  });
});
