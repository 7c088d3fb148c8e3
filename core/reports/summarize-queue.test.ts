import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeWaitPercentile, createWaitHistogram, recordWait, WAIT_BUCKETS } from '../hall/wait-histogram.ts';
import { buildHallReport } from './build-hall-report.ts';
import { makeTicketDay } from './fixtures/report-fixture.ts';
import { addWaitHistogram, mergeWaitHistograms } from './summarize-queue.ts';

const MIN = 60_000;
const DATES = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'];
/** Waits up to 3 hours, with many short ones (where the buckets are 10 s wide). */
const wait = fc.oneof(fc.integer({ min: 0, max: 10 * MIN }), fc.integer({ min: 0, max: 3 * 60 * MIN }));
const week = fc.array(fc.array(wait, { maxLength: 40 }), { minLength: DATES.length, maxLength: DATES.length });

const reportWaits = (days: readonly (readonly number[])[]) =>
  buildHallReport({
    hallId: 'h',
    from: DATES[0]!,
    to: DATES.at(-1)!,
    cases: [],
    tasks: [],
    ticketDays: days.map((waits, i) => makeTicketDay(DATES[i]!, waits.length, waits.length, waits)),
  }).queue;

describe('waits over many days', () => {
  it('reads the p95 of the merged daily histograms as the p95 of one histogram of every raw wait', () => {
    fc.assert(
      fc.property(week, (days) => {
        const all = createWaitHistogram();
        for (const w of days.flat()) recordWait(all, w);
        const expected = computeWaitPercentile(all, 0.95);
        // Same merged counts, same interpolation: equal to the bit once both are in minutes.
        expect(reportWaits(days).p95WaitMinutes).toBe(expected === null ? null : expected / MIN);
      }),
    );
  });

  it('stays within one bucket of the exact p95 of the raw waits', () => {
    fc.assert(
      fc.property(week, (days) => {
        const raw = days.flat().sort((a, b) => a - b);
        fc.pre(raw.length > 0);
        const exact = raw[Math.ceil(0.95 * raw.length) - 1]!;
        const bucketWidth = exact < 10 * MIN ? 10_000 : MIN;
        const p95 = reportWaits(days).p95WaitMinutes! * MIN;
        expect(Math.abs(p95 - exact)).toBeLessThanOrEqual(bucketWidth);
      }),
    );
  });

  it('takes the mean over every ticket, not the mean of the daily means', () => {
    // 1 ticket waiting 30 min one day, 9 waiting 0 the next: 3 minutes, where averaging days would say 15.
    const queue = reportWaits([[30 * MIN], Array(9).fill(0), [], [], []]);
    expect(queue.meanWaitMinutes).toBeCloseTo(3);
  });

  it('adds histograms bucket by bucket, a short array padded with zeros', () => {
    const merged = mergeWaitHistograms([[1, 2], new Uint32Array([0, 1, 5])]);
    expect(Array.from(merged.slice(0, 4))).toEqual([1, 3, 5, 0]);
    expect(merged).toHaveLength(WAIT_BUCKETS);
  });

  it('refuses a histogram of another shape or with a negative count', () => {
    expect(() => addWaitHistogram(createWaitHistogram(), new Array(WAIT_BUCKETS + 1).fill(0))).toThrow(RangeError);
    expect(() => addWaitHistogram(createWaitHistogram(), [1, -1])).toThrow(RangeError);
  });
});
