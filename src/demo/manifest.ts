import { isoDate, type Span } from './calendar.js';
import type { Naming } from './demo-schema.js';
import type { Incident } from './incidents.js';
import { rates, stageNames } from './org-config.js';
import type { People } from './people.js';

/**
 * The ground truth of a demo org: which incidents were planted, which catalogue metrics they
 * should move, in which slice, from when, which way and by how much. Later issues test anomaly
 * detection and root-cause analysis against it; a run with no incidents is a control.
 */

export interface ManifestEffect {
  /** A catalogue metric id: win_rate, activities, pipeline_created … */
  metric: string;
  /** dimension=value pairs: region, segment, rep (user name), lead_source. */
  slice: Record<string, string>;
  /** Only part of the slice is planted on (activity of SDRs only): the users whose title names it. */
  population?: string;
  direction: 'up' | 'down';
  /** Expected relative change of the metric in the slice: -0.4 is a 40% fall. */
  relative_size: number;
  /** Weeks after the incident's start that the metric starts to move. */
  lag_weeks: number;
  /** The size is an estimate from the generator's rates, not the planted number itself. */
  approximate: boolean;
}

export interface ManifestEntry {
  id: string;
  kind: Incident['kind'];
  description: string;
  /** The metrics it should move, the first the one it is planted on. */
  metrics: string[];
  slice: Record<string, string>;
  /** ISO date of a Monday. */
  start: string;
  end: string | null;
  direction: 'up' | 'down';
  relative_size: number;
  effects: ManifestEffect[];
}

export interface DemoManifest {
  generator: 'kpitree demo-data';
  version: 1;
  seed: number;
  scale: number;
  as_of: string;
  months: number;
  /** The first Monday of the org and the as-of date (exclusive); weeks start on Monday. */
  span: { start: string; end: string; weeks: number };
  naming: Naming;
  target: string;
  schema: string;
  /** Rows written per table. */
  counts: Record<string, number>;
  /** No incidents: the org is a control. */
  control: boolean;
  incidents: ManifestEntry[];
}

const snake = (stage: string) => stage.toLowerCase().replace(/[^a-z]+/g, '_');

export function conversionMetricId(fromStage: number): string {
  return `stage_conversion_${snake(stageNames[fromStage]!)}_to_${snake(stageNames[fromStage + 1]!)}`;
}

/** The share of new-business pipeline that SDR meetings bring, by the generator's rates (measured at scale 1). */
const sdrPipelineShare = 0.62;

export function manifestEntry(incident: Incident, people: People): ManifestEntry {
  const slice = Object.fromEntries(Object.entries(incident.slice).filter(([, v]) => v !== undefined)) as Record<string, string>;
  const direction = incident.size < 0 ? 'down' : 'up';
  const effect = (metric: string, relative_size: number, lag_weeks = 0, approximate = false, population?: string): ManifestEffect => ({
    metric, slice, ...(population ? { population } : {}), direction, relative_size: round(relative_size), lag_weeks, approximate,
  });
  const effects: ManifestEffect[] = [];
  switch (incident.kind) {
    case 'conversion':
      effects.push(effect(conversionMetricId(incident.fromStage), incident.size));
      effects.push(effect('win_rate', incident.size * 0.5, 6, true));
      break;
    case 'activity': {
      if (incident.team !== null) {
        effects.push(effect('activities', incident.size, 0, false, incident.team));
        effects.push(effect('activities', incident.size * teamShare(incident, people), 0, true));
      } else {
        effects.push(effect('activities', incident.size));
      }
      const pipelineShare = incident.team === 'AE' ? 1 - sdrPipelineShare : incident.team === 'SDR' ? sdrPipelineShare : 1;
      effects.push(effect('meetings_held', effects.at(-1)!.relative_size, 3, true));
      effects.push(effect('pipeline_created', incident.size * pipelineShare, 4, true));
      break;
    }
    case 'win_rate':
      effects.push(effect('win_rate', incident.size, 0, incident.size > 0));
      break;
    case 'deal_size':
      effects.push(effect('average_deal_size', incident.size));
      break;
    case 'cycle_length':
    case 'slip':
      effects.push(effect('sales_cycle_length', incident.size * 0.8, 2, true));
      break;
  }
  return {
    id: incident.id,
    kind: incident.kind,
    description: incident.description,
    metrics: [...new Set(effects.map((e) => e.metric))],
    slice,
    start: isoDate(incident.start),
    end: incident.end === null ? null : isoDate(incident.end),
    direction,
    relative_size: effects[0]!.relative_size,
    effects,
  };
}

/** The share of a slice's activities that the planted team does, by headcount and weekly rates. */
function teamShare(incident: Incident, people: People): number {
  const inSlice = (u: People['users'][number]) =>
    (incident.slice.region === undefined || u.region === incident.slice.region) && (incident.slice.segment === undefined || u.segment === incident.slice.segment);
  const sdr = people.sdrs.filter(inSlice).reduce((sum, u) => sum + u.productivity * rates.sdrTasks, 0);
  const ae = people.aes.filter(inSlice).reduce((sum, u) => sum + u.productivity * rates.aeTasks, 0);
  const planted = incident.team === 'SDR' ? sdr : ae;
  return sdr + ae === 0 ? 0 : planted / (sdr + ae);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

export interface ManifestContext {
  seed: number;
  scale: number;
  asOf: string;
  months: number;
  span: Span;
  naming: Naming;
  target: string;
  schema: string;
  counts: Record<string, number>;
}

export function buildManifest(context: ManifestContext, incidents: readonly Incident[], people: People): DemoManifest {
  return {
    generator: 'kpitree demo-data',
    version: 1,
    seed: context.seed,
    scale: context.scale,
    as_of: context.asOf,
    months: context.months,
    span: { start: isoDate(context.span.start), end: isoDate(context.span.end), weeks: context.span.weeks },
    naming: context.naming,
    target: context.target,
    schema: context.schema,
    counts: context.counts,
    control: incidents.length === 0,
    incidents: incidents.map((incident) => manifestEntry(incident, people)),
  };
}
