import { isoDate, parseIsoDate, weekMs, weekStart, type Span } from './calendar.js';
import { DemoError } from './demo-error.js';
import { leadSourceNames, regionNames, segmentNames, stageNames } from './org-config.js';
import type { People, Person } from './people.js';

/**
 * Incidents planted in the org: a change of one mechanism (a stage conversion, activity volume,
 * win rate, deal size, cycle length, close dates slipping) in one slice from a start week.
 */

export const incidentKinds = ['conversion', 'activity', 'win_rate', 'deal_size', 'cycle_length', 'slip'] as const;
export type IncidentKind = (typeof incidentKinds)[number];
export const sliceDimensions = ['region', 'segment', 'rep', 'lead_source'] as const;
export type IncidentSlice = Partial<Record<(typeof sliceDimensions)[number], string>>;

/** An incident as written in a file: start and end as ISO dates or week numbers of the span (0 = its first week). */
export interface IncidentSpec {
  id?: string;
  kind: IncidentKind;
  description?: string;
  slice?: IncidentSlice;
  /** Relative change: -0.4 is a 40% fall, 0.5 a 50% rise. */
  size: number;
  start: string | number;
  end?: string | number | null;
  /** For conversion: adjacent stages, e.g. Proposal → Negotiation. */
  from_stage?: string;
  to_stage?: string;
  /** For activity: only AEs or only SDRs (default both). */
  team?: 'AE' | 'SDR';
}

export interface Incident {
  id: string;
  kind: IncidentKind;
  description: string;
  slice: IncidentSlice;
  size: number;
  /** A Monday, UTC ms. */
  start: number;
  end: number | null;
  fromStage: number;
  team: 'AE' | 'SDR' | null;
}

/** What an opportunity-level incident matches on. */
export interface SliceContext {
  region: string | null;
  segment: string | null;
  rep: string;
  leadSource: string | null;
}

export function isActive(incident: Incident, ms: number): boolean {
  return ms >= incident.start && (incident.end === null || ms < incident.end);
}

export function matchesSlice(incident: Incident, context: SliceContext): boolean {
  const { region, segment, rep, lead_source } = incident.slice;
  return (
    (region === undefined || region === context.region) &&
    (segment === undefined || segment === context.segment) &&
    (rep === undefined || rep === context.rep) &&
    (lead_source === undefined || lead_source === context.leadSource)
  );
}

/** Activity volume of a rep in the week starting at `monday`, relative to no incident. */
export function activityFactor(incidents: readonly Incident[], rep: Person, monday: number): number {
  let factor = 1;
  for (const incident of incidents) {
    if (incident.kind !== 'activity' || !isActive(incident, monday)) continue;
    if (incident.team !== null && incident.team !== rep.team) continue;
    if (matchesSlice(incident, { region: rep.region, segment: rep.segment, rep: rep.name, leadSource: null })) factor *= 1 + incident.size;
  }
  return factor;
}

/** The three incidents of the issue, placed in the span (week 60 when the span is long enough). */
export function defaultIncidentSpecs(people: People, span: Span): IncidentSpec[] {
  const week = (wanted: number, share: number) => Math.min(wanted, Math.floor(span.weeks * share));
  const slipping = people.aes.find((u) => u.region === 'NA' && u.segment === 'Mid-Market') ?? people.aes[0]!;
  return [
    {
      id: 'emea-enterprise-proposal-conversion',
      kind: 'conversion', from_stage: 'Proposal', to_stage: 'Negotiation', slice: { region: 'EMEA', segment: 'Enterprise' }, size: -0.4, start: week(60, 0.6),
      description: 'Proposal → Negotiation conversion falls 40% in EMEA Enterprise',
    },
    {
      id: 'na-sdr-activity-drop',
      kind: 'activity', team: 'SDR', slice: { region: 'NA' }, size: -0.3, start: week(70, 0.7),
      description: 'SDR activity in NA drops 30%; meetings follow 2–3 weeks later and pipeline created about 4 weeks later',
    },
    {
      id: 'rep-deals-slip',
      kind: 'slip', slice: { rep: slipping.name }, size: 0.6, start: week(78, 0.76),
      description: `${slipping.name}'s deals slip: close dates are pushed out, cycles run 60% longer`,
    },
  ];
}

/** Checks specs against the org and the span, and turns them into incidents; every problem is reported at once. */
export function resolveIncidents(specs: readonly IncidentSpec[], people: People, span: Span): Incident[] {
  const problems: string[] = [];
  const repNames = new Set(people.users.filter((u) => u.team === 'AE' || u.team === 'SDR').map((u) => u.name));
  const allowed: Record<string, ReadonlySet<string>> = { region: new Set(regionNames), segment: new Set(segmentNames), rep: repNames, lead_source: new Set(leadSourceNames) };
  const incidents = specs.map((spec, i) => {
    const where = `incident ${spec.id ?? i + 1}`;
    const slice = spec.slice ?? {};
    for (const [dimension, value] of Object.entries(slice)) {
      if (!(dimension in allowed)) problems.push(`${where}: slice dimension "${dimension}" is not one of ${sliceDimensions.join(', ')}`);
      else if (!allowed[dimension]!.has(value!)) problems.push(`${where}: ${dimension} "${value}" is not in the org${dimension === 'rep' ? ' (a rep is named as user.name, e.g. ' + [...repNames][0] + ')' : ''}`);
    }
    if (!(spec.size > -1 && spec.size <= 5)) problems.push(`${where}: size ${spec.size} must be above -1 (a fall of less than 100%) and at most 5`);
    if (spec.kind === 'activity' && slice.lead_source !== undefined) problems.push(`${where}: activity cannot be sliced by lead_source`);
    if (spec.kind === 'activity' && spec.team === 'SDR' && slice.segment !== undefined) problems.push(`${where}: SDRs have no segment`);
    let fromStage = -1;
    if (spec.kind === 'conversion') {
      fromStage = stageNames.indexOf(spec.from_stage ?? '');
      if (fromStage < 0 || fromStage > 3 || spec.to_stage !== stageNames[fromStage + 1]) {
        problems.push(`${where}: a conversion names two adjacent stages, from_stage and to_stage (${stageNames.slice(0, 5).join(' → ')})`);
      }
    }
    const start = weekOf(spec.start, span, `${where}: start`, problems);
    const end = spec.end === undefined || spec.end === null ? null : weekOf(spec.end, span, `${where}: end`, problems);
    if (start >= span.end) problems.push(`${where}: start ${isoDate(start)} is not before the as-of date ${isoDate(span.end)}`);
    if (end !== null && end <= start) problems.push(`${where}: end must be after start`);
    return {
      id: spec.id ?? `incident-${i + 1}`,
      kind: spec.kind,
      description: spec.description ?? describe(spec),
      slice,
      size: spec.size,
      start,
      end,
      fromStage,
      team: spec.team ?? null,
    };
  });
  const ids = incidents.map((i) => i.id);
  for (const id of new Set(ids.filter((id, k) => ids.indexOf(id) !== k))) problems.push(`incident id "${id}" is used twice`);
  if (problems.length > 0) throw new DemoError('input', `the incidents have ${problems.length} problem${problems.length === 1 ? '' : 's'}`, problems);
  return incidents;
}

function weekOf(value: string | number, span: Span, where: string, problems: string[]): number {
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 0) problems.push(`${where}: week ${value} is not a week number (0 = the first week of the span)`);
    return span.start + value * weekMs;
  }
  const ms = parseIsoDate(value);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(ms)) {
    problems.push(`${where}: "${value}" is neither a date (YYYY-MM-DD) nor a week number`);
    return span.start;
  }
  if (ms < span.start) problems.push(`${where}: ${value} is before the span starts (${isoDate(span.start)})`);
  return weekStart(ms);
}

function describe(spec: IncidentSpec): string {
  const slice = Object.entries(spec.slice ?? {}).map(([k, v]) => `${k}=${v}`).join(', ') || 'the whole org';
  const change = `${spec.size < 0 ? 'falls' : 'rises'} ${Math.round(Math.abs(spec.size) * 100)}%`;
  const what = spec.kind === 'conversion' ? `${spec.from_stage} → ${spec.to_stage} conversion` : spec.kind === 'slip' ? 'close-date slippage (cycle length)' : spec.kind.replace('_', ' ');
  return `${what} ${change} in ${slice}`;
}
