/** Prints bench/results/latest.json as Markdown tables, to paste into bench/README.md after a full run. */
import { readFileSync } from 'node:fs';
import type { Figure } from './bench-types.ts';
import { formatMarkdownTable } from './format-table.ts';

const results = JSON.parse(readFileSync(new URL('./results/latest.json', import.meta.url), 'utf8')) as {
  machine: Record<string, unknown>;
  date: string;
  figures: Figure[];
};
const m = results.machine;
console.log(`Machine: ${m['cpu']}, ${m['cores']} cores, ${m['memoryGiB']} GiB, ${m['platform']}; Node ${m['node']} (V8 ${m['v8']}); --expose-gc: ${m['exposeGc']}; 1-min load average at start: ${m['loadAverage1m']}. Run ${results.date}.\n`);
console.log(formatMarkdownTable(results.figures));
