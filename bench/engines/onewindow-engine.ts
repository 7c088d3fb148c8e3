import { buildSearchIndex, searchMatters } from '../../core/index.ts';
import type { EngineFactory } from './search-engine.ts';

/** Ours: the catalog goes in whole; aliases and pinyin are the engine's own business. */
export const onewindowEngine: EngineFactory = {
  name: 'onewindow',
  role: 'ours',
  config: 'buildSearchIndex(catalog); searchMatters(index, q, { limit, departmentId })',
  build(catalog) {
    const index = buildSearchIndex(catalog);
    return {
      search: (query, departmentId, limit) =>
        searchMatters(index, query, departmentId === undefined ? { limit } : { limit, departmentId }),
    };
  },
};
