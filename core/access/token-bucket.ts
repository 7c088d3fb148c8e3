/**
 * 限流令牌桶: a per-key token bucket, pure (time is passed in). Capacity = `limit` requests (the burst), refilled
 * continuously at `limit` per period — a minute unless `periodMs` says otherwise (API keys and sign-in count per
 * minute; guesses at a receipt's query code per hour).
 *
 * Why integer "units": one request costs `periodMs` units and the bucket gains `limit` units per millisecond,
 * so every quantity is an exact integer (no float drift over millions of requests) and the limit holds exactly:
 * over any window of `w` ms at most `limit + w * limit / periodMs` requests pass.
 */
export interface TokenBucket {
  /** Stored units; `periodMs` units are one request. */
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

/** A full bucket: a key's first request (or one idle for a whole period) may burst up to its limit. */
export const fullBucket = (limit: number, nowMs: number, periodMs = MINUTE_MS): TokenBucket => ({ units: limit * periodMs, atMs: nowMs });

/** The bucket refilled up to `nowMs`. A clock that went backwards (another isolate's) refills nothing. */
export const refillBucket = (bucket: TokenBucket, limit: number, nowMs: number, periodMs = MINUTE_MS): TokenBucket => {
  const elapsed = Math.max(0, nowMs - bucket.atMs);
  const capacity = limit * periodMs;
  return { units: Math.min(capacity, bucket.units + elapsed * limit), atMs: Math.max(bucket.atMs, nowMs) };
};

/**
 * Takes one request's worth from the bucket, or says how long to wait. A limit lowered since the bucket filled
 * is applied at once (the bucket is capped to the new capacity). `limit` must be a positive integer, and a
 * bucket is always used with the same `periodMs`.
 */
export const takeToken = (bucket: TokenBucket | undefined, limit: number, nowMs: number, periodMs = MINUTE_MS): BucketDecision => {
  const current = refillBucket(bucket ?? fullBucket(limit, nowMs, periodMs), limit, nowMs, periodMs);
  const capped = { units: Math.min(current.units, limit * periodMs), atMs: current.atMs };
  if (capped.units >= periodMs) return { bucket: { units: capped.units - periodMs, atMs: capped.atMs }, allowed: true, retryAfterMs: 0 };
  return { bucket: capped, allowed: false, retryAfterMs: Math.ceil((periodMs - capped.units) / limit) };
};
