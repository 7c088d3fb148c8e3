/**
 * The parts of the fast index finished on first use (posting-lists.ts), checked against the texts themselves:
 * what they hold must not depend on which query came first.
 */
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, type BuiltSearchIndex } from './build-search-index.ts';
import { foldCode, isSpaceCode } from './fold-text.ts';
import { ensureInitials, findCharPairTexts, findPostings } from './posting-lists.ts';
import { loadPinyinTable, lookupPackedReadings, maskInitials } from './pinyin-table.ts';
import { loadXiaoshanCatalog, makeCatalog } from './search-fixture.ts';

const table = loadPinyinTable();
/** A text's folded codes, spaces left out: its positions. */
const positionsOf = (text: string): number[] =>
  [...text].map((ch) => foldCode(ch.charCodeAt(0))).filter((code) => !isSpaceCode(code));
const textsWhere = (ix: BuiltSearchIndex, holds: (codes: number[]) => boolean): number[] =>
  ix.texts.flatMap((text, t) => (holds(positionsOf(text)) ? [t] : []));
const postingsOf = (ix: BuiltSearchIndex, f: number): number[] => {
  const start = findPostings(ix, f);
  return [...ix.postings.subarray(start, start + (ix.postingLength[f] ?? 0))];
};

describe('the index parts finished on first use', () => {
  const catalog = makeCatalog(
    [
      { name: '食品经营许可（新办）', departmentId: 'a' },
      { name: '许 可 证明', departmentId: 'a' },
      { name: 'ＫＴＶ经营许可', departmentId: 'b' },
      { name: '可许', departmentId: 'b' },
    ],
    [{ phrase: '开ktv', matterNames: ['ＫＴＶ经营许可'] }],
  );
  const ix = buildSearchIndex(catalog) as BuiltSearchIndex;

  it('lists the texts of a char, ascending and each once, whichever feature was laid out first', () => {
    for (const ch of ['可', '许', 'k', '营', '明']) {
      const code = ch.charCodeAt(0);
      const f = ix.charUnigrams[code] ?? 0;
      expect(postingsOf(ix, f), ch).toEqual(textsWhere(ix, (codes) => codes.includes(code)));
      // Laid out once: asking again reads the same run.
      expect(postingsOf(ix, f)).toEqual(postingsOf(ix, f));
    }
  });

  it('finds the texts of an exact char pair, across spaces and after folding', () => {
    const pair = (a: string, b: string): number[] => [...findCharPairTexts(ix, a.charCodeAt(0), b.charCodeAt(0))];
    const holding = (a: string, b: string): number[] => {
      const [first, second] = [a.charCodeAt(0), b.charCodeAt(0)];
      return textsWhere(ix, (codes) => codes.some((code, p) => code === first && codes[p + 1] === second));
    };
    for (const [a, b] of [['许', '可'], ['可', '许'], ['k', 't'], ['可', '证'], ['证', '许'], ['甲', '乙']] as const) {
      expect(pair(a, b), a + b).toEqual(holding(a, b));
    }
    expect(pair('许', '可')).toEqual([0, 1, 2]);
  });

  it('fills the initials of the texts a query checks, as the oracle stores them', () => {
    const xiaoshan = buildSearchIndex(loadXiaoshanCatalog()) as BuiltSearchIndex;
    for (const t of [0, 7, xiaoshan.textCount - 1]) {
      ensureInitials(xiaoshan, t);
      const from = xiaoshan.textStart[t] ?? 0;
      const to = xiaoshan.textStart[t + 1] ?? 0;
      const codes = positionsOf(xiaoshan.texts[t] ?? '');
      const expected = codes.map((code) => maskInitials(table, lookupPackedReadings(table, code)));
      expect([...xiaoshan.store.initials.subarray(from, to)]).toEqual(expected);
    }
  });
});
