import { describe, expect, it } from 'vitest';
import { computeWaitPercentile, createWaitHistogram, recordWait, WAIT_BUCKETS } from './wait-histogram.ts';

describe('wait histogram', () => {
  it('is empty until something is recorded', () => {
    expect(computeWaitPercentile(createWaitHistogram(), 0.95)).toBeNull();
  });

  it('reads percentiles to within a bucket of the exact sample quantile', () => {
    const histogram = createWaitHistogram();
    const samples: number[] = [];
    let x = 12345;
    for (let i = 0; i < 5000; i++) {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      const ms = (x / 2 ** 31) * 40 * 60_000; // 0-40 minutes
      samples.push(ms);
      recordWait(histogram, ms);
    }
    samples.sort((a, b) => a - b);
    const exact = samples[Math.ceil(0.95 * samples.length) - 1]!;
    expect(Math.abs(computeWaitPercentile(histogram, 0.95)! - exact)).toBeLessThan(60_000);
    const exactMedian = samples[2499]!;
    expect(Math.abs(computeWaitPercentile(histogram, 0.5)! - exactMedian)).toBeLessThan(60_000);
  });

  it('keeps 10-second resolution for short waits and a bounded size for long ones', () => {
    const histogram = createWaitHistogram();
    for (let i = 0; i < 100; i++) recordWait(histogram, 15_000); // all in [10 s, 20 s)
    const p95 = computeWaitPercentile(histogram, 0.95)!;
    expect(p95).toBeGreaterThanOrEqual(10_000);
    expect(p95).toBeLessThan(20_000);
    recordWait(histogram, 30 * 60 * 60_000);
    recordWait(histogram, -5);
    expect(histogram.length).toBe(WAIT_BUCKETS);
    expect(computeWaitPercentile(histogram, 1)).toBe(8 * 60 * 60_000);
  });
});
