import {
  assessRectification,
  ok,
  summarizeEvaluations,
  type IsoDate,
  type ReportEvaluations,
  type Result,
  type WorkCalendar,
} from '../../core/index.ts';
import type { EvaluationRow, RectificationRow } from '../db/evaluations.ts';

/**
 * The 好差评 half of a hall report, from the period's ratings and their rectifications: counts per level and the
 * appeal and follow-up figures from core's summarizeEvaluations, and each counted 差评's rectification in one
 * exclusive state — on time (contact and reply both within their limits), overdue (a limit missed, done late or
 * still open past it), or open (running within its limits) — judged on `today`, the report day: a reply given
 * late after the period still counts as late. Ratings excluded by an upheld appeal are in none of them.
 */
export const summarizeReportEvaluations = (
  cal: WorkCalendar,
  evaluations: readonly EvaluationRow[],
  rectifications: readonly RectificationRow[],
  today: IsoDate,
): Result<ReportEvaluations> => {
  const records = rectifications.map((r) => r.record);
  const summary = summarizeEvaluations(
    evaluations.map((e) => e.record),
    records,
    cal,
    today,
  );
  if (!summary.ok) return summary;
  const given = new Set(evaluations.map((e) => e.id));
  const states = { onTime: 0, overdue: 0, open: 0 };
  for (const r of records) {
    if (!given.has(r.evaluationId) || r.appeal?.status === 'upheld') continue;
    const assessed = assessRectification(cal, r, today);
    if (!assessed.ok) return assessed;
    const { contact, reply, overdue } = assessed.value;
    if (overdue) states.overdue++;
    else if (contact.state === 'met' && reply.state === 'met') states.onTime++;
    else states.open++;
  }
  const s = summary.value;
  return ok({
    byLevel: s.byLevel,
    excluded: s.excluded,
    rectifications: states,
    appeals: {
      upheld: s.rectifications.appealsUpheld,
      rejected: s.rectifications.appealsRejected,
      pending: s.rectifications.appealsPending,
    },
    followUps: { given: s.rectifications.followUps, satisfied: s.rectifications.followUpsSatisfied },
  });
};
