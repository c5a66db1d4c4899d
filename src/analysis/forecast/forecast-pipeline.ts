import { standardNormalQuantile } from '../distributions.js';
import { unavailable, type Unavailable } from '../relations/result.js';

export interface OpenOpportunity {
  id?: string;
  stage: string;
  amount: number;
  /** Days since the opportunity was created (or entered its stage: use the same meaning in history). */
  ageDays: number;
}

/** A past opportunity as it stood at some stage and age, and how it ended. */
export interface PastOpportunity {
  stage: string;
  ageDays: number;
  won: boolean;
  /** Days from that snapshot to the win; needed only with horizonDays. */
  daysToClose?: number | null;
}

export interface PipelineForecastOptions {
  /** Upper bounds (days, exclusive) of the age buckets; the last bucket is open (default 30, 60, 90, 180). */
  ageBuckets?: number[];
  /** Count a past win only if it closed within this many days of the snapshot (default: any time). */
  horizonDays?: number;
  /** Pseudo-observations pulling a sparse cell's rate toward its stage's (and a stage's toward the overall rate); default 10. */
  priorStrength?: number;
  level?: number;
}

export interface WeightedOpportunity {
  id: string | null;
  stage: string;
  ageBucket: string;
  amount: number;
  /** Probability of winning (within the horizon) from history, and the history it rests on. */
  probability: number;
  expected: number;
  historyCount: number;
}

export interface PipelineForecast {
  ok: true;
  /** Σ amount × probability, with an interval treating the outcomes as independent. */
  expected: number;
  lower: number;
  upper: number;
  level: number;
  byStage: { stage: string; open: number; amount: number; expected: number; rate: number }[];
  opportunities: WeightedOpportunity[];
  warnings: string[];
}

/**
 * Revenue expected from the open pipeline: each open opportunity weighted by the historical win
 * rate of opportunities at the same stage and age (rates shrunk toward the stage's and the overall
 * rate where history is thin). A pure function over arrays.
 */
export function forecastPipeline(open: readonly OpenOpportunity[], history: readonly PastOpportunity[], options: PipelineForecastOptions = {}): PipelineForecast | Unavailable {
  const validHistory = history.filter((h) => Number.isFinite(h.ageDays) && typeof h.stage === 'string');
  if (validHistory.length === 0) return unavailable('there is no history of past opportunities to learn conversion from');
  const bounds = [...(options.ageBuckets ?? [30, 60, 90, 180])].sort((a, b) => a - b);
  const bucketOf = (age: number) => {
    const i = bounds.findIndex((b) => age < b);
    return i < 0 ? `${bounds.at(-1) ?? 0}+ days` : `${i === 0 ? 0 : bounds[i - 1]}–${bounds[i]} days`;
  };
  const horizon = options.horizonDays;
  const converted = (h: PastOpportunity) => h.won && (horizon === undefined || (h.daysToClose !== null && h.daysToClose !== undefined && h.daysToClose <= horizon));
  const m = options.priorStrength ?? 10;
  const count = (rows: readonly PastOpportunity[]) => ({ n: rows.length, won: rows.filter(converted).length });
  const overall = count(validHistory);
  const overallRate = overall.won / overall.n;
  const warnings: string[] = [];
  const invalid = open.filter((o) => !Number.isFinite(o.amount) || !Number.isFinite(o.ageDays));
  if (invalid.length) warnings.push(`${invalid.length} open opportunities without a numeric amount or age were left out`);
  const stageRates = new Map<string, number>();
  const weighted = open
    .filter((o) => !invalid.includes(o))
    .map((o): WeightedOpportunity => {
      const atStage = validHistory.filter((h) => h.stage === o.stage);
      if (!stageRates.has(o.stage)) {
        const s = count(atStage);
        if (s.n === 0) warnings.push(`stage "${o.stage}" has no history; the overall win rate is used`);
        stageRates.set(o.stage, (s.won + m * overallRate) / (s.n + m));
      }
      const bucket = bucketOf(o.ageDays);
      const cell = count(atStage.filter((h) => bucketOf(h.ageDays) === bucket));
      const probability = (cell.won + m * stageRates.get(o.stage)!) / (cell.n + m);
      return { id: o.id ?? null, stage: o.stage, ageBucket: bucket, amount: o.amount, probability, expected: o.amount * probability, historyCount: cell.n };
    });
  const expected = weighted.reduce((s, w) => s + w.expected, 0);
  const variance = weighted.reduce((s, w) => s + w.amount ** 2 * w.probability * (1 - w.probability), 0);
  const level = options.level ?? 0.9;
  const half = standardNormalQuantile((1 + level) / 2) * Math.sqrt(variance);
  const stages = [...new Set(weighted.map((w) => w.stage))];
  return {
    ok: true,
    expected,
    lower: Math.max(0, expected - half),
    upper: expected + half,
    level,
    byStage: stages.map((stage) => {
      const rows = weighted.filter((w) => w.stage === stage);
      const amount = rows.reduce((s, w) => s + w.amount, 0);
      const stageExpected = rows.reduce((s, w) => s + w.expected, 0);
      return { stage, open: rows.length, amount, expected: stageExpected, rate: amount !== 0 ? stageExpected / amount : stageRates.get(stage)! };
    }),
    opportunities: weighted,
    warnings,
  };
}
