import { eq, sql } from 'drizzle-orm';
import type { Statement } from './cases.ts';
import type { Database } from './client.ts';
import { cases } from './schema.ts';

/**
 * 跑动: one more trip the applicant made to the hall for the case (a correction handed in at a window). An
 * increment rather than a value read before, so it never loses a count to a concurrent writer of the case; it
 * joins the batch of the change it belongs to, which commits or fails as a whole.
 */
export const countCaseVisit = (db: Database, number: string): Statement =>
  db.update(cases).set({ visits: sql`${cases.visits} + 1` }).where(eq(cases.number, number));
