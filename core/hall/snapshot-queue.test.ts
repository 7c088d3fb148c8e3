import { describe, expect, it } from 'vitest';
import { redactHallEvent } from './hall-alarm.ts';
import { createDriver, createOpenHall, MINUTE, OPENING } from './hall-fixture.ts';
import { snapshotQueue } from './snapshot-queue.ts';
import { summarizeHallStats } from './summarize-stats.ts';

describe('snapshotQueue', () => {
  it('lists waiting tickets per class with their place in the call order', () => {
    const hall = createOpenHall({ windowCount: 2 });
    for (let i = 1; i <= 4; i++) hall.take(`a${i}`);
    hall.take('b1', { class: 'priority', priorityReason: 'disabled' });
    hall.call('1');
    hall.call('2');
    const view = snapshotQueue(hall.state, hall.now);
    // B001 and A001 were called; the ratio now owes normal one more call, then priority (none left).
    expect(view.waiting.normal.map((e) => [e.number, e.position])).toEqual([
      ['A002', 1],
      ['A003', 2],
      ['A004', 3],
    ]);
    expect(view.waiting.priority).toEqual([]);
    expect(view.waitingTotal).toBe(3);
  });

  it('estimates the wait from the service time and the open windows', () => {
    const hall = createOpenHall({ windowCount: 2 });
    for (let i = 1; i <= 5; i++) hall.take(`a${i}`);
    hall.call('1');
    hall.call('2');
    const view = snapshotQueue(hall.state, hall.now);
    // Both windows busy, 8-minute prior: the k-th waits k departures at 2 per 8 minutes.
    expect(view.waiting.normal.map((e) => e.estimatedWaitMs)).toEqual([4 * MINUTE, 8 * MINUTE, 12 * MINUTE]);
    hall.run({ type: 'pauseWindow', windowId: '2', reason: '暂离' });
    const paused = snapshotQueue(hall.state, hall.now);
    expect(paused.waiting.normal.map((e) => e.estimatedWaitMs)).toEqual([8 * MINUTE, 16 * MINUTE, 24 * MINUTE]);
    expect(paused.estimate.openWindows).toBe(1);
  });

  it('places a not-yet-due appointment at its due time', () => {
    const hall = createOpenHall({ windowCount: 1 });
    hall.take('c1', { class: 'appointment', appointment: { slotStart: OPENING + 30 * MINUTE } });
    for (let i = 1; i <= 6; i++) hall.take(`a${i}`);
    hall.call('1');
    const view = snapshotQueue(hall.state, hall.now);
    // Due at +20 min; the line moves one every 8 minutes: A002 at 8, A003 at 16, then C001 at 24.
    expect(view.waiting.appointment[0]).toMatchObject({ number: 'C001', position: 3 });
  });

  it('shows windows, transfers and the last calls, newest first, without phone numbers', () => {
    const hall = createOpenHall({ windowCount: 2, recentCallsKept: 2 });
    hall.take('t1', { phone: '13800138000' });
    hall.take('t2');
    hall.take('t3');
    hall.call('1');
    hall.run({ type: 'transfer', ticketId: 't1', toWindowId: '2' });
    hall.call('1');
    hall.run({ type: 'recall', ticketId: 't2' });
    const view = snapshotQueue(hall.state, hall.now);
    expect(view.windows[0]).toMatchObject({ id: '1', status: 'open', ticket: { number: 'A002', status: 'called' } });
    expect(view.windows[1]).toMatchObject({ id: '2', transfersWaiting: 1 });
    expect(view.waiting.normal.find((e) => e.number === 'A001')).toMatchObject({ transferTo: '2', position: 1 });
    expect(view.recentCalls.map((c) => [c.number, c.recall])).toEqual([
      ['A002', true],
      ['A002', false],
    ]);
    expect(view.lastAnnouncementSeq).toBe(3);
    expect(JSON.stringify(view)).not.toContain('13800138000');
  });

  it('shows the new day, not yesterday\'s line, when the state has not rolled over yet', () => {
    const hall = createOpenHall();
    hall.take('t1');
    const view = snapshotQueue(hall.state, OPENING + 24 * 60 * MINUTE);
    expect(view.waitingTotal).toBe(0);
    expect(view.windows.every((w) => w.status === 'closed')).toBe(true);
    expect(hall.state.tickets.get('t1')?.status).toBe('waiting');
  });

  it('predicts the mean wait of a new ticket by Allen-Cunneen', () => {
    const hall = createOpenHall({ windowCount: 2 });
    expect(snapshotQueue(hall.state, hall.now).estimate.predictedMeanWaitMs).toBe(0);
    for (let i = 0; i < 12; i++) {
      hall.take(`t${i}`);
      hall.advance(5 * MINUTE);
    }
    const estimate = snapshotQueue(hall.state, hall.now).estimate;
    expect(estimate.arrivalsPerHour).toBeGreaterThan(11);
    expect(estimate.arrivalsPerHour).toBeLessThan(13);
    expect(estimate.predictedMeanWaitMs).toBeGreaterThan(0);
    const closed = createDriver();
    expect(snapshotQueue(closed.state, closed.now).estimate.predictedMeanWaitMs).toBeNull();
  });
});

describe('summarizeHallStats', () => {
  it('reports served, mean and p95 wait, handling, idle, no-shows and cancellations per window and hall', () => {
    const hall = createOpenHall({ windowCount: 2 });
    for (let i = 1; i <= 4; i++) hall.take(`t${i}`);
    hall.advance(2 * MINUTE);
    hall.call('1');
    hall.run({ type: 'startServing', ticketId: 't1' });
    hall.advance(6 * MINUTE);
    hall.run({ type: 'complete', ticketId: 't1', outcome: 'case_accepted' });
    hall.call('1');
    hall.run({ type: 'markNoShow', ticketId: 't2' });
    hall.call('2');
    hall.run({ type: 'cancel', ticketId: 't3' });
    hall.advance(MINUTE);
    const stats = summarizeHallStats(hall.state, hall.now);
    expect(stats.hall).toMatchObject({ calls: 3, served: 1, noShows: 1, cancellations: 1, meanHandlingMs: 6 * MINUTE });
    expect(stats.hall.meanWaitMs).toBeCloseTo(((2 + 8 + 8) * MINUTE) / 3, 6);
    expect(stats.hall.p95WaitMs).toBeGreaterThanOrEqual(8 * MINUTE);
    expect(stats.hall.p95WaitMs).toBeLessThan(8 * MINUTE + 10_000);
    const [w1, w2] = stats.windows;
    expect(w1).toMatchObject({ windowId: '1', served: 1, noShows: 1, idleMs: 2 * MINUTE + MINUTE });
    expect(w2).toMatchObject({ windowId: '2', cancellations: 1, idleMs: 9 * MINUTE });
    expect(summarizeHallStats(hall.state, hall.now, 'previous')).toBeNull();
  });

  it('keeps yesterday\'s figures after the rollover', () => {
    const hall = createOpenHall();
    hall.take('t1');
    hall.take('t2');
    hall.call('1');
    hall.run({ type: 'complete', ticketId: 't1', outcome: 'referred' });
    hall.now = OPENING + 24 * 60 * MINUTE;
    hall.run({ type: 'rolloverDay' });
    const yesterday = summarizeHallStats(hall.state, hall.now, 'previous');
    expect(yesterday?.hall).toMatchObject({ served: 1, expired: 1 });
    expect(summarizeHallStats(hall.state, hall.now).hall.served).toBe(0);
  });
});

describe('redactHallEvent', () => {
  it('drops the phone number from broadcast events only', () => {
    const hall = createDriver();
    const [, taken] = hall.run({ type: 'takeTicket', ticketId: 't', class: 'normal', phone: '13800138000' });
    expect(redactHallEvent(taken!)).toMatchObject({ type: 'ticketTaken', phone: null });
    expect(taken).toMatchObject({ phone: '13800138000' });
  });
});
