/** The report's period as the route receives it: `from` and `to` as text, checked before any figure is read. */
import { dayNumberOf } from '../clock/iso-date.ts';
import { err, ok, type Result } from '../result.ts';
import type { IsoDate } from '../clock/types.ts';

/** A leap year of days: a year-on-year report fits, a runaway range (one row per day) does not. */
export const MAX_REPORT_DAYS = 366;

/**
 * Checks a requested period: real `YYYY-MM-DD` dates (INVALID_DATE), `from` not after `to` and at most
 * MAX_REPORT_DAYS days long (INVALID_INPUT with `reason`). buildHallReport trusts a checked period.
 */
export const checkReportPeriod = (
  from: string,
  to: string,
  maxDays: number = MAX_REPORT_DAYS,
): Result<{ readonly from: IsoDate; readonly to: IsoDate; readonly days: number }> => {
  const first = dayNumberOf(from);
  if (Number.isNaN(first)) return err('INVALID_DATE', { date: from, field: 'from' });
  const last = dayNumberOf(to);
  if (Number.isNaN(last)) return err('INVALID_DATE', { date: to, field: 'to' });
  if (first > last) return err('INVALID_INPUT', { reason: 'from-after-to', from, to });
  const days = last - first + 1;
  if (days > maxDays) return err('INVALID_INPUT', { reason: 'period-too-long', days, maxDays });
  return ok({ from, to, days });
};
