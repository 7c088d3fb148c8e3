import type { EngineHit } from './engines/search-engine.ts';
import type { LabelledQuery } from './load-fixtures.ts';

export interface AccuracyReport {
  /** Share of the scored queries whose expected matter is the first hit. */
  readonly top1: number;
  /** Share of the scored queries whose expected matter is among the first 3 hits. */
  readonly top3: number;
  readonly scored: number;
  readonly byKind: Readonly<Record<string, { readonly found: number; readonly total: number }>>;
  readonly misses: readonly { readonly query: string; readonly expect: string; readonly got: readonly string[] }[];
  /** Hits outside the requested department: the filter is broken, whatever the ranking. */
  readonly filterViolations: number;
}

/** Scores the first result of each query (undefined = not measured, e.g. a slow engine's partial round). */
export const scoreAccuracy = (
  queries: readonly LabelledQuery[],
  results: readonly (readonly EngineHit[] | undefined)[],
  mapDepartment: (q: LabelledQuery) => string | undefined = (q) => q.departmentId,
): AccuracyReport => {
  const byKind: Record<string, { found: number; total: number }> = {};
  const misses: { query: string; expect: string; got: string[] }[] = [];
  let found = 0;
  let first = 0;
  let scored = 0;
  let filterViolations = 0;
  queries.forEach((q, i) => {
    const hits = results[i];
    if (!hits) return;
    scored++;
    const kind = (byKind[q.kind] ??= { found: 0, total: 0 });
    kind.total++;
    const top = hits.slice(0, 3);
    if (top[0]?.name === q.expect) first++;
    if (top.some((h) => h.name === q.expect)) {
      found++;
      kind.found++;
    } else {
      misses.push({ query: q.query, expect: q.expect, got: top.map((h) => h.name) });
    }
    const department = mapDepartment(q);
    if (department !== undefined) filterViolations += hits.filter((h) => h.departmentId !== department).length;
  });
  return {
    top1: scored ? first / scored : Number.NaN,
    top3: scored ? found / scored : Number.NaN,
    scored,
    byKind,
    misses,
    filterViolations,
  };
};
