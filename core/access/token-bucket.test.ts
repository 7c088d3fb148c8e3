import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MINUTE_MS, takeToken, type TokenBucket } from './token-bucket.ts';

/** Runs requests at the given times (ascending) through one bucket; the times admitted. */
const admitted = (limit: number, times: readonly number[]): number[] => {
  let bucket: TokenBucket | undefined;
  const passed: number[] = [];
  for (const t of times) {
    const decision = takeToken(bucket, limit, t);
    bucket = decision.bucket;
    if (decision.allowed) passed.push(t);
  }
  return passed;
};

const arrivals = fc.array(fc.integer({ min: 0, max: 5 * MINUTE_MS }), { maxLength: 400 }).map((ts) => ts.sort((a, b) => a - b));

describe('token bucket', () => {
  it('admits a burst of exactly the limit, then refuses with the wait for one request', () => {
    const passed = admitted(5, Array(8).fill(1_000));
    expect(passed).toHaveLength(5);
    const refusal = takeToken({ units: 0, atMs: 1_000 }, 5, 1_000);
    expect(refusal).toMatchObject({ allowed: false, retryAfterMs: MINUTE_MS / 5 });
  });

  it('never admits more than limit + refill over any window', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 120 }), arrivals, (limit, times) => {
        const passed = admitted(limit, times);
        for (let i = 0; i < passed.length; i += 1) {
          for (let j = i; j < passed.length; j += 1) {
            const window = passed[j]! - passed[i]!;
            // Exact, in units: (j - i + 1) requests of MINUTE_MS units each <= a full bucket + what refilled.
            expect((j - i + 1) * MINUTE_MS).toBeLessThanOrEqual(limit * MINUTE_MS + window * limit);
          }
        }
      }),
    );
  });

  it('refills: after a minute idle, a full burst passes again', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), arrivals, (limit, times) => {
        let bucket: TokenBucket | undefined;
        for (const t of times) bucket = takeToken(bucket, limit, t).bucket;
        const later = (times.at(-1) ?? 0) + MINUTE_MS;
        for (let i = 0; i < limit; i += 1) {
          const decision = takeToken(bucket, limit, later);
          expect(decision.allowed).toBe(true);
          bucket = decision.bucket;
        }
        expect(takeToken(bucket, limit, later).allowed).toBe(false);
      }),
    );
  });

  it('admits once retryAfterMs has passed, and not a millisecond before', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7_000 }), fc.integer({ min: 0, max: 10 }), (limit, extra) => {
        let bucket: TokenBucket | undefined;
        for (let i = 0; i < limit + extra; i += 1) bucket = takeToken(bucket, limit, 0).bucket;
        const refusal = takeToken(bucket, limit, 0);
        expect(refusal.allowed).toBe(false);
        expect(takeToken(refusal.bucket, limit, refusal.retryAfterMs - 1).allowed).toBe(false);
        expect(takeToken(refusal.bucket, limit, refusal.retryAfterMs).allowed).toBe(true);
      }),
    );
  });

  it('refills nothing when the clock goes backwards', () => {
    const spent = takeToken({ units: MINUTE_MS, atMs: 10_000 }, 1, 10_000).bucket;
    expect(takeToken(spent, 1, 5_000).allowed).toBe(false);
    expect(takeToken(spent, 1, 10_000 + MINUTE_MS).allowed).toBe(true);
  });

  it('applies a lowered limit at once', () => {
    let bucket = takeToken(undefined, 100, 0).bucket;
    const passes: boolean[] = [];
    for (let i = 0; i < 5; i += 1) {
      const decision = takeToken(bucket, 2, 0);
      bucket = decision.bucket;
      passes.push(decision.allowed);
    }
    expect(passes).toEqual([true, true, false, false, false]);
  });

  it('counts over another period: 5 per hour bursts 5, then one every 12 minutes', () => {
    const HOUR = 60 * MINUTE_MS;
    let bucket: TokenBucket | undefined;
    const burst: boolean[] = [];
    for (let i = 0; i < 6; i += 1) {
      const decision = takeToken(bucket, 5, 0, HOUR);
      bucket = decision.bucket;
      burst.push(decision.allowed);
    }
    expect(burst).toEqual([true, true, true, true, true, false]);
    const refusal = takeToken(bucket, 5, 0, HOUR);
    expect(refusal.retryAfterMs).toBe(12 * MINUTE_MS);
    expect(takeToken(bucket, 5, 12 * MINUTE_MS - 1, HOUR).allowed).toBe(false);
    const next = takeToken(bucket, 5, 12 * MINUTE_MS, HOUR);
    expect(next.allowed).toBe(true);
    expect(takeToken(next.bucket, 5, 12 * MINUTE_MS, HOUR).allowed).toBe(false);
  });

  it('holds the limit over any window for any period', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 48 }), fc.array(fc.integer({ min: 0, max: 6 * 3_600_000 }), { maxLength: 300 }), (limit, periodMinutes, raw) => {
        const periodMs = periodMinutes * 5 * MINUTE_MS;
        const times = [...raw].sort((a, b) => a - b);
        let bucket: TokenBucket | undefined;
        const passed: number[] = [];
        for (const t of times) {
          const decision = takeToken(bucket, limit, t, periodMs);
          bucket = decision.bucket;
          if (decision.allowed) passed.push(t);
        }
        // Over [a, b]: at most limit + (b - a) * limit / periodMs.
        for (let i = 0; i < passed.length; i += 1) {
          for (let j = i; j < passed.length; j += 1) {
            expect(j - i + 1).toBeLessThanOrEqual(limit + ((passed[j]! - passed[i]!) * limit) / periodMs);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
