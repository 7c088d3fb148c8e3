import { err, ok, type Result } from '../result.ts';
import { rollForward } from './day-rollover.ts';
import { localDayOf } from './local-day.ts';
import { decideTakeTicket } from './decide-take.ts';
import {
  decideCallNext,
  decideCancel,
  decideComplete,
  decideMarkNoShow,
  decideRecall,
  decideStartServing,
  decideTick,
  decideTransfer,
} from './decide-service.ts';
import { decideCloseWindow, decideOpenWindow, decidePauseWindow, decideResumeWindow } from './decide-window.ts';
import type { HallCommand, HallEvent, HallState } from './types.ts';

/**
 * The hall's decision function: what happens if `command` is applied at `now` (epoch ms). Pure: it
 * never changes `state`; apply the returned events with evolve(), in order, to get the next state.
 *
 * Time never runs backwards: a `now` earlier than the last event is taken as the last event's time.
 * The first command on a new local day first emits `dayRolledOver` (automatic rollover), then its own
 * events; if the command itself fails, nothing is emitted, and the next command (or the shell's
 * midnight `rolloverDay`) rolls over instead.
 */
export const decide = (state: HallState, command: HallCommand, now: number): Result<HallEvent[]> => {
  if (typeof now !== 'number' || !Number.isFinite(now)) return err('INVALID_INPUT', { field: 'now' });
  if (command === null || typeof command !== 'object') return err('INVALID_INPUT', { field: 'command' });
  const at = now > state.lastAt ? now : state.lastAt;
  if (state.day !== null && localDayOf(at) <= state.day) {
    // Hot path: still the same local day, no copy.
    return decideCommand(state, command, at);
  }
  const rolled = rollForward(state, at);
  const result = decideCommand(rolled.state, command, at);
  if (!result.ok || rolled.events.length === 0) return result;
  return ok([...rolled.events, ...result.value]);
};

const decideCommand = (state: HallState, command: HallCommand, at: number): Result<HallEvent[]> => {
  switch (command.type) {
    case 'takeTicket':
      return decideTakeTicket(state, command, at);
    case 'callNext':
      return decideCallNext(state, command.windowId, at);
    case 'recall':
      return decideRecall(state, command, at);
    case 'startServing':
      return decideStartServing(state, command, at);
    case 'complete':
      return decideComplete(state, command, at);
    case 'markNoShow':
      return decideMarkNoShow(state, command, at);
    case 'transfer':
      return decideTransfer(state, command, at);
    case 'cancel':
      return decideCancel(state, command.ticketId, at);
    case 'openWindow':
      return decideOpenWindow(state, command.windowId, at);
    case 'pauseWindow':
      return decidePauseWindow(state, command.windowId, command.reason, at);
    case 'resumeWindow':
      return decideResumeWindow(state, command.windowId, at);
    case 'closeWindow':
      return decideCloseWindow(state, command.windowId, at);
    case 'rolloverDay':
      return ok([]);
    case 'tick':
      return decideTick(state, at);
    default:
      return err('INVALID_INPUT', { field: 'type', value: (command as { type?: unknown }).type });
  }
};
