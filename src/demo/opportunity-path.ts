import { dayMs, quarterStart, startOfDay, weekday } from './calendar.js';
import { isActive, matchesSlice, type Incident, type SliceContext } from './incidents.js';
import { lossReasons, lostStage, passRates, regressionRate, stagnationRate, wonStage, type OpportunityType, type SegmentConfig } from './org-config.js';
import type { Random } from './random.js';

/**
 * The life of one opportunity, decided when it is created: its stage changes (with regressions
 * and stalls), its close, and the close-date pushes of a slipping deal. Incidents change it here.
 */

export interface PathStep {
  stage: number;
  at: number;
  /** The close date the opportunity showed after this change. */
  closeDate: number;
  /** A close-date push, not a stage change. */
  push?: boolean;
}

export interface OpportunityPath {
  steps: PathStep[];
  won: boolean;
  lossReason: string | null;
  /** Multiplies the amount (a deal-size incident). */
  amountFactor: number;
}

export interface PathInput {
  created: number;
  type: OpportunityType;
  segment: SegmentConfig;
  context: SliceContext;
  incidents: readonly Incident[];
}

const earlyLossReasons = lossReasons.filter((r) => ['No Decision', 'Timing', 'Product Fit', 'Went Dark'].includes(r));
const lateLossReasons = lossReasons.filter((r) => ['Price', 'Competitor', 'Budget', 'No Decision'].includes(r));

/** A weekday working hour on or after `ms`. */
function workingTime(ms: number, random: Random): number {
  let day = startOfDay(ms);
  const wd = weekday(day);
  if (wd >= 5) day += (7 - wd) * dayMs;
  return day + Math.round((8 + random.next() * 9) * 60) * 60_000;
}

export function simulatePath(random: Random, input: PathInput): OpportunityPath {
  const { created, type, incidents, context } = input;
  const relevant = incidents.filter((i) => i.kind !== 'activity' && matchesSlice(i, context));
  const pass = passRates[type];
  const stageDays = input.segment.stageDays * (type === 'Renewal' ? 0.7 : type === 'Expansion' ? 0.8 : 1);
  const passes: (boolean | undefined)[] = [];
  const firstEntry: number[] = [created];
  const steps: { stage: number; at: number }[] = [{ stage: 0, at: created }];
  let stage = 0;
  let t = created;
  let regressions = 0;
  for (;;) {
    let stay = stageDays * random.lognormal(0.45);
    if (random.chance(stagnationRate)) stay *= 3 + 2 * random.next();
    t = workingTime(t + stay * dayMs, random);
    if (stage >= 2 && regressions < 2 && random.chance(regressionRate)) {
      regressions += 1;
      stage -= 1;
      steps.push({ stage, at: t });
      continue;
    }
    if (passes[stage] === undefined) {
      let p = pass[stage]!;
      for (const i of relevant) if (i.kind === 'conversion' && i.fromStage === stage && isActive(i, firstEntry[stage]!)) p *= 1 + i.size;
      passes[stage] = random.next() < Math.min(p, 0.995);
    }
    if (!passes[stage]) {
      steps.push({ stage: lostStage, at: t });
      break;
    }
    stage += 1;
    steps.push({ stage, at: t });
    if (stage === wonStage) break;
    firstEntry[stage] ??= t;
  }

  pullIntoQuarter(steps, random);
  let close = steps.at(-1)!.at;
  const pushes: number[] = [];
  for (const i of relevant) {
    if ((i.kind !== 'cycle_length' && i.kind !== 'slip') || close < i.start || (i.end !== null && created >= i.end)) continue;
    if (i.kind === 'cycle_length') {
      for (const step of steps) step.at = created + (step.at - created) * (1 + i.size);
    } else {
      // The deal stalls where it stands when the slipping starts; its close date is pushed out, in steps.
      const from = Math.max(i.start, created + dayMs);
      const delay = Math.max(7 * dayMs, (close - created) * i.size);
      for (const step of steps) if (step.at > from) step.at += delay;
      const count = 1 + Math.floor(random.next() * 3);
      for (let k = 1; k <= count; k++) pushes.push(workingTime(from + (delay * k) / (count + 1), random));
    }
    close = steps.at(-1)!.at;
  }

  let won = steps.at(-1)!.stage === wonStage;
  for (const i of relevant) {
    if (i.kind !== 'win_rate' || !isActive(i, close)) continue;
    const beforeLoss = steps.at(-2)?.stage;
    if (won && i.size < 0 && random.chance(-i.size)) won = false;
    else if (!won && i.size > 0 && beforeLoss === 3 && random.chance(Math.min(1, i.size * 0.6))) won = true;
  }
  steps.at(-1)!.stage = won ? wonStage : lostStage;
  let amountFactor = 1;
  for (const i of relevant) if (i.kind === 'deal_size' && isActive(i, close)) amountFactor *= 1 + i.size;
  const lastOpen = steps.at(-2)?.stage ?? 0;
  const lossReason = won ? null : random.pick(lastOpen >= 2 ? lateLossReasons : earlyLossReasons);
  return { steps: withCloseDates(steps, pushes, stageDays), won, lossReason, amountFactor };
}

/** Deals that would close early next quarter are often pulled into the last weeks of this one. */
function pullIntoQuarter(steps: { stage: number; at: number }[], random: Random): void {
  const last = steps.at(-1)!;
  const quarter = quarterStart(last.at);
  const intoQuarter = last.at - quarter;
  const chance = last.stage === wonStage ? 0.6 : 0.25;
  if (intoQuarter > 28 * dayMs || !random.chance(chance)) return;
  const previous = steps.at(-2)!.at;
  let pulled = Math.max(quarter - Math.round(1 + random.next() * 10) * dayMs, startOfDay(previous) + dayMs) + (last.at % dayMs);
  if (weekday(pulled) >= 5) pulled -= (weekday(pulled) - 4) * dayMs;
  if (pulled > previous && pulled < quarter) last.at = pulled;
}

/** The close date each change showed: expected dates that move out as a deal runs late, the real one when closed. */
function withCloseDates(steps: { stage: number; at: number }[], pushes: number[], stageDays: number): PathStep[] {
  const endOfMonth = (ms: number) => {
    const d = new Date(ms);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0);
  };
  const all: PathStep[] = [
    ...steps.map((s): PathStep => ({ stage: s.stage, at: s.at, closeDate: 0 })),
    ...pushes.map((at): PathStep => ({ stage: -1, at, closeDate: 0, push: true })),
  ].sort((a, b) => a.at - b.at || Number(Boolean(a.push)) - Number(Boolean(b.push)));
  let expected = endOfMonth(steps[0]!.at + stageDays * 4.5 * dayMs);
  let stage = 0;
  for (const step of all) {
    if (step.push) {
      step.stage = stage;
      expected = Math.max(endOfMonth(expected + 20 * dayMs), endOfMonth(step.at + 14 * dayMs));
    } else {
      stage = step.stage;
      if (step.at > expected - 5 * dayMs) expected = endOfMonth(step.at + stageDays * Math.max(1, 4 - stage) * dayMs);
    }
    step.closeDate = step.stage >= wonStage ? startOfDay(step.at) : expected;
  }
  return all;
}
