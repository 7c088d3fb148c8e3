/**
 * When a failed webhook message is tried again: a fixed, jitter-free schedule (each recipient has its own
 * dispatcher, so there is no herd to spread), growing from seconds (a receiver's deploy) to a day (an outage
 * over a weekend). After the last attempt the message is `failed`: kept, listed, re-sendable by an administrator.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** The wait after the n-th failed attempt (index n - 1). */
export const RETRY_DELAYS_MS: readonly number[] = [30 * SECOND, 2 * MINUTE, 10 * MINUTE, 30 * MINUTE, 2 * HOUR, 6 * HOUR, 12 * HOUR, 24 * HOUR, 24 * HOUR];

/** Attempts in all: the first plus one per delay (about three days end to end). */
export const MAX_DELIVERY_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** The wait after `failedAttempts` failures, or null when no attempt is left. */
export const findRetryDelay = (failedAttempts: number): number | null =>
  failedAttempts >= 1 && failedAttempts < MAX_DELIVERY_ATTEMPTS ? RETRY_DELAYS_MS[failedAttempts - 1]! : null;
