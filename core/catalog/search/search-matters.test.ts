import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from './build-search-index.ts';
import { describeSearchContract } from './search-contract.case.ts';
import { loadXiaoshanCatalog } from './search-fixture.ts';
import { obtainSearchIndex, searchMatters } from './search-matters.ts';

describeSearchContract('fast index', (catalog) => {
  const index = buildSearchIndex(catalog);
  return (query, options) => searchMatters(index, query, options);
});

describe('the fast index', () => {
  it('indexes each distinct name once and says how much it holds', () => {
    const catalog = loadXiaoshanCatalog();
    const index = buildSearchIndex(catalog);
    expect(index.matterCount).toBe(catalog.matters.length);
    expect(index.textCount).toBeLessThanOrEqual(catalog.matters.length + catalog.aliases.length);
    expect(index.textCount).toBeGreaterThan(catalog.aliases.length);
  });

  it('builds once per catalog on the lazy path', () => {
    const catalog = loadXiaoshanCatalog();
    expect(obtainSearchIndex(catalog)).toBe(obtainSearchIndex(catalog));
  });

  it('answers from a reused index exactly as from a fresh one', () => {
    const catalog = loadXiaoshanCatalog();
    const used = buildSearchIndex(catalog);
    for (const query of ['许可', 'sfz', '身分证', '开饭店', 'shipin']) searchMatters(used, query, { limit: 50 });
    const fresh = buildSearchIndex(catalog);
    for (const query of ['登记', 'gjj', '公基金']) {
      expect(searchMatters(used, query, { limit: 50 })).toEqual(searchMatters(fresh, query, { limit: 50 }));
    }
  });
});
