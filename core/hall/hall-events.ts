import type { CallSource, LineName, NoShowReason, PriorityReason, ServiceOutcome, TicketClass } from './types.ts';

/**
 * The facts decide() emits and evolve() applies: plain JSON, persisted in SQLite and broadcast over
 * WebSockets, each carrying what evolve needs (the number assigned, the time, the line) so a replay
 * never re-decides.
 */

export interface Announcement {
  /** Strictly increasing per hall: a display speaks announcements in this order, one at a time. */
  readonly seq: number;
  /** e.g. `请 A023 号到 5 号窗口办理`. */
  readonly text: string;
  readonly textEn: string;
}

export type HallEvent =
  | {
      readonly type: 'dayRolledOver';
      readonly at: number;
      readonly fromDay: number | null;
      readonly day: number;
      /** Every ticket not yet ended (waiting, called or serving), in take order. */
      readonly expiredTicketIds: readonly string[];
      /** Windows open or paused at the rollover; a day starts with every window closed. */
      readonly closedWindowIds: readonly string[];
    }
  | {
      readonly type: 'ticketTaken';
      readonly at: number;
      readonly ticketId: string;
      readonly number: string;
      readonly class: TicketClass;
      readonly line: LineName;
      readonly seq: number;
      readonly matterCode: string | null;
      readonly phone: string | null;
      readonly priorityReason: PriorityReason | null;
      readonly slotStart: number | null;
    }
  | { readonly type: 'windowOpened'; readonly at: number; readonly windowId: string }
  | { readonly type: 'windowPaused'; readonly at: number; readonly windowId: string; readonly reason: string }
  | { readonly type: 'windowResumed'; readonly at: number; readonly windowId: string }
  | {
      readonly type: 'windowClosed';
      readonly at: number;
      readonly windowId: string;
      /** Tickets transferred to this window, sent back to their lines at their original place. */
      readonly returnedTicketIds: readonly string[];
    }
  | {
      readonly type: 'ticketCalled';
      readonly at: number;
      readonly ticketId: string;
      readonly number: string;
      readonly windowId: string;
      readonly source: CallSource;
      /** Whether the call counts toward the normal:priority ratio (both lines were waiting). */
      readonly ratioCounted: boolean;
      readonly announcement: Announcement;
    }
  | {
      readonly type: 'ticketRecalled';
      readonly at: number;
      readonly ticketId: string;
      readonly number: string;
      readonly windowId: string;
      readonly recalls: number;
      readonly announcement: Announcement;
    }
  | { readonly type: 'servingStarted'; readonly at: number; readonly ticketId: string; readonly windowId: string }
  | {
      readonly type: 'ticketCompleted';
      readonly at: number;
      readonly ticketId: string;
      readonly windowId: string;
      readonly outcome: ServiceOutcome;
      readonly caseNumber: string | null;
    }
  | {
      readonly type: 'ticketNoShow';
      readonly at: number;
      readonly ticketId: string;
      readonly windowId: string;
      readonly reason: NoShowReason;
    }
  | {
      readonly type: 'ticketTransferred';
      readonly at: number;
      readonly ticketId: string;
      readonly fromWindowId: string;
      /** The window that calls it next, or null when it goes back to its line at its original place. */
      readonly toWindowId: string | null;
    }
  | {
      readonly type: 'ticketCancelled';
      readonly at: number;
      readonly ticketId: string;
      /** The window that had called it, or null if it was waiting. */
      readonly windowId: string | null;
    };

export type HallEventType = HallEvent['type'];
export type HallEventOf<T extends HallEventType> = Extract<HallEvent, { type: T }>;
