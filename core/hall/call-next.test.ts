import { describe, expect, it } from 'vitest';
import { createDriver, createOpenHall, MINUTE, OPENING } from './hall-fixture.ts';
import type { HallEvent } from './types.ts';

const takePriority = (hall: ReturnType<typeof createDriver>, id: string) =>
  hall.take(id, { class: 'priority', priorityReason: 'elderly' });

/** Calls and completes at window 1, n times; returns the numbers in call order. */
const serveAtOneWindow = (hall: ReturnType<typeof createDriver>, n: number): string[] => {
  const order: string[] = [];
  for (let i = 0; i < n; i++) {
    order.push(hall.call('1'));
    const ticketId = hall.state.windows.get('1')!.ticketId!;
    hall.run({ type: 'complete', ticketId, outcome: 'case_accepted' });
  }
  return order;
};

describe('callNext', () => {
  it('refuses closed, paused and busy windows, and an empty queue', () => {
    const hall = createDriver();
    hall.take('t1');
    expect(hall.fail({ type: 'callNext', windowId: '1' }).code).toBe('WINDOW_CLOSED');
    hall.run({ type: 'openWindow', windowId: '1' });
    hall.run({ type: 'pauseWindow', windowId: '1', reason: '午休' });
    expect(hall.fail({ type: 'callNext', windowId: '1' }).code).toBe('WINDOW_PAUSED');
    hall.run({ type: 'resumeWindow', windowId: '1' });
    hall.call('1');
    expect(hall.fail({ type: 'callNext', windowId: '1' }).code).toBe('WINDOW_BUSY');
    hall.run({ type: 'openWindow', windowId: '2' });
    expect(hall.fail({ type: 'callNext', windowId: '2' }).code).toBe('QUEUE_EMPTY');
    expect(hall.fail({ type: 'callNext', windowId: 'x' }).code).toBe('UNKNOWN_WINDOW');
  });

  it('serves each line first come, first served', () => {
    const hall = createOpenHall();
    for (let i = 1; i <= 4; i++) hall.take(`a${i}`);
    expect([hall.call('3'), hall.call('1'), hall.call('2')]).toEqual(['A001', 'A002', 'A003']);
  });

  it('never gives the same ticket to two windows', () => {
    const hall = createOpenHall();
    hall.take('only');
    hall.call('1');
    expect(hall.fail({ type: 'callNext', windowId: '2' }).code).toBe('QUEUE_EMPTY');
  });

  it('alternates 2 normal : 1 priority while both lines wait', () => {
    const hall = createOpenHall({ windowCount: 1 });
    for (let i = 1; i <= 6; i++) hall.take(`a${i}`);
    for (let i = 1; i <= 3; i++) takePriority(hall, `b${i}`);
    expect(serveAtOneWindow(hall, 9)).toEqual(['B001', 'A001', 'A002', 'B002', 'A003', 'A004', 'B003', 'A005', 'A006']);
  });

  it('follows a configured ratio such as 3:2', () => {
    const hall = createOpenHall({ windowCount: 1, priorityRatio: { normal: 3, priority: 2 } });
    for (let i = 1; i <= 6; i++) hall.take(`a${i}`);
    for (let i = 1; i <= 4; i++) takePriority(hall, `b${i}`);
    const order = serveAtOneWindow(hall, 10).map((n) => n[0]).join('');
    expect(order).toBe('BAABABAABA');
    // Every prefix stays within one call of the 3:2 share: 3·B − 2·A lies in (−2, 3].
    let a = 0;
    let b = 0;
    for (const c of order) {
      if (c === 'A') a++;
      else b++;
      expect(Math.abs(b * 3 - a * 2)).toBeLessThanOrEqual(3);
    }
    expect(a).toBe(6);
    expect(b).toBe(4);
  });

  it('serves the only waiting line without burning the ratio', () => {
    const hall = createOpenHall({ windowCount: 1 });
    for (let i = 1; i <= 3; i++) takePriority(hall, `b${i}`);
    expect(serveAtOneWindow(hall, 2)).toEqual(['B001', 'B002']);
    expect(hall.state.ratioCount).toEqual({ normal: 0, priority: 0 });
    hall.take('a1');
    hall.take('a2');
    // Both lines wait now: a fresh cycle starts with priority.
    expect(serveAtOneWindow(hall, 3)).toEqual(['B003', 'A001', 'A002']);
  });

  it('calls a checked-in appointment from its slot minus the grace, ahead of both lines', () => {
    const hall = createOpenHall({ windowCount: 1 });
    hall.take('a1');
    takePriority(hall, 'b1');
    hall.take('c1', { class: 'appointment', appointment: { slotStart: OPENING + 30 * MINUTE } });
    expect(serveAtOneWindow(hall, 1)).toEqual(['B001']);
    hall.now = OPENING + 20 * MINUTE;
    expect(serveAtOneWindow(hall, 2)).toEqual(['C001', 'A001']);
  });

  it('orders due appointments by slot, then check-in', () => {
    const hall = createOpenHall({ windowCount: 1 });
    hall.take('c-late-slot', { class: 'appointment', appointment: { slotStart: OPENING + 5 * MINUTE } });
    hall.take('c-early-slot', { class: 'appointment', appointment: { slotStart: OPENING } });
    hall.take('c-same-slot', { class: 'appointment', appointment: { slotStart: OPENING } });
    expect(serveAtOneWindow(hall, 3)).toEqual(['C002', 'C003', 'C001']);
  });

  it('lets a window call the tickets transferred to it first', () => {
    const hall = createOpenHall();
    hall.take('t1');
    hall.take('t2');
    hall.call('1');
    hall.run({ type: 'transfer', ticketId: 't1', toWindowId: '2' });
    expect(hall.call('3')).toBe('A002');
    expect(hall.call('2')).toBe('A001');
  });

  it('announces `请 A001 号到 N 号窗口办理` with a strictly increasing sequence', () => {
    const hall = createOpenHall({ windows: [{ id: '5' }, { id: '6', name: '综合受理6号窗口' }] });
    hall.take('t1');
    hall.take('t2');
    const first = hall.run({ type: 'callNext', windowId: '5' })[0] as Extract<HallEvent, { type: 'ticketCalled' }>;
    const again = hall.run({ type: 'recall', ticketId: 't1' })[0] as Extract<HallEvent, { type: 'ticketRecalled' }>;
    const second = hall.run({ type: 'callNext', windowId: '6' })[0] as Extract<HallEvent, { type: 'ticketCalled' }>;
    expect(first.announcement.text).toBe('请 A001 号到 5 号窗口办理');
    expect(second.announcement.text).toBe('请 A002 号到 综合受理6号窗口办理');
    expect([first.announcement.seq, again.announcement.seq, second.announcement.seq]).toEqual([1, 2, 3]);
  });

  it('keeps the announcement sequence increasing across days', () => {
    const hall = createOpenHall({ windowCount: 1 });
    hall.take('t1');
    hall.call('1');
    hall.now = OPENING + 24 * 60 * MINUTE;
    hall.run({ type: 'openWindow', windowId: '1' });
    hall.take('t2');
    const [called] = hall.run({ type: 'callNext', windowId: '1' });
    expect(called).toMatchObject({ type: 'ticketCalled', number: 'A001', announcement: { seq: 2 } });
  });
});
