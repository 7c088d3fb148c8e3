/**
 * A case's shapes (办件): its number, its back-office tasks and their lifecycle, and its hash-chained events.
 * The worker stores these in D1; every rule about how they change lives in core/cases.
 */
import type { IsoDate, LegalClock, SuspensionReason } from '../clock/types.ts';

/** A case number read over the phone: hall code, date, daily sequence, check digit (`XS-261128-0042-7`). */
export interface CaseNumberParts {
  /** 2-4 uppercase letters naming the hall (`XS` for Xiaoshan). */
  readonly hallCode: string;
  readonly date: IsoDate;
  /** 1-based sequence within the hall's day. */
  readonly sequence: number;
}

/**
 * 办件状态. `awaiting-correction`: registered but not accepted (one-time notice issued) or sent back by a
 * back office; `in-review`: accepted, tasks out; the rest are final.
 */
export type CaseStatus = 'awaiting-correction' | 'in-review' | 'approved' | 'partly-approved' | 'rejected';

/**
 * A back-office task's status. `waiting`: its predecessors are not approved yet; `open`: released, nobody holds
 * it; `claimed`: a reviewer holds it; `suspended`: clock stopped (Art. 45); `awaiting-correction`: sent back for
 * 补正; `withdrawn`: a predecessor was rejected, so it will never be released.
 */
export type TaskStatus =
  | 'waiting'
  | 'open'
  | 'claimed'
  | 'suspended'
  | 'awaiting-correction'
  | 'approved'
  | 'rejected'
  | 'withdrawn';

export interface TaskState {
  readonly id: string;
  readonly key: string;
  readonly matterCode: string;
  readonly departmentId: string;
  readonly stage: number;
  readonly dependsOn: readonly string[];
  readonly status: TaskStatus;
  readonly claimedBy?: string;
  /** The task's legal clock, from its release (null while waiting). */
  readonly clock: LegalClock | null;
  /** When the clock runs out; absent while waiting, awaiting correction, or pending (`dueAfter`). */
  readonly dueOn?: IsoDate;
  /**
   * 到期日待定: the clock runs but its due date lies past the working-day calendar's data (next year's official
   * schedule is not published yet). The due date is known to be later than this day, the calendar's last one;
   * the awaited year is the one after it. Present only instead of `dueOn`; `refreshDueDate` turns it into a
   * `dueOn` once the calendar covers the date. See core/cases/pending-due-date.ts.
   */
  readonly dueAfter?: IsoDate;
  /** The last decision's reason (rejection, correction request, suspension). */
  readonly reason?: string;
  /** While `awaiting-correction`: the materials the reviewer sent back (一次性告知: all of them at once). */
  readonly correctionMaterialIds?: readonly string[];
}

/** What a reviewer decides on a task they hold. */
export type TaskDecision =
  | { readonly kind: 'approve'; readonly note?: string }
  | { readonly kind: 'reject'; readonly reason: string }
  | { readonly kind: 'request-correction'; readonly reason: string; readonly materialIds: readonly string[] }
  | { readonly kind: 'suspend'; readonly reason: string; readonly suspension: SuspensionReason }
  | { readonly kind: 'resume'; readonly note?: string };

/** 办件事件 types: every state change of a case writes one. */
export type CaseEventType =
  | 'case-registered'
  | 'notice-issued'
  | 'correction-received'
  | 'case-accepted'
  | 'task-released'
  | 'task-claimed'
  | 'task-approved'
  | 'task-rejected'
  | 'task-correction-requested'
  | 'task-suspended'
  | 'task-resumed'
  | 'task-withdrawn'
  | 'case-completed'
  /** An electronic certificate that waited (no signing key at approval) was issued later. */
  | 'certificate-issued'
  /** 统一出证: every result can be collected at the issuing window (领取通知). */
  | 'results-ready'
  /** Collected at the window by the holder or an authorised agent: the case is closed. */
  | 'results-picked-up'
  /** Sent by mail (邮寄送达): carrier and tracking number recorded. */
  | 'results-mailed'
  /** The mail was delivered: the case is closed. */
  | 'results-delivered';

/** One event as chained: the hash covers every field but `hash` itself, plus the previous event's hash. */
export interface CaseEventRecord {
  readonly caseNumber: string;
  /** 1-based, gap-free per case. */
  readonly seq: number;
  readonly type: CaseEventType;
  /** Epoch milliseconds. */
  readonly at: number;
  /** Who did it (`front-desk:<id>`, `reviewer:<id>`, `applicant`, `system`). */
  readonly actor: string;
  readonly payload: Readonly<Record<string, unknown>>;
  /** Hex SHA-256 of the previous event (64 zeros for the first). */
  readonly prevHash: string;
  readonly hash: string;
}

/**
 * What checking a case's event chain found. `brokenAt` is the seq (1-based position) of the first event at
 * which the chain fails; `head` is the last event's hash (GENESIS_HASH for an empty chain), to compare with
 * the head kept on the case row: only that comparison reveals events cut off the end.
 */
export type AuditVerdict =
  | { readonly intact: true; readonly length: number; readonly head: string }
  | {
      readonly intact: false;
      readonly brokenAt: number;
      readonly reason: 'hash-mismatch' | 'prev-hash-mismatch' | 'sequence-gap' | 'wrong-case';
    };

/**
 * One line of the public tracking page (办件进度查询). Built from a whitelist of payload keys: never a name,
 * an ID number, a phone, a free-text reason or who acted.
 */
export interface TimelineEntry {
  readonly seq: number;
  readonly type: CaseEventType;
  /** Beijing local date of the event. */
  readonly date: IsoDate;
  /** Chinese first, e.g. 已分送市场监管局审批, 暂停计时（现场核查）. */
  readonly label: string;
  readonly labelEn: string;
  readonly departmentId?: string;
  readonly matterCode?: string;
  readonly matterName?: string;
  readonly dueOn?: IsoDate;
  /** A due date that was pending when the event was written: later than this day (see TaskState.dueAfter). */
  readonly dueAfter?: IsoDate;
  /** The Art. 45 category of a suspension: a code, never the reviewer's words. */
  readonly suspension?: SuspensionReason;
}
