/** What each hall benchmark returns: figures in the harness's shape, sanity checks, details for the results file. */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Figure } from './bench-types.ts';
import { formatTextTable } from './format-table.ts';

export type HallFigure = Omit<Figure, 'group'>;

export interface HallBenchReport {
  readonly figures: HallFigure[];
  /** Failed sanity checks (a broken benchmark, not a slow one). Empty when all is well. */
  readonly failures: string[];
  readonly details: Record<string, unknown>;
}

export const createReport = (): HallBenchReport => ({ figures: [], failures: [], details: {} });

export const checkThat = (report: HallBenchReport, condition: boolean, message: string): void => {
  if (!condition) report.failures.push(message);
};

export const printReport = (group: string, report: HallBenchReport): void => {
  console.log(formatTextTable(report.figures.map((f) => ({ group, ...f }))));
  for (const failure of report.failures) console.log(`  ✗ ${failure}`);
};

/** True when this module is the script node was started with (`npx tsx bench/hall-xxx.ts`). */
export const isMainModule = (moduleUrl: string): boolean => {
  const entry = process.argv[1];
  return entry !== undefined && pathToFileURL(resolve(entry)).href === moduleUrl;
};
