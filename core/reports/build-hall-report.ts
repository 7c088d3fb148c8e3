/**
 * 大厅运行报表: the figures the reform is judged by, for one hall over a period, from plain records the worker
 * reads (cases and tasks from D1, queue days from the hall object, 好差评 counts from the evaluation module).
 * Pure: the report day (`asOf`) is an argument. See types.ts for what each figure counts.
 */
import { formatDay } from '../clock/iso-date.ts';
import { divideOrNull, readDay } from './report-figures.ts';
import { summarizeCases } from './summarize-cases.ts';
import { summarizeOnTime } from './summarize-on-time.ts';
import { collectQueueDays, describeWaits, summarizeQueue } from './summarize-queue.ts';
import { NO_EVALUATIONS, summarizeSatisfaction } from './summarize-satisfaction.ts';
import type { HallReport, HallReportInput, ReportDayRow } from './types.ts';

/**
 * Builds the report. The period must be real dates with from ≤ to (checkReportPeriod checks request text);
 * malformed records are bugs upstream and throw RangeError, like the clock's date functions.
 */
export const buildHallReport = (input: HallReportInput): HallReport => {
  const first = readDay(input.from, 'from');
  const last = readDay(input.to, 'to');
  if (first > last) throw new RangeError(`the period starts after it ends: ${input.from} > ${input.to}`);
  // The first day not yet over: a task undecided on it is not late yet.
  const openDay = input.asOf === undefined ? last + 1 : Math.min(last + 1, readDay(input.asOf, 'asOf'));

  const queueDays = collectQueueDays(input.ticketDays, first, last);
  const cases = summarizeCases(input.cases, first, last);

  const days: ReportDayRow[] = [];
  const totals = { ticketsTaken: 0, ticketsServed: 0, casesAccepted: 0, casesCompleted: 0, activeDays: 0 };
  for (let day = first; day <= last; day++) {
    const queue = queueDays.get(day);
    const accepted = cases.acceptedByDay.get(day) ?? 0;
    const completed = cases.completedByDay.get(day) ?? 0;
    const waits = queue ? describeWaits(queue) : null;
    const row: ReportDayRow = {
      date: formatDay(day),
      ticketsTaken: queue?.taken ?? 0,
      ticketsServed: queue?.served ?? 0,
      casesAccepted: accepted,
      casesCompleted: completed,
      meanWaitMinutes: waits?.meanWaitMinutes ?? null,
      p95WaitMinutes: waits?.p95WaitMinutes ?? null,
      meanHandlingMinutes: waits?.meanHandlingMinutes ?? null,
    };
    days.push(row);
    totals.ticketsTaken += row.ticketsTaken;
    totals.ticketsServed += row.ticketsServed;
    totals.casesAccepted += accepted;
    totals.casesCompleted += completed;
    if (row.ticketsTaken > 0 || accepted > 0) totals.activeDays++;
  }

  return {
    hallId: input.hallId,
    period: { from: input.from, to: input.to, days: last - first + 1, asOf: input.asOf ?? null },
    frontDesk: cases.frontDesk,
    days,
    totals: {
      ...totals,
      ticketsPerActiveDay: divideOrNull(totals.ticketsTaken, totals.activeDays),
      casesPerActiveDay: divideOrNull(totals.casesAccepted, totals.activeDays),
    },
    queue: summarizeQueue(queueDays.values()),
    onTime: summarizeOnTime(input.tasks, first, last, openDay, input.departmentNames ?? {}),
    parallelApproval: cases.parallelApproval,
    visits: cases.visits,
    satisfaction: summarizeSatisfaction(input.evaluations ?? NO_EVALUATIONS),
  };
};
