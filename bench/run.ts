/**
 * Runs the benchmark groups, prints the figures, writes bench/results/latest.json.
 *   npm run bench                      every group, full iteration counts
 *   npm run bench -- --group <name>    one group (repeatable); other groups' figures in latest.json are kept
 *   npm run bench:smoke                tiny iteration counts: every code path and sanity check, exit 1 if broken
 * Timing targets are reported, never enforced; only a broken benchmark fails the run.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { BenchContext, BenchGroup, Figure } from './bench-types.ts';
import { casesCoreGroup } from './cases-core.ts';
import { catalogLookupGroup } from './catalog-lookup.ts';
import { formatTextTable } from './format-table.ts';
import { casesHttpGroup, certificatesHttpGroup, hallGroup, hallHttpGroup } from './hall-group.ts';
import { indexBuildGroup } from './index-build.ts';
import { hasGc } from './measure-heap.ts';
import { nationalCatalogGroup } from './national-catalog.ts';
import { searchCompareGroup } from './search-compare.ts';

const groups: readonly BenchGroup[] = [
  catalogLookupGroup,
  searchCompareGroup,
  indexBuildGroup,
  nationalCatalogGroup,
  hallGroup,
  hallHttpGroup,
  casesCoreGroup,
  casesHttpGroup,
  certificatesHttpGroup,
];

interface GroupRun {
  readonly date: string;
  readonly durationMs: number;
  readonly failures: readonly string[];
  readonly details: Record<string, unknown>;
}

interface ResultsFile {
  readonly machine: Record<string, unknown>;
  readonly date: string;
  readonly mode: 'full' | 'smoke';
  readonly groups: Record<string, GroupRun>;
  readonly figures: readonly Figure[];
}

const describeMachine = (): Record<string, unknown> => ({
  node: process.version,
  v8: process.versions.v8,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  platform: `${os.platform()} ${os.arch()}`,
  exposeGc: hasGc(),
  // Other work on the machine skews timings: the load at the start is kept beside the figures.
  loadAverage1m: Number((os.loadavg()[0] ?? 0).toFixed(2)),
});

const runGroup = async (group: BenchGroup, smoke: boolean, figures: Figure[]): Promise<GroupRun> => {
  const failures: string[] = [];
  const details: Record<string, unknown> = {};
  const ctx: BenchContext = {
    smoke,
    record: (f) => figures.push({ group: group.name, ...f }),
    check: (ok, message) => {
      if (!ok) failures.push(message);
    },
    log: (message) => console.log(message),
    detail: (key, value) => {
      details[key] = value;
    },
  };
  const started = Date.now();
  console.log(`\n▶ ${group.name}: ${group.description}`);
  try {
    await group.run(ctx);
  } catch (error) {
    failures.push(`threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  const durationMs = Date.now() - started;
  console.log(`  ${failures.length ? `✗ ${failures.length} failed check(s)` : '✓'} in ${(durationMs / 1000).toFixed(1)} s`);
  return { date: new Date().toISOString(), durationMs, failures, details };
};

/** A partial run (--group) keeps the other groups' figures, so latest.json always holds every group. */
const mergeWithPrevious = (path: string, current: ResultsFile): ResultsFile => {
  if (!existsSync(path)) return current;
  const previous = JSON.parse(readFileSync(path, 'utf8')) as ResultsFile;
  const ran = new Set(Object.keys(current.groups));
  // A group may file figures under sub-group names (hall → hall-throughput …): those are replaced too.
  const replaced = new Set([...ran, ...current.figures.map((f) => f.group)]);
  return {
    ...current,
    groups: { ...Object.fromEntries(Object.entries(previous.groups).filter(([g]) => !ran.has(g))), ...current.groups },
    figures: [...previous.figures.filter((f) => !replaced.has(f.group)), ...current.figures],
  };
};

const main = async (): Promise<number> => {
  const { values } = parseArgs({
    options: {
      smoke: { type: 'boolean', default: false },
      group: { type: 'string', multiple: true },
      list: { type: 'boolean', default: false },
    },
  });
  if (values.list) {
    for (const g of groups) console.log(`${g.name.padEnd(18)} ${g.description}`);
    return 0;
  }
  const wanted = values.group?.flatMap((g) => g.split(',')) ?? [];
  const unknown = wanted.filter((w) => !groups.some((g) => g.name === w));
  if (unknown.length) {
    console.error(`unknown group(s): ${unknown.join(', ')}; known: ${groups.map((g) => g.name).join(', ')}`);
    return 2;
  }
  const selected = wanted.length ? groups.filter((g) => wanted.includes(g.name)) : groups;
  const smoke = values.smoke ?? false;
  const machine = describeMachine();
  console.log(`onewindow bench (${smoke ? 'smoke' : 'full'}): node ${machine.node}, ${machine.cpu}, ${machine.cores} cores`);
  if (!hasGc()) console.log('note: no global.gc; heap figures will read n/a (run node --expose-gc --import tsx bench/run.ts)');

  const started = Date.now();
  const figures: Figure[] = [];
  const runs: Record<string, GroupRun> = {};
  for (const group of selected) runs[group.name] = await runGroup(group, smoke, figures);

  console.log(`\n${formatTextTable(figures)}\n`);
  const resultsDir = new URL('./results/', import.meta.url);
  mkdirSync(resultsDir, { recursive: true });
  // Smoke figures are meaningless as timings: keep them out of latest.json (*.tmp is git-ignored).
  const path = new URL(smoke ? 'smoke.tmp' : 'latest.json', resultsDir);
  const current: ResultsFile = { machine, date: new Date().toISOString(), mode: smoke ? 'smoke' : 'full', groups: runs, figures };
  writeFileSync(path, `${JSON.stringify(smoke ? current : mergeWithPrevious(path.pathname, current), null, 2)}\n`);

  const failures = Object.entries(runs).flatMap(([g, r]) => r.failures.map((f) => `${g}: ${f}`));
  const missed = figures.filter((f) => f.met === false);
  // Smoke counts are too small for timings to mean anything: say so once rather than list misses.
  if (smoke) console.log('smoke run: timings come from tiny counts and are not compared with targets');
  else for (const f of missed) console.log(`target missed (reported, not enforced): ${f.group} ${f.subject} ${f.metric} (${f.target})`);
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s; wrote ${path.pathname}`);
  if (failures.length) {
    console.error(`\nBROKEN BENCHMARK (${failures.length}):\n${failures.map((f) => `  - ${f}`).join('\n')}`);
    return 1;
  }
  return 0;
};

process.exitCode = await main();
