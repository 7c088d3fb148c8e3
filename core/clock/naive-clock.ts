/**
 * The legal clock done the obvious way: read the schedules as sets and step one day at a time with `Date`.
 * Slow on purpose and sharing no code with the compiled calendar, it is the oracle the fast implementation
 * is tested against (one contract suite, two implementations) and the naive baseline for benchmarks.
 */
import { err, ok, type Result } from '../result.ts';
import type { DueDate, IsoDate, LegalClock, YearSchedule } from './types.ts';

/** The clock's questions, with the calendar already bound: what both implementations answer. */
export interface ClockImplementation {
  isWorkingDay(date: IsoDate): Result<boolean>;
  addWorkingDays(from: IsoDate, n: number): Result<IsoDate>;
  countWorkingDays(after: IsoDate, through: IsoDate): Result<number>;
  computeDueDate(clock: LegalClock, asOf: IsoDate): Result<DueDate>;
}

const DAY_MS = 86_400_000;

/** Epoch ms of UTC midnight of a strict, real `YYYY-MM-DD`, or null. */
const readDate = (text: string): number | null => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return null;
  const date = new Date(0);
  date.setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return date.toISOString().slice(0, 10) === text ? date.getTime() : null;
};

const writeDate = (ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10);

/** A clock over the schedules that checks each day it steps on. */
export const createNaiveClock = (years: readonly YearSchedule[]): ClockImplementation => {
  const known = new Set(years.map((schedule) => schedule.year));
  const holidays = new Set(years.flatMap((schedule) => schedule.holidays));
  const makeUp = new Set(years.flatMap((schedule) => schedule.makeUpWorkdays));

  const checkWorking = (ms: number): Result<boolean> => {
    const date = new Date(ms);
    const year = date.getUTCFullYear();
    if (!known.has(year)) return err('CALENDAR_YEAR_UNKNOWN', { year });
    const text = writeDate(ms);
    if (makeUp.has(text)) return ok(true);
    const weekday = date.getUTCDay();
    return ok(weekday !== 0 && weekday !== 6 && !holidays.has(text));
  };

  const readKnown = (text: string): Result<number> => {
    const ms = readDate(text);
    if (ms === null) return err('INVALID_DATE', { date: text });
    const checked = checkWorking(ms);
    return checked.ok ? ok(ms) : checked;
  };

  const isWorkingDay = (date: IsoDate): Result<boolean> => {
    const ms = readKnown(date);
    return ms.ok ? checkWorking(ms.value) : ms;
  };

  const addWorkingDays = (from: IsoDate, n: number): Result<IsoDate> => {
    if (!Number.isSafeInteger(n) || n < 0) return err('INVALID_INPUT', { n });
    const start = readKnown(from);
    if (!start.ok) return start;
    let ms = start.value;
    for (let counted = 0; counted < n; ) {
      ms += DAY_MS;
      const working = checkWorking(ms);
      if (!working.ok) return working;
      if (working.value) counted++;
    }
    return ok(writeDate(ms));
  };

  const countWorkingDays = (after: IsoDate, through: IsoDate): Result<number> => {
    const a = readKnown(after);
    if (!a.ok) return a;
    const b = readKnown(through);
    if (!b.ok) return b;
    const [low, high, sign] = a.value <= b.value ? [a.value, b.value, 1] : [b.value, a.value, -1];
    let count = 0;
    for (let ms = low + DAY_MS; ms <= high; ms += DAY_MS) if ((checkWorking(ms) as { value: boolean }).value) count++;
    return ok(count === 0 ? 0 : sign * count); // never -0
  };

  const computeDueDate = (clock: LegalClock, asOf: IsoDate): Result<DueDate> => {
    const start = readKnown(clock.startedOn);
    if (!start.ok) return start;
    const asOfMs = readDate(asOf);
    if (asOfMs === null) return err('INVALID_DATE', { date: asOf });
    const stretches: { from: number; to: number }[] = [];
    for (const suspension of clock.suspensions) {
      const from = readDate(suspension.from);
      const to = suspension.to === undefined ? asOfMs : readDate(suspension.to);
      if (from === null || to === null) return err('INVALID_DATE', { suspension });
      if (suspension.to !== undefined && to < from) return err('INVALID_INPUT', { suspension });
      stretches.push({ from, to });
    }
    const suspended = (ms: number): boolean =>
      ms > start.value && stretches.some((stretch) => stretch.from <= ms && ms <= stretch.to);
    const open = clock.suspensions.some((suspension) => suspension.to === undefined);
    const { unit, value } = clock.limit;
    if (unit === 'on_the_spot') return ok({ dueOn: clock.startedOn, suspendedDays: 0, suspended: open });
    if (!Number.isSafeInteger(value) || value < 0) return err('INVALID_INPUT', { value });
    const byWorkingDays = unit === 'working_days';
    let ms = start.value;
    for (let counted = 0; counted < value; ) {
      ms += DAY_MS;
      const working = checkWorking(ms);
      if (!working.ok) return working;
      if (!suspended(ms) && (working.value || !byWorkingDays)) counted++;
    }
    if (!byWorkingDays) {
      // 民法典 第二百零三条: a period ending on a rest day ends on the next working day instead.
      for (;;) {
        const working = checkWorking(ms);
        if (!working.ok) return working;
        if (working.value && !suspended(ms)) break;
        ms += DAY_MS;
      }
    }
    let suspendedDays = 0;
    for (let day = start.value + DAY_MS; day <= ms; day += DAY_MS) {
      if (suspended(day) && (!byWorkingDays || (checkWorking(day) as { value: boolean }).value)) suspendedDays++;
    }
    return ok({ dueOn: writeDate(ms), suspendedDays, suspended: open });
  };

  return { isWorkingDay, addWorkingDays, countWorkingDays, computeDueDate };
};
