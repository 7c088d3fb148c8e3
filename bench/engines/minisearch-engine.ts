import MiniSearch from 'minisearch';
import type { SearchDocument } from './search-documents.ts';
import type { EngineFactory } from './search-engine.ts';
import { listInitialSuffixes, listPinyinSuffixes, tokenizeNgrams } from './tokenize-chinese.ts';

/** Every field MiniSearch reads (the id and stored fields too); pinyin fields carry the suffix terms. */
const extractField = (doc: SearchDocument, field: string): string => {
  switch (field) {
    case 'name':
      return doc.name;
    case 'aliases':
      return doc.aliases.join(' ');
    case 'pinyin':
      return doc.syllables.flatMap(listPinyinSuffixes).join(' ');
    case 'initials':
      return doc.initials.flatMap(listInitialSuffixes).join(' ');
    case 'id':
      return String(doc.id);
    case 'departmentId':
      return doc.departmentId;
    default:
      return '';
  }
};

/** MiniSearch with CJK unigrams+bigrams, prefix and fuzzy matching, names weighted above aliases. */
export const miniSearchEngine: EngineFactory = {
  name: 'minisearch',
  role: 'library',
  config:
    "tokenize: CJK unigrams+bigrams, Latin runs whole; fields name, aliases, pinyin/initials suffixes; " +
    'searchOptions { prefix: true, fuzzy: 0.2, boost { name: 2, aliases: 1.5 } }; department via filter',
  build(_catalog, documents) {
    const index = new MiniSearch<SearchDocument>({
      fields: ['name', 'aliases', 'pinyin', 'initials'],
      storeFields: ['name', 'departmentId'],
      extractField: (doc, field) => extractField(doc, field),
      tokenize: tokenizeNgrams,
      searchOptions: { prefix: true, fuzzy: 0.2, boost: { name: 2, aliases: 1.5 } },
    });
    index.addAll(documents);
    return {
      search(query, departmentId, limit) {
        const results =
          departmentId === undefined
            ? index.search(query)
            : index.search(query, { filter: (r) => r['departmentId'] === departmentId });
        return results.slice(0, limit).map((r) => ({
          name: r['name'] as string,
          departmentId: r['departmentId'] as string,
        }));
      },
    };
  },
};
