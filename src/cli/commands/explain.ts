import type { Calendar, Grain } from '../../model/index.js';
import { baselinePeriod, InvestigateError, investigateChange, type Baseline } from '../../investigate/index.js';
import { openProjectStore } from '../../project/index.js';
import { addPeriods, periodLabel, periodStart } from '../../semantic/index.js';
import { RuntimeFailure, UsageError } from '../cli-error.js';
import type { CliIo } from '../io.js';
import { openProject } from '../open-project.js';
import { parseGrain, parsePeriodOption, todayIso } from '../parse-options.js';
import { renderExplanation } from '../render-explanation.js';

export interface ExplainOptions {
  project?: string;
  from?: string;
  to: string;
  vs?: string;
  grain?: string;
  tree?: string;
  format: string;
}

/** kpitree explain <metric>: why it changed between two stored periods, through the tree and across slices. Reads the store only. */
export async function explainCommand(metric: string, options: ExplainOptions, io: CliIo): Promise<void> {
  if (options.format !== 'text' && options.format !== 'json') throw new UsageError(`--format: "${options.format}" is not a format; use text or json`);
  if (options.from !== undefined && options.vs !== undefined) throw new UsageError('give the baseline once: --from <period> or --vs prior|last-year|<period>');
  const open = await openProject(options.project, io);
  const calendar = open.project.config.calendar;
  const grain = options.grain ? parseGrain(options.grain) : grainOf(options.to);
  const current = periodStart(parsePeriodOption('to', options.to, calendar).first, grain, calendar);
  const baseline = options.from !== undefined ? startOf('from', options.from, grain, calendar) : baselinePeriod(current, parseBaseline(options.vs ?? 'prior', grain, calendar), grain);
  if (options.from !== undefined && baseline >= current) throw new UsageError(`--from (${options.from}) must be before --to (${options.to})`);
  const today = todayIso(io.now(), calendar.timezone);
  if (current <= today && today < addPeriods(current, 1, grain)) {
    io.stderr(`warning: ${periodLabel(current, grain, calendar)} is not over yet: its values so far are compared with a whole ${grain}\n`);
  }
  const store = await openProjectStore(open.project, open.dir, io.env);
  try {
    const investigation = await investigateChange(store, open.project, { metric, grain, baseline, current, ...(options.tree ? { tree: options.tree } : {}) });
    io.stdout(options.format === 'json' ? `${JSON.stringify(investigation, null, 2)}\n` : renderExplanation(investigation));
  } catch (error) {
    if (error instanceof InvestigateError) throw error.kind === 'input' ? new UsageError(error.message, error.details) : new RuntimeFailure(error.message, error.details);
    throw error;
  } finally {
    await store.close();
  }
}

/** The grain a period is written in: 2026-Q2 a quarter, 2026-05 a month, 2026 a year, a date its week. */
function grainOf(text: string): Grain {
  if (/Q[1-4]$/i.test(text)) return 'quarter';
  if (/^\d{4}-\d{2}$/.test(text)) return 'month';
  if (/^(FY)?\d{4}$/i.test(text)) return 'year';
  return 'week';
}

function parseBaseline(text: string, grain: Grain, calendar: Calendar): Baseline {
  if (text === 'prior' || text === 'last-year') return text;
  if (!/^(FY)?\d{4}/i.test(text)) throw new UsageError(`--vs: "${text}" is not a baseline; use prior, last-year or a period`);
  return { period: startOf('vs', text, grain, calendar) };
}

function startOf(flag: string, text: string, grain: Grain, calendar: Calendar): string {
  return periodStart(parsePeriodOption(flag, text, calendar).first, grain, calendar);
}
