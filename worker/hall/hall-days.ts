import type { DayStats, HallState, IsoDate, ReportTicketDay } from '../../core/index.ts';
import type { SqlLike } from './hall-storage.ts';
import { formatLocalDay } from './present-hall.ts';

/**
 * The hall's closed days (日统计): the state keeps only today's and the previous day's counters, so each day is
 * written once, at its rollover, as a durable row of the hall's SQLite: sums and the wait histogram (which add
 * up over days, so a month's p95 is read from the merged histograms), never means or percentiles. Reports read a
 * range of them plus the live day.
 */

/** One day of the queue as a report takes it (core/reports ReportTicketDay), with a few more hall counters. */
export interface HallDayRecord extends ReportTicketDay {
  readonly waitHistogram: number[];
  readonly calls: number;
  readonly noShows: number;
  readonly cancellations: number;
  readonly expired: number;
  /** False for the day still running: its figures may still grow. */
  readonly closed: boolean;
}

interface DayRow extends Record<string, ArrayBuffer | string | number | null> {
  date: string;
  taken: number;
  served: number;
  calls: number;
  no_shows: number;
  cancellations: number;
  expired: number;
  wait_count: number;
  wait_sum_ms: number;
  wait_histogram: ArrayBuffer;
  handling_count: number;
  handling_sum_ms: number;
}

export const createHallDayTable = (sql: SqlLike): void => {
  // The histogram as its raw Uint32 buckets (2 KiB): exact, and read back without parsing.
  sql.exec(`CREATE TABLE IF NOT EXISTS hall_days (date TEXT PRIMARY KEY, taken INTEGER NOT NULL, served INTEGER NOT NULL,
    calls INTEGER NOT NULL, no_shows INTEGER NOT NULL, cancellations INTEGER NOT NULL, expired INTEGER NOT NULL,
    wait_count INTEGER NOT NULL, wait_sum_ms INTEGER NOT NULL, wait_histogram BLOB NOT NULL,
    handling_count INTEGER NOT NULL, handling_sum_ms INTEGER NOT NULL)`);
};

const sumOf = (counts: ArrayLike<number>): number => {
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i]!;
  return total;
};

/** A day's hall-wide counters as a record. */
export const describeDay = (stats: DayStats, closed: boolean): HallDayRecord => {
  const c = stats.hall;
  return {
    date: formatLocalDay(stats.day),
    taken: sumOf(stats.takesByMinute),
    served: c.served,
    calls: c.calls,
    noShows: c.noShows,
    cancellations: c.cancellations,
    expired: c.expired,
    waitCount: c.waitCount,
    waitSumMs: c.waitSumMs,
    waitHistogram: Array.from(c.waitHistogram),
    handlingCount: c.handlingCount,
    handlingSumMs: c.handlingSumMs,
    closed,
  };
};

/**
 * Writes a closed day, once: the rollover writes it inside the transaction of its event; a second write of the
 * same day (the backfill on load of a hall whose previous day predates this table) changes nothing.
 */
export const writeClosedDay = (sql: SqlLike, stats: DayStats): void => {
  const d = describeDay(stats, true);
  sql.exec(
    `INSERT INTO hall_days (date, taken, served, calls, no_shows, cancellations, expired, wait_count, wait_sum_ms, wait_histogram,
       handling_count, handling_sum_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (date) DO NOTHING`,
    d.date,
    d.taken,
    d.served,
    d.calls,
    d.noShows,
    d.cancellations,
    d.expired,
    d.waitCount,
    d.waitSumMs,
    new Uint32Array(d.waitHistogram).buffer,
    d.handlingCount,
    d.handlingSumMs,
  );
};

const fromRow = (r: DayRow): HallDayRecord => ({
  date: r.date,
  taken: r.taken,
  served: r.served,
  calls: r.calls,
  noShows: r.no_shows,
  cancellations: r.cancellations,
  expired: r.expired,
  waitCount: r.wait_count,
  waitSumMs: r.wait_sum_ms,
  waitHistogram: Array.from(new Uint32Array(r.wait_histogram)),
  handlingCount: r.handling_count,
  handlingSumMs: r.handling_sum_ms,
  closed: true,
});

/**
 * The days from `from` to `to` (inclusive, Beijing dates), oldest first: the written days, plus those the state
 * `view` (the hall as of now, rolled forward) still holds unwritten — today, and the previous day while its
 * midnight alarm has not run yet. Days without any record (the hall saw no event) are absent.
 */
export const listHallDays = (sql: SqlLike, view: HallState, from: IsoDate, to: IsoDate): HallDayRecord[] => {
  const days = new Map<string, HallDayRecord>();
  for (const row of sql.exec<DayRow>('SELECT * FROM hall_days WHERE date >= ? AND date <= ? ORDER BY date', from, to)) {
    days.set(row.date, fromRow(row));
  }
  const live: HallDayRecord[] = [];
  if (view.previousStats) live.push(describeDay(view.previousStats, true));
  if (view.day !== null) live.push(describeDay(view.stats, false));
  for (const day of live) if (day.date >= from && day.date <= to && !days.has(day.date)) days.set(day.date, day);
  return [...days.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
};
