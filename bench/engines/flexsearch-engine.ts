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
}

const toRecord = (doc: SearchDocument): FlexRecord => ({
  id: doc.id,
  name: doc.name,
  aliases: doc.aliases.join(' '),
  pinyin: doc.syllables.flatMap(listPinyinSuffixes).join(' '),
  initials: doc.initials.flatMap(listInitialSuffixes).join(' '),
});

/** Latin-only queries are typed pinyin or initials; anything with Chinese goes to the Chinese fields. */
const latinOnly = /^[\sa-z0-9]+$/i;
const pinyinFields = ['pinyin', 'initials'];
const chineseFields = ['name', 'aliases'];

/**
 * FlexSearch Document index: Chinese fields through the CJK charset (one term per character, the library's
 * own answer to unsegmented text), pinyin fields as Latin suffix terms with forward (prefix) tokenizing.
 * A query goes to the fields of its script (the CJK charset would otherwise split pinyin into letters), all
 * terms first, then `suggest` fills the remaining places, so a query with one wrong character still finds
 * its matter without partial matches outranking a full one. Departments are a post-filter over an unlimited
 * search: FlexSearch's own tag filter dropped matches (许可 within 烟草专卖局 found nothing once the catalog
 * held ten regions), which would have understated it.
 */
export const flexSearchEngine: EngineFactory = {
  name: 'flexsearch',
  role: 'library',
  config:
    "Document; name/aliases Charset.CJK (per character), tokenize 'forward'; pinyin/initials suffix terms, " +
    "Charset.Default, 'forward'; query routed by script; exact pass then { suggest } fill; merge; department post-filter",
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
      },
    });
    for (const doc of documents) index.add(toRecord(doc));
    const keep = (id: number, departmentId: string | undefined): boolean =>
      departmentId === undefined || documents[id]?.departmentId === departmentId;
    return {
      search(query, departmentId, limit) {
        const base = {
          limit: departmentId === undefined ? limit : documents.length,
          merge: true as const,
          index: latinOnly.test(query) ? pinyinFields : chineseFields,
        };
        const ids: number[] = [];
        for (const r of index.search(query, base)) {
          const id = Number(r.id);
          if (keep(id, departmentId)) ids.push(id);
          if (ids.length === limit) break;
        }
        if (ids.length < limit) {
          for (const r of index.search(query, { ...base, suggest: true })) {
            const id = Number(r.id);
            if (keep(id, departmentId) && !ids.includes(id)) ids.push(id);
            if (ids.length === limit) break;
          }
        }
        const hits = [];
        for (const id of ids) {
          const doc = documents[id];
          if (doc) hits.push({ name: doc.name, departmentId: doc.departmentId });
        }
        return hits;
      },
    };
  },
};
