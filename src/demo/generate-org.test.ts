import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DemoError } from './demo-error.js';
import { generateDemoOrg, planDemoOrg, type DemoOrgOptions } from './generate-org.js';
import { buildPeople } from './people.js';

const small: DemoOrgOptions = { seed: 7, asOf: '2026-03-02', months: 15, scale: 0.3, incidents: 'default' };

/** A digest of every value generated, and the rows per table. */
function digest(options: DemoOrgOptions): { hash: string; counts: Map<string, number> } {
  const hash = createHash('sha256');
  const counts = new Map<string, number>();
  for (const chunk of generateDemoOrg(planDemoOrg(options))) {
    for (const batch of chunk.batches) {
      counts.set(batch.object, (counts.get(batch.object) ?? 0) + batch.length);
      hash.update(batch.object);
      for (const column of batch.columns) hash.update(column instanceof Float64Array ? new Uint8Array(column.buffer, column.byteOffset, column.byteLength) : column.join('\u0001'));
    }
  }
  return { hash: hash.digest('hex'), counts };
}

describe('generateDemoOrg', () => {
  it('is deterministic for a seed and an as-of date, and differs for another seed', () => {
    const first = digest(small);
    expect(digest(small).hash).toBe(first.hash);
    expect(digest({ ...small, seed: 8 }).hash).not.toBe(first.hash);
    expect(first.counts.get('opportunity')).toBeGreaterThan(500);
    expect(first.counts.get('task')).toBeGreaterThan(10_000);
  });

  it('hands rows out in chunks and reports progress up to 1', () => {
    let chunks = 0;
    let last = -1;
    for (const chunk of generateDemoOrg(planDemoOrg(small), 2_000)) {
      chunks += 1;
      expect(chunk.done).toBeGreaterThanOrEqual(last);
      last = chunk.done;
      expect(chunk.batches.reduce((n, b) => n + b.length, 0)).toBeLessThan(12_000);
    }
    expect(chunks).toBeGreaterThan(60);
    expect(last).toBe(1);
  });

  it('scales the headcount, and names every rep uniquely', () => {
    const one = buildPeople(1, 42);
    expect(one.aes).toHaveLength(29);
    expect(one.sdrs).toHaveLength(15);
    expect(one.users.find((u) => u.team === 'CRO')!.manager).toBeNull();
    const big = buildPeople(125, 42);
    expect(big.aes.length).toBeGreaterThan(3_500);
    expect(new Set(big.users.map((u) => u.name)).size).toBe(big.users.length);
    expect(one.roles.map((r) => r.name)).toEqual(expect.arrayContaining(['EMEA Enterprise AE', 'NA SDR', 'Chief Revenue Officer']));
  });

  it('refuses bad options and bad incidents, naming each problem', () => {
    expect(() => planDemoOrg({ ...small, scale: 0 })).toThrow(/scale 0 must be a number above 0/);
    expect(() => planDemoOrg({ ...small, asOf: '2026-13-01' })).toThrow(DemoError);
    const bad = () =>
      planDemoOrg({
        ...small,
        incidents: [
          { kind: 'conversion', from_stage: 'Proposal', to_stage: 'Closed Won', size: -0.4, start: 10 },
          { kind: 'activity', slice: { region: 'Mars', lead_source: 'Web' }, size: -2, start: '2020-01-06' },
          { kind: 'win_rate', slice: { rep: 'Nobody' }, size: 0.2, start: 5, end: 3 },
        ],
      });
    expect(bad).toThrow(DemoError);
    try {
      bad();
    } catch (error) {
      const details = (error as DemoError).details.join('\n');
      expect(details).toMatch(/adjacent stages/);
      expect(details).toMatch(/region "Mars" is not in the org/);
      expect(details).toMatch(/activity cannot be sliced by lead_source/);
      expect(details).toMatch(/size -2 must be above -1/);
      expect(details).toMatch(/before the span starts/);
      expect(details).toMatch(/rep "Nobody" is not in the org/);
      expect(details).toMatch(/end must be after start/);
    }
  });

  it('places the default incidents at week 60 and later, in slices of the org', () => {
    const plan = planDemoOrg({ ...small, months: 24, asOf: '2026-11-23' });
    expect(plan.incidents.map((i) => i.id)).toEqual(['emea-enterprise-proposal-conversion', 'na-sdr-activity-drop', 'rep-deals-slip']);
    expect((plan.incidents[0]!.start - plan.span.start) / (7 * 86_400_000)).toBe(60);
    expect(plan.people.users.some((u) => u.name === plan.incidents[2]!.slice.rep)).toBe(true);
  });
});
