import { advanceCaseHead, insertEvent, type CaseRowChange, type Statement } from '../db/cases.ts';
import type { Database } from '../db/client.ts';
import { enqueuedAny, noticeIfStatusChanges } from '../webhooks/case-status-notice.ts';
import { wakeDispatchers } from '../webhooks/wake-dispatchers.ts';
import { chainEvents, type ChainHead, type EventDraft } from './event-chain.ts';

/** One change of an existing case: its row changes, other statements, and the events that record it. */
export interface CaseWrite {
  readonly change: CaseRowChange;
  readonly statements: readonly Statement[];
  readonly events: readonly EventDraft[];
}

/** How often an operation re-reads and tries again after losing a race on the same case. */
export const MAX_ATTEMPTS = 6;

/** A constraint failure: a concurrent writer took the same key (event seq, case number, idempotency key…). */
export const isConflict = (error: unknown): boolean => {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (/constraint failed|SQLITE_CONSTRAINT/i.test(e.message)) return true;
  }
  return false;
};

/** Sent by an attempt that lost a race: re-read and try again. */
export const RETRY = Symbol('retry');

/** Runs `attempt` until it answers something other than RETRY; a brief random pause spreads the retriers. */
export const retryOnConflict = async <T>(attempt: () => Promise<T | typeof RETRY>): Promise<T> => {
  for (let i = 0; i < MAX_ATTEMPTS; i++) {
    const answer = await attempt();
    if (answer !== RETRY) return answer;
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * (i + 1)));
  }
  throw new Error(`gave up after ${MAX_ATTEMPTS} attempts lost to concurrent writers`);
};

/**
 * Writes one change of a case in one batch: the case row's head moves from `head` (conditional), the other
 * statements run, and the events are appended after `head`. A concurrent writer that got there first owns
 * the same event seqs, so this batch fails as a whole and the answer is false (re-read and retry).
 * A change of the case's status also enqueues its webhook messages in the same batch (推送发件箱: written with
 * the change or not at all), and wakes the recipients' dispatchers once it committed.
 */
export const commitCaseWrite = async (
  db: Database,
  number: string,
  head: ChainHead,
  write: CaseWrite,
  at: number,
): Promise<boolean> => {
  if (write.events.length === 0) throw new Error(`case ${number}: a change must write an event`);
  const chained = await chainEvents(number, head, write.events, at);
  const notice = write.change.status === undefined ? null : await noticeIfStatusChanges(db, number, write.change.status, chained.head.seq, at);
  const statements: Statement[] = [
    advanceCaseHead(db, number, head.seq, chained.head, write.change, at),
    ...write.statements,
    ...chained.rows.map((row) => insertEvent(db, row)),
    ...(notice === null ? [] : [notice.statement]),
  ];
  try {
    const results = await db.batch(statements as [Statement, ...Statement[]]);
    // The head update matched no row only if another writer moved it, and then our events collided: unreachable.
    const moved = (results[0] as { meta?: { changes?: number } }).meta?.changes;
    if (moved === 0) throw new Error(`case ${number}: head moved but the batch committed`);
    if (notice !== null && enqueuedAny(results.at(-1))) wakeDispatchers(notice.recipients);
    return true;
  } catch (error) {
    if (isConflict(error)) return false;
    throw error;
  }
};
