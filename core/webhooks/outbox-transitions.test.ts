import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeCaseStatusChange, listCaseRecipients, toOutboxId } from './case-status-event.ts';
import { findRetryDelay, MAX_DELIVERY_ATTEMPTS, RETRY_DELAYS_MS } from './delivery-schedule.ts';
import { pickSendable } from './outbox-order.ts';
import { enqueueMessage, findNextWake, isDue, recordAttempt, requeueFailed, type AttemptOutcome, type OutboxState } from './outbox-transitions.ts';

const T0 = Date.UTC(2026, 10, 28, 8, 0, 0);
const failure: AttemptOutcome = { ok: false, error: 'HTTP 503' };

/** Runs attempts at each due time and returns the states passed through. */
const run = (outcomes: readonly AttemptOutcome[]): OutboxState[] => {
  const states = [enqueueMessage(T0)];
  for (const outcome of outcomes) {
    const state = states.at(-1)!;
    if (state.status !== 'pending') break;
    states.push(recordAttempt(state, outcome, state.nextAttemptAt));
  }
  return states;
};

describe('the webhook outbox', () => {
  it('backs off 30 s, 2 min, 10 min, … and fails after the last attempt', () => {
    const states = run(Array.from({ length: MAX_DELIVERY_ATTEMPTS + 3 }, () => failure));
    expect(states).toHaveLength(MAX_DELIVERY_ATTEMPTS + 1);
    expect(states[1]!.nextAttemptAt - T0).toBe(30_000);
    expect(states[2]!.nextAttemptAt - states[1]!.nextAttemptAt).toBe(120_000);
    const last = states.at(-1)!;
    expect(last).toMatchObject({ status: 'failed', attempts: MAX_DELIVERY_ATTEMPTS, lastError: 'HTTP 503' });
    expect(isDue(last, Number.MAX_SAFE_INTEGER)).toBe(false);
  });

  it('is delivered once on the first 2xx and never attempted again', () => {
    const states = run([failure, { ok: true }]);
    expect(states.at(-1)).toMatchObject({ status: 'delivered', attempts: 2, deliveredAt: T0 + 30_000 });
    expect(() => recordAttempt(states.at(-1)!, { ok: true }, T0 + 60_000)).toThrow();
  });

  it('lets an administrator re-queue only a failed message, due at once with a fresh schedule', () => {
    const failed = run(Array.from({ length: MAX_DELIVERY_ATTEMPTS }, () => failure)).at(-1)!;
    const requeued = requeueFailed(failed, T0 + 1);
    expect(requeued).toEqual({ ok: true, value: { ...failed, status: 'pending', attempts: 0, nextAttemptAt: T0 + 1 } });
    expect(requeueFailed(enqueueMessage(T0), T0).ok).toBe(false);
  });

  it('wakes for the earliest pending message only', () => {
    const a = { ...enqueueMessage(T0), nextAttemptAt: T0 + 500 };
    const b = { ...enqueueMessage(T0), nextAttemptAt: T0 + 100, status: 'failed' as const };
    expect(findNextWake([a, b, { ...a, nextAttemptAt: T0 + 200 }])).toBe(T0 + 200);
    expect(findNextWake([b])).toBeNull();
  });

  it('never exceeds the attempt limit, never schedules backwards, and stops at delivered (property)', () => {
    const outcome = fc.oneof(fc.constant<AttemptOutcome>({ ok: true }), fc.string({ maxLength: 400 }).map((error): AttemptOutcome => ({ ok: false, error })));
    fc.assert(
      fc.property(fc.array(outcome, { maxLength: 15 }), (outcomes) => {
        const states = run(outcomes);
        for (let i = 1; i < states.length; i++) {
          const [before, after] = [states[i - 1]!, states[i]!];
          expect(after.attempts).toBe(before.attempts + 1);
          expect(after.attempts).toBeLessThanOrEqual(MAX_DELIVERY_ATTEMPTS);
          expect(after.nextAttemptAt).toBeGreaterThanOrEqual(before.nextAttemptAt);
          expect((after.lastError ?? '').length).toBeLessThanOrEqual(300);
          if (after.status === 'delivered') expect(i).toBe(states.length - 1);
        }
      }),
    );
  });

  it('has a delay for every attempt but the last', () => {
    expect(RETRY_DELAYS_MS.length).toBe(MAX_DELIVERY_ATTEMPTS - 1);
    expect(findRetryDelay(MAX_DELIVERY_ATTEMPTS)).toBeNull();
    expect(findRetryDelay(0)).toBeNull();
  });
});

describe('the case status event', () => {
  it('is the same bytes for the same change, with the documented shape', () => {
    const change = { caseNumber: 'XS-261128-0001-3', status: 'in-review', previousStatus: null, ownerTenant: 'xiaoshan', submittedByTenant: 'binjiang', at: T0 };
    expect(describeCaseStatusChange(change)).toBe(describeCaseStatusChange({ ...change }));
    expect(JSON.parse(describeCaseStatusChange(change))).toEqual({
      type: 'case.status_changed',
      timestamp: '2026-11-28T08:00:00.000Z',
      data: { ...change, at: '2026-11-28T08:00:00.000Z' },
    });
  });

  it('names each message by case, event seq and recipient, and tells owner and submitter once each', () => {
    expect(toOutboxId('XS-261128-0001-3', 4, 'binjiang')).toBe('XS-261128-0001-3:4:binjiang');
    expect(listCaseRecipients('xiaoshan', null)).toEqual(['xiaoshan']);
    expect(listCaseRecipients('xiaoshan', 'xiaoshan')).toEqual(['xiaoshan']);
    expect(listCaseRecipients('xiaoshan', 'binjiang')).toEqual(['xiaoshan', 'binjiang']);
  });
});

describe('the order of a case’s messages', () => {
  const message = (caseNumber: string, seq: number, createdAt: number, nextAttemptAt = createdAt) => ({
    id: `${caseNumber}:${seq}:binjiang`,
    caseNumber,
    createdAt,
    nextAttemptAt,
  });

  it('sends one message per case, the earliest, even when a later one was written in the same millisecond', () => {
    const picked = pickSendable([message('A', 10, T0), message('A', 9, T0), message('B', 3, T0 + 1)], T0 + 5);
    expect(picked.map((m) => m.id)).toEqual(['A:9:binjiang', 'B:3:binjiang']);
  });

  it('holds a case’s later messages behind an earlier one waiting for its retry, not other cases', () => {
    const picked = pickSendable([message('A', 2, T0, T0 + 30_000), message('A', 3, T0 + 1), message('B', 2, T0 + 2)], T0 + 10);
    expect(picked.map((m) => m.id)).toEqual(['B:2:binjiang']);
  });

  it('never picks two messages of one case (property)', () => {
    const arbitrary = fc.array(
      fc.record({ c: fc.constantFrom('A', 'B', 'C'), seq: fc.nat(20), createdAt: fc.nat(100), delay: fc.nat(100) }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(arbitrary, fc.nat(200), (rows, now) => {
        const picked = pickSendable(rows.map((r) => message(r.c, r.seq, r.createdAt, r.createdAt + r.delay)), now);
        expect(new Set(picked.map((m) => m.caseNumber)).size).toBe(picked.length);
        for (const m of picked) expect(m.nextAttemptAt).toBeLessThanOrEqual(now);
      }),
    );
  });
});
