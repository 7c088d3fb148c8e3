import { err, ok, type Result } from '../result.ts';
import { findRetryDelay } from './delivery-schedule.ts';

/** 推送发件箱 row states: waiting for its (next) attempt, received by the partner, or given up on. */
export type OutboxStatus = 'pending' | 'delivered' | 'failed';

/** The delivery side of an outbox row (its id, recipient and body never change). Times are epoch ms. */
export interface OutboxState {
  readonly status: OutboxStatus;
  readonly attempts: number;
  readonly nextAttemptAt: number;
  readonly lastAttemptAt: number | null;
  readonly lastError: string | null;
  readonly deliveredAt: number | null;
}

/** What one attempt came to: a 2xx, or anything else (status or network error, as text). */
export type AttemptOutcome = { readonly ok: true } | { readonly ok: false; readonly error: string };

/** Longer error text is cut: it is for an administrator's eye, and a receiver's error page can be huge. */
export const MAX_ERROR_LENGTH = 300;

/** A new message, due at once. */
export const enqueueMessage = (now: number): OutboxState => ({
  status: 'pending',
  attempts: 0,
  nextAttemptAt: now,
  lastAttemptAt: null,
  lastError: null,
  deliveredAt: null,
});

/** Whether the dispatcher should send it now. */
export const isDue = (state: OutboxState, now: number): boolean => state.status === 'pending' && state.nextAttemptAt <= now;

/**
 * After an attempt: delivered on success (never sent again); otherwise the error is kept and the next attempt
 * scheduled, or the message is failed when the schedule is spent. Only a pending message is attempted.
 */
export const recordAttempt = (state: OutboxState, outcome: AttemptOutcome, now: number): OutboxState => {
  if (state.status !== 'pending') throw new Error(`only a pending message is attempted (was ${state.status})`);
  const attempts = state.attempts + 1;
  if (outcome.ok) return { ...state, status: 'delivered', attempts, lastAttemptAt: now, deliveredAt: now };
  const lastError = outcome.error.slice(0, MAX_ERROR_LENGTH);
  const delay = findRetryDelay(attempts);
  return delay === null
    ? { ...state, status: 'failed', attempts, lastAttemptAt: now, lastError }
    : { ...state, status: 'pending', attempts, nextAttemptAt: now + delay, lastAttemptAt: now, lastError };
};

/**
 * An administrator's re-send of a failed message (the receiver is fixed): due at once with a fresh schedule,
 * same id and body. The last error stays until the next attempt tells something new.
 */
export const requeueFailed = (state: OutboxState, now: number): Result<OutboxState> =>
  state.status === 'failed'
    ? ok({ ...state, status: 'pending', attempts: 0, nextAttemptAt: now })
    : err('WEBHOOK_DELIVERY_NOT_FAILED', { status: state.status });

/** When the dispatcher must wake next: the earliest due pending message, or null when none waits. */
export const findNextWake = (states: readonly OutboxState[]): number | null => {
  let next: number | null = null;
  for (const state of states) if (state.status === 'pending' && (next === null || state.nextAttemptAt < next)) next = state.nextAttemptAt;
  return next;
};
