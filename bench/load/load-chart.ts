/**
 * The load run as a hand-written SVG (no charting library, like hall-day-chart.ts): per-route p50/p95/p99 bars
 * beside the bare worker's, with the 100 ms target; and p50/p95 over the run beside the request rate, so a
 * slowdown (a growing queue, a D1 stall) shows when it happened, not just that the p95 moved.
 */
import type { RouteFigures, TimelinePoint } from './load-stats.ts';

export interface ChartInput {
  readonly title: string;
  readonly routes: readonly RouteFigures[];
  readonly timeline: readonly TimelinePoint[];
  readonly bucketSeconds: number;
  readonly targetMs: number;
}

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const fmt = (n: number): string => (Math.round(n * 10) / 10).toString();
const COLOURS = { p50: '#8fb8de', p95: '#2f6fad', p99: '#173a5e', rate: '#999' } as const;

/** A round axis maximum at or above x. */
export const niceCeiling = (x: number): number => {
  if (!(x > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(x));
  return ([1, 2, 2.5, 5, 10].find((s) => s * magnitude >= x) ?? 10) * magnitude;
};

const gridY = (out: string[], x: number, w: number, yOf: (v: number) => number, max: number, unit: string) => {
  for (let k = 0; k <= 5; k++) {
    const v = (max * k) / 5;
    out.push(
      `<line x1="${x}" x2="${x + w}" y1="${fmt(yOf(v))}" y2="${fmt(yOf(v))}" stroke="#e5e5e5"/>`,
      `<text x="${x - 6}" y="${fmt(yOf(v) + 4)}" text-anchor="end" fill="#555">${fmt(v)}${k === 5 ? ` ${unit}` : ''}</text>`,
    );
  }
};

export const drawLoadChart = (input: ChartInput): string => {
  const rowH = 26;
  const B = { x: 330, y: 84, w: 560, h: rowH * input.routes.length };
  const T = { x: 70, y: B.y + B.h + 90, w: 820, h: 220 };
  const width = 960;
  const height = T.y + T.h + 60;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="20" y="24" font-size="15" font-weight="bold">${escape(input.title)}</text>`,
  ];

  // Bars: one row per route, three bars (p50, p95, p99), linear scale with the target marked.
  const maxBar = niceCeiling(Math.max(input.targetMs * 1.1, ...input.routes.map((r) => (Number.isFinite(r.p99Ms) ? r.p99Ms : 0))));
  const xOf = (v: number) => B.x + (Math.min(v, maxBar) / maxBar) * B.w;
  out.push(`<text x="${B.x}" y="${B.y - 22}" font-weight="bold">各接口延迟 Latency per route, ms (p50 / p95 / p99)</text>`);
  for (let k = 0; k <= 5; k++) {
    const v = (maxBar * k) / 5;
    out.push(
      `<line x1="${fmt(xOf(v))}" x2="${fmt(xOf(v))}" y1="${B.y - 4}" y2="${B.y + B.h}" stroke="#e5e5e5"/>`,
      `<text x="${fmt(xOf(v))}" y="${B.y + B.h + 16}" text-anchor="middle" fill="#555">${fmt(v)}</text>`,
    );
  }
  input.routes.forEach((r, i) => {
    const y = B.y + i * rowH;
    out.push(`<text x="${B.x - 8}" y="${y + rowH / 2 + 4}" text-anchor="end">${escape(r.route)}</text>`);
    (['p50', 'p95', 'p99'] as const).forEach((p, j) => {
      const value = r[`${p}Ms`];
      if (!Number.isFinite(value)) return;
      const barY = y + 3 + j * 7;
      out.push(`<rect x="${B.x}" y="${barY}" width="${fmt(Math.max(1, xOf(value) - B.x))}" height="6" fill="${COLOURS[p]}"/>`);
      if (p === 'p99') out.push(`<text x="${fmt(xOf(value) + 4)}" y="${barY + 6}" font-size="10" fill="#333">${fmt(value)}</text>`);
    });
  });
  out.push(
    `<line x1="${fmt(xOf(input.targetMs))}" x2="${fmt(xOf(input.targetMs))}" y1="${B.y - 8}" y2="${B.y + B.h}" stroke="#c00" stroke-dasharray="3 3"/>`,
    `<text x="${fmt(xOf(input.targetMs) + 4)}" y="${B.y - 8}" fill="#c00">target p95 ${input.targetMs} ms</text>`,
  );
  (['p50', 'p95', 'p99'] as const).forEach((p, j) => {
    const x = B.x + j * 70;
    out.push(`<rect x="${x}" y="${B.y + B.h + 26}" width="14" height="8" fill="${COLOURS[p]}"/>`, `<text x="${x + 18}" y="${B.y + B.h + 34}">${p}</text>`);
  });

  // Timeline: p50 and p95 of all mix requests per bucket, and the rate on its own axis (right).
  const points = input.timeline.filter((p) => p.count > 0);
  const maxLatency = niceCeiling(Math.max(input.targetMs * 1.1, ...points.map((p) => p.p95Ms)));
  const maxRate = niceCeiling(Math.max(1, ...points.map((p) => p.count / input.bucketSeconds)));
  const duration = Math.max(input.bucketSeconds, input.timeline.length * input.bucketSeconds);
  const tx = (t: number) => T.x + (t / duration) * T.w;
  const ty = (v: number) => T.y + T.h - (Math.min(v, maxLatency) / maxLatency) * T.h;
  const ry = (v: number) => T.y + T.h - (v / maxRate) * T.h;
  out.push(`<text x="${T.x}" y="${T.y - 22}" font-weight="bold">延迟随时间 Latency over the run (${input.bucketSeconds} s buckets, all mix routes)</text>`);
  gridY(out, T.x, T.w, ty, maxLatency, 'ms');
  for (let k = 0; k <= 5; k++) {
    const v = (maxRate * k) / 5;
    out.push(`<text x="${T.x + T.w + 6}" y="${fmt(ry(v) + 4)}" fill="${COLOURS.rate}">${fmt(v)}${k === 5 ? ' req/s' : ''}</text>`);
  }
  for (let k = 0; k <= 6; k++) {
    const t = (duration * k) / 6;
    out.push(`<text x="${fmt(tx(t))}" y="${T.y + T.h + 16}" text-anchor="middle" fill="#555">${fmt(t)} s</text>`);
  }
  const line = (values: (p: TimelinePoint) => number, y: (v: number) => number, colour: string, extra = '') =>
    `<polyline points="${points.map((p) => `${fmt(tx(p.t + input.bucketSeconds / 2))},${fmt(y(values(p)))}`).join(' ')}" fill="none" stroke="${colour}" stroke-width="2"${extra}/>`;
  out.push(
    line((p) => p.count / input.bucketSeconds, ry, COLOURS.rate, ' stroke-dasharray="4 3"'),
    line((p) => p.p50Ms, ty, COLOURS.p50),
    line((p) => p.p95Ms, ty, COLOURS.p95),
    `<line x1="${T.x}" x2="${T.x + T.w}" y1="${fmt(ty(input.targetMs))}" y2="${fmt(ty(input.targetMs))}" stroke="#c00" stroke-dasharray="3 3"/>`,
  );
  const legendY = T.y + T.h + 40;
  [['p50', COLOURS.p50, ''], ['p95', COLOURS.p95, ''], ['req/s (right axis)', COLOURS.rate, ' stroke-dasharray="4 3"']].forEach(([label, colour, dash], i) => {
    const x = T.x + i * 120;
    out.push(`<line x1="${x}" x2="${x + 24}" y1="${legendY}" y2="${legendY}" stroke="${colour}" stroke-width="2"${dash}/>`, `<text x="${x + 30}" y="${legendY + 4}">${label}</text>`);
  });
  out.push('</svg>');
  return out.join('\n');
};
