/** Small arithmetic shared by the report's sections: rates that keep their parts, means that are null when empty. */
import { dayNumberOf } from '../clock/iso-date.ts';
import type { ReportRate } from './types.ts';

/** A rate with its parts; null (never NaN) when there is nothing to divide by. */
export const makeRate = (numerator: number, denominator: number): ReportRate => ({
  numerator,
  denominator,
  value: denominator === 0 ? null : numerator / denominator,
});

/** sum / count, or null for an empty count. */
export const divideOrNull = (sum: number, count: number): number | null => (count === 0 ? null : sum / count);

/**
 * The day number of a record's date. Records come from the worker's own storage, so a malformed date is a bug
 * upstream, not a user's mistake: it throws RangeError (user text goes through checkReportPeriod first).
 */
export const readDay = (date: string, what: string): number => {
  const day = dayNumberOf(date);
  if (Number.isNaN(day)) throw new RangeError(`${what} is not a YYYY-MM-DD date: ${String(date)}`);
  return day;
};

/** A count read from a record: a non-negative integer, or RangeError (a bug upstream, as for dates). */
export const readCount = (value: number, what: string): number => {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${what} is not a non-negative integer: ${value}`);
  return value;
};

/** A finite non-negative amount (milliseconds, days). */
export const readAmount = (value: number, what: string): number => {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${what} is not a non-negative number: ${value}`);
  return value;
};
