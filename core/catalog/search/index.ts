/** Matter search: Chinese words, typed pinyin and initials, same-sound typos and colloquial aliases. */
export type { MatchedSpan, SearchHit, SearchIndex, SearchOptions } from './types.ts';
export { buildSearchIndex } from './build-search-index.ts';
export { searchMatters, obtainSearchIndex } from './search-matters.ts';
export { buildNaiveSearchIndex, searchMattersNaive, type NaiveSearchIndex } from './naive-search.ts';
