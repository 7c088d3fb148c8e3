import { describe, expect, it } from 'vitest';
import { computeNextAlarm } from './hall-alarm.ts';
import { createOpenHall, MINUTE } from './hall-fixture.ts';

describe('recall', () => {
  it('re-announces up to maxRecalls times, then the next recall is a no-show', () => {
    const hall = createOpenHall();
    hall.take('t1');
    hall.call('1');
    expect(hall.run({ type: 'recall', ticketId: 't1' })[0]).toMatchObject({ type: 'ticketRecalled', recalls: 1 });
    expect(hall.run({ type: 'recall', ticketId: 't1' })[0]).toMatchObject({ type: 'ticketRecalled', recalls: 2 });
    expect(hall.run({ type: 'recall', ticketId: 't1' })[0]).toMatchObject({ type: 'ticketNoShow', reason: 'recall_limit' });
    expect(hall.state.tickets.get('t1')?.status).toBe('no_show');
    expect(hall.state.windows.get('1')?.ticketId).toBeNull();
    expect(hall.fail({ type: 'recall', ticketId: 't1' }).code).toBe('TICKET_ALREADY_DONE');
  });

  it('refuses waiting, serving and unknown tickets, and another window\'s ticket', () => {
    const hall = createOpenHall();
    hall.take('t1');
    hall.take('t2');
    expect(hall.fail({ type: 'recall', ticketId: 't1' }).code).toBe('TICKET_NOT_CALLED');
    expect(hall.fail({ type: 'recall', ticketId: 'nope' }).code).toBe('TICKET_NOT_FOUND');
    hall.call('1');
    expect(hall.fail({ type: 'recall', ticketId: 't1', windowId: '2' }).code).toBe('TICKET_NOT_AT_WINDOW');
    hall.run({ type: 'startServing', ticketId: 't1', windowId: '1' });
    expect(hall.fail({ type: 'recall', ticketId: 't1' }).code).toBe('TICKET_ALREADY_SERVING');
  });
});

describe('tick', () => {
  it('makes a ticket a no-show once its recalls are used up and the timeout passes', () => {
    const hall = createOpenHall({ maxRecalls: 1, recallTimeoutSeconds: 90 });
    hall.take('t1');
    hall.call('1');
    hall.advance(10 * MINUTE);
    expect(hall.run({ type: 'tick' })).toEqual([]);
    hall.run({ type: 'recall', ticketId: 't1' });
    const recalledAt = hall.now;
    expect(computeNextAlarm(hall.state)).toBe(recalledAt + 90_000);
    hall.advance(89_000);
    expect(hall.run({ type: 'tick' })).toEqual([]);
    hall.advance(1_000);
    expect(hall.run({ type: 'tick' })).toMatchObject([{ type: 'ticketNoShow', ticketId: 't1', reason: 'timeout' }]);
    expect(hall.state.stats.hall.noShows).toBe(1);
  });
});

describe('startServing and complete', () => {
  it('records the outcome and the handling time from start to completion', () => {
    const hall = createOpenHall();
    hall.take('t1');
    hall.advance(3 * MINUTE);
    hall.call('1');
    hall.advance(MINUTE);
    hall.run({ type: 'startServing', ticketId: 't1' });
    expect(hall.fail({ type: 'startServing', ticketId: 't1' }).code).toBe('TICKET_ALREADY_SERVING');
    hall.advance(7 * MINUTE);
    hall.run({ type: 'complete', ticketId: 't1', outcome: 'case_accepted', caseNumber: '330109-2026-0001' });
    const ticket = hall.state.tickets.get('t1');
    expect(ticket).toMatchObject({ status: 'completed', outcome: 'case_accepted', caseNumber: '330109-2026-0001' });
    const w1 = hall.state.stats.windows.get('1')!;
    expect(w1.served).toBe(1);
    expect(w1.handlingSumMs).toBe(7 * MINUTE);
    expect(w1.waitSumMs).toBe(3 * MINUTE);
    expect(hall.state.windows.get('1')?.ticketId).toBeNull();
  });

  it('fails to complete twice', () => {
    const hall = createOpenHall();
    hall.take('t1');
    hall.call('1');
    hall.run({ type: 'complete', ticketId: 't1', outcome: 'referred' });
    expect(hall.fail({ type: 'complete', ticketId: 't1', outcome: 'referred' }).code).toBe('TICKET_ALREADY_DONE');
  });

  it('completes straight from called, counting handling from the call', () => {
    const hall = createOpenHall();
    hall.take('t1');
    hall.call('1');
    hall.advance(5 * MINUTE);
    hall.run({ type: 'complete', ticketId: 't1', outcome: 'consultation_only' });
    expect(hall.state.stats.hall.handlingSumMs).toBe(5 * MINUTE);
  });

  it('refuses an unknown outcome and a waiting ticket', () => {
    const hall = createOpenHall();
    hall.take('t1');
    expect(hall.fail({ type: 'complete', ticketId: 't1', outcome: 'case_accepted' }).code).toBe('TICKET_NOT_CALLED');
    hall.call('1');
    expect(hall.fail({ type: 'complete', ticketId: 't1', outcome: 'done' as 'referred' }).code).toBe('INVALID_INPUT');
  });

  it('moves the service-time average from the 8-minute prior toward what it observes', () => {
    const hall = createOpenHall({ windowCount: 1 });
    expect(hall.state.service.meanMs).toBe(8 * MINUTE);
    for (let i = 0; i < 40; i++) {
      hall.take(`t${i}`);
      hall.call('1');
      hall.advance(4 * MINUTE);
      hall.run({ type: 'complete', ticketId: `t${i}`, outcome: 'case_accepted' });
    }
    expect(hall.state.service.meanMs).toBeLessThan(4.1 * MINUTE);
    expect(hall.state.service.meanMs).toBeGreaterThanOrEqual(4 * MINUTE);
  });
});

describe('markNoShow', () => {
  it('ends a called ticket and frees the window; not once serving', () => {
    const hall = createOpenHall();
    hall.take('t1');
    hall.take('t2');
    hall.call('1');
    hall.run({ type: 'markNoShow', ticketId: 't1' });
    expect(hall.state.tickets.get('t1')?.status).toBe('no_show');
    expect(hall.state.stats.windows.get('1')?.noShows).toBe(1);
    hall.call('1');
    hall.run({ type: 'startServing', ticketId: 't2' });
    expect(hall.fail({ type: 'markNoShow', ticketId: 't2' }).code).toBe('TICKET_ALREADY_SERVING');
  });
});

describe('transfer', () => {
  it('sends a ticket back to its line at its original place', () => {
    const hall = createOpenHall();
    hall.take('t1');
    hall.take('t2');
    hall.take('t3');
    hall.call('1');
    hall.call('2');
    hall.run({ type: 'transfer', ticketId: 't1', backToLine: true });
    expect(hall.state.tickets.get('t1')).toMatchObject({ status: 'waiting', windowId: null });
    expect(hall.call('1')).toBe('A001');
    expect(hall.call('3')).toBe('A003');
  });

  it('refuses the same window, a closed target, an unknown target and a waiting ticket', () => {
    const hall = createOpenHall();
    hall.take('t1');
    expect(hall.fail({ type: 'transfer', ticketId: 't1', toWindowId: '2' }).code).toBe('TICKET_NOT_CALLED');
    hall.call('1');
    expect(hall.fail({ type: 'transfer', ticketId: 't1', toWindowId: '1' }).code).toBe('INVALID_INPUT');
    expect(hall.fail({ type: 'transfer', ticketId: 't1', toWindowId: '42' }).code).toBe('UNKNOWN_WINDOW');
    hall.run({ type: 'closeWindow', windowId: '3' });
    expect(hall.fail({ type: 'transfer', ticketId: 't1', toWindowId: '3' }).code).toBe('WINDOW_CLOSED');
  });

  it('counts the wait once: a transferred ticket is not waiting anew', () => {
    const hall = createOpenHall();
    hall.take('t1');
    hall.advance(2 * MINUTE);
    hall.call('1');
    hall.run({ type: 'startServing', ticketId: 't1' });
    hall.run({ type: 'transfer', ticketId: 't1', toWindowId: '2' });
    hall.advance(10 * MINUTE);
    hall.call('2');
    expect(hall.state.stats.hall.waitCount).toBe(1);
    expect(hall.state.stats.hall.waitSumMs).toBe(2 * MINUTE);
    expect(hall.state.stats.hall.transfers).toBe(1);
  });
});

describe('cancel', () => {
  it('cancels a waiting ticket, which is then skipped', () => {
    const hall = createOpenHall();
    hall.take('t1');
    hall.take('t2');
    hall.run({ type: 'cancel', ticketId: 't1' });
    expect(hall.call('1')).toBe('A002');
    expect(hall.state.stats.hall.cancellations).toBe(1);
  });

  it('cancels a called ticket and frees its window; not once serving; not twice', () => {
    const hall = createOpenHall();
    hall.take('t1');
    hall.take('t2');
    hall.call('1');
    expect(hall.run({ type: 'cancel', ticketId: 't1' })[0]).toMatchObject({ windowId: '1' });
    expect(hall.state.windows.get('1')?.ticketId).toBeNull();
    expect(hall.fail({ type: 'cancel', ticketId: 't1' }).code).toBe('TICKET_ALREADY_DONE');
    hall.call('1');
    hall.run({ type: 'startServing', ticketId: 't2' });
    expect(hall.fail({ type: 'cancel', ticketId: 't2' }).code).toBe('TICKET_ALREADY_SERVING');
  });

  it('cancels a ticket waiting for the window it was transferred to', () => {
    const hall = createOpenHall();
    hall.take('t1');
    hall.take('t2');
    hall.call('1');
    hall.run({ type: 'transfer', ticketId: 't1', toWindowId: '2' });
    hall.run({ type: 'cancel', ticketId: 't1' });
    expect(hall.call('2')).toBe('A002');
  });
});

describe('decide input guards', () => {
  it('rejects a non-finite time and an unknown command', () => {
    const hall = createOpenHall();
    hall.now = Number.NaN;
    expect(hall.fail({ type: 'tick' }).code).toBe('INVALID_INPUT');
    hall.now = Date.UTC(2026, 2, 2, 1);
    expect(hall.fail({ type: 'launch' } as never).code).toBe('INVALID_INPUT');
  });
});
