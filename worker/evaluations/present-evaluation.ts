import {
  assessRectification,
  RECTIFICATION_STATUS_LABELS,
  SATISFACTION_LEVEL_LABELS,
  type Evaluation,
  type IsoDate,
  type Rectification,
  type RectificationDue,
  type RectificationStep,
  type StepDeadline,
} from '../../core/index.ts';
import { workCalendar } from '../cases/case-clock.ts';
import { presentDuePending } from '../cases/present-case.ts';
import { getCatalogStore } from '../catalog-store.ts';
import type { EvaluationRow, RectificationRow } from '../db/evaluations.ts';
import { presentDepartmentRef } from '../replies/department-ref.ts';
import type { EvaluationReply, RectificationReply } from '../schemas/evaluation-replies.ts';

/** Evaluations and rectifications as the replies show them: names beside codes, ISO times, deadlines judged today. */

const iso = (ms: number): string => new Date(ms).toISOString();

const presentDepartment = (id: string | null) => (id === null ? null : presentDepartmentRef(getCatalogStore(), id));

const presentStep = (step: RectificationStep) => ({ at: iso(step.at), on: step.on, by: step.by });

const presentDue = (due: RectificationDue) =>
  'dueOn' in due ? { dueOn: due.dueOn, duePending: null } : { dueOn: null, duePending: presentDuePending(due.dueAfter) };

const presentDeadline = (d: StepDeadline) => ({ state: d.state, workingDaysLeft: d.workingDaysLeft ?? null });

export const presentEvaluation = (row: EvaluationRow): EvaluationReply => {
  const e: Evaluation = row.record;
  return {
    id: e.id,
    subject:
      e.subject.kind === 'case'
        ? { kind: 'case', caseNumber: e.subject.caseNumber, ticketId: null }
        : { kind: 'ticket', caseNumber: null, ticketId: e.subject.ticketId },
    hall: row.hallId,
    department: presentDepartment(row.departmentId),
    level: e.level,
    levelName: SATISFACTION_LEVEL_LABELS[e.level][0],
    indicators: { ...e.indicators },
    comment: e.comment ?? null,
    channel: e.channel,
    evaluatedAt: iso(e.evaluatedAt),
    evaluatedOn: e.evaluatedOn,
    excluded: row.excluded,
  };
};

/**
 * A rectification with its deadlines judged on `today`. A pending deadline the calendar cannot judge yet (today
 * past its data) leaves `deadlines` null rather than failing the reply.
 */
export const presentRectification = (row: RectificationRow, today: IsoDate): RectificationReply => {
  const r: Rectification = row.record;
  const assessed = assessRectification(workCalendar(), r, today);
  return {
    evaluationId: r.evaluationId,
    hall: row.hallId,
    department: presentDepartment(row.departmentId),
    status: r.status,
    statusName: RECTIFICATION_STATUS_LABELS[r.status][0],
    level: r.level,
    openedAt: iso(r.openedAt),
    openedOn: r.openedOn,
    policy: { ...r.policy },
    contactDue: presentDue(r.contactDue),
    replyDue: presentDue(r.replyDue),
    deadlines: assessed.ok
      ? { contact: presentDeadline(assessed.value.contact), reply: presentDeadline(assessed.value.reply), overdue: assessed.value.overdue }
      : null,
    contact: r.contact ? { ...presentStep(r.contact), note: r.contact.note ?? null } : null,
    reply: r.reply ? { ...presentStep(r.reply), text: r.reply.text } : null,
    followUp: r.followUp ? { at: iso(r.followUp.at), on: r.followUp.on, level: r.followUp.level, comment: r.followUp.comment ?? null } : null,
    closed: r.closed ? { ...presentStep(r.closed), reason: r.closed.reason } : null,
    appeal: r.appeal
      ? {
          status: r.appeal.status,
          reason: r.appeal.reason,
          filed: presentStep(r.appeal.filed),
          decided: r.appeal.decided ? { ...presentStep(r.appeal.decided), reason: r.appeal.decided.reason } : null,
        }
      : null,
    version: row.version,
  };
};
