/**
 * 限流令牌桶: a per-key token bucket, pure (time is passed in). Capacity = `limitPerMinute` requests (the burst), refilled
 * continuously at `limitPerMinute` per minute.
 *
 * Why integer "units": one request costs MINUTE_MS units and the bucket gains `limitPerMinute` units per
 * millisecond, so every quantity is an exact integer (no float drift over millions of requests) and the limit
 * holds exactly: over any window of `w` ms at most `limitPerMinute + w * limitPerMinute / MINUTE_MS` requests pass.
 */
export interface TokenBucket {
  /** Stored units; `MINUTE_MS` units are one request. */
  readonly units: number;
  /** When `units` was last brought up to date (epoch ms). */
  readonly atMs: number;
}

export interface BucketDecision {
  readonly bucket: TokenBucket;
  readonly allowed: boolean;
  /** 0 when allowed; otherwise how long until one request's worth has refilled. */
  readonly retryAfterMs: number;
}

export const MINUTE_MS = 60_000;

/** A full bucket: a key's first request (or one idle for a minute) may burst up to its limit. */
export const fullBucket = (limitPerMinute: number, nowMs: number): TokenBucket => ({ units: limitPerMinute * MINUTE_MS, atMs: nowMs });

/** The bucket refilled up to `nowMs`. A clock that went backwards (another isolate's) refills nothing. */
export const refillBucket = (bucket: TokenBucket, limitPerMinute: number, nowMs: number): TokenBucket => {
  const elapsed = Math.max(0, nowMs - bucket.atMs);
  const capacity = limitPerMinute * MINUTE_MS;
  return { units: Math.min(capacity, bucket.units + elapsed * limitPerMinute), atMs: Math.max(bucket.atMs, nowMs) };
};

/**
 * Takes one request's worth from the bucket, or says how long to wait. A limit lowered since the bucket filled
 * is applied at once (the bucket is capped to the new capacity). `limitPerMinute` must be a positive integer.
 */
export const takeToken = (bucket: TokenBucket | undefined, limitPerMinute: number, nowMs: number): BucketDecision => {
  const current = refillBucket(bucket ?? fullBucket(limitPerMinute, nowMs), limitPerMinute, nowMs);
  const capped = { units: Math.min(current.units, limitPerMinute * MINUTE_MS), atMs: current.atMs };
  if (capped.units >= MINUTE_MS) return { bucket: { units: capped.units - MINUTE_MS, atMs: capped.atMs }, allowed: true, retryAfterMs: 0 };
  return { bucket: capped, allowed: false, retryAfterMs: Math.ceil((MINUTE_MS - capped.units) / limitPerMinute) };
};
