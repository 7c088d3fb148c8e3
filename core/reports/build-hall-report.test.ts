import { describe, expect, it } from 'vitest';
import { buildHallReport } from './build-hall-report.ts';
import { FIXTURE_INPUT, makeTicketDay } from './fixtures/report-fixture.ts';
import type { HallReportInput, ReportCase } from './types.ts';

const MIN = 60_000;
const rate = (numerator: number, denominator: number) => ({ numerator, denominator, value: numerator / denominator });

/** Every number anywhere in a value, with its path: a report must never hold NaN or Infinity. */
const findNonFinite = (value: unknown, path = '$'): string[] => {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => findNonFinite(v, `${path}.${k}`));
};

const EMPTY: HallReportInput = { hallId: 'xiaoshan', from: '2026-03-02', to: '2026-03-04', cases: [], tasks: [], ticketDays: [] };

describe('the hall report over a hand-built week', () => {
  const report = buildHallReport(FIXTURE_INPUT);

  it('counts the front-desk concentration over cases accepted on site in the period', () => {
    // Accepted 03-02..03-08: general C1 C2 C6 C8, department C3, online C4 C5; C7 before, C9 never.
    expect(report.frontDesk).toEqual({
      generalWindow: 4,
      departmentWindow: 1,
      online: 2,
      concentration: rate(4, 5),
      goal: 0.95,
      met: false,
      onlineShare: rate(2, 7),
    });
  });

  it('meets the 95% goal at exactly 19 of 20 and misses it at 18 of 19', () => {
    const cases = (general: number, department: number): ReportCase[] =>
      Array.from({ length: general + department }, (_, i) => ({
        number: `N${i}`,
        intakePoint: i < general ? 'general-window' : 'department-window',
        acceptedOn: '2026-03-02',
        completedOn: null,
        bundleId: null,
        plan: null,
        matterVisits: [],
      }));
    expect(buildHallReport({ ...EMPTY, cases: cases(19, 1) }).frontDesk.met).toBe(true);
    expect(buildHallReport({ ...EMPTY, cases: cases(18, 1) }).frontDesk.met).toBe(false);
    expect(buildHallReport({ ...EMPTY, cases: cases(0, 0) }).frontDesk.met).toBeNull();
  });

  it('gives a row for every day, gaps as zeros, and the day figures from that day alone', () => {
    expect(report.days.map((d) => [d.date, d.ticketsTaken, d.ticketsServed, d.casesAccepted, d.casesCompleted])).toEqual([
      ['2026-03-02', 5, 4, 2, 0],
      ['2026-03-03', 3, 3, 1, 1],
      ['2026-03-04', 0, 0, 2, 1],
      ['2026-03-05', 2, 1, 1, 1],
      ['2026-03-06', 1, 0, 1, 2],
      ['2026-03-07', 0, 0, 0, 1],
      ['2026-03-08', 0, 0, 0, 0],
    ]);
    const [d2, d3, d4, d5, d6] = report.days;
    expect(d2!.meanWaitMinutes).toBeCloseTo(10 / 4); // 1 + 2 + 3 + 4 minutes
    // p95 rank 0.95 × 4 = 3.8: 0.8 into the 4th wait's 10-second bucket [240 s, 250 s).
    expect(d2!.p95WaitMinutes).toBeCloseTo((240_000 + 0.8 * 10_000) / MIN);
    expect(d2!.meanHandlingMinutes).toBeCloseTo(8);
    expect(d3!.meanWaitMinutes).toBeCloseTo((0.5 + 1.5 + 15) / 3);
    // rank 2.85: 0.85 into the 1-minute bucket [15 min, 16 min).
    expect(d3!.p95WaitMinutes).toBeCloseTo(15 + 0.85);
    expect(d4!.meanWaitMinutes).toBeNull();
    expect(d5!.meanWaitMinutes).toBeCloseTo(10);
    expect(d5!.p95WaitMinutes).toBeCloseTo(10 + 0.95);
    expect(d5!.meanHandlingMinutes).toBeCloseTo(5);
    // Tickets taken but nobody called: no wait measured, so null rather than 0 or NaN.
    expect([d6!.meanWaitMinutes, d6!.p95WaitMinutes, d6!.meanHandlingMinutes]).toEqual([null, null, null]);
  });

  it('totals tickets and cases, and averages over the days the hall was busy', () => {
    expect(report.totals).toEqual({
      ticketsTaken: 11,
      ticketsServed: 8,
      casesAccepted: 7,
      casesCompleted: 6,
      activeDays: 5, // 03-02 … 03-06; 03-07 only saw a completion
      ticketsPerActiveDay: 11 / 5,
      casesPerActiveDay: 7 / 5,
    });
  });

  it('reads the week’s waits from the sums and the merged histogram, not from daily figures', () => {
    // Waits (s): 60 120 180 240 | 30 90 900 | 600 → 37 minutes over 8 tickets.
    expect(report.queue.waitCount).toBe(8);
    expect(report.queue.meanWaitMinutes).toBeCloseTo(37 / 8);
    // rank 0.95 × 8 = 7.6: seven waits lie below 15 min, so 0.6 into the bucket [15 min, 16 min).
    expect(report.queue.p95WaitMinutes).toBeCloseTo(15.6);
    expect(report.queue.handlingCount).toBe(8);
    expect(report.queue.meanHandlingMinutes).toBeCloseTo((4 * 8 + 3 * 10 + 5) / 8);
  });

  it('judges tasks on time per department as the period stood at its end', () => {
    // scjg: T1 T2 on time; T3 late; T4 (undecided, due 03-06) and T6 (decided 03-10, due 03-07) late and open
    // at the end; T5 not due; T7 decided before. xf: T10 即办 same day, T11 a day late, T8 backlog only.
    expect(report.onTime.departments).toEqual([
      { departmentId: 'scjg', name: '市场监管局', onTime: 2, late: 3, overdueOpen: 2, rate: rate(2, 5) },
      { departmentId: 'xf', name: '消防救援大队', onTime: 1, late: 1, overdueOpen: 1, rate: rate(1, 2) },
    ]);
    expect(report.onTime.hall).toEqual({ onTime: 3, late: 4, overdueOpen: 3, rate: rate(3, 7) });
  });

  it('does not call a task late while its due day is today or later', () => {
    const tasks = [
      { dueOn: '2026-03-05', decidedOn: null },
      { dueOn: '2026-03-06', decidedOn: null },
      { dueOn: '2026-03-06', decidedOn: '2026-03-06' },
    ].map((t) => ({ ...t, departmentId: 'scjg', matterCode: 'm', releasedOn: '2026-03-02', decision: null, promisedDays: 5 }));
    const running = buildHallReport({ ...FIXTURE_INPUT, tasks, asOf: '2026-03-06' });
    expect(running.onTime.hall).toEqual({ onTime: 1, late: 1, overdueOpen: 1, rate: rate(1, 2) });
    expect(running.period.asOf).toBe('2026-03-06');
    // Once the period is over, the task due on its last open day is late too.
    const closed = buildHallReport({ ...FIXTURE_INPUT, tasks, to: '2026-03-06' });
    expect(closed.onTime.hall).toEqual({ onTime: 1, late: 2, overdueOpen: 2, rate: rate(1, 3) });
  });

  it('sums the days parallel approval saved over completed bundle cases', () => {
    // C2: 45 − 20 = 25, C5: 12 − 5 = 7.
    expect(report.parallelApproval).toEqual({
      bundleCases: 2,
      sequentialDays: 57,
      criticalPathDays: 25,
      daysSaved: 32,
      meanDaysSaved: 16,
    });
  });

  it('counts visits per completed case and the 最多跑一次 rate', () => {
    // C7 1 (window), C1 1, C4 0 (online, no visit needed), C2 2 (its most demanding matter), C6 3 (recorded), C5 1.
    expect(report.visits).toEqual({
      cases: 6,
      total: 8,
      meanPerCase: 8 / 6,
      atMostOnce: rate(4, 6),
      zero: rate(1, 6),
      distribution: [
        { visits: 0, cases: 1 },
        { visits: 1, cases: 3 },
        { visits: 2, cases: 1 },
        { visits: 3, cases: 1 },
      ],
    });
  });

  it('reports satisfaction and 差评 handling from the evaluation counts', () => {
    expect(report.satisfaction).toEqual({
      counted: 100,
      excluded: 2,
      byLevel: { 1: 4, 2: 6, 3: 10, 4: 30, 5: 50 },
      meanLevel: (5 * 50 + 4 * 30 + 3 * 10 + 2 * 6 + 1 * 4) / 100,
      satisfied: rate(90, 100),
      negative: rate(10, 100),
      rectifications: { opened: 10, onTime: 6, overdue: 2, open: 2, onTimeRate: rate(6, 8) },
      appeals: { upheld: 2, rejected: 1, pending: 1 },
      followUps: { given: 5, satisfied: rate(3, 5) },
    });
  });
});

describe('an empty period', () => {
  const report = buildHallReport(EMPTY);

  it('has zero rows for every day and null for every mean and rate, never NaN', () => {
    expect(findNonFinite(report)).toEqual([]);
    expect(report.days).toHaveLength(3);
    expect(report.days.every((d) => d.ticketsTaken === 0 && d.casesAccepted === 0 && d.meanWaitMinutes === null)).toBe(true);
    expect(report.frontDesk.concentration).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(report.frontDesk.met).toBeNull();
    expect(report.totals.ticketsPerActiveDay).toBeNull();
    expect(report.queue).toEqual({ waitCount: 0, meanWaitMinutes: null, p95WaitMinutes: null, handlingCount: 0, meanHandlingMinutes: null });
    expect(report.onTime).toEqual({ hall: { onTime: 0, late: 0, overdueOpen: 0, rate: { numerator: 0, denominator: 0, value: null } }, departments: [] });
    expect(report.parallelApproval.meanDaysSaved).toBeNull();
    expect(report.visits.atMostOnce.value).toBeNull();
    expect(report.visits.distribution).toEqual([]);
    expect(report.satisfaction.meanLevel).toBeNull();
    expect(report.satisfaction.satisfied.value).toBeNull();
    expect(report.satisfaction.rectifications.onTimeRate.value).toBeNull();
  });
});

describe('the period', () => {
  it('fills every calendar day across a month end, weekends included', () => {
    const report = buildHallReport({ ...EMPTY, from: '2026-02-27', to: '2026-03-02', ticketDays: [makeTicketDay('2026-03-01', 3, 3, [])] });
    expect(report.days.map((d) => d.date)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(report.days.map((d) => d.ticketsTaken)).toEqual([0, 0, 3, 0]);
    expect(report.period.days).toBe(4);
  });

  it('is a single day when from equals to', () => {
    expect(buildHallReport({ ...EMPTY, to: EMPTY.from }).days).toHaveLength(1);
  });

  it('throws on a period that is not one (the route checks user text with checkReportPeriod first)', () => {
    expect(() => buildHallReport({ ...EMPTY, from: '2026-03-05' })).toThrow(RangeError);
    expect(() => buildHallReport({ ...EMPTY, to: '2026-02-30' })).toThrow(RangeError);
  });
});
