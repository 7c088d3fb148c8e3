import { err, ok, type Result } from '../result.ts';
import { formatTicketNumber } from './announcement.ts';
import { isWithinHours } from './hall-config.ts';
import { localDayOf, localMinuteOf } from './local-day.ts';
import type { HallEvent, HallState, LineName, PriorityReason, TakeTicketCommand, TicketClass } from './types.ts';

const CLASSES: ReadonlySet<unknown> = new Set<TicketClass>(['normal', 'priority', 'appointment']);
const REASONS: ReadonlySet<unknown> = new Set<PriorityReason>(['elderly', 'disabled', 'military']);
const MOBILE = /^1[3-9]\d{9}$/;

const isOptionalString = (v: unknown): v is string | undefined => v === undefined || typeof v === 'string';

/**
 * 取号: numbers the ticket per class per local day (A001, B001, C001…). Taking an appointment ticket is
 * its check-in: a citizen who arrives after slotStart + grace-after joins the normal line by arrival.
 * A retry with the same ticket id and details emits nothing (no duplicate ticket on a retried request).
 */
export const decideTakeTicket = (state: HallState, command: TakeTicketCommand, at: number): Result<HallEvent[]> => {
  const { ticketId } = command;
  if (typeof ticketId !== 'string' || ticketId.length === 0 || ticketId.length > 128) {
    return err('INVALID_INPUT', { field: 'ticketId' });
  }
  const ticketClass = command.class;
  if (!CLASSES.has(ticketClass)) return err('INVALID_INPUT', { field: 'class' });
  const matterCode = command.matterCode ?? null;
  const phone = command.phone ?? null;
  const priorityReason = command.priorityReason ?? null;
  const slotStart = command.appointment === undefined ? null : command.appointment.slotStart;

  const existing = state.tickets.get(ticketId);
  if (existing) {
    if (existing.status === 'expired') return err('TICKET_EXPIRED', { ticketId, number: existing.number });
    const same =
      existing.class === ticketClass &&
      existing.matterCode === matterCode &&
      existing.phone === phone &&
      existing.priorityReason === priorityReason &&
      existing.slotStart === slotStart;
    return same ? ok([]) : err('TICKET_ID_CONFLICT', { ticketId, number: existing.number });
  }

  if (!isOptionalString(command.matterCode)) return err('INVALID_INPUT', { field: 'matterCode' });
  if (phone !== null && (typeof phone !== 'string' || !MOBILE.test(phone))) {
    return err('INVALID_INPUT', { field: 'phone' });
  }
  if ((ticketClass === 'priority') !== (priorityReason !== null) || (priorityReason !== null && !REASONS.has(priorityReason))) {
    return err('INVALID_INPUT', { field: 'priorityReason', reason: 'required for, and only for, priority tickets' });
  }
  if ((ticketClass === 'appointment') !== (slotStart !== null)) {
    return err('INVALID_INPUT', { field: 'appointment', reason: 'required for, and only for, appointment tickets' });
  }
  if (slotStart !== null) {
    if (typeof slotStart !== 'number' || !Number.isFinite(slotStart)) {
      return err('INVALID_INPUT', { field: 'appointment.slotStart' });
    }
    if (localDayOf(slotStart) !== state.day) return err('APPOINTMENT_NOT_TODAY', { slotStart });
  }
  if (state.config.hours.length > 0 && !isWithinHours(state.config, localMinuteOf(at))) {
    return err('HALL_NOT_OPEN', { at });
  }

  const line: LineName =
    ticketClass === 'appointment'
      ? at > (slotStart ?? 0) + state.config.graceAfterMs
        ? 'normal'
        : 'appointment'
      : ticketClass;
  return ok([
    {
      type: 'ticketTaken',
      at,
      ticketId,
      number: formatTicketNumber(state.config.prefixes[ticketClass], state.issued[ticketClass] + 1),
      class: ticketClass,
      line,
      seq: state.seq,
      matterCode,
      phone,
      priorityReason,
      slotStart,
    },
  ]);
};
