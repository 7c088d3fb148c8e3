import { describe, expect, it } from 'vitest';
import { createDriver, createOpenHall, MINUTE, OPENING } from './hall-fixture.ts';
import { localTime } from './local-day.ts';

describe('takeTicket', () => {
  it('numbers tickets per class from 001', () => {
    const hall = createDriver();
    expect(hall.take('a1')).toBe('A001');
    expect(hall.take('a2')).toBe('A002');
    expect(hall.take('b1', { class: 'priority', priorityReason: 'elderly' })).toBe('B001');
    expect(hall.take('c1', { class: 'appointment', appointment: { slotStart: OPENING + 30 * MINUTE } })).toBe('C001');
    expect(hall.take('a3')).toBe('A003');
  });

  it('uses the configured prefixes', () => {
    const hall = createDriver({ prefixes: { normal: 'N', priority: 'P' } });
    expect(hall.take('x')).toBe('N001');
    expect(hall.take('y', { class: 'priority', priorityReason: 'military' })).toBe('P001');
  });

  it('emits nothing for a retry with the same id and details (no duplicate ticket)', () => {
    const hall = createDriver();
    hall.take('t1', { matterCode: 'M1' });
    expect(hall.run({ type: 'takeTicket', ticketId: 't1', class: 'normal', matterCode: 'M1' })).toEqual([]);
    expect(hall.state.tickets.size).toBe(1);
    expect(hall.take('t2')).toBe('A002');
  });

  it('refuses an id reused with other details', () => {
    const hall = createDriver();
    hall.take('t1');
    expect(hall.fail({ type: 'takeTicket', ticketId: 't1', class: 'priority', priorityReason: 'elderly' }).code).toBe(
      'TICKET_ID_CONFLICT',
    );
  });

  it('requires a priority reason for, and only for, priority tickets', () => {
    const hall = createDriver();
    expect(hall.fail({ type: 'takeTicket', ticketId: 'p', class: 'priority' }).code).toBe('INVALID_INPUT');
    expect(hall.fail({ type: 'takeTicket', ticketId: 'n', class: 'normal', priorityReason: 'elderly' }).code).toBe(
      'INVALID_INPUT',
    );
    expect(
      hall.fail({ type: 'takeTicket', ticketId: 'p', class: 'priority', priorityReason: 'vip' as 'elderly' }).code,
    ).toBe('INVALID_INPUT');
  });

  it('requires a slot for appointment tickets, on the current day', () => {
    const hall = createDriver();
    expect(hall.fail({ type: 'takeTicket', ticketId: 'c', class: 'appointment' }).code).toBe('INVALID_INPUT');
    const tomorrow = localTime(2026, 3, 3, 9, 0);
    expect(
      hall.fail({ type: 'takeTicket', ticketId: 'c', class: 'appointment', appointment: { slotStart: tomorrow } }).code,
    ).toBe('APPOINTMENT_NOT_TODAY');
  });

  it('validates the mobile number', () => {
    const hall = createDriver();
    expect(hall.fail({ type: 'takeTicket', ticketId: 't', class: 'normal', phone: '12345' }).code).toBe('INVALID_INPUT');
    hall.take('t', { phone: '13800138000' });
    expect(hall.state.tickets.get('t')?.phone).toBe('13800138000');
  });

  it('issues tickets only within the hall hours when they are configured', () => {
    const hall = createDriver({ hours: [{ from: '08:30', to: '11:45' }, { from: '13:00', to: '16:45' }] });
    hall.take('morning');
    hall.now = localTime(2026, 3, 2, 12, 0);
    expect(hall.fail({ type: 'takeTicket', ticketId: 'lunch', class: 'normal' }).code).toBe('HALL_NOT_OPEN');
    hall.now = localTime(2026, 3, 2, 13, 0);
    expect(hall.take('afternoon')).toBe('A002');
  });

  it('puts an appointment checked in after slot + grace into the normal line, by arrival', () => {
    const hall = createDriver();
    hall.take('c-late', { class: 'appointment', appointment: { slotStart: OPENING - 16 * MINUTE } });
    hall.take('c-ok', { class: 'appointment', appointment: { slotStart: OPENING - 15 * MINUTE } });
    expect(hall.state.tickets.get('c-late')?.line).toBe('normal');
    expect(hall.state.tickets.get('c-ok')?.line).toBe('appointment');
  });

  it('restarts numbering on a new day and expires yesterday\'s waiting tickets', () => {
    const hall = createOpenHall();
    hall.take('y1');
    hall.take('y2');
    hall.call('1');
    hall.now = localTime(2026, 3, 3, 8, 30);
    const events = hall.run({ type: 'takeTicket', ticketId: 't1', class: 'normal' });
    expect(events.map((e) => e.type)).toEqual(['dayRolledOver', 'ticketTaken']);
    expect(events[0]).toMatchObject({ expiredTicketIds: ['y1', 'y2'], closedWindowIds: ['1', '2', '3'] });
    expect(hall.state.tickets.get('t1')?.number).toBe('A001');
    expect(hall.fail({ type: 'cancel', ticketId: 'y2' }).code).toBe('TICKET_EXPIRED');
    expect(hall.fail({ type: 'complete', ticketId: 'y1', outcome: 'referred' }).code).toBe('TICKET_EXPIRED');
    // A day starts with every window closed: yesterday's ticket is never callable today.
    expect(hall.fail({ type: 'callNext', windowId: '1' }).code).toBe('WINDOW_CLOSED');
    hall.run({ type: 'openWindow', windowId: '1' });
    expect(hall.call('1')).toBe('A001');
  });

  it('rolls over on an explicit rolloverDay and keeps only the last day of tickets', () => {
    const hall = createDriver();
    hall.take('d1');
    hall.now = localTime(2026, 3, 3, 0, 0);
    expect(hall.run({ type: 'rolloverDay' }).map((e) => e.type)).toEqual(['dayRolledOver']);
    expect(hall.run({ type: 'rolloverDay' })).toEqual([]);
    hall.take('d2');
    hall.now = localTime(2026, 3, 4, 0, 0);
    hall.run({ type: 'rolloverDay' });
    expect(hall.state.tickets.has('d1')).toBe(false);
    expect(hall.state.tickets.get('d2')?.status).toBe('expired');
    expect(hall.fail({ type: 'cancel', ticketId: 'd1' }).code).toBe('TICKET_NOT_FOUND');
  });

  it('never lets time run backwards', () => {
    const hall = createDriver();
    hall.advance(5 * MINUTE);
    hall.take('t1');
    hall.now = OPENING;
    const events = hall.run({ type: 'takeTicket', ticketId: 't2', class: 'normal' });
    expect(events[0]?.at).toBe(OPENING + 5 * MINUTE);
  });
});
