import { err, ok, parseCaseNumber, type Result } from '../../core/index.ts';
import type { Env } from '../env.ts';

/**
 * Wrong query codes allowed per case per hour: 5 at once (a citizen's typos), then one every 12 minutes. A
 * receipt's code is six digits, so guessing one takes on the order of years instead of minutes.
 */
export const QUERY_CODE_FAILURES_PER_HOUR = 5;
const HOUR_MS = 60 * 60 * 1000;

/**
 * Judges one attempt at a case's query code, after the code was compared: refused (TOO_MANY_CODE_ATTEMPTS,
 * right code or wrong) while the case's allowance is spent. Every route that takes a query code (tracking,
 * the holder's certificate and PDF, a case's rating and its follow-up) asks the same gate for the same case,
 * so they share one allowance.
 */
export type QueryCodeGate = (caseNumber: string, matched: boolean) => Promise<Result<void>>;

/** The gate of a deployment: one KeyGate per well-formed case number, named `query-code:<number>` (key ids have no colon). */
export const openQueryCodeGate =
  (env: Pick<Env, 'KEY_GATE'>, now: () => number = Date.now): QueryCodeGate =>
  async (caseNumber, matched) => {
    // A malformed number is never a case: nothing to guess, no gate (and no object) for it.
    if (!parseCaseNumber(caseNumber).ok) return ok(undefined);
    const gate = env.KEY_GATE.get(env.KEY_GATE.idFromName(`query-code:${caseNumber}`));
    const decision = await gate.attempt(matched, QUERY_CODE_FAILURES_PER_HOUR, HOUR_MS, now());
    if (decision.allowed) return ok(undefined);
    return err('TOO_MANY_CODE_ATTEMPTS', {
      retryAfterSeconds: Math.max(1, Math.ceil(decision.retryAfterMs / 1000)),
      limitPerHour: QUERY_CODE_FAILURES_PER_HOUR,
    });
  };
