/**
 * The fast search: plan the query, score candidate texts through the inverted index, pick the top matters.
 * Same ranking as the linear-scan oracle in naive-search.ts (the contract tests hold them to it).
 */
import type { CatalogDocument } from '../types.ts';
import { buildSearchIndex, type BuiltSearchIndex } from './build-search-index.ts';
import { obtainDepartmentOrder } from './department-order.ts';
import { describeHit } from './describe-hit.ts';
import { planQuery, type QueryReading } from './plan-query.ts';
import { ensureInitials } from './posting-lists.ts';
import { scoreTexts } from './score-texts.ts';
import { selectTopHits } from './select-top-hits.ts';
import { clampLimit, type SearchHit, type SearchIndex, type SearchOptions } from './types.ts';

export function searchMatters(index: SearchIndex, query: string, options: SearchOptions = {}): SearchHit[] {
  const ix = index as BuiltSearchIndex;
  const limit = clampLimit(options.limit);
  if (limit === 0) return [];
  let department = -1;
  if (options.departmentId !== undefined) {
    department = obtainDepartmentOrder(ix).departmentIds.get(options.departmentId) ?? -2;
    if (department === -2) return [];
  }
  const readings = planQuery(ix.table, query);
  if (readings.length === 0) return [];
  const order = department < 0 ? undefined : obtainDepartmentOrder(ix);
  const touched = scoreTexts(ix, readings, limit, { department, order });
  return selectTopHits(ix, touched, limit, department).map((pick) => {
    const reading = (readings[ix.scratch.bestReading[pick.text] ?? 0] ?? readings[0]) as QueryReading;
    if (reading.unitArrays.hasInitial) ensureInitials(ix, pick.text);
    return describeHit({
      matter: ix.matters[pick.matter] as CatalogDocument['matters'][number],
      score: pick.score,
      text: ix.texts[pick.text] ?? '',
      isAlias: pick.text >= ix.nameCount,
      units: reading.unitArrays,
      store: ix.store,
      from: ix.textStart[pick.text] ?? 0,
      to: ix.textStart[pick.text + 1] ?? 0,
    });
  });
}

const cache = new WeakMap<CatalogDocument, SearchIndex>();

/** The catalog's index, built on first use and kept: the lazy path for callers that hold only the catalog. */
export function obtainSearchIndex(catalog: CatalogDocument): SearchIndex {
  let index = cache.get(catalog);
  if (index === undefined) {
    index = buildSearchIndex(catalog);
    cache.set(catalog, index);
  }
  return index;
}
