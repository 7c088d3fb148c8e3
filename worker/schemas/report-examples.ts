import { buildHallReport, createWaitHistogram, recordWait, type HallReport, type ReportTicketDay } from '../../core/index.ts';

/**
 * The report example of the OpenAPI document, built by the same core function that builds every reply: one
 * week of the Xiaoshan hall (Monday 23 – Sunday 29 November 2026) with two working days of tickets, four cases
 * and five ratings.
 */

const MIN = 60_000;

const ticketDay = (date: string, taken: number, waits: readonly number[], handlings: readonly number[]): ReportTicketDay => {
  const histogram = createWaitHistogram();
  for (const w of waits) recordWait(histogram, w);
  return {
    date,
    taken,
    served: handlings.length,
    waitCount: waits.length,
    waitSumMs: waits.reduce((a, b) => a + b, 0),
    waitHistogram: Array.from(histogram),
    handlingCount: handlings.length,
    handlingSumMs: handlings.reduce((a, b) => a + b, 0),
  };
};

export const REPORT_EXAMPLE: HallReport = buildHallReport({
  hallId: 'xiaoshan',
  from: '2026-11-23',
  to: '2026-11-29',
  cases: [
    { number: 'XS-261123-0001-4', intakePoint: 'general-window', acceptedOn: '2026-11-23', completedOn: '2026-11-25', bundleId: null, plan: { criticalPathDays: 10, sequentialDays: 10 }, matterVisits: [1], visits: 1 },
    { number: 'XS-261123-0002-2', intakePoint: 'department-window', acceptedOn: '2026-11-23', completedOn: '2026-11-26', bundleId: null, plan: { criticalPathDays: 1, sequentialDays: 1 }, matterVisits: [1], visits: 1 },
    { number: 'XS-261124-0001-2', intakePoint: 'general-window', acceptedOn: '2026-11-24', completedOn: '2026-11-27', bundleId: 'open-restaurant', plan: { criticalPathDays: 20, sequentialDays: 45 }, matterVisits: [1, 1, 1, 1], visits: 2 },
    { number: 'XS-261124-0002-0', intakePoint: 'online', acceptedOn: '2026-11-24', completedOn: '2026-11-26', bundleId: null, plan: { criticalPathDays: 5, sequentialDays: 5 }, matterVisits: [0], visits: 0 },
  ],
  tasks: [
    { departmentId: 'scjg', matterCode: '511A0064100070', releasedOn: '2026-11-23', dueOn: '2026-12-07', decidedOn: '2026-11-25', decision: 'approved', promisedDays: 10 },
    { departmentId: 'rsj', matterCode: '511A0120900002', releasedOn: '2026-11-23', dueOn: '2026-11-24', decidedOn: '2026-11-26', decision: 'approved', promisedDays: 1 },
  ],
  ticketDays: [
    ticketDay('2026-11-23', 4, [4 * MIN, 6 * MIN, 20 * MIN], [16 * MIN, 10 * MIN, 10 * MIN]),
    ticketDay('2026-11-24', 3, [2 * MIN, 3 * MIN], [8 * MIN, 12 * MIN]),
  ],
  evaluations: {
    byLevel: { 5: 2, 4: 1, 3: 1, 2: 0, 1: 1 },
    excluded: 0,
    rectifications: { onTime: 0, overdue: 1, open: 0 },
    appeals: { upheld: 0, rejected: 0, pending: 0 },
    followUps: { given: 0, satisfied: 0 },
  },
  departmentNames: { scjg: '市场监管局', rsj: '人力社保局' },
});
