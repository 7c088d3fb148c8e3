import { and, eq, sql } from 'drizzle-orm';
import { err, localDateOf, ok, type Rectification, type Result } from '../../core/index.ts';
import { retryOnConflict, RETRY } from '../cases/commit-case.ts';
import type { Statement } from '../db/cases.ts';
import type { Database } from '../db/client.ts';
import { readEvaluation, readRectification, updateRectification } from '../db/evaluations.ts';
import { evaluations, rectifications } from '../db/schema.ts';
import type { RectificationReply } from '../schemas/evaluation-replies.ts';
import { checkDepartment, type TenantScope } from '../tenant-guard.ts';
import { presentRectification } from './present-evaluation.ts';

/** One step of a rectification as core decides it: the next state, or why not (RECTIFICATION_STATE_CONFLICT …). */
export type RectificationStepFn = (current: Rectification, now: number) => Result<Rectification>;

/**
 * 申诉成立 takes the rating out of the statistics: written in the step's batch, and only if the rectification
 * now stands closed by an upheld appeal, so a batch whose conditional update lost to another writer excludes
 * nothing that the winner did not uphold.
 */
const excludeIfUpheld = (db: Database, evaluationId: string): Statement =>
  db
    .update(evaluations)
    .set({ excluded: true })
    .where(
      and(
        eq(evaluations.id, evaluationId),
        sql`exists (select 1 from ${rectifications} where ${rectifications.evaluationId} = ${evaluationId}
          and ${rectifications.status} = 'closed' and json_extract(${rectifications.record}, '$.appeal.status') = 'upheld')`,
      ),
    );

/**
 * Takes one step of the rectification of `evaluationId`: reads it, asks core for the next state, and writes it
 * conditionally on the version read (D1 has no interactive transactions). A writer that got there first makes
 * the update match nothing: read again and ask again, so two staff taking the same step get one success and
 * one RECTIFICATION_STATE_CONFLICT. No rectification (unknown id, or a rating that was no 差评): EVALUATION_NOT_FOUND;
 * likewise one of another tenant's hall. A back-office member of another department than the one rated: 403.
 */
export const advanceRectification = async (
  db: Database,
  evaluationId: string,
  step: RectificationStepFn,
  scope: TenantScope | null,
  now: number,
): Promise<Result<RectificationReply>> =>
  retryOnConflict(async () => {
    const [row, evaluation] = await Promise.all([readRectification(db, evaluationId), scope === null ? undefined : readEvaluation(db, evaluationId)]);
    // `null`: the citizen's follow-up, which proves itself with its code instead (follow-up-rectification.ts).
    // Otherwise the rating's tenant (a case's owner, a ticket's hall's tenant) must be the caller's.
    if (row === undefined || (scope !== null && evaluation?.tenantId !== scope.tenant)) return err('EVALUATION_NOT_FOUND', { evaluationId });
    const department = scope === null ? ok(true) : checkDepartment(scope, row.departmentId);
    if (!department.ok) return department;
    const next = step(row.record, now);
    if (!next.ok) return next;
    const record = next.value;
    const upheld = record.appeal?.status === 'upheld' && row.record.appeal?.status !== 'upheld';
    const statements: [Statement, ...Statement[]] = [updateRectification(db, evaluationId, row.version, record, now)];
    if (upheld) statements.push(excludeIfUpheld(db, evaluationId));
    const [updated] = await db.batch(statements);
    if ((updated as { meta?: { changes?: number } }).meta?.changes === 0) return RETRY;
    return ok(presentRectification({ ...row, record, status: record.status, version: row.version + 1, updatedAt: now }, localDateOf(now)));
  });
