import { runAeWeek } from './ae-week.js';
import { growthFactor, holidayFactor, spanOf, weekMs, type Span } from './calendar.js';
import { CampaignCalendar } from './campaigns.js';
import { DemoError } from './demo-error.js';
import { defaultIncidentSpecs, resolveIncidents, type Incident, type IncidentSpec } from './incidents.js';
import { rates } from './org-config.js';
import { OrgState } from './org-state.js';
import { buildPeople, type People } from './people.js';
import { emitReportsAndDashboards, emitRolesStagesProducts, emitUsers } from './reference-rows.js';
import type { ColumnBatch } from './row-sink.js';
import { SdrDesk } from './sdr-week.js';
import { emitLogins, emitQuotas, seedBooks } from './team-rows.js';

export interface DemoOrgOptions {
  seed: number;
  /** The day the data ends (exclusive), YYYY-MM-DD. */
  asOf: string;
  months: number;
  /** Multiplies the headcount, and so every volume; 1 is a mid-size org. */
  scale: number;
  incidents: 'default' | 'none' | IncidentSpec[];
}

/** An org ready to generate: its span, its people and the incidents resolved against them. */
export interface DemoOrgPlan {
  options: DemoOrgOptions;
  span: Span;
  people: People;
  incidents: Incident[];
}

export interface OrgChunk {
  batches: ColumnBatch[];
  /** Share of the work done, 0–1 (by expected volume). */
  done: number;
}

export function planDemoOrg(options: DemoOrgOptions): DemoOrgPlan {
  const problems: string[] = [];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.asOf) || Number.isNaN(Date.parse(options.asOf))) problems.push(`as-of "${options.asOf}" is not a date written YYYY-MM-DD`);
  if (!Number.isInteger(options.months) || options.months < 1 || options.months > 120) problems.push(`months ${options.months} must be a whole number from 1 to 120`);
  if (!(options.scale > 0 && options.scale <= 1000)) problems.push(`scale ${options.scale} must be a number above 0 and at most 1000`);
  if (!Number.isSafeInteger(options.seed)) problems.push(`seed ${options.seed} must be a whole number`);
  if (problems.length > 0) throw new DemoError('input', problems.join('; '));
  const span = spanOf(options.asOf, options.months);
  const people = buildPeople(options.scale, options.seed);
  const specs = options.incidents === 'default' ? defaultIncidentSpecs(people, span) : options.incidents === 'none' ? [] : options.incidents;
  return { options, span, people, incidents: resolveIncidents(specs, people, span) };
}

/**
 * Generates the org week by week and hands out rows in chunks of about `chunkRows`, so that no
 * more than a few weeks of it are ever held in memory. Deterministic for the plan's options.
 */
export function* generateDemoOrg(plan: DemoOrgPlan, chunkRows = 5_000): Generator<OrgChunk> {
  const { span, people } = plan;
  const state = new OrgState(plan.options.seed, span, people, plan.incidents);
  const campaigns = new CampaignCalendar(span, plan.options.scale);
  const desk = new SdrDesk(state, campaigns);
  const lastLogin = new Float64Array(people.users.length);
  const weights = Array.from({ length: span.weeks }, (_, w) => growthFactor(span.start + w * weekMs, span.start, rates.growth));
  const total = weights.reduce((a, b) => a + b, 0) * 1.02;
  let done = 0;

  state.week = -1;
  emitRolesStagesProducts(state);
  campaigns.emit(state);
  seedBooks(state);
  yield { batches: state.sink.drain(), done: 0 };

  for (let week = 0; week < span.weeks; week++) {
    state.week = week;
    const monday = span.start + week * weekMs;
    const growth = growthFactor(monday, span.start, rates.growth);
    state.runDueJobs();
    emitQuotas(state, monday);
    for (const sdr of people.sdrs) {
      desk.runWeek(sdr, monday, { factor: growth * holidayFactor(monday, sdr.region!) * state.random(57, sdr.index, week).lognormal(0.12) });
      if (state.sink.size >= chunkRows) yield { batches: state.sink.drain(), done: done / total };
    }
    for (const ae of people.aes) {
      runAeWeek(state, campaigns, ae, monday, growth * holidayFactor(monday, ae.region!) * state.random(58, ae.index, week).lognormal(0.12));
      if (state.sink.size >= chunkRows) yield { batches: state.sink.drain(), done: done / total };
    }
    emitLogins(state, monday, lastLogin);
    done += weights[week]!;
    yield { batches: state.sink.drain(), done: done / total };
  }

  desk.finish();
  state.accounts.emitAll(state);
  emitUsers(state, lastLogin);
  emitReportsAndDashboards(state, plan.options.scale);
  yield { batches: state.sink.drain(), done: 1 };
}
