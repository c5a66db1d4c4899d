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
  const to = options.to ? parsePeriodOption('to', options.to, calendar).last : today;
  const from = options.from
    ? parsePeriodOption('from', options.from, calendar).first
    : addPeriods(periodStart(to, grain, calendar), 1 - defaultPeriods[grain], grain);
  if (from > to) throw new UsageError(`--from (${options.from ?? from}) is after --to (${options.to ?? to})`);
  return { from, to };
}

/** Today's date in the calendar's time zone: at 22:00 on April 30 in New York, it is still April. */
/** A period flag (--from, --to, --period) as its first and last day. */
export function parsePeriodOption(flag: string, text: string, calendar: Calendar): { first: string; last: string } {
  const period = parsePeriod(text, calendar);
  if (!period) throw new UsageError(`--${flag}: "${text}" is not a period; ${periodFormatsHint(calendar)}`);
  return period;
}

export function todayIso(now: Date, timezone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now).map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}`;
}

export function parseDimensions(text: string | undefined): string[] {
  return text ? text.split(',').map((d) => d.trim()).filter(Boolean) : [];
}

/**
 * --where region=EMEA,NA  or  region!=EMEA. A value with a comma is quoted: region="Acme, Inc."
 * (a quote inside is doubled); (none) stands for a missing value, "(none)" for that text.
 */
export function parseFilter(text: string): DimensionFilter {
  const match = /^([A-Za-z_][A-Za-z0-9_]*)\s*(!?=)\s*(.*)$/.exec(text);
  if (!match) throw new UsageError(`--where: "${text}" should read dimension=value (or dimension!=value), e.g. region=EMEA`);
  const values = splitValues(match[3]!, text);
  return {
    dimension: match[1]!,
    values: values.map((v) => (v.quoted || v.text !== '(none)' ? v.text : null)),
    ...(match[2] === '!=' ? { exclude: true } : {}),
  };
}

function splitValues(list: string, whole: string): { text: string; quoted: boolean }[] {
  const values: { text: string; quoted: boolean }[] = [];
  let i = 0;
  for (;;) {
    while (list[i] === ' ') i++;
    let text = '';
    let quoted = false;
    if (list[i] === '"') {
      quoted = true;
      for (i++; ; i++) {
        if (i >= list.length) throw new UsageError(`--where: "${whole}" has an unclosed quote`);
        if (list[i] === '"' && list[i + 1] === '"') text += list[++i];
        else if (list[i] === '"') break;
        else text += list[i];
      }
      i++;
      while (list[i] === ' ') i++;
    } else {
      while (i < list.length && list[i] !== ',') text += list[i++];
      text = text.trim();
    }
    if (!quoted && text === '') throw new UsageError(`--where: "${whole}" has an empty value; write (none) for a missing value`);
    values.push({ text, quoted });
    if (i >= list.length) return values;
    if (list[i] !== ',') throw new UsageError(`--where: "${whole}": expected a comma after a quoted value`);
    i++;
  }
}
