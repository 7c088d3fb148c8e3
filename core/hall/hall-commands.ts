import type { PriorityReason, ServiceOutcome, TicketClass } from './types.ts';

/** What staff screens, kiosks and the Durable Object's alarm ask the hall to do; decide() answers with events. */

export interface TakeTicketCommand {
  readonly type: 'takeTicket';
  /** Given by the caller (idempotency key): a retry with the same id and payload emits nothing. */
  readonly ticketId: string;
  readonly class: TicketClass;
  readonly matterCode?: string;
  readonly phone?: string;
  readonly priorityReason?: PriorityReason;
  /** Taking an appointment ticket is the check-in (签到): the citizen is in the hall. */
  readonly appointment?: { readonly slotStart: number };
}

/** Optional `windowId` on ticket commands: when given, the ticket must be held by that window. */
interface TicketAtWindow {
  readonly ticketId: string;
  readonly windowId?: string;
}

export type HallCommand =
  | TakeTicketCommand
  | { readonly type: 'openWindow'; readonly windowId: string }
  | { readonly type: 'pauseWindow'; readonly windowId: string; readonly reason: string }
  | { readonly type: 'resumeWindow'; readonly windowId: string }
  | { readonly type: 'closeWindow'; readonly windowId: string }
  | { readonly type: 'callNext'; readonly windowId: string }
  | ({ readonly type: 'recall' } & TicketAtWindow)
  | ({ readonly type: 'startServing' } & TicketAtWindow)
  | ({ readonly type: 'complete'; readonly outcome: ServiceOutcome; readonly caseNumber?: string } & TicketAtWindow)
  | ({ readonly type: 'markNoShow' } & TicketAtWindow)
  | ({ readonly type: 'transfer'; readonly toWindowId: string } & TicketAtWindow)
  | ({ readonly type: 'transfer'; readonly backToLine: true } & TicketAtWindow)
  | { readonly type: 'cancel'; readonly ticketId: string }
  | { readonly type: 'rolloverDay' }
  | { readonly type: 'tick' };

export type HallCommandType = HallCommand['type'];
