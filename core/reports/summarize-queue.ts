/**
 * The queue half of the report (统一取号): tickets per day and waits over the period. Daily means and p95s cannot
 * be averaged into a period's, so days are kept as sums and histograms and every figure is read after merging.
 */
import { computeWaitPercentile, createWaitHistogram, WAIT_BUCKETS } from '../hall/wait-histogram.ts';
import { divideOrNull, readAmount, readCount, readDay } from './report-figures.ts';
import type { HallReport, ReportTicketDay } from './types.ts';

/** One day's queue counters after merging the records of that date. */
export interface QueueDay {
  taken: number;
  served: number;
  waitCount: number;
  waitSumMs: number;
  handlingCount: number;
  handlingSumMs: number;
  readonly histogram: Uint32Array;
}

const MS_PER_MINUTE = 60_000;

const toMinutes = (ms: number | null): number | null => (ms === null ? null : ms / MS_PER_MINUTE);

/** Adds a histogram's buckets into `into`: the merged histogram is exactly the one all the waits would fill. */
export const addWaitHistogram = (into: Uint32Array, histogram: ArrayLike<number>): void => {
  if (histogram.length > WAIT_BUCKETS) {
    throw new RangeError(`a wait histogram has ${histogram.length} buckets, more than ${WAIT_BUCKETS}`);
  }
  for (let i = 0; i < histogram.length; i++) into[i]! += readCount(histogram[i]!, `wait bucket ${i}`);
};

/** Histograms added bucket by bucket. */
export const mergeWaitHistograms = (histograms: Iterable<ArrayLike<number>>): Uint32Array => {
  const merged = createWaitHistogram();
  for (const histogram of histograms) addWaitHistogram(merged, histogram);
  return merged;
};

/** The period's queue days by day number; records outside [first, last] are skipped, one date's records added. */
export const collectQueueDays = (
  records: readonly ReportTicketDay[],
  first: number,
  last: number,
): Map<number, QueueDay> => {
  const days = new Map<number, QueueDay>();
  for (const record of records) {
    const day = readDay(record.date, 'ticket day date');
    if (day < first || day > last) continue;
    let into = days.get(day);
    if (!into) {
      into = { taken: 0, served: 0, waitCount: 0, waitSumMs: 0, handlingCount: 0, handlingSumMs: 0, histogram: createWaitHistogram() };
      days.set(day, into);
    }
    into.taken += readCount(record.taken, 'tickets taken');
    into.served += readCount(record.served, 'tickets served');
    into.waitCount += readCount(record.waitCount, 'wait count');
    into.waitSumMs += readAmount(record.waitSumMs, 'wait sum');
    into.handlingCount += readCount(record.handlingCount, 'handling count');
    into.handlingSumMs += readAmount(record.handlingSumMs, 'handling sum');
    addWaitHistogram(into.histogram, record.waitHistogram);
  }
  return days;
};

/** Mean and p95 wait and mean handling of some counters, in minutes (null when nothing was measured). */
export const describeWaits = (
  day: Pick<QueueDay, 'waitCount' | 'waitSumMs' | 'handlingCount' | 'handlingSumMs' | 'histogram'>,
): HallReport['queue'] => ({
  waitCount: day.waitCount,
  meanWaitMinutes: toMinutes(divideOrNull(day.waitSumMs, day.waitCount)),
  p95WaitMinutes: toMinutes(computeWaitPercentile(day.histogram, 0.95)),
  handlingCount: day.handlingCount,
  meanHandlingMinutes: toMinutes(divideOrNull(day.handlingSumMs, day.handlingCount)),
});

/** The period's waits: sums added, histograms merged, then read once. */
export const summarizeQueue = (days: Iterable<QueueDay>): HallReport['queue'] => {
  const total = { waitCount: 0, waitSumMs: 0, handlingCount: 0, handlingSumMs: 0, histogram: createWaitHistogram() };
  for (const day of days) {
    total.waitCount += day.waitCount;
    total.waitSumMs += day.waitSumMs;
    total.handlingCount += day.handlingCount;
    total.handlingSumMs += day.handlingSumMs;
    addWaitHistogram(total.histogram, day.histogram);
  }
  return describeWaits(total);
};
