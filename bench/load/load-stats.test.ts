import { describe, expect, it } from 'vitest';
import { buildLoadReport, BARE_ROUTE, type RunSettings } from './load-report.ts';
import { buildTimeline, LiveTally, percentileOf, summarise, summariseByRoute, type Sample } from './load-stats.ts';

const sample = (route: string, at: number, ms: number, outcome: Sample['outcome'] = 'ok', status = 200): Sample => ({ route, at, ms, status, outcome });

const SETTINGS: RunSettings = {
  target: 'test', clients: 200, durationS: 10, smoke: false, think: 'none', mix: {}, offeredRps: 100, machine: 'test', commit: 'test', startedAt: 'test',
};

describe('load statistics', () => {
  it('takes nearest-rank percentiles of sorted samples', () => {
    const sorted = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentileOf(sorted, 0.5)).toBe(50);
    expect(percentileOf(sorted, 0.95)).toBe(95);
    expect(percentileOf(sorted, 0.99)).toBe(99);
    expect(percentileOf(new Float64Array(), 0.5)).toBeNaN();
  });

  it('counts errors and conflicts apart, and every status', () => {
    const figures = summarise('r', [sample('r', 0, 1), sample('r', 0, 3, 'conflict', 409), sample('r', 0, 2, 'error', 0)], 2);
    expect(figures).toMatchObject({ count: 3, perSecond: 1.5, errors: 1, conflicts: 1, p50Ms: 2, maxMs: 3, statuses: { 200: 1, 409: 1, 0: 1 } });
  });

  it('lists routes busiest first and buckets latency over time', () => {
    const samples = [sample('a', 100, 5), sample('b', 200, 7), sample('b', 1500, 9, 'error', 500)];
    expect(summariseByRoute(samples, 2).map((r) => r.route)).toEqual(['b', 'a']);
    expect(buildTimeline(samples, 2, 1)).toEqual([
      { t: 0, count: 2, p50Ms: 5, p95Ms: 7, errors: 0 },
      { t: 1, count: 1, p50Ms: 9, p95Ms: 9, errors: 1 },
    ]);
  });

  it('keeps only the last window for the current p95', () => {
    const tally = new LiveTally(1000);
    tally.add({ at: 0, ms: 500, outcome: 'ok' });
    tally.add({ at: 2000, ms: 10, outcome: 'error' });
    expect(tally.recentP95(2100)).toBe(10);
    expect(tally).toMatchObject({ requests: 2, errors: 1 });
  });

  it('reports ratios to the bare route, leaves references out of the mix, and judges the target', () => {
    const report = buildLoadReport(
      SETTINGS,
      [sample('a', 0, 20), sample('a', 10, 40), sample(BARE_ROUTE, 5, 2), sample(BARE_ROUTE, 6, 4)],
      10,
      [],
      5,
    );
    expect(report.overall.count).toBe(2);
    expect(report.ratioToBare['a']).toEqual({ p50: 10, p95: 10 });
    expect(report.target.met).toBe(true);
    const slow = buildLoadReport(SETTINGS, [sample('a', 0, 150, 'error', 500)], 10, [], 5);
    expect(slow.target.why).toEqual(['1 errors', 'overall p95 150.0 ms ≥ 100 ms']);
  });
});
