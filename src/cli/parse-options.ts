import { grainSchema, type Calendar, type Grain } from '../model/index.js';
import { addPeriods, parsePeriod, periodFormatsHint, periodStart, type DimensionFilter } from '../semantic/index.js';
import { UsageError } from './cli-error.js';
import { outputFormats, type OutputFormat } from './render-rows.js';

export function parseGrain(text: string): Grain {
  const parsed = grainSchema.safeParse(text);
  if (!parsed.success) throw new UsageError(`--grain: "${text}" is not a grain; use one of ${grainSchema.options.join(', ')}`);
  return parsed.data;
}

export function parseFormat(text: string): OutputFormat {
  if (!outputFormats.includes(text as OutputFormat)) throw new UsageError(`--format: "${text}" is not a format; use one of ${outputFormats.join(', ')}`);
  return text as OutputFormat;
}

/** How many periods a query shows when --from is not given. */
const defaultPeriods: Record<Grain, number> = { day: 30, week: 13, month: 12, quarter: 8, year: 5 };

/**
 * The date range of --from and --to, each a date, month, quarter or year; the range runs from the
 * first day of --from to the last day of --to. Without --to: today; without --from: a default span.
 */
export function parseRange(
  options: { from?: string; to?: string },
  grain: Grain,
  calendar: Calendar,
  today: string,
): { from: string; to: string } {
  const read = (flag: 'from' | 'to', text: string) => {
    const period = parsePeriod(text, calendar);
    if (!period) throw new UsageError(`--${flag}: "${text}" is not a period; ${periodFormatsHint(calendar)}`);
    return period;
  };
  const to = options.to ? read('to', options.to).last : today;
  const from = options.from
    ? read('from', options.from).first
    : addPeriods(periodStart(to, grain, calendar), 1 - defaultPeriods[grain], grain);
  if (from > to) throw new UsageError(`--from (${options.from ?? from}) is after --to (${options.to ?? to})`);
  return { from, to };
}

export function todayIso(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export function parseDimensions(text: string | undefined): string[] {
  return text ? text.split(',').map((d) => d.trim()).filter(Boolean) : [];
}

/** --where region=EMEA,NA  or  region!=EMEA; "(none)" stands for a missing value. */
export function parseFilter(text: string): DimensionFilter {
  const match = /^([A-Za-z_][A-Za-z0-9_]*)\s*(!?=)\s*(.*)$/.exec(text);
  if (!match) throw new UsageError(`--where: "${text}" should read dimension=value (or dimension!=value), e.g. region=EMEA`);
  const values = match[3]!.split(',').map((v) => v.trim());
  if (values.some((v) => v === '')) throw new UsageError(`--where: "${text}" has an empty value; write (none) for a missing value`);
  return {
    dimension: match[1]!,
    values: values.map((v) => (v === '(none)' ? null : v)),
    ...(match[2] === '!=' ? { exclude: true } : {}),
  };
}
