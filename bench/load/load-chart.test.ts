import { describe, expect, it } from 'vitest';
import { drawLoadChart, niceCeiling } from './load-chart.ts';
import { formatProgress } from './load-progress.ts';
import { summarise } from './load-stats.ts';

describe('the load chart and progress line', () => {
  it('rounds axes up to a nice number', () => {
    expect(niceCeiling(87)).toBe(100);
    expect(niceCeiling(120)).toBe(200);
    expect(niceCeiling(0)).toBe(1);
  });

  it('draws one bar row per route, the target line and the timeline, escaping names', () => {
    const routes = [summarise('GET /v1/matters?q=<x>', [{ route: 'r', at: 0, ms: 5, status: 200, outcome: 'ok' }], 1)];
    const svg = drawLoadChart({ title: 'T & t', routes, timeline: [{ t: 0, count: 4, p50Ms: 3, p95Ms: 8, errors: 0 }], bucketSeconds: 2, targetMs: 100 });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('GET /v1/matters?q=&lt;x&gt;');
    expect(svg).toContain('T &amp; t');
    expect(svg).toContain('target p95 100 ms');
    expect(svg.match(/<polyline/g)).toHaveLength(3);
  });

  it('shows elapsed, requests, rate, errors and the current p95 on one line', () => {
    const line = formatProgress({ elapsedS: 12.34, durationS: 60, requests: 1234, errors: 0, rps: 98.7, offeredRps: 100, p95Ms: Number.NaN });
    expect(line).toBe('load 12.3/60 s · 1234 req · 98.7 req/s (offered 100.0) · errors 0 · p95 last 5 s – ms');
  });
});
