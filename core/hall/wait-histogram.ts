/**
 * A bounded histogram of waits: 10-second buckets below 10 minutes, 1-minute buckets up to 8 hours,
 * then one overflow bucket. 531 counters per window, however many tickets a day brings;
 * percentiles are read by linear interpolation inside a bucket.
 */

const FINE_MS = 10_000;
const FINE_LIMIT_MS = 10 * 60_000;
const COARSE_MS = 60_000;
const COARSE_LIMIT_MS = 8 * 60 * 60_000;
const FINE_BUCKETS = FINE_LIMIT_MS / FINE_MS;
const COARSE_BUCKETS = (COARSE_LIMIT_MS - FINE_LIMIT_MS) / COARSE_MS;
export const WAIT_BUCKETS = FINE_BUCKETS + COARSE_BUCKETS + 1;

export const createWaitHistogram = (): Uint32Array => new Uint32Array(WAIT_BUCKETS);

const bucketOf = (ms: number): number => {
  if (ms < FINE_LIMIT_MS) return ms <= 0 ? 0 : Math.floor(ms / FINE_MS);
  if (ms < COARSE_LIMIT_MS) return FINE_BUCKETS + Math.floor((ms - FINE_LIMIT_MS) / COARSE_MS);
  return WAIT_BUCKETS - 1;
};

/** [lower, upper) bounds of a bucket in ms; the overflow bucket reports its lower bound twice. */
const boundsOf = (bucket: number): readonly [number, number] => {
  if (bucket < FINE_BUCKETS) return [bucket * FINE_MS, (bucket + 1) * FINE_MS];
  if (bucket < WAIT_BUCKETS - 1) {
    const lower = FINE_LIMIT_MS + (bucket - FINE_BUCKETS) * COARSE_MS;
    return [lower, lower + COARSE_MS];
  }
  return [COARSE_LIMIT_MS, COARSE_LIMIT_MS];
};

export const recordWait = (histogram: Uint32Array, ms: number): void => {
  histogram[bucketOf(ms)]!++;
};

/** The p-quantile (0 < p <= 1) of the recorded waits in ms, or null when nothing was recorded. */
export const computeWaitPercentile = (histogram: Uint32Array, p: number): number | null => {
  let total = 0;
  for (let i = 0; i < histogram.length; i++) total += histogram[i]!;
  if (total === 0) return null;
  const rank = p * total;
  let seen = 0;
  for (let i = 0; i < histogram.length; i++) {
    const count = histogram[i]!;
    if (count === 0) continue;
    if (seen + count >= rank) {
      const [lower, upper] = boundsOf(i);
      return lower + ((rank - seen) / count) * (upper - lower);
    }
    seen += count;
  }
  return boundsOf(WAIT_BUCKETS - 1)[0];
};
