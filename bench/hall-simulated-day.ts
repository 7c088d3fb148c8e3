/**
 * A simulated Xiaoshan day through the real core: 29 windows pooled (统一取号, any window serves anyone)
 * beside the old model of windows dedicated to three blocks (商事登记 / 社会事务 / 投资项目, windows split in
 * proportion to each block's load, one hall per block). Same citizens for both (seeded). Reports mean and
 * p95 wait beside Erlang C / Allen-Cunneen at the peak-hour rate, the wait by hour, and how many windows
 * each model needs for a mean wait under 5 minutes, by simulation and by formula.
 * Writes bench/results/hall-day.json and bench/results/hall-day.svg.
 *   npx tsx bench/hall-simulated-day.ts [--smoke]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { allenCunneen, meanWaitMMc, windowsNeeded } from '../core/index.ts';
import { drawDayChart, type ChartScenario } from './hall-day-chart.ts';
import { BLOCKS, expectPeakRate, measurePeakRate, planDay, type DayPlan, type PlannedCitizen } from './hall-day-plan.ts';
import { simulateDay, type SimulatedDay } from './hall-day-sim.ts';
import { checkThat, createReport, isMainModule, printReport, type HallBenchReport } from './hall-report.ts';

const MINUTE = 60_000;
const HALL_WINDOWS = 29;
const TARGET_WAIT_MIN = 5;
const RESULTS = new URL('./results/', import.meta.url);

const PARAMETERS = { serviceCs2: 0.5, priorityShare: 0.1, appointmentShare: 0.06, noShowShare: 0.04, cancelShare: 0.015 };
/** 1,200 keeps the peak hour just under what 29 windows serve; 1,400 is domain.md's day, whose peak is not. */
const SCENARIOS = [
  { tickets: 1200, colour: '#1f77b4' },
  { tickets: 1400, colour: '#d62728' },
];

const ids = (from: number, n: number): string[] => Array.from({ length: n }, (_, i) => String(from + i));

/** Windows split between blocks in proportion to offered load (share × mean service), largest remainder. */
const splitWindows = (total: number): number[] => {
  const loads = BLOCKS.map((b) => b.share * b.meanServiceMin);
  const sum = loads.reduce((a, b) => a + b, 0);
  const exact = loads.map((l) => (l / sum) * total);
  const counts = exact.map(Math.floor);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; counts.reduce((a, b) => a + b, 0) < total; k++) counts[order[k]![1]]!++;
  return counts;
};

const runPooled = (plan: DayPlan, windows: number): SimulatedDay => simulateDay(plan, [ids(1, windows)], () => 0);

const runDedicated = (plan: DayPlan, split: readonly number[]): SimulatedDay => {
  let next = 1;
  const halls = split.map((n) => {
    const list = ids(next, n);
    next += n;
    return list;
  });
  return simulateDay(plan, halls, (c) => c.block);
};

/** One block alone, for the per-block window search. */
const onlyBlock = (plan: DayPlan, block: number): DayPlan => ({ ...plan, citizens: plan.citizens.filter((c) => c.block === block) });

const meanOf = (xs: ArrayLike<number>): number => {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < xs.length; i++) if (!Number.isNaN(xs[i]!)) (sum += xs[i]!), n++;
  return n === 0 ? Number.NaN : sum / n;
};

const percentileOf = (xs: readonly number[], p: number): number => {
  const sorted = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
};

/** What a window spends per ticket: walk + service, or three minutes of calling a no-show. */
const holdingMinutes = (c: PlannedCitizen): number => (c.noShow ? 3 : (c.walkMs + c.serviceMs) / MINUTE);

const describeHolding = (citizens: readonly PlannedCitizen[]): { mean: number; cs2: number } => {
  const xs = citizens.map(holdingMinutes);
  const mean = meanOf(xs);
  const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
  return { mean, cs2: variance / mean ** 2 };
};

/** Smallest window count whose simulated mean wait (averaged over the plans) is under the target. */
const searchWindows = (plans: readonly DayPlan[], run: (plan: DayPlan, c: number) => SimulatedDay, from: number): number => {
  for (let c = Math.max(1, from); c < 200; c++) {
    const mean = meanOf(plans.map((p) => meanOf(run(p, c).waits))) / MINUTE;
    if (mean < TARGET_WAIT_MIN) return c;
  }
  return Number.NaN;
};

const byHourOf = (plans: readonly DayPlan[], days: readonly SimulatedDay[]): Map<number, number> => {
  const sums = new Map<number, { sum: number; n: number }>();
  days.forEach((day, k) => {
    plans[k]!.citizens.forEach((c, i) => {
      const wait = day.waits[i]!;
      if (Number.isNaN(wait)) return;
      const hour = new Date(c.arrivesAt + 8 * 3_600_000).getUTCHours();
      const entry = sums.get(hour) ?? { sum: 0, n: 0 };
      entry.sum += wait;
      entry.n++;
      sums.set(hour, entry);
    });
  });
  return new Map([...sums].sort((a, b) => a[0] - b[0]).map(([h, { sum, n }]) => [h, sum / n / MINUTE]));
};

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

export const runHallSimulatedDay = async ({ smoke }: { smoke: boolean }): Promise<HallBenchReport> => {
  const report = createReport();
  const seeds = smoke ? [1] : Array.from({ length: 10 }, (_, i) => i + 1);
  const split = splitWindows(HALL_WINDOWS);
  const chart: ChartScenario[] = [];
  const scenarios = smoke ? SCENARIOS.slice(0, 1) : SCENARIOS;
  const json: Record<string, unknown>[] = [];

  for (const scenario of scenarios) {
    const label = `${scenario.tickets.toLocaleString('en-US')} tickets`;
    const plans = seeds.map((seed) => planDay({ seed, tickets: scenario.tickets, ...PARAMETERS }));
    const pooled = plans.map((p) => runPooled(p, HALL_WINDOWS));
    const dedicated = plans.map((p) => runDedicated(p, split));

    // The core's own statistics must agree with what the simulation saw.
    const day0 = pooled[0]!;
    const coreMean = (day0.hallStats[0]!.hall.meanWaitMs ?? Number.NaN) / MINUTE;
    checkThat(report, Math.abs(coreMean - meanOf(day0.waits) / MINUTE) < 1e-6, `${label}: core mean wait matches the simulation`);
    const exactP95 = percentileOf([...day0.waits], 0.95) / MINUTE;
    checkThat(report, Math.abs((day0.hallStats[0]!.hall.p95WaitMs ?? 0) / MINUTE - exactP95) <= 1, `${label}: core p95 within a bucket of the exact p95`);
    for (const day of [...pooled, ...dedicated]) {
      checkThat(report, day.served + day.noShows + day.cancellations === scenario.tickets, `${label}: every ticket ends once`);
      checkThat(report, Object.keys(day.refusals).every((code) => code === 'QUEUE_EMPTY'), `${label}: no unexpected refusal ${JSON.stringify(day.refusals)}`);
    }

    const allWaits = (days: readonly SimulatedDay[]) => days.flatMap((d) => [...d.waits]);
    const pooledMean = meanOf(pooled.map((d) => meanOf(d.waits))) / MINUTE;
    const dedicatedMean = meanOf(dedicated.map((d) => meanOf(d.waits))) / MINUTE;
    const pooledP95 = percentileOf(allWaits(pooled), 0.95) / MINUTE;
    const dedicatedP95 = percentileOf(allWaits(dedicated), 0.95) / MINUTE;

    // Queueing formulas at the peak-hour rate of the arrival profile (per minute); the busiest hour actually
    // drawn is noisier and higher (the maximum of eight noisy hours), kept in the JSON.
    const everyone = plans.flatMap((p) => p.citizens);
    const holding = describeHolding(everyone);
    const peak = expectPeakRate(scenario.tickets) / 60;
    const drawnPeak = meanOf(plans.map((p) => measurePeakRate(p).perHour));
    const dayRate = scenario.tickets / (7 * 60);
    const pooledMMc = meanWaitMMc(peak, 1 / holding.mean, HALL_WINDOWS);
    const pooledAC = allenCunneen(peak, 1 / holding.mean, HALL_WINDOWS, 1, holding.cs2);
    const blocks = BLOCKS.map((b, k) => {
      const members = everyone.filter((c) => c.block === k);
      const h = describeHolding(members);
      const rate = peak * b.share;
      return {
        block: b.name,
        windows: split[k]!,
        peakPerHour: rate * 60,
        holdingMeanMin: h.mean,
        holdingCs2: h.cs2,
        allenCunneenMin: allenCunneen(rate, 1 / h.mean, split[k]!, 1, h.cs2),
        neededByFormula: windowsNeeded(rate, 1 / h.mean, TARGET_WAIT_MIN, { ca2: 1, cs2: h.cs2 }),
        share: members.length / everyone.length,
      };
    });
    const dedicatedAC = blocks.reduce((s, b) => s + b.share * b.allenCunneenMin, 0);

    // Windows needed for a mean wait under the target: by simulation, and by formula at the peak.
    const searchPlans = smoke ? plans.slice(0, 1) : plans.slice(0, 5);
    const offered = (scenario.tickets * holding.mean) / (7 * 60);
    const pooledNeededSim = searchWindows(searchPlans, runPooled, Math.floor(offered) - 2);
    const blockNeededSim = BLOCKS.map((_, k) =>
      searchWindows(searchPlans.map((p) => onlyBlock(p, k)), (p, c) => runPooled(p, c), Math.floor(offered * (blocks[k]!.share)) - 2),
    );
    const dedicatedNeededSim = blockNeededSim.reduce((a, b) => a + b, 0);
    const pooledNeededFormula = windowsNeeded(peak, 1 / holding.mean, TARGET_WAIT_MIN, { ca2: 1, cs2: holding.cs2 });
    const dedicatedNeededFormula = blocks.reduce((s, b) => s + b.neededByFormula, 0);

    const hourPooled = byHourOf(plans, pooled);
    const hourDedicated = byHourOf(plans, dedicated);
    chart.push({
      label,
      colour: scenario.colour,
      byHour: [...hourPooled.keys()].map((h) => [h, hourPooled.get(h) ?? null, hourDedicated.get(h) ?? null] as const),
      needed: {
        pooledSimulated: finite(pooledNeededSim),
        pooledFormula: finite(pooledNeededFormula),
        dedicatedSimulated: finite(dedicatedNeededSim),
        dedicatedFormula: finite(dedicatedNeededFormula),
      },
    });

    const rho = (peak * holding.mean) / HALL_WINDOWS;
    const note =
      `${seeds.length} seeded days; peak ${Math.round(peak * 60)}/h, ρ at peak ${rho.toFixed(2)}, ` +
      `holding ${holding.mean.toFixed(2)} min, Cs² ${holding.cs2.toFixed(2)}`;
    const pooledName = `pooled 29, ${label}`;
    const dedicatedName = `dedicated ${split.join('/')}, ${label}`;
    const needed = `windows for mean < ${TARGET_WAIT_MIN} min`;
    const blockFormula = blocks.map((b) => b.neededByFormula).join('+');
    report.figures.push(
      { subject: pooledName, metric: 'mean wait (sim)', value: pooledMean, unit: 'min', note },
      { subject: pooledName, metric: 'p95 wait (sim)', value: pooledP95, unit: 'min' },
      {
        subject: pooledName,
        metric: 'Allen-Cunneen at peak',
        value: finite(pooledAC),
        unit: 'min',
        note: Number.isFinite(pooledAC) ? `M/M/c ${pooledMMc.toFixed(2)} min` : 'peak rate exceeds 29 windows (ρ ≥ 1)',
      },
      { subject: dedicatedName, metric: 'mean wait (sim)', value: dedicatedMean, unit: 'min' },
      { subject: dedicatedName, metric: 'p95 wait (sim)', value: dedicatedP95, unit: 'min' },
      {
        subject: dedicatedName,
        metric: 'Allen-Cunneen at peak',
        value: finite(dedicatedAC),
        unit: 'min',
        note: Number.isFinite(dedicatedAC) ? 'share-weighted over blocks' : 'a block’s peak exceeds its windows',
      },
      {
        subject: `pooled, ${label}`,
        metric: needed,
        value: pooledNeededSim,
        unit: 'windows',
        note: `simulated; Allen-Cunneen at peak: ${pooledNeededFormula}`,
      },
      {
        subject: `dedicated, ${label}`,
        metric: needed,
        value: dedicatedNeededSim,
        unit: 'windows',
        note: `simulated ${blockNeededSim.join('+')}; Allen-Cunneen at peak: ${blockFormula} = ${dedicatedNeededFormula}`,
      },
    );
    json.push({
      scenario: label,
      tickets: scenario.tickets,
      seeds,
      parameters: PARAMETERS,
      blocks: BLOCKS,
      holding,
      peakPerHour: peak * 60,
      drawnPeakPerHour: drawnPeak,
      dayMeanPerHour: dayRate * 60,
      rhoAtPeak: rho,
      pooled: {
        windows: HALL_WINDOWS,
        meanWaitMin: pooledMean,
        p95WaitMin: pooledP95,
        coreStatsSeed1: day0.hallStats[0]!.hall,
        mmcAtPeakMin: finite(pooledMMc),
        allenCunneenAtPeakMin: finite(pooledAC),
        allenCunneenAtDayMeanMin: finite(allenCunneen(dayRate, 1 / holding.mean, HALL_WINDOWS, 1, holding.cs2)),
        neededBySimulation: finite(pooledNeededSim),
        neededByFormulaAtPeak: finite(pooledNeededFormula),
        meanWaitByHourMin: Object.fromEntries(hourPooled),
        served: meanOf(pooled.map((d) => d.served)),
        noShows: meanOf(pooled.map((d) => d.noShows)),
        cancellations: meanOf(pooled.map((d) => d.cancellations)),
        commandsPerDay: meanOf(pooled.map((d) => d.commands)),
      },
      dedicated: {
        split,
        meanWaitMin: dedicatedMean,
        p95WaitMin: dedicatedP95,
        allenCunneenAtPeakMin: finite(dedicatedAC),
        blocks: blocks.map((b, k) => ({ ...b, allenCunneenMin: finite(b.allenCunneenMin), neededBySimulation: finite(blockNeededSim[k]!) })),
        neededBySimulation: finite(dedicatedNeededSim),
        neededByFormulaAtPeak: finite(dedicatedNeededFormula),
        meanWaitByHourMin: Object.fromEntries(hourDedicated),
      },
      separate29ByFormulaAtPeakMin: finite(meanWaitMMc(peak / HALL_WINDOWS, 1 / holding.mean, 1)),
    });
  }

  report.details.hallDay = json;
  if (!smoke) {
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(new URL('hall-day.json', RESULTS), `${JSON.stringify({ targetWaitMin: TARGET_WAIT_MIN, scenarios: json }, null, 2)}\n`);
    writeFileSync(new URL('hall-day.svg', RESULTS), `${drawDayChart(chart, TARGET_WAIT_MIN, HALL_WINDOWS)}\n`);
  } else {
    // The smoke run still renders the chart, to keep the SVG code from rotting, but writes nothing.
    checkThat(report, drawDayChart(chart, TARGET_WAIT_MIN, HALL_WINDOWS).startsWith('<svg'), 'chart renders');
  }
  return report;
};

if (isMainModule(import.meta.url)) {
  const smoke = process.argv.includes('--smoke');
  const report = await runHallSimulatedDay({ smoke });
  printReport('hall-simulated-day', report);
  if (!smoke) console.log('\nwrote bench/results/hall-day.json and bench/results/hall-day.svg');
  if (report.failures.length > 0) process.exitCode = 1;
}
