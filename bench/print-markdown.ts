/** Prints bench/results/latest.json as Markdown tables, to paste into bench/README.md after a full run. */
import { readFileSync } from 'node:fs';
import type { Figure } from './bench-types.ts';
import { formatMarkdownTable } from './format-table.ts';

const results = JSON.parse(readFileSync(new URL('./results/latest.json', import.meta.url), 'utf8')) as {
  machine: Record<string, unknown>;
  groups: Record<string, { date: string }>;
  figures: Figure[];
};
const m = results.machine;
// Groups re-run alone (--group) keep their own dates, so each group says when it ran.
const dates = Object.entries(results.groups)
  .map(([group, run]) => `${group} ${run.date.slice(0, 16).replace('T', ' ')}Z`)
  .join(', ');
console.log(
  `Machine: ${m['cpu']}, ${m['cores']} cores, ${m['memoryGiB']} GiB, ${m['platform']}; Node ${m['node']} ` +
    `(V8 ${m['v8']}); --expose-gc: ${m['exposeGc']}; 1-min load average at start: ${m['loadAverage1m']}. ` +
    `Runs: ${dates}.\n`,
);
console.log(formatMarkdownTable(results.figures));
