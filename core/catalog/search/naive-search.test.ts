import { buildNaiveSearchIndex, searchMattersNaive } from './naive-search.ts';
import { describeSearchContract } from './search-contract.case.ts';

describeSearchContract('linear-scan oracle', (catalog) => {
  const index = buildNaiveSearchIndex(catalog);
  return (query, options) => searchMattersNaive(index, query, options);
});
