import { weekdays, type Calendar, type Grain } from '../model/index.js';
import type { Dialect } from './dialect.js';

/**
 * SQL for the first day (a DATE) of the period containing `local`, a wall-clock date or
 * timestamp. The SQL twin of periodStart() in periods.ts.
 */
export function periodSql(
  dialect: Dialect,
  grain: Grain,
  calendar: Pick<Calendar, 'week_start' | 'fiscal_year_start_month'>,
  local: string,
): string {
  switch (grain) {
    case 'day':
      return dialect.castDate(local);
    case 'week': {
      const daysIntoWeek = dialect.mod(`${dialect.dayOfWeek(local)} + ${7 - weekdays.indexOf(calendar.week_start)}`, 7);
      return dialect.addDays(dialect.castDate(local), `-${daysIntoWeek}`);
    }
    case 'month':
      return dialect.truncate('month', local);
    case 'quarter':
    case 'year': {
      const shift = calendar.fiscal_year_start_month - 1;
      if (shift === 0) return dialect.truncate(grain, local);
      const shifted = dialect.addMonths(dialect.truncate('month', local), -shift);
      return dialect.addMonths(dialect.truncate(grain, shifted), shift);
    }
  }
}
