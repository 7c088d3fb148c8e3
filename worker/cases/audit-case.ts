import { checkAuditChain, err, ok, type CaseEventRecord, type Result } from '../../core/index.ts';
import { readCase, readEvents } from '../db/cases.ts';
import type { Database } from '../db/client.ts';
import type { CaseEventRow } from '../db/schema.ts';
import type { AuditReply } from '../schemas/case-track-replies.ts';
import { caseVisibleTo, type CaseScope } from '../tenant-guard.ts';
import { hashEvent, readEventRecord } from './event-chain.ts';
import { normaliseCaseNumber } from './read-case.ts';

/** A stored row as a record; a payload no longer JSON (edited by hand) is kept as text, so its hash fails. */
const readStored = (row: CaseEventRow): CaseEventRecord => {
  try {
    return readEventRecord(row);
  } catch {
    return { ...readEventRecord({ ...row, payload: '{}' }), payload: { unreadable: row.payload } };
  }
};

/**
 * 留痕核验: recomputes every event's hash from its stored fields and checks the chain (core), then compares the
 * chain's end with the head kept on the case row, which alone reveals events cut off the end, appended without
 * moving the head, or a last event rewritten with its hash recomputed: `head-mismatch`.
 */
export const auditCase = async (db: Database, numberText: string, scope: CaseScope): Promise<Result<AuditReply>> => {
  const number = normaliseCaseNumber(numberText);
  const row = await readCase(db, number);
  if (row === undefined || !caseVisibleTo(scope, row)) return err('CASE_NOT_FOUND', { number });
  const events = (await readEvents(db, number)).map(readStored);
  const recomputed = await Promise.all(events.map(({ hash: _hash, ...event }) => hashEvent(event)));
  const verdict = checkAuditChain(events, recomputed);
  if (!verdict.intact) return ok({ number, ...verdict });
  if (verdict.length !== row.eventSeq || verdict.head !== row.eventHead) {
    // Same length: the last event is not the one the case recorded. Otherwise: the first event missing or extra.
    const brokenAt = verdict.length === row.eventSeq ? row.eventSeq : Math.min(verdict.length, row.eventSeq) + 1;
    return ok({ number, intact: false, brokenAt, reason: 'head-mismatch' });
  }
  return ok({ number, ...verdict });
};
