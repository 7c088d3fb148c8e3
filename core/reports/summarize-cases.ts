/**
 * The case half of the report: where cases were accepted (前台集中受理率), how many visits they took (最多跑一次),
 * and what parallel approval saved (并联审批). Acceptance figures count cases accepted in the period; visits and
 * days saved count cases completed in it, since both are known only once a case is done.
 *
 * 前台集中受理率 = general-window acceptances / on-site acceptances (general + department windows). Online cases
 * are in neither part: the rate asks whether the counters are concentrated at the front desk, so moving intake
 * online must neither lift it (a hall could pass while departments still run their own windows) nor sink it.
 * Online intake is reported beside it as its own share of every acceptance.
 */
import { divideOrNull, makeRate, readAmount, readCount, readDay } from './report-figures.ts';
import type { HallReport, ReportCase } from './types.ts';

/** 前台集中受理率 goal in percent (Xiaoshan: ≥ 95%); kept whole so the check is exact integer arithmetic. */
const GOAL_PERCENT = 95;
export const FRONT_DESK_CONCENTRATION_GOAL = GOAL_PERCENT / 100;

export interface CaseFigures {
  readonly frontDesk: HallReport['frontDesk'];
  readonly parallelApproval: HallReport['parallelApproval'];
  readonly visits: HallReport['visits'];
  /** Day number -> cases accepted / completed that day. */
  readonly acceptedByDay: ReadonlyMap<number, number>;
  readonly completedByDay: ReadonlyMap<number, number>;
}

/**
 * Visits a case took: the recorded count if any; otherwise the most any of its matters requires (one trip covers
 * every matter of a bundle, 一窗受理), and at least one when it was accepted at a window — the applicant came.
 */
export const countCaseVisits = (record: ReportCase): number => {
  if (record.visits !== undefined) return readCount(record.visits, `visits of ${record.number}`);
  let required = 0;
  for (const v of record.matterVisits) required = Math.max(required, readCount(v, `matter visits of ${record.number}`));
  return record.intakePoint === 'online' ? required : Math.max(1, required);
};

const increment = (map: Map<number, number>, key: number): void => {
  map.set(key, (map.get(key) ?? 0) + 1);
};

export const summarizeCases = (cases: readonly ReportCase[], first: number, last: number): CaseFigures => {
  const intake = { 'general-window': 0, 'department-window': 0, online: 0 };
  const acceptedByDay = new Map<number, number>();
  const completedByDay = new Map<number, number>();
  const byVisits = new Map<number, number>();
  let completed = 0;
  let visitsTotal = 0;
  let atMostOnce = 0;
  let zero = 0;
  const bundles = { cases: 0, sequentialDays: 0, criticalPathDays: 0, daysSaved: 0 };

  for (const record of cases) {
    if (record.acceptedOn !== null) {
      const day = readDay(record.acceptedOn, `acceptedOn of ${record.number}`);
      if (day >= first && day <= last) {
        if (!Object.hasOwn(intake, record.intakePoint)) {
          throw new RangeError(`unknown intake point of ${record.number}: ${String(record.intakePoint)}`);
        }
        intake[record.intakePoint]++;
        increment(acceptedByDay, day);
      }
    }
    if (record.completedOn === null) continue;
    const day = readDay(record.completedOn, `completedOn of ${record.number}`);
    if (day < first || day > last) continue;
    completed++;
    increment(completedByDay, day);
    const visits = countCaseVisits(record);
    visitsTotal += visits;
    if (visits <= 1) atMostOnce++;
    if (visits === 0) zero++;
    increment(byVisits, visits);
    if (record.bundleId !== null && record.plan !== null) {
      const sequential = readAmount(record.plan.sequentialDays, `sequentialDays of ${record.number}`);
      const critical = readAmount(record.plan.criticalPathDays, `criticalPathDays of ${record.number}`);
      bundles.cases++;
      bundles.sequentialDays += sequential;
      bundles.criticalPathDays += critical;
      // The critical path never exceeds the sum; a plan saying otherwise saved nothing rather than cost days.
      bundles.daysSaved += Math.max(0, sequential - critical);
    }
  }

  const general = intake['general-window'];
  const onSite = general + intake['department-window'];
  const accepted = onSite + intake.online;
  const concentration = makeRate(general, onSite);
  return {
    frontDesk: {
      generalWindow: general,
      departmentWindow: intake['department-window'],
      online: intake.online,
      concentration,
      goal: FRONT_DESK_CONCENTRATION_GOAL,
      met: onSite === 0 ? null : general * 100 >= onSite * GOAL_PERCENT,
      onlineShare: makeRate(intake.online, accepted),
    },
    parallelApproval: {
      bundleCases: bundles.cases,
      sequentialDays: bundles.sequentialDays,
      criticalPathDays: bundles.criticalPathDays,
      daysSaved: bundles.daysSaved,
      meanDaysSaved: divideOrNull(bundles.daysSaved, bundles.cases),
    },
    visits: {
      cases: completed,
      total: visitsTotal,
      meanPerCase: divideOrNull(visitsTotal, completed),
      atMostOnce: makeRate(atMostOnce, completed),
      zero: makeRate(zero, completed),
      distribution: [...byVisits]
        .sort(([a], [b]) => a - b)
        .map(([visits, count]) => ({ visits, cases: count })),
    },
    acceptedByDay,
    completedByDay,
  };
};
