import { and, asc, eq, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from './client.ts';
import {
  caseCounters,
  caseEvents,
  caseMaterials,
  caseMatters,
  cases,
  notices,
  tasks,
  type CaseEventRow,
  type CaseMaterialRow,
  type CaseMatterRow,
  type CaseRow,
  type TaskRow,
} from './schema.ts';

/**
 * Repository functions for cases (办件). Readers return rows; writers return statements for one `db.batch`, so an
 * operation writes its state change and its events together or not at all (D1 has no interactive transactions).
 */

export type Statement = BatchItem<'sqlite'>;

export type NewCaseRow = typeof cases.$inferInsert;
export type NewTaskRow = typeof tasks.$inferInsert;
export type NewCaseMaterialRow = typeof caseMaterials.$inferInsert;
export type NewNoticeRow = typeof notices.$inferInsert;

export const readCase = (db: Database, number: string): Promise<CaseRow | undefined> =>
  db.select().from(cases).where(eq(cases.number, number)).get();

export const readCaseMatters = (db: Database, number: string): Promise<CaseMatterRow[]> =>
  db.select().from(caseMatters).where(eq(caseMatters.caseNumber, number)).orderBy(asc(caseMatters.position)).all();

/**
 * A case row and its tasks in one round trip (a D1 batch runs its statements in order, in one transaction), so
 * in plan order (stage, then key), the tasks are never older than the row and every writer that re-reads after a conflict pays one trip, not two.
 */
export const readCaseAndTasks = async (db: Database, number: string): Promise<{ row: CaseRow | undefined; tasks: TaskRow[] }> => {
  const [rows, taskRows] = await db.batch([
    db.select().from(cases).where(eq(cases.number, number)),
    db.select().from(tasks).where(eq(tasks.caseNumber, number)).orderBy(asc(tasks.stage), asc(tasks.key)),
  ]);
  return { row: rows[0], tasks: taskRows };
};

export const readTask = (db: Database, id: string): Promise<TaskRow | undefined> =>
  db.select().from(tasks).where(eq(tasks.id, id)).get();

export const selectCaseMaterials = (db: Database, number: string) => db.select().from(caseMaterials).where(eq(caseMaterials.caseNumber, number));

export const readCaseMaterials = (db: Database, number: string): Promise<CaseMaterialRow[]> => selectCaseMaterials(db, number).all();

export const selectNotices = (db: Database, number: string) =>
  // Insertion order breaks ties between notices of the same instant (rowid: the table has a text key, not WITHOUT ROWID).
  db.select().from(notices).where(eq(notices.caseNumber, number)).orderBy(asc(notices.issuedAt), sql`rowid`);

export const selectEvents = (db: Database, number: string) =>
  db.select().from(caseEvents).where(eq(caseEvents.caseNumber, number)).orderBy(asc(caseEvents.seq));

export const readEvents = (db: Database, number: string): Promise<CaseEventRow[]> => selectEvents(db, number).all();

/**
 * 即收即审 inbox: a department's tasks in the given statuses, soonest due first; then the tasks whose due date is
 * pending the next year's holiday schedule (`due_after`: all due after every known date), earliest clock first;
 * then those with no due date at all (awaiting correction); ties by case. Served by the (department_id, status,
 * due_on) index.
 */
export const readDepartmentTasks = (
  db: Database,
  departmentId: string,
  statuses: readonly string[],
  limit: number,
  tenantId: string,
): Promise<TaskRow[]> =>
  db
    .select()
    .from(tasks)
    .where(
      and(
        eq(tasks.departmentId, departmentId),
        inArray(tasks.status, [...statuses]),
        // Only the owner tenant's cases: each tenant has its own department of the same catalog id (issue 6).
        sql`${tasks.caseNumber} IN (SELECT ${cases.number} FROM ${cases} WHERE ${cases.tenantId} = ${tenantId})`,
      ),
    )
    .orderBy(
      sql`CASE WHEN ${tasks.dueOn} IS NOT NULL THEN 0 WHEN ${tasks.dueAfter} IS NOT NULL THEN 1 ELSE 2 END`,
      asc(tasks.dueOn),
      asc(tasks.dueAfter),
      sql`json_extract(${tasks.clock}, '$.startedOn')`,
      asc(tasks.caseNumber),
      asc(tasks.key),
    )
    .limit(limit)
    .all();

/**
 * A department's tasks whose due date is pending (`due_after`) on a day before `lastDay`, the calendar's last
 * day: the calendar has grown since, so their due date may now be known. Usually none.
 */
export const readRefreshableTasks = (db: Database, departmentId: string, lastDay: string): Promise<TaskRow[]> =>
  db
    .select()
    .from(tasks)
    .where(and(eq(tasks.departmentId, departmentId), isNotNull(tasks.dueAfter), lt(tasks.dueAfter, lastDay)))
    .all();

/**
 * Writes a refreshed due date of a task (到期日补定), only if the row still holds the pending date read. Not a
 * change of the task (the date follows from its clock and the calendar): no version bump, no event; a decision
 * racing it writes the same date, computed from the same calendar.
 */
export const settleTaskDueDate = (
  db: Database,
  id: string,
  pendingAfter: string,
  due: { dueOn: string | null; dueAfter: string | null },
): Statement =>
  db
    .update(tasks)
    .set(due)
    .where(and(eq(tasks.id, id), eq(tasks.dueAfter, pendingAfter), isNull(tasks.dueOn)));

/** The same for a case's promised date: only if the row still holds the pending date read. */
export const settleCaseDueDate = (
  db: Database,
  number: string,
  pendingAfter: string,
  due: { dueOn: string | null; dueAfter: string | null },
): Statement =>
  db
    .update(cases)
    .set(due)
    .where(and(eq(cases.number, number), eq(cases.dueAfter, pendingAfter), isNull(cases.dueOn)));

/** The last sequence used for a hall's day (0 before the first case). */
/**
 * Claims the hall's next case number for the day in one statement (an upsert that returns the new value), so
 * concurrent intakes never retry against each other (reading the last number and inserting the next made every
 * concurrent intake of a hall collide: 28 % of intakes failed at 16 clients in bench/cases-http.ts). Numbers are
 * unique and increasing; an intake keeps its number across its own retries, so only one that ends without a case
 * (a lost idempotency race, a crash) leaves a gap — harmless, as nothing refers to an unissued number.
 */
export const claimNextSequence = async (db: Database, hallId: string, day: string): Promise<number> => {
  const row = await db
    .insert(caseCounters)
    .values({ hallId, day, lastSequence: 1 })
    .onConflictDoUpdate({
      target: [caseCounters.hallId, caseCounters.day],
      set: { lastSequence: sql`${caseCounters.lastSequence} + 1` },
    })
    .returning({ last: caseCounters.lastSequence })
    .get();
  if (row === undefined) throw new Error('case_counters upsert returned no row');
  return row.last;
};

export const insertCase = (db: Database, row: NewCaseRow): Statement => db.insert(cases).values(row);

// One statement per row: D1 binds at most 100 parameters per statement, and a batch runs them all at once anyway.

export const insertCaseMatter = (db: Database, row: typeof caseMatters.$inferInsert): Statement =>
  db.insert(caseMatters).values(row);

export const insertTask = (db: Database, row: NewTaskRow): Statement => db.insert(tasks).values(row);

/** Inserts or replaces what a case holds of one material (a correction hands in a better one). */
export const upsertCaseMaterial = (db: Database, row: NewCaseMaterialRow): Statement =>
  db
    .insert(caseMaterials)
    .values(row)
    .onConflictDoUpdate({
      target: [caseMaterials.caseNumber, caseMaterials.materialId],
      set: {
        name: sql`excluded.name`,
        status: sql`excluded.status`,
        form: sql`excluded.form`,
        originals: sql`excluded.originals`,
        copies: sql`excluded.copies`,
        validUntil: sql`excluded.valid_until`,
        libraryItemId: sql`excluded.library_item_id`,
        certificateId: sql`excluded.certificate_id`,
        updatedAt: sql`excluded.updated_at`,
      },
    });

export const insertNotice = (db: Database, row: NewNoticeRow): Statement => db.insert(notices).values(row);

/** Closes a case's open notices (a complete correction, or a newer notice replacing them). */
export const resolveOpenNotices = (db: Database, caseNumber: string, at: number, taskId?: string): Statement =>
  db
    .update(notices)
    .set({ resolvedAt: at })
    .where(
      and(
        eq(notices.caseNumber, caseNumber),
        isNull(notices.resolvedAt),
        taskId === undefined ? isNull(notices.taskId) : eq(notices.taskId, taskId),
      ),
    );

/** What a change writes on the case row besides its event head. */
export interface CaseRowChange {
  readonly status?: string;
  readonly acceptedOn?: string | null;
  readonly dueOn?: string | null;
  readonly dueAfter?: string | null;
  readonly applicantId?: string;
}

/**
 * Advances the case's event head, conditional on the head read: a concurrent writer that got there first makes
 * this match nothing, and its events (same seqs) make the batch fail, so nothing of the loser is written.
 */
export const advanceCaseHead = (
  db: Database,
  number: string,
  fromSeq: number,
  to: { seq: number; hash: string },
  change: CaseRowChange,
  at: number,
): Statement =>
  db
    .update(cases)
    .set({ ...change, eventSeq: to.seq, eventHead: to.hash, updatedAt: at })
    .where(and(eq(cases.number, number), eq(cases.eventSeq, fromSeq)));

/** The task fields a change may write; `version` is bumped and checked by updateTask. */
export type TaskRowChange = Partial<
  Pick<TaskRow, 'status' | 'claimedBy' | 'clock' | 'dueOn' | 'dueAfter' | 'reason' | 'correctionMaterialIds'>
>;

/** Conditional update: applies only if the task still has the version read. */
export const updateTask = (db: Database, id: string, version: number, change: TaskRowChange, at: number): Statement =>
  db
    .update(tasks)
    .set({ ...change, version: version + 1, updatedAt: at })
    .where(and(eq(tasks.id, id), eq(tasks.version, version)));

export const insertEvent = (db: Database, row: CaseEventRow): Statement => db.insert(caseEvents).values(row);
