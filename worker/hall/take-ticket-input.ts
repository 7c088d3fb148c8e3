import type { HallCommand, PriorityReason, TicketClass } from '../../core/index.ts';

/** 取号 as the shell receives it: validated, with the appointment slot as epoch ms. */
export interface TakeTicketInput {
  readonly class: TicketClass;
  readonly matterCode?: string;
  readonly phone?: string;
  readonly priorityReason?: PriorityReason;
  readonly appointmentSlot?: number;
}

/**
 * What makes two takes "the same request": the fields, in a fixed order (key order and spacing do not matter).
 * Unchanged since takes were first keyed, so keys stored before staff commands had keys still replay.
 */
export const fingerprintTake = (input: TakeTicketInput): string =>
  JSON.stringify([input.class, input.matterCode ?? null, input.phone ?? null, input.priorityReason ?? null, input.appointmentSlot ?? null]);

/** The core's take command for `input`, the new ticket to be `ticketId`. */
export const buildTakeCommand = (input: TakeTicketInput, ticketId: string): HallCommand => ({
  type: 'takeTicket',
  ticketId,
  class: input.class,
  ...(input.matterCode === undefined ? {} : { matterCode: input.matterCode }),
  ...(input.phone === undefined ? {} : { phone: input.phone }),
  ...(input.priorityReason === undefined ? {} : { priorityReason: input.priorityReason }),
  ...(input.appointmentSlot === undefined ? {} : { appointment: { slotStart: input.appointmentSlot } }),
});
