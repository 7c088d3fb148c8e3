import { describe, expect, it } from 'vitest';
import { createDriver, createOpenHall, MINUTE } from './hall-fixture.ts';

describe('window commands', () => {
  it('opens, pauses with a reason, resumes and closes a window', () => {
    const hall = createDriver();
    expect(hall.run({ type: 'openWindow', windowId: '2' }).at(-1)).toMatchObject({ type: 'windowOpened', windowId: '2' });
    hall.run({ type: 'pauseWindow', windowId: '2', reason: '午休' });
    expect(hall.state.windows.get('2')).toMatchObject({ status: 'paused', pauseReason: '午休' });
    hall.run({ type: 'resumeWindow', windowId: '2' });
    expect(hall.state.windows.get('2')).toMatchObject({ status: 'open', pauseReason: null });
    hall.run({ type: 'closeWindow', windowId: '2' });
    expect(hall.state.windows.get('2')?.status).toBe('closed');
  });

  it('treats a request for the current state as a harmless no-op', () => {
    const hall = createOpenHall();
    expect(hall.run({ type: 'openWindow', windowId: '1' })).toEqual([]);
    hall.run({ type: 'pauseWindow', windowId: '1', reason: '培训' });
    expect(hall.run({ type: 'pauseWindow', windowId: '1', reason: '培训' })).toEqual([]);
    expect(hall.run({ type: 'openWindow', windowId: '1' }).map((e) => e.type)).toEqual(['windowResumed']);
    expect(hall.run({ type: 'resumeWindow', windowId: '1' })).toEqual([]);
    hall.run({ type: 'closeWindow', windowId: '1' });
    expect(hall.run({ type: 'closeWindow', windowId: '1' })).toEqual([]);
  });

  it('refuses unknown windows, pausing or resuming a closed one, and an empty pause reason', () => {
    const hall = createDriver();
    expect(hall.fail({ type: 'openWindow', windowId: '99' }).code).toBe('UNKNOWN_WINDOW');
    expect(hall.fail({ type: 'pauseWindow', windowId: '1', reason: 'x' }).code).toBe('WINDOW_CLOSED');
    expect(hall.fail({ type: 'resumeWindow', windowId: '1' }).code).toBe('WINDOW_CLOSED');
    hall.run({ type: 'openWindow', windowId: '1' });
    expect(hall.fail({ type: 'pauseWindow', windowId: '1', reason: ' ' }).code).toBe('INVALID_INPUT');
  });

  it('cannot close a window that holds a ticket, but can pause it while serving', () => {
    const hall = createOpenHall();
    hall.take('t1');
    hall.call('1');
    expect(hall.fail({ type: 'closeWindow', windowId: '1' }).code).toBe('WINDOW_BUSY');
    hall.run({ type: 'pauseWindow', windowId: '1', reason: '暂离' });
    hall.run({ type: 'complete', ticketId: 't1', outcome: 'consultation_only' });
    expect(hall.state.windows.get('1')?.ticketId).toBeNull();
  });

  it('sends tickets transferred to a closing window back to their place in line', () => {
    const hall = createOpenHall();
    hall.take('t1');
    hall.take('t2');
    hall.call('1');
    hall.run({ type: 'transfer', ticketId: 't1', toWindowId: '2' });
    hall.run({ type: 'pauseWindow', windowId: '2', reason: '暂离' });
    const [closed] = hall.run({ type: 'closeWindow', windowId: '2' });
    expect(closed).toMatchObject({ type: 'windowClosed', returnedTicketIds: ['t1'] });
    expect(hall.call('3')).toBe('A001');
    expect(hall.call('1')).toBe('A002');
  });

  it('counts idle time while open and holding nothing, not while paused', () => {
    const hall = createDriver();
    hall.run({ type: 'openWindow', windowId: '1' });
    hall.advance(10 * MINUTE);
    hall.run({ type: 'pauseWindow', windowId: '1', reason: '午休' });
    hall.advance(60 * MINUTE);
    hall.run({ type: 'resumeWindow', windowId: '1' });
    hall.advance(5 * MINUTE);
    hall.take('t1');
    hall.call('1');
    hall.advance(8 * MINUTE);
    expect(hall.state.stats.windows.get('1')?.idleMs).toBe(15 * MINUTE);
  });
});
