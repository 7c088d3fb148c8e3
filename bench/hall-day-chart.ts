/**
 * The simulated day as a hand-written SVG (no charting library): mean wait by hour of arrival for the pooled
 * and the dedicated hall, and the windows each needs to keep the mean wait under the target.
 */

export interface ChartScenario {
  readonly label: string;
  readonly colour: string;
  /** [hour, pooled mean wait min, dedicated mean wait min]. */
  readonly byHour: readonly (readonly [number, number | null, number | null])[];
  readonly needed: {
    readonly pooledSimulated: number | null;
    readonly pooledFormula: number | null;
    readonly dedicatedSimulated: number | null;
    readonly dedicatedFormula: number | null;
  };
}

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const fmt = (n: number): string => (Math.round(n * 10) / 10).toString();

const niceCeiling = (x: number): number => {
  const steps = [1, 2, 5, 10, 15, 20, 30, 40, 50, 60, 80, 100, 150, 200];
  return steps.find((s) => s >= x) ?? Math.ceil(x / 100) * 100;
};

export const drawDayChart = (scenarios: readonly ChartScenario[], targetMin: number, hallWindows: number): string => {
  const width = 980;
  const height = 440;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
  );

  // Left panel: mean wait by hour of arrival.
  const L = { x: 60, y: 50, w: 440, h: 300 };
  const hours = [...new Set(scenarios.flatMap((s) => s.byHour.map(([h]) => h)))].sort((a, b) => a - b);
  const maxWait = niceCeiling(
    Math.max(1, ...scenarios.flatMap((s) => s.byHour.flatMap(([, p, d]) => [p ?? 0, d ?? 0]))),
  );
  const xOf = (i: number) => L.x + ((i + 0.5) * L.w) / hours.length;
  const yOf = (v: number) => L.y + L.h - (v / maxWait) * L.h;
  out.push(`<text x="${L.x}" y="28" font-size="14" font-weight="bold">平均等候时间（按取号时段） Mean wait by hour of arrival, min</text>`);
  for (let k = 0; k <= 5; k++) {
    const v = (maxWait * k) / 5;
    out.push(
      `<line x1="${L.x}" x2="${L.x + L.w}" y1="${yOf(v)}" y2="${yOf(v)}" stroke="#e5e5e5"/>`,
      `<text x="${L.x - 6}" y="${yOf(v) + 4}" text-anchor="end" fill="#555">${fmt(v)}</text>`,
    );
  }
  hours.forEach((h, i) => out.push(`<text x="${xOf(i)}" y="${L.y + L.h + 18}" text-anchor="middle" fill="#555">${h}:00</text>`));
  out.push(
    `<line x1="${L.x}" x2="${L.x + L.w}" y1="${yOf(targetMin)}" y2="${yOf(targetMin)}" stroke="#c00" stroke-dasharray="2 3"/>`,
    `<text x="${L.x + L.w - 4}" y="${yOf(targetMin) - 4}" text-anchor="end" fill="#c00">${targetMin} min</text>`,
  );
  for (const s of scenarios) {
    for (const [column, dash] of [[1, ''], [2, ' stroke-dasharray="6 4"']] as const) {
      const points = s.byHour
        .map(([h, ...values]) => [hours.indexOf(h), values[column - 1]] as const)
        .filter((p): p is readonly [number, number] => p[1] !== null && p[1] !== undefined)
        .map(([i, v]) => `${fmt(xOf(i))},${fmt(yOf(v))}`);
      out.push(`<polyline points="${points.join(' ')}" fill="none" stroke="${s.colour}" stroke-width="2"${dash}/>`);
      for (const p of points) {
        const [x, y] = p.split(',');
        out.push(`<circle cx="${x}" cy="${y}" r="3" fill="${column === 1 ? s.colour : '#fff'}" stroke="${s.colour}"/>`);
      }
    }
  }
  // Legend.
  scenarios.forEach((s, i) => {
    const y = L.y + L.h + 40 + i * 18;
    out.push(
      `<line x1="${L.x}" x2="${L.x + 30}" y1="${y}" y2="${y}" stroke="${s.colour}" stroke-width="2"/>`,
      `<text x="${L.x + 36}" y="${y + 4}">${escape(s.label)} 统一取号 pooled</text>`,
      `<line x1="${L.x + 230}" x2="${L.x + 260}" y1="${y}" y2="${y}" stroke="${s.colour}" stroke-width="2" stroke-dasharray="6 4"/>`,
      `<text x="${L.x + 266}" y="${y + 4}">分板块 dedicated blocks</text>`,
    );
  });

  // Right panel: windows needed for mean wait under the target.
  const R = { x: 590, y: 50, w: 360, h: 300 };
  const bars = ['pooledSimulated', 'pooledFormula', 'dedicatedSimulated', 'dedicatedFormula'] as const;
  const barLabels = ['统一 sim', '统一 formula', '分板块 sim', '分板块 formula'];
  const maxNeeded = niceCeiling(Math.max(hallWindows, ...scenarios.flatMap((s) => bars.map((b) => s.needed[b] ?? 0))) * 1.1);
  const yR = (v: number) => R.y + R.h - (v / maxNeeded) * R.h;
  out.push(`<text x="${R.x}" y="28" font-size="14" font-weight="bold">所需窗口数 Windows for mean wait &lt; ${targetMin} min</text>`);
  for (let k = 0; k <= 5; k++) {
    const v = (maxNeeded * k) / 5;
    out.push(
      `<line x1="${R.x}" x2="${R.x + R.w}" y1="${yR(v)}" y2="${yR(v)}" stroke="#e5e5e5"/>`,
      `<text x="${R.x - 6}" y="${yR(v) + 4}" text-anchor="end" fill="#555">${fmt(v)}</text>`,
    );
  }
  const groupWidth = R.w / bars.length;
  const barWidth = (groupWidth - 16) / scenarios.length;
  bars.forEach((bar, g) => {
    scenarios.forEach((s, i) => {
      const value = s.needed[bar];
      const x = R.x + g * groupWidth + 8 + i * barWidth;
      if (value === null) {
        out.push(`<text x="${x + barWidth / 2}" y="${R.y + R.h - 4}" text-anchor="middle" fill="${s.colour}">–</text>`);
        return;
      }
      const fill = bar.endsWith('Formula') ? '#fff' : s.colour;
      out.push(
        `<rect x="${fmt(x)}" y="${fmt(yR(value))}" width="${fmt(barWidth - 2)}" height="${fmt(R.y + R.h - yR(value))}" fill="${fill}" stroke="${s.colour}" stroke-width="2"/>`,
        `<text x="${fmt(x + barWidth / 2 - 1)}" y="${fmt(yR(value) - 4)}" text-anchor="middle" font-size="11">${value}</text>`,
      );
    });
    out.push(`<text x="${R.x + g * groupWidth + groupWidth / 2}" y="${R.y + R.h + 18}" text-anchor="middle" fill="#555">${barLabels[g]}</text>`);
  });
  out.push(
    `<line x1="${R.x}" x2="${R.x + R.w}" y1="${yR(hallWindows)}" y2="${yR(hallWindows)}" stroke="#333" stroke-dasharray="4 3"/>`,
    `<line x1="${R.x}" x2="${R.x + 30}" y1="${R.y + R.h + 40}" y2="${R.y + R.h + 40}" stroke="#333" stroke-dasharray="4 3"/>`,
    `<text x="${R.x + 36}" y="${R.y + R.h + 44}" fill="#333">萧山现有 ${hallWindows} 个窗口 (the hall today)</text>`,
    `<text x="${R.x}" y="${R.y + R.h + 62}" fill="#555">filled: simulated seeded days (mean over the day)</text>`,
    `<text x="${R.x}" y="${R.y + R.h + 78}" fill="#555">outlined: Allen-Cunneen at the peak-hour rate</text>`,
    '</svg>',
  );
  return out.join('\n');
};
