import type { CatalogDocument } from '../core/index.ts';
import type { SearchDocument } from './engines/search-documents.ts';
import type { EngineFactory, EngineHit, SearchEngine } from './engines/search-engine.ts';
import type { LabelledQuery } from './load-fixtures.ts';
import { measureHeap } from './measure-heap.ts';
import { measureLatency, type LatencyPlan, type LatencyStats } from './measure-latency.ts';
import { timeOnce } from './measure-time.ts';
import { scoreAccuracy, type AccuracyReport } from './score-accuracy.ts';

/** Every engine answers for top 3: the figure we score and the size a hall's search box shows first. */
export const SEARCH_LIMIT = 3;

export interface TrialInput {
  readonly factory: EngineFactory;
  readonly catalog: CatalogDocument;
  readonly documents: readonly SearchDocument[];
  readonly queries: readonly LabelledQuery[];
  readonly plan: LatencyPlan;
  /** Timed builds, all kept alive at once: the median time and the mean retained heap are reported. */
  readonly buildRepetitions: number;
  /** Where a labelled department filter points in this catalog (national: one region's copy). */
  readonly mapDepartment?: (q: LabelledQuery) => string | undefined;
}

export interface TrialResult {
  readonly buildMs: number;
  readonly heapBytes: number | null;
  readonly latency: LatencyStats;
  readonly accuracy: AccuracyReport;
  readonly slowestQueries: readonly { readonly query: string; readonly medianMs: number }[];
}

/**
 * Builds an engine `buildRepetitions` times, keeping every copy alive: the median build time, and the heap
 * one copy retains (averaged over the copies, which steadies small figures).
 */
export const buildEngine = (input: TrialInput): { engine: SearchEngine; buildMs: number; heapBytes: number | null } => {
  const times: number[] = [];
  const heap = measureHeap(() => {
    const built = timeOnce(() => input.factory.build(input.catalog, input.documents));
    times.push(built.ms);
    return built.value;
  }, input.buildRepetitions);
  times.sort((a, b) => a - b);
  return { engine: heap.value, buildMs: times[Math.floor((times.length - 1) / 2)] ?? Number.NaN, heapBytes: heap.bytes };
};

/** Latency and accuracy from the same calls: each query's first timed answer is the one scored. */
export const searchEngineTrial = (
  input: TrialInput,
  engine: SearchEngine,
): Omit<TrialResult, 'buildMs' | 'heapBytes'> => {
  const mapDepartment = input.mapDepartment ?? ((q: LabelledQuery) => q.departmentId);
  const queries = input.queries;
  const departments = queries.map(mapDepartment);
  const firstResults: (readonly EngineHit[] | undefined)[] = new Array(queries.length);
  const latency = measureLatency(
    queries.length,
    (i) => engine.search((queries[i] as LabelledQuery).query, departments[i], SEARCH_LIMIT),
    input.plan,
    (i, hits) => {
      firstResults[i] = hits;
    },
  );
  return {
    latency,
    accuracy: scoreAccuracy(queries, firstResults, mapDepartment),
    slowestQueries: latency.slowest.map((s) => ({
      query: queries[s.index]?.query ?? '?',
      medianMs: s.medianMs,
    })),
  };
};

/** The built engine comes back too, for untimed passes over further query sets. */
export const runEngineTrial = (input: TrialInput): TrialResult & { readonly engine: SearchEngine } => {
  const built = buildEngine(input);
  return {
    engine: built.engine,
    buildMs: built.buildMs,
    heapBytes: built.heapBytes,
    ...searchEngineTrial(input, built.engine),
  };
};

/** Accuracy alone, one untimed call per query (the blind set: scored, not timed). */
export const scoreEngine = (engine: SearchEngine, queries: readonly LabelledQuery[]): AccuracyReport =>
  scoreAccuracy(
    queries,
    queries.map((q) => engine.search(q.query, q.departmentId, SEARCH_LIMIT)),
  );
