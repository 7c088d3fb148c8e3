import { and, asc, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { Rectification } from '../../core/index.ts';
import type { Statement } from './cases.ts';
import type { Database } from './client.ts';
import { evaluations, rectifications } from './schema.ts';

/**
 * Repository functions for 好差评: evaluations (one per case or ticket, keyed by core's evaluation id, so the key
 * itself refuses a second one) and the rectifications a 差评 opens (changed only conditionally on `version`).
 */

export type EvaluationRow = typeof evaluations.$inferSelect;
export type NewEvaluationRow = typeof evaluations.$inferInsert;
export type RectificationRow = typeof rectifications.$inferSelect;
export type NewRectificationRow = typeof rectifications.$inferInsert;

export const readEvaluation = (db: Database, id: string): Promise<EvaluationRow | undefined> =>
  db.select().from(evaluations).where(eq(evaluations.id, id)).get();

export const readRectification = (db: Database, evaluationId: string): Promise<RectificationRow | undefined> =>
  db.select().from(rectifications).where(eq(rectifications.evaluationId, evaluationId)).get();

/** A plain insert: a second evaluation of the same subject fails on the key, and with it the whole batch. */
export const insertEvaluation = (db: Database, row: NewEvaluationRow): Statement => db.insert(evaluations).values(row);

export const insertRectification = (db: Database, row: NewRectificationRow): Statement => db.insert(rectifications).values(row);

/** Writes the next state of a rectification if nobody changed it since `version` was read (0 rows otherwise). */
export const updateRectification = (
  db: Database,
  evaluationId: string,
  version: number,
  record: Rectification,
  at: number,
): Statement =>
  db
    .update(rectifications)
    .set({ record, status: record.status, version: version + 1, updatedAt: at })
    .where(and(eq(rectifications.evaluationId, evaluationId), eq(rectifications.version, version)));

/** 申诉成立: the rating no longer counts in any statistic. */
export const excludeEvaluation = (db: Database, id: string): Statement =>
  db.update(evaluations).set({ excluded: true }).where(eq(evaluations.id, id));

export interface RectificationFilter {
  readonly hallId?: string;
  /** The caller's tenant (issue 6), by its ratings' tenant: a list never shows another tenant's rectifications. */
  readonly tenantId?: string;
  readonly status?: string;
  readonly departmentId?: string;
}

/** Rectifications matching the filter, most recently changed first, at most `limit`. */
export const listRectificationRows = (db: Database, filter: RectificationFilter, limit: number): Promise<RectificationRow[]> => {
  const conditions: SQL[] = [];
  if (filter.hallId !== undefined) conditions.push(eq(rectifications.hallId, filter.hallId));
  if (filter.tenantId !== undefined) {
    conditions.push(sql`${rectifications.evaluationId} IN (SELECT ${evaluations.id} FROM ${evaluations} WHERE ${evaluations.tenantId} = ${filter.tenantId})`);
  }
  if (filter.status !== undefined) conditions.push(eq(rectifications.status, filter.status));
  if (filter.departmentId !== undefined) conditions.push(eq(rectifications.departmentId, filter.departmentId));
  return db
    .select()
    .from(rectifications)
    .where(conditions.length === 0 ? undefined : and(...conditions))
    .orderBy(desc(rectifications.updatedAt), asc(rectifications.evaluationId))
    .limit(limit)
    .all();
};

/** The hall's evaluations given from `from` to `to` (Beijing dates, inclusive), with their rectifications. */
export const listHallEvaluations = async (
  db: Database,
  hallId: string,
  from: string,
  to: string,
): Promise<{ evaluations: EvaluationRow[]; rectifications: RectificationRow[] }> => {
  const inPeriod = and(eq(evaluations.hallId, hallId), gte(evaluations.evaluatedOn, from), lte(evaluations.evaluatedOn, to));
  const [given, opened] = await db.batch([
    db.select().from(evaluations).where(inPeriod).orderBy(asc(evaluations.evaluatedOn), asc(evaluations.id)),
    db
      .select({ rectification: rectifications })
      .from(rectifications)
      .innerJoin(evaluations, eq(evaluations.id, rectifications.evaluationId))
      .where(inPeriod),
  ]);
  return { evaluations: given, rectifications: opened.map((r) => r.rectification) };
};
