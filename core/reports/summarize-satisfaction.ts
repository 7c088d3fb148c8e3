/**
 * 好差评 figures from the evaluation module's counts: 满意率 (levels 3-5) and 差评率 (levels 1-2) over the counted
 * ratings, the mean level, and how 差评 were handled. Ratings excluded by an upheld appeal are in neither rate.
 */
import { divideOrNull, makeRate, readCount } from './report-figures.ts';
import type { HallReport, ReportEvaluations, ReportLevel } from './types.ts';

export const REPORT_LEVELS: readonly ReportLevel[] = [5, 4, 3, 2, 1];

/** What a period without evaluation data reports: every count zero, so every rate is null. */
export const NO_EVALUATIONS: ReportEvaluations = {
  byLevel: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 },
  excluded: 0,
  rectifications: { onTime: 0, overdue: 0, open: 0 },
  appeals: { upheld: 0, rejected: 0, pending: 0 },
  followUps: { given: 0, satisfied: 0 },
};

export const summarizeSatisfaction = (evaluations: ReportEvaluations): HallReport['satisfaction'] => {
  const byLevel = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  let counted = 0;
  let levelSum = 0;
  for (const level of REPORT_LEVELS) {
    const n = readCount(evaluations.byLevel[level], `ratings at level ${level}`);
    byLevel[level] = n;
    counted += n;
    levelSum += n * level;
  }
  const negative = byLevel[1] + byLevel[2];
  const { onTime, overdue, open } = evaluations.rectifications;
  return {
    counted,
    excluded: readCount(evaluations.excluded, 'excluded ratings'),
    byLevel,
    meanLevel: divideOrNull(levelSum, counted),
    satisfied: makeRate(counted - negative, counted),
    negative: makeRate(negative, counted),
    rectifications: {
      opened: readCount(onTime, 'rectifications on time') + readCount(overdue, 'rectifications overdue') + readCount(open, 'rectifications open'),
      onTime,
      overdue,
      open,
      onTimeRate: makeRate(onTime, onTime + overdue),
    },
    appeals: {
      upheld: readCount(evaluations.appeals.upheld, 'appeals upheld'),
      rejected: readCount(evaluations.appeals.rejected, 'appeals rejected'),
      pending: readCount(evaluations.appeals.pending, 'appeals pending'),
    },
    followUps: {
      given: readCount(evaluations.followUps.given, 'follow-ups'),
      satisfied: makeRate(readCount(evaluations.followUps.satisfied, 'follow-ups satisfied'), evaluations.followUps.given),
    },
  };
};
