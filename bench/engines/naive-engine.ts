import { buildNaiveSearchIndex, searchMattersNaive } from '../../core/index.ts';
import type { EngineFactory } from './search-engine.ts';

/** The naive baseline: core's oracle, the same ranking computed by scanning every text for every query. */
export const naiveEngine: EngineFactory = {
  name: 'onewindow naive',
  role: 'naive',
  config: 'buildNaiveSearchIndex(catalog); searchMattersNaive (the oracle: same ranking, linear scan)',
  build(catalog) {
    const index = buildNaiveSearchIndex(catalog);
    return {
      search: (query, departmentId, limit) =>
        searchMattersNaive(index, query, departmentId === undefined ? { limit } : { limit, departmentId }),
    };
  },
};
