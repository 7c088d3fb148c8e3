/**
 * Reports (统计报表): one hall's figures over a period, as JSON (buildHallReport) and as a CSV for Excel
 * (formatHallReportCsv). The definitions, each documented where it is computed:
 * - 前台集中受理率: general-window / (general + department window) acceptances in the period; online apart
 *   (summarize-cases.ts). Goal ≥ 95%, `met` null when nothing was accepted on site.
 * - Per day: every calendar day of the period, zeros included; tickets from the hall's day counters, cases by
 *   acceptance and completion date.
 * - Waits: means from summed counters, the p95 from the merged wait histograms (exact merge, never an average
 *   of daily p95s) (summarize-queue.ts).
 * - 按时办结率 per department: decided in the period by the due date; undecided past due at the period's end is
 *   late; not yet due is left out (summarize-on-time.ts).
 * - 并联审批: Σ and mean of sequentialDays − criticalPathDays over bundle cases completed in the period.
 * - 最多跑一次率: completed cases with ≤ 1 visit (recorded, else derived from the matters and the channel).
 * - 好差评: 满意率 levels 3-5 and 差评率 levels 1-2 over counted ratings; 整改 on time over judged ones.
 * Every rate is { numerator, denominator, value }, value null when the denominator is 0.
 */
export type * from './types.ts';
export { buildHallReport } from './build-hall-report.ts';
export { formatHallReportCsv } from './format-hall-report-csv.ts';
export { checkReportPeriod, MAX_REPORT_DAYS } from './report-period.ts';
export { countCaseVisits, FRONT_DESK_CONCENTRATION_GOAL } from './summarize-cases.ts';
