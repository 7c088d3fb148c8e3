import { localDateOf, type IsoDate } from '../../core/index.ts';
import type { Database } from '../db/client.ts';
import { listRectificationRows, type RectificationFilter } from '../db/evaluations.ts';
import type { RectificationListReply, RectificationReply } from '../schemas/evaluation-replies.ts';
import { presentRectification } from './present-evaluation.ts';

/** At most this many rows are read and judged per request; a list that hits it says `truncated`. */
export const RECTIFICATION_SCAN_LIMIT = 1000;

/** The next deadline still to meet (pending or overdue), for ordering: a step done or waived has none. */
const nextDue = (r: RectificationReply): IsoDate => {
  const open = (state: string | undefined) => state === 'pending' || state === 'overdue';
  if (open(r.deadlines?.contact.state)) return r.contactDue.dueOn ?? r.contactDue.duePending?.dueAfter ?? '9999-12-31';
  if (open(r.deadlines?.reply.state)) return r.replyDue.dueOn ?? r.replyDue.duePending?.dueAfter ?? '9999-12-31';
  return '9999-12-31';
};

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * 差评整改台账: rectifications by hall, status and department, deadlines judged today; `overdue` keeps only those
 * that missed a limit (true) or none (false). Overdue first, then by the next deadline, then the oldest first.
 */
export const listRectifications = async (
  db: Database,
  filter: RectificationFilter & { readonly overdue?: boolean },
  limit: number,
  now: number,
): Promise<RectificationListReply> => {
  const today = localDateOf(now);
  const rows = await listRectificationRows(db, filter, RECTIFICATION_SCAN_LIMIT + 1);
  const truncated = rows.length > RECTIFICATION_SCAN_LIMIT;
  const listed = rows
    .slice(0, RECTIFICATION_SCAN_LIMIT)
    .map((row) => presentRectification(row, today))
    .filter((r) => filter.overdue === undefined || (r.deadlines?.overdue ?? false) === filter.overdue)
    .sort(
      (a, b) =>
        Number(b.deadlines?.overdue ?? false) - Number(a.deadlines?.overdue ?? false) ||
        compareText(nextDue(a), nextDue(b)) ||
        compareText(a.openedAt, b.openedAt) ||
        compareText(a.evaluationId, b.evaluationId),
    );
  return { asOf: today, rectifications: listed.slice(0, limit), truncated: truncated || listed.length > limit };
};
