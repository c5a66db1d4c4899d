import type { Grain } from '../../model/index.js';
import type { Slice } from '../series/series-types.js';

export const planStates = ['open', 'acknowledged', 'resolved', 'verified'] as const;
export type PlanState = (typeof planStates)[number];
export type PlanEventKind = 'opened' | 'acknowledged' | 'resolved' | 'verified' | 'reopened' | 'escalated' | 'recurred';

/** Who broke what: a metric's slice at a grain broke a trigger from a period on. */
export interface Breach {
  metric: string;
  grain: Grain;
  slice: Slice;
  trigger: string;
  /** The first period of the breach, 'YYYY-MM-DD'. */
  start: string;
}

/** The values a plan tracks as evaluations come and go. */
export interface PlanReading {
  period: string;
  value: number | null;
  thresholdLine: number | null;
}

export interface ActionPlan extends PlanReading {
  id: number;
  breach: Breach;
  state: PlanState;
  owner: string;
  accountable: string | null;
  action: string;
  /** ISO UTC timestamps. */
  dueAt: string;
  reviewAt: string | null;
  escalatedAt: string | null;
  escalatedTo: string | null;
  recurrenceOf: number | null;
  openedAt: string;
  updatedAt: string;
}

export interface PlanEvent {
  id: number;
  planId: number;
  at: string;
  /** A person id, or "kpitree" for the evaluation. */
  actor: string;
  event: PlanEventKind;
  fromState: PlanState | null;
  toState: PlanState;
  note: string | null;
}
