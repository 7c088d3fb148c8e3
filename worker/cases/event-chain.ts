import { describeEventForChain, type CaseEventRecord, type CaseEventType } from '../../core/index.ts';
import type { CaseEventRow } from '../db/schema.ts';
import { sha256Hex } from './digest.ts';

/** An event before it is numbered and chained. `payload` holds no name, ID number or phone (see trackCase). */
export interface EventDraft {
  readonly type: CaseEventType;
  readonly actor: string;
  readonly payload: Readonly<Record<string, unknown>>;
}

/** Where a case's chain stands: its last seq and hash (0 and GENESIS_HASH before the first event). */
export interface ChainHead {
  readonly seq: number;
  readonly hash: string;
}

/** The hash of one event: hex SHA-256 of core's canonical text of it. */
export const hashEvent = (event: Omit<CaseEventRecord, 'hash'>): Promise<string> => sha256Hex(describeEventForChain(event));

/**
 * Numbers the drafts after `head` and chains them: each event's prevHash is the previous hash. Returns the rows
 * to insert (payload stored as its JSON text) and the new head.
 */
export const chainEvents = async (
  caseNumber: string,
  head: ChainHead,
  drafts: readonly EventDraft[],
  at: number,
): Promise<{ rows: CaseEventRow[]; head: ChainHead }> => {
  const rows: CaseEventRow[] = [];
  let { seq, hash } = head;
  for (const draft of drafts) {
    const event = { caseNumber, seq: seq + 1, type: draft.type, at, actor: draft.actor, payload: draft.payload, prevHash: hash };
    const next = await hashEvent(event);
    rows.push({ ...event, payload: JSON.stringify(draft.payload), hash: next });
    seq += 1;
    hash = next;
  }
  return { rows, head: { seq, hash } };
};

/** A stored row as core's record (the payload parsed back). */
export const readEventRecord = (row: CaseEventRow): CaseEventRecord => ({
  caseNumber: row.caseNumber,
  seq: row.seq,
  type: row.type as CaseEventType,
  at: row.at,
  actor: row.actor,
  payload: JSON.parse(row.payload) as Record<string, unknown>,
  prevHash: row.prevHash,
  hash: row.hash,
});
