import Fuse from 'fuse.js';
import type { SearchDocument } from './search-documents.ts';
import type { EngineFactory } from './search-engine.ts';

/** Fuse.js: approximate matching anywhere in name, aliases and pinyin; no departments filter, so post-filter. */
export const fuseEngine: EngineFactory = {
  name: 'fuse.js',
  role: 'library',
  config:
    'keys name (3), aliases (2), pinyin (1), initials (1); threshold 0.4, ignoreLocation: true; ' +
    'department post-filter',
  build(_catalog, documents) {
    const fuse = new Fuse<SearchDocument>(documents, {
      keys: [
        { name: 'name', weight: 3 },
        { name: 'aliases', weight: 2 },
        { name: 'pinyin', weight: 1 },
        { name: 'initials', weight: 1 },
      ],
      threshold: 0.4,
      ignoreLocation: true,
      includeScore: true,
    });
    return {
      search(query, departmentId, limit) {
        const results =
          departmentId === undefined
            ? fuse.search(query, { limit })
            : fuse.search(query).filter((r) => r.item.departmentId === departmentId).slice(0, limit);
        return results.map((r) => ({ name: r.item.name, departmentId: r.item.departmentId }));
      },
    };
  },
};
