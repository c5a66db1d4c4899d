import { describe, expect, it } from 'vitest';
import { explainSlices, type SliceExplanation } from '../../src/explain/slices/explain-slices.js';
import { buildLeafTable, type LeafTable } from '../../src/explain/slices/leaf-table.js';
import { rippleScorer } from '../../src/explain/slices/ripple-score.js';
import type { Slice, SliceRows } from '../../src/explain/slices/slice-rows.js';
import { expectSums } from './support/expect-exact.js';
import { seededRandom } from './support/seeded-random.js';

type Additive = Extract<SliceRows, { kind: 'additive' }>;
const additive = (rows: [Slice, number, number][]): Additive => ({ kind: 'additive', rows: rows.map(([slice, baseline, current]) => ({ slice, baseline, current })) });
const totals = (rows: Additive) => ({ baseline: rows.rows.reduce((s, r) => s + r.baseline, 0), current: rows.rows.reduce((s, r) => s + r.current, 0) });

function explain(rows: SliceRows, node?: { baseline: number; current: number }, options = {}): SliceExplanation {
  const result = explainSlices(rows, node ?? (rows.kind === 'additive' ? totals(rows) : ratioTotals(rows)), options);
  if (!result.ok) throw new Error(result.reason);
  return result;
}

function ratioTotals(rows: Extract<SliceRows, { kind: 'ratio' }>) {
  const rate = (period: 'baseline' | 'current') => rows.rows.reduce((s, r) => s + r[period].numerator, 0) / rows.rows.reduce((s, r) => s + r[period].denominator, 0);
  return { baseline: rate('baseline'), current: rate('current') };
}

/** region × segment × source, every leaf 100 → 100 unless `change` says otherwise. */
function cube(change: (slice: Slice) => number): Additive {
  const rows: [Slice, number, number][] = [];
  for (const region of ['EMEA', 'NA', 'APAC'])
    for (const segment of ['Enterprise', 'SMB'])
      for (const source of ['inbound', 'outbound']) {
        const slice = { region, segment, source };
        rows.push([slice, 100, change(slice)]);
      }
  return additive(rows);
}

describe('Adtributor: explanatory power and surprise per dimension', () => {
  // EMEA falls 100 → 60 (both segments alike); segments keep their shares. Total 250 → 210.
  // EMEA: p = 100/250 = 0.4, q = 60/210 = 0.285714; m = 0.342857
  // surprise = ½ [0.4 log₂(0.4/m) + 0.285714 log₂(0.285714/m)] = ½ [0.088957 − 0.075152] = 0.0069021
  const rows = additive([
    [{ region: 'EMEA', segment: 'Enterprise' }, 50, 30],
    [{ region: 'EMEA', segment: 'SMB' }, 50, 30],
    [{ region: 'NA', segment: 'Enterprise' }, 50, 50],
    [{ region: 'NA', segment: 'SMB' }, 50, 50],
    [{ region: 'APAC', segment: 'Enterprise' }, 25, 25],
    [{ region: 'APAC', segment: 'SMB' }, 25, 25],
  ]);

  it('names region = EMEA, with explanatory power 1 and the surprise computed by hand; segment explains nothing in particular', () => {
    const result = explain(rows);
    expect(result.dimensionScores).toHaveLength(1);
    const [region] = result.dimensionScores;
    expect(region!.dimension).toBe('region');
    expect(region!.elements.map((e) => e.value)).toEqual(['EMEA']);
    expect(region!.explanatoryPower).toBeCloseTo(1, 12);
    expect(region!.surprise).toBeCloseTo(0.006902140576747616, 12);
  });

  it('the top cause is region = EMEA, not one of its segments (the fall is spread evenly inside it)', () => {
    const result = explain(rows);
    expect(result.causes[0]!.slice).toEqual({ region: 'EMEA' });
    expect(result.causes[0]!.ripple).toBeCloseTo(1, 12);
    expect(result.causes[0]).toMatchObject({ contribution: -40, share: 1, baseline: 100, current: 60 });
  });
});

describe('multi-dimensional causes, ranked by impact', () => {
  it('finds EMEA × Enterprise when only that combination fell, and a waterfall that starts with it', () => {
    const rows = cube((s) => (s.region === 'EMEA' && s.segment === 'Enterprise' ? 50 : s.region === 'NA' && s.source === 'inbound' ? 104 : 100));
    const result = explain(rows);
    expect(result.causes[0]!.slice).toEqual({ region: 'EMEA', segment: 'Enterprise' });
    expect(result.causes[0]!.contribution).toBe(-100);
    expect(result.waterfall[0]).toEqual({ slice: { region: 'EMEA', segment: 'Enterprise' }, contribution: -100 });
    expect(result.waterfall.reduce((s, w) => s + w.contribution, 0)).toBe(result.change);
    expect(result.change).toBe(-92);
  });

  it('a large slice that fell 20% ranks above a small one that fell 90%', () => {
    const result = explain(additive([
      [{ rep: 'small' }, 20, 2],
      [{ rep: 'large' }, 1000, 800],
      [{ rep: 'steady' }, 500, 505],
    ]));
    expect(result.causes.map((c) => c.slice.rep)).toEqual(['large', 'small']);
    expect(result.causes.map((c) => c.contribution)).toEqual([-200, -18]);
  });

  it('a bounded search says when it stopped early', () => {
    const rows = cube((s) => (s.region === 'EMEA' ? 50 : 100));
    expect(explain(rows, undefined, { maxCandidates: 5 }).truncated).toBe(true);
    expect(explain(rows).truncated).toBe(false);
  });

  it('slices that moved against the change are ranked after those that moved with it', () => {
    const result = explain(additive([[{ region: 'EMEA' }, 100, 40], [{ region: 'NA' }, 100, 120], [{ region: 'APAC' }, 100, 95]]));
    // change = -60 + 20 - 5 = -45: EMEA carries 60/45 of it, APAC 5/45, NA offsets -20/45
    expect(result.causes.map((c) => [c.slice.region, c.share])).toEqual([['EMEA', 60 / 45], ['APAC', 5 / 45], ['NA', -20 / 45]]);
  });
});

describe('ripple-effect score', () => {
  it('by hand: region = A alone reproduces every leaf (1); segment = x does not (0.134)', () => {
    // A-x, A-y 100 → 50; B-x, B-y unchanged. segment = x predicts A-x and B-x at 100 × 150/200 = 75:
    // ‖v − a‖ = √(25² + 25² + 50²) = √3750; ‖v − f‖ = √(50² + 50²) = √5000; 1 − √(3750/5000) = 0.1339746
    const table = buildLeafTable(additive([
      [{ region: 'A', segment: 'x' }, 100, 50],
      [{ region: 'A', segment: 'y' }, 100, 50],
      [{ region: 'B', segment: 'x' }, 100, 100],
      [{ region: 'B', segment: 'y' }, 100, 100],
    ]), { baseline: 400, current: 300 }) as LeafTable;
    const score = rippleScorer(table);
    const slice = (constraints: [number, string][], members: number[]) => ({ constraints, key: '', members, contribution: 0 });
    expect(score(slice([[0, 'A']], [0, 1]))).toBeCloseTo(1, 12);
    expect(score(slice([[1, 'x']], [0, 2]))).toBeCloseTo(0.1339745962155614, 12);
    expect(score(slice([[0, 'B']], [2, 3]))).toBe(0);
  });
});

describe("ratios: mix shift apart from rate change (Simpson's paradox)", () => {
  // Win rate by segment. Baseline: Enterprise 40 of 100 (40%), SMB 10 of 100 (10%): 50/200 = 25%.
  // Current: Enterprise 21 of 50 (42%), SMB 22 of 200 (11%): 43/250 = 17.2%. Both rose; the total fell 7.8 pts.
  // R̄ = (0.25 + 0.172)/2 = 0.211.
  // Enterprise: w 0.5 → 0.2, r 0.40 → 0.42: rate = 0.35 × 0.02 = 0.007;  mix = −0.3 × (0.41 − 0.211) = −0.0597
  // SMB:        w 0.5 → 0.8, r 0.10 → 0.11: rate = 0.65 × 0.01 = 0.0065; mix = +0.3 × (0.105 − 0.211) = −0.0318
  // rate 0.0135 + mix −0.0915 = −0.078 = 0.172 − 0.25
  const rows: SliceRows = {
    kind: 'ratio',
    rows: [
      { slice: { segment: 'Enterprise' }, baseline: { numerator: 40, denominator: 100 }, current: { numerator: 21, denominator: 50 } },
      { slice: { segment: 'SMB' }, baseline: { numerator: 10, denominator: 100 }, current: { numerator: 22, denominator: 200 } },
    ],
  };

  it('reports a rate gain and a larger mix loss, and names the paradox', () => {
    const result = explain(rows, { baseline: 0.25, current: 0.172 });
    expect(result.change).toBeCloseTo(-0.078, 12);
    expect(result.mixRate!.rate).toBeCloseTo(0.0135, 12);
    expect(result.mixRate!.mix).toBeCloseTo(-0.0915, 12);
    expect(result.mixRate!.paradox).toEqual(['segment']);
    const enterprise = result.causes.find((c) => c.slice.segment === 'Enterprise')!;
    expect(enterprise.rate).toBeCloseTo(0.007, 12);
    expect(enterprise.mix).toBeCloseTo(-0.0597, 12);
    expect(enterprise.baseline).toBeCloseTo(0.4, 12);
    expect(enterprise.current).toBeCloseTo(0.42, 12);
    expect(enterprise.volumeShare).toEqual({ baseline: 0.5, current: 0.2 });
  });

  it('no paradox when a slice’s own rate fell with the total', () => {
    const worse: SliceRows = { kind: 'ratio', rows: [
      { slice: { segment: 'Enterprise' }, baseline: { numerator: 40, denominator: 100 }, current: { numerator: 30, denominator: 100 } },
      { slice: { segment: 'SMB' }, baseline: { numerator: 10, denominator: 100 }, current: { numerator: 11, denominator: 100 } },
    ] };
    const result = explain(worse);
    expect(result.mixRate!.paradox).toEqual([]);
    expect(result.mixRate!.mix).toBeCloseTo(0, 12);
    expect(result.causes[0]!.slice).toEqual({ segment: 'Enterprise' });
  });

  it('a slice that enters is pure mix, and the parts still add up', () => {
    const entering: SliceRows = { kind: 'ratio', rows: [
      { slice: { source: 'web' }, baseline: { numerator: 20, denominator: 100 }, current: { numerator: 20, denominator: 100 } },
      { slice: { source: 'partner' }, baseline: { numerator: 0, denominator: 0 }, current: { numerator: 30, denominator: 50 } },
    ] };
    const result = explain(entering);
    const partner = result.causes.find((c) => c.slice.source === 'partner')!;
    expect(partner.rate).toBe(0);
    expect(partner.baseline).toBeNull();
    expect(result.mixRate!.mix + result.mixRate!.rate).toBeCloseTo(50 / 150 - 0.2, 12);
  });
});

describe('bad input gets a reason', () => {
  const node = { baseline: 200, current: 150 };
  it.each([
    ['no rows', additive([]), node, 'no slices were given'],
    ['different dimensions', additive([[{ region: 'EMEA' }, 100, 50], [{ segment: 'SMB' }, 100, 100]]), node, 'mismatched slices: row 2 is sliced by segment, row 1 by region'],
    ['a slice twice', additive([[{ region: 'EMEA' }, 100, 50], [{ region: 'EMEA' }, 100, 100]]), node, 'mismatched slices: region=EMEA is given twice'],
    ['slices that do not make the total', additive([[{ region: 'EMEA' }, 100, 50], [{ region: 'NA' }, 90, 100]]), node, 'mismatched slices: they make 190 in the baseline, the metric is 200'],
    ['no change', additive([[{ region: 'EMEA' }, 100, 100]]), { baseline: 100, current: 100 }, 'the metric did not change: nothing to explain across slices'],
    ['a numerator without volume', { kind: 'ratio', rows: [{ slice: { region: 'EMEA' }, baseline: { numerator: 3, denominator: 0 }, current: { numerator: 1, denominator: 2 } }] } as SliceRows, { baseline: 0, current: 0.5 }, 'slice region=EMEA has a numerator but no denominator in the baseline'],
    ['no volume at all', { kind: 'ratio', rows: [{ slice: { region: 'EMEA' }, baseline: { numerator: 0, denominator: 0 }, current: { numerator: 1, denominator: 2 } }] } as SliceRows, { baseline: 0, current: 0.5 }, 'the slices have no denominator in the baseline: the ratio has no value'],
  ])('%s', (_, rows, node, reason) => {
    expect(explainSlices(rows, node)).toEqual({ ok: false, reason });
  });
});

describe('the waterfall adds up and never counts a leaf twice, for random slices', () => {
  it('500 seeded random tables, additive and ratio, up to 4 dimensions', () => {
    const random = seededRandom(6);
    for (let run = 0; run < 500; run++) {
      const dims = Array.from({ length: random.int(1, 4) }, (_, d) => ({ name: `d${d}`, values: Array.from({ length: random.int(1, 5) }, (_, v) => `v${v}`) }));
      const slices = dims.reduce<Slice[]>((acc, dim) => acc.flatMap((s) => dim.values.map((v) => ({ ...s, [dim.name]: v }))), [{}]);
      const amount = () => (random.next() < 0.1 ? 0 : Math.round(random.next() * 1000));
      const rows: SliceRows = random.next() < 0.5
        ? additive(slices.map((s) => [s, amount(), amount()]))
        : { kind: 'ratio', rows: slices.map((slice) => {
            const fraction = () => { const denominator = amount(); return { numerator: Math.round(denominator * random.next()), denominator }; };
            return { slice, baseline: fraction(), current: fraction() };
          }) };
      const node = rows.kind === 'additive' ? totals(rows) : ratioTotals(rows);
      const result = explainSlices(rows, node);
      if (!result.ok) {
        expect(result.reason).toMatch(/did not change|no denominator/);
        continue;
      }
      expect(result.change).toBeCloseTo(node.current - node.baseline, 9);
      expectSums(result.waterfall.map((w) => w.contribution), result.change);
      if (result.mixRate) expectSums([result.mixRate.mix, result.mixRate.rate], result.change);
      const named = result.waterfall.flatMap((w) => (w.slice ? [w.slice] : []));
      for (const [i, a] of named.entries())
        for (const b of named.slice(i + 1)) expect(Object.keys(a).some((d) => d in b && a[d] !== b[d]), `${JSON.stringify(a)} overlaps ${JSON.stringify(b)}`).toBe(true);
    }
  });
});
