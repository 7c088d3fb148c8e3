import { existsSync, readFileSync } from 'node:fs';
import { loadXiaoshanCatalog, type CatalogDocument } from '../core/index.ts';

/** One line of core/catalog/search/labelled-queries.json: a query and the matter a person means by it. */
export interface LabelledQuery {
  readonly query: string;
  /** Exact matter name expected among the top 3 hits. */
  readonly expect: string;
  /** query family (exact, partial, alias, pinyin, initials, typo …), for per-kind accuracy. */
  readonly kind: string;
  readonly departmentId?: string;
}

const labelledQueriesUrl = new URL('../core/catalog/search/labelled-queries.json', import.meta.url);
/** Labelled like the main set but never tuned against: accuracy here is the honest one for every engine. */
const blindQueriesUrl = new URL('../core/catalog/search/blind-queries.json', import.meta.url);

/** The labelled sets are data, not code, so they are read from disk rather than imported. */
export const loadLabelledQueries = (url: URL = labelledQueriesUrl): LabelledQuery[] => {
  const file = url.pathname.split('/').pop();
  const raw: unknown = JSON.parse(readFileSync(url, 'utf8'));
  if (!Array.isArray(raw)) throw new Error(`${file}: expected an array`);
  return raw.map((entry: unknown, i): LabelledQuery => {
    const e = entry as Partial<LabelledQuery>;
    if (typeof e.query !== 'string' || typeof e.expect !== 'string') {
      throw new Error(`${file}[${i}]: query and expect must be strings`);
    }
    return {
      query: e.query,
      expect: e.expect,
      kind: typeof e.kind === 'string' ? e.kind : 'unlabelled',
      ...(typeof e.departmentId === 'string' ? { departmentId: e.departmentId } : {}),
    };
  });
};

export interface Fixtures {
  readonly catalog: CatalogDocument;
  readonly queries: readonly LabelledQuery[];
  /** Empty when the blind set does not exist. */
  readonly blindQueries: readonly LabelledQuery[];
}

let cached: Fixtures | undefined;

/** Loaded once per run and shared by the groups; expectations are checked against the catalog. */
export const loadFixtures = (): Fixtures => {
  cached ??= {
    catalog: loadXiaoshanCatalog(),
    queries: loadLabelledQueries(),
    blindQueries: existsSync(blindQueriesUrl) ? loadLabelledQueries(blindQueriesUrl) : [],
  };
  return cached;
};

/** Labelled queries whose expected matter or department is missing: a broken fixture, not a slow engine. */
export const findBrokenQueries = (catalog: CatalogDocument, queries: readonly LabelledQuery[]): string[] => {
  const names = new Set(catalog.matters.map((m) => m.name));
  const departments = new Set(catalog.departments.map((d) => d.id));
  const broken: string[] = [];
  for (const q of queries) {
    if (!names.has(q.expect)) broken.push(`"${q.query}" expects unknown matter "${q.expect}"`);
    if (q.departmentId !== undefined && !departments.has(q.departmentId)) {
      broken.push(`"${q.query}" filters on unknown department "${q.departmentId}"`);
    }
  }
  return broken;
};
