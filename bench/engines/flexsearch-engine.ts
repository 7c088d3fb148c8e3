import { Charset, Document } from 'flexsearch';
import type { SearchDocument } from './search-documents.ts';
import type { EngineFactory } from './search-engine.ts';
import { listInitialSuffixes, listPinyinSuffixes } from './tokenize-chinese.ts';

/** The flat record FlexSearch indexes: one string per field. */
interface FlexRecord {
  [key: string]: string | number;
  id: number;
  name: string;
  aliases: string;
  pinyin: string;
  initials: string;
  departmentId: string;
}

const toRecord = (doc: SearchDocument): FlexRecord => ({
  id: doc.id,
  name: doc.name,
  aliases: doc.aliases.join(' '),
  pinyin: doc.syllables.flatMap(listPinyinSuffixes).join(' '),
  initials: doc.initials.flatMap(listInitialSuffixes).join(' '),
  departmentId: doc.departmentId,
});

/** Latin-only queries are typed pinyin or initials; anything with Chinese goes to the Chinese fields. */
const latinOnly = /^[\sa-z0-9]+$/i;
const pinyinFields = ['pinyin', 'initials'];
const chineseFields = ['name', 'aliases'];

/**
 * FlexSearch Document index: Chinese fields through the CJK charset (one term per character, the library's
 * own answer to unsegmented text), pinyin fields as Latin suffix terms with forward (prefix) tokenizing,
 * departments as a tag. A query goes to the fields of its script (the CJK charset would otherwise split
 * pinyin into letters), all terms first, then `suggest` fills the remaining places, so a query with one
 * wrong character still finds its matter without partial matches outranking a full one.
 */
export const flexSearchEngine: EngineFactory = {
  name: 'flexsearch',
  role: 'library',
  config:
    "Document; name/aliases Charset.CJK (per character), tokenize 'forward'; pinyin/initials suffix terms, " +
    "Charset.Default, 'forward'; tag departmentId; query routed by script; exact pass then { suggest } fill; merge",
  build(_catalog, documents) {
    const index = new Document<FlexRecord>({
      document: {
        id: 'id',
        index: [
          { field: 'name', tokenize: 'forward', encoder: Charset.CJK },
          { field: 'aliases', tokenize: 'forward', encoder: Charset.CJK },
          { field: 'pinyin', tokenize: 'forward', encoder: Charset.Default },
          { field: 'initials', tokenize: 'forward', encoder: Charset.Default },
        ],
        tag: [{ field: 'departmentId' }],
      },
    });
    for (const doc of documents) index.add(toRecord(doc));
    return {
      search(query, departmentId, limit) {
        const base = {
          limit,
          merge: true as const,
          index: latinOnly.test(query) ? pinyinFields : chineseFields,
          ...(departmentId === undefined ? {} : { tag: { departmentId } }),
        };
        const ids: number[] = [];
        for (const r of index.search(query, base)) ids.push(Number(r.id));
        if (ids.length < limit) {
          for (const r of index.search(query, { ...base, suggest: true })) {
            const id = Number(r.id);
            if (!ids.includes(id)) ids.push(id);
          }
        }
        const hits = [];
        for (const id of ids.slice(0, limit)) {
          const doc = documents[id];
          if (doc) hits.push({ name: doc.name, departmentId: doc.departmentId });
        }
        return hits;
      },
    };
  },
};
