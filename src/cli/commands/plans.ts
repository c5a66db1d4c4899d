import { formatTime } from '../../actions/index.js';
import { didYouMean, type Project } from '../../model/index.js';
import { openProjectStore } from '../../project/index.js';
import { listPlanEvents, listPlans, planStates, readPlan, type ActionPlan, type PlanState } from '../../store/index.js';
import { UsageError } from '../cli-error.js';
import type { CliIo } from '../io.js';
import { openProject } from '../open-project.js';
import { parseFormat } from '../parse-options.js';
import { renderRows } from '../render-rows.js';

export interface PlansOptions {
  project?: string;
  owner?: string;
  state?: string;
  format: string;
}

/** kpitree plans: action plans from the store, by owner (or the person escalated to) and state. */
export async function plansCommand(options: PlansOptions, io: CliIo): Promise<void> {
  const format = parseFormat(options.format);
  const open = await openProject(options.project, io);
  if (options.owner !== undefined) checkPerson(open.project, options.owner, '--owner');
  const state = options.state === undefined ? undefined : parseState(options.state);
  const store = await openProjectStore(open.project, open.dir, io.env);
  try {
    const plans = await listPlans(store, { ...(options.owner ? { owner: options.owner } : {}), ...(state ? { state } : {}) });
    if (plans.length === 0 && format === 'table') io.stderr('No action plans match: kpitree plans evaluate opens them after a sync.\n');
    else io.stdout(renderRows(planRows(plans), format));
  } finally {
    await store.close();
  }
}

/** kpitree plans show <id>: one plan and its history, who did what and when. */
export async function planShowCommand(id: string, options: Omit<PlansOptions, 'owner' | 'state'>, io: CliIo): Promise<void> {
  const format = parseFormat(options.format);
  const planId = parsePlanId(id);
  const open = await openProject(options.project, io);
  const store = await openProjectStore(open.project, open.dir, io.env);
  try {
    const plan = await readPlan(store, planId);
    if (!plan) throw new UsageError(`there is no action plan ${planId}; list them with: kpitree plans`);
    const events = await listPlanEvents(store, planId);
    if (format === 'json') {
      io.stdout(`${JSON.stringify({ ...plan, history: events }, null, 2)}\n`);
      return;
    }
    io.stdout(renderRows(planRows([plan]), format));
    if (format === 'table') io.stdout(`\n${plan.action}\n\n`);
    io.stdout(renderRows({
      columns: ['at', 'who', 'event', 'state', 'note'],
      raw: events.map((e) => ({ at: e.at, who: e.actor, event: e.event, state: e.toState, note: e.note })),
      display: events.map((e) => [formatTime(e.at), e.actor, e.event, `${e.fromState ?? ''}→${e.toState}`, e.note ?? '']),
    }, format));
  } finally {
    await store.close();
  }
}

export function parsePlanId(text: string): number {
  const id = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(id) || id < 1) throw new UsageError(`"${text}" is not a plan id (a whole number, as kpitree plans lists them)`);
  return id;
}

export function checkPerson(project: Project, person: string, flag: string): void {
  if (project.owners.people.some((p) => p.id === person)) return;
  const hint = didYouMean(person, project.owners.people.map((p) => p.id));
  throw new UsageError(`${flag}: unknown person "${person}" in owners.yaml${hint ? ` (${hint})` : ''}`);
}

function parseState(text: string): PlanState {
  if (!(planStates as readonly string[]).includes(text)) throw new UsageError(`--state: "${text}" is not a plan state; use one of ${planStates.join(', ')}`);
  return text as PlanState;
}

function planRows(plans: ActionPlan[]) {
  const slice = (p: ActionPlan) => Object.entries(p.breach.slice).map(([k, v]) => `${k}=${v ?? '(none)'}`).join(',');
  return {
    columns: ['plan', 'metric', 'slice', 'trigger', 'since', 'state', 'owner', 'due', 'escalated_to', 'value', 'threshold'],
    numeric: ['plan', 'value', 'threshold'],
    raw: plans.map((p) => ({
      plan: p.id, metric: p.breach.metric, slice: slice(p), trigger: p.breach.trigger, since: p.breach.start, state: p.state, owner: p.owner,
      due: p.dueAt, escalated_to: p.escalatedTo, value: p.value, threshold: p.thresholdLine,
    })),
    display: plans.map((p) => [
      String(p.id), p.breach.metric, slice(p), p.breach.trigger, `${p.breach.grain} of ${p.breach.start}`, p.state, p.owner, formatTime(p.dueAt),
      p.escalatedTo ?? '', p.value === null ? '–' : String(Number(p.value.toPrecision(4))), p.thresholdLine === null ? '–' : String(Number(p.thresholdLine.toPrecision(4))),
    ]),
    json: plans,
  };
}
