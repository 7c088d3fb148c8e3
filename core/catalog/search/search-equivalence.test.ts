/**
 * The fast index against the linear-scan oracle on generated queries: both must return the same matters in
 * the same order with the same scores and spans. Queries are cut from catalog names, then typed as pinyin,
 * as initials, with a same-sound char swapped in, with words around, or as random char soup.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CatalogDocument } from '../types.ts';
import { buildSearchIndex } from './build-search-index.ts';
import { buildNaiveSearchIndex, searchMattersNaive } from './naive-search.ts';
import { loadPinyinTable, lookupPackedReadings, unpackReadings } from './pinyin-table.ts';
import { loadXiaoshanCatalog, replicateCatalog } from './search-fixture.ts';
import { searchMatters } from './search-matters.ts';
import type { SearchOptions } from './types.ts';

const table = loadPinyinTable();
const readingsOf = (ch: string): number[] => unpackReadings(lookupPackedReadings(table, ch.charCodeAt(0)));

/** Chars by syllable, to swap a char for a same-sound one. */
const charsBySyllable = new Map<number, string[]>();
for (let code = 0x4e00; code <= 0x9fa5; code++) {
  const first = unpackReadings(lookupPackedReadings(table, code))[0];
  if (first !== undefined) charsBySyllable.set(first, [...(charsBySyllable.get(first) ?? []), String.fromCharCode(code)]);
}

type Typing = 'chars' | 'pinyin' | 'spaced-pinyin' | 'initials' | 'homophone' | 'noise';

function typeQuery(text: string, typing: Typing, pick: number): string {
  const chars = [...text];
  const syllable = (ch: string): string => {
    const r = readingsOf(ch)[0];
    return r === undefined ? ch : (table.syllables[r] ?? ch);
  };
  switch (typing) {
    case 'chars':
      return text;
    case 'pinyin':
      return chars.map(syllable).join('');
    case 'spaced-pinyin':
      return chars.map(syllable).join(' ');
    case 'initials':
      return chars.map((ch) => syllable(ch)[0] ?? ch).join('');
    case 'homophone': {
      const at = pick % chars.length;
      const r = readingsOf(chars[at] ?? '')[0];
      const same = r === undefined ? [] : (charsBySyllable.get(r) ?? []);
      if (same.length > 0) chars[at] = same[pick % same.length] ?? chars[at] ?? '';
      return chars.join('');
    }
    case 'noise':
      return ['我要办', '怎么', '请问'][pick % 3] + text + ['', '需要什么材料', ' 流程'][pick % 3];
  }
}

function checkAgainstOracle(catalog: CatalogDocument, runs: number): void {
  const fast = buildSearchIndex(catalog);
  const naive = buildNaiveSearchIndex(catalog);
  const texts = [...catalog.matters.map((m) => m.name), ...catalog.aliases.map((a) => a.phrase)];
  const departments = [...new Set(catalog.matters.map((m) => m.departmentId))];
  const cut = fc
    .record({
      text: fc.constantFrom(...texts),
      from: fc.nat(),
      length: fc.integer({ min: 1, max: 8 }),
      typing: fc.constantFrom<Typing>('chars', 'pinyin', 'spaced-pinyin', 'initials', 'homophone', 'noise'),
      pick: fc.nat(),
    })
    .map(({ text, from, length, typing, pick }) => {
      const start = from % text.length;
      return typeQuery(text.slice(start, start + length), typing, pick);
    });
  const soupChars = [...'许可证登记备案身份公积金食品经营sfzjhdxian （）１Ａ'];
  const soup = fc.string({ unit: fc.constantFrom(...soupChars), maxLength: 10 });
  const query = fc.oneof({ arbitrary: cut, weight: 4 }, { arbitrary: soup, weight: 1 });
  const options = fc.record(
    { limit: fc.integer({ min: 0, max: 60 }), departmentId: fc.constantFrom(...departments) },
    { requiredKeys: [] },
  );
  fc.assert(
    fc.property(query, options, (q, opts: SearchOptions) => {
      const expected = searchMattersNaive(naive, q, opts);
      const actual = searchMatters(fast, q, opts);
      expect(actual).toEqual(expected);
    }),
    { numRuns: runs, seed: 20250101 },
  );
}

describe('the fast index and the oracle', () => {
  it('agree on hits, order, scores and spans over the Xiaoshan catalog', () => {
    checkAgainstOracle(loadXiaoshanCatalog(), 300);
  });

  it('agree on a catalog where every name repeats in several regions', () => {
    checkAgainstOracle(replicateCatalog(loadXiaoshanCatalog(), 3), 60);
  });
});
