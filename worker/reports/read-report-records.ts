import { and, between, eq, gte, isNull, or } from 'drizzle-orm';
import { localDateOf, type CasePlan, type IsoDate, type ReportCase, type ReportTask } from '../../core/index.ts';
import { getCatalogStore } from '../catalog-store.ts';
import type { Database } from '../db/client.ts';
import { cases, tasks, type CaseRow, type TaskRow } from '../db/schema.ts';

/**
 * The case half of a hall report, read from D1 and shaped as core/reports takes it: the hall's cases accepted or
 * completed in the period, and the tasks that can count for on-time figures (decided in the period or later, or
 * not decided yet). Rows written before issue 5's columns existed are read as well as they can be: a window
 * case without an intake window was taken at a general window (every window of this hall is one), its visits
 * are derived from its matters, and a decided task or ended case without its day takes the day of its last write.
 */

const FINAL_TASK = new Set(['approved', 'rejected', 'withdrawn']);
const FINAL_CASE = new Set(['approved', 'partly-approved', 'rejected']);

const decidedOnOf = (row: Pick<TaskRow, 'status' | 'decidedOn' | 'updatedAt'>): IsoDate | null =>
  row.decidedOn ?? (FINAL_TASK.has(row.status) ? localDateOf(row.updatedAt) : null);

const INTAKE_POINT = { general: 'general-window', department: 'department-window' } as const;

const toReportCase = (row: CaseRow, decidedDays: readonly (IsoDate | null)[]): ReportCase => {
  const { index } = getCatalogStore();
  const plan: CasePlan = row.plan;
  // Visits are recorded from issue 5 on: a window case then has its intake window; an online one records 0 and
  // counts only trips it later made (a window correction, a pickup).
  const recorded = row.intakeWindow !== null || row.channel === 'online';
  const lastDecision = decidedDays.reduce<IsoDate | null>((last, day) => (day !== null && (last === null || day > last) ? day : last), null);
  return {
    number: row.number,
    intakePoint: row.intakeWindow !== null ? INTAKE_POINT[row.intakeWindow] : row.channel === 'online' ? 'online' : 'general-window',
    acceptedOn: row.acceptedOn,
    completedOn: row.completedOn ?? (FINAL_CASE.has(row.status) ? (lastDecision ?? localDateOf(row.updatedAt)) : null),
    bundleId: row.bundleId,
    plan: { criticalPathDays: plan.criticalPathDays, sequentialDays: plan.sequentialDays },
    matterVisits: plan.tasks.map((task) => index.byCode.get(task.matterCode)?.visits ?? 1),
    ...(recorded ? { visits: row.visits } : {}),
  };
};

const toReportTask = (row: TaskRow, plan: CasePlan | undefined): ReportTask => ({
  departmentId: row.departmentId,
  matterCode: row.matterCode,
  releasedOn: row.clock?.startedOn ?? null,
  dueOn: row.dueOn,
  decidedOn: decidedOnOf(row),
  decision: row.status === 'approved' || row.status === 'rejected' || row.status === 'withdrawn' ? row.status : null,
  promisedDays: plan?.tasks.find((t) => t.key === row.key)?.promisedDays ?? 0,
});

export interface ReportRecords {
  readonly cases: ReportCase[];
  readonly tasks: ReportTask[];
}

/** Cases and tasks of `hallId` for the period `from`..`to`. */
export const readReportRecords = async (db: Database, hallId: string, from: IsoDate, to: IsoDate): Promise<ReportRecords> => {
  const [caseRows, taskRows] = await db.batch([
    db
      .select()
      .from(cases)
      .where(
        and(
          eq(cases.hallId, hallId),
          // Not completed (yet, or before completed_on existed): core picks what the period holds.
          or(between(cases.acceptedOn, from, to), between(cases.completedOn, from, to), isNull(cases.completedOn)),
        ),
      ),
    db
      .select({ task: tasks, plan: cases.plan })
      .from(tasks)
      .innerJoin(cases, eq(cases.number, tasks.caseNumber))
      .where(and(eq(cases.hallId, hallId), or(isNull(tasks.decidedOn), gte(tasks.decidedOn, from)))),
  ]);
  const decidedByCase = new Map<string, (IsoDate | null)[]>();
  for (const { task } of taskRows) {
    const days = decidedByCase.get(task.caseNumber) ?? [];
    days.push(decidedOnOf(task));
    decidedByCase.set(task.caseNumber, days);
  }
  return {
    cases: caseRows.map((row) => toReportCase(row, decidedByCase.get(row.number) ?? [])),
    tasks: taskRows.map(({ task, plan }) => toReportTask(task, plan)),
  };
};
