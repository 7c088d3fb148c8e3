/**
 * One contract for every search implementation (the fast index and the linear-scan oracle): what a caller may
 * rely on, whichever is behind `searchMatters`.
 */
import { describe, expect, it } from 'vitest';
import type { CatalogDocument } from '../types.ts';
import { loadXiaoshanCatalog, makeCatalog } from './search-fixture.ts';
import type { SearchHit, SearchOptions } from './types.ts';

export type SearchFunction = (query: string, options?: SearchOptions) => SearchHit[];
export type SearchFactory = (catalog: CatalogDocument) => SearchFunction;

export function describeSearchContract(name: string, prepare: SearchFactory): void {
  describe(`${name}: the search contract`, () => {
    const catalog = loadXiaoshanCatalog();
    const search = prepare(catalog);
    const spanOf = (hit: SearchHit): string => hit.matched.text.slice(hit.matched.start, hit.matched.end);

    it('ranks a matter first when its exact name is typed', () => {
      for (const matter of catalog.matters.filter((_, i) => i % 7 === 0)) {
        expect(search(matter.name)[0]?.code, matter.name).toBe(matter.code);
      }
    });

    it('returns nothing for an empty or blank query', () => {
      expect(search('')).toEqual([]);
      expect(search('   　 ')).toEqual([]);
    });

    it('keeps to the department asked for', () => {
      const hits = search('许可', { departmentId: 'wjj', limit: 50 });
      expect(hits.length).toBeGreaterThan(3);
      expect(new Set(hits.map((h) => h.departmentId))).toEqual(new Set(['wjj']));
      expect(search('许可', { departmentId: 'no-such-department' })).toEqual([]);
    });

    it('returns the same first hits under a filter as the unfiltered list does for that department', () => {
      const all = search('登记', { limit: 50 }).filter((h) => h.departmentId === 'mzj');
      const filtered = search('登记', { departmentId: 'mzj', limit: all.length });
      expect(filtered.map((h) => h.code)).toEqual(all.map((h) => h.code));
    });

    it('respects the limit: 10 by default, at most 50, none for 0', () => {
      expect(search('许可')).toHaveLength(10);
      expect(search('许可', { limit: 3 })).toHaveLength(3);
      expect(search('许可', { limit: 500 })).toHaveLength(50);
      expect(search('许可', { limit: 0 })).toEqual([]);
      expect(search('许可', { limit: 3 }).map((h) => h.code)).toEqual(
        search('许可', { limit: 50 }).slice(0, 3).map((h) => h.code),
      );
    });

    it('ranks best first and returns each matter once', () => {
      const hits = search('许可', { limit: 50 });
      for (let i = 1; i < hits.length; i++) {
        expect(hits[i - 1]?.score ?? 0).toBeGreaterThanOrEqual(hits[i]?.score ?? 0);
      }
      expect(new Set(hits.map((h) => h.code)).size).toBe(hits.length);
    });

    it('points the matched span at the typed words for a substring query', () => {
      for (const query of ['食品经营', '公积金提取', '身份证', '出生', '（新办）']) {
        const hits = search(query);
        expect(hits.length, query).toBeGreaterThan(0);
        for (const hit of hits.filter((h) => h.matched.field === 'name' && h.name.includes(query))) {
          expect(hit.matched.text).toBe(hit.name);
          expect(spanOf(hit)).toBe(query);
          expect(hit.matched.via).toBe('text');
        }
      }
    });

    it('finds matters by full pinyin and by initials, and says so', () => {
      expect(search('shenfenzheng')[0]?.name).toBe('居民身份证申领');
      const pinyin = search('jiehun dengji')[0];
      expect(pinyin?.name).toBe('结婚登记');
      expect(pinyin?.matched).toMatchObject({ field: 'name', via: 'pinyin' });
      expect(pinyin && spanOf(pinyin)).toBe('结婚登记');
      const initials = search('spjyxk')[0];
      expect(initials?.name).toMatch(/^食品经营许可/);
      expect(initials?.matched.via).toBe('initials');
      expect(initials && spanOf(initials)).toBe('食品经营许可');
    });

    it('tolerates a same-sound wrong character', () => {
      expect(search('身分证')[0]?.name).toBe('居民身份证申领');
      const hit = search('结昏登记')[0];
      expect(hit?.name).toBe('结婚登记');
      expect(hit?.matched.via).toBe('homophone');
      expect(hit && spanOf(hit)).toBe('结婚登记');
      expect(search('食品经营许克')[0]?.name).toMatch(/^食品经营许可/);
    });

    it('leads colloquial phrases to official matters through the aliases', () => {
      const hit = search('开饭店')[0];
      expect(hit?.name).toBe('食品经营许可（新办）');
      expect(hit?.matched).toEqual({ field: 'alias', text: '开饭店', start: 0, end: 3, via: 'alias' });
      expect(search('上户口')[0]?.name).toBe('出生登记');
    });

    it('folds full-width letters, digits and case', () => {
      const half = search('开ktv').map((h) => h.code);
      expect(half.length).toBeGreaterThan(0);
      expect(search('开ＫＴＶ').map((h) => h.code)).toEqual(half);
      expect(search('SFZ').map((h) => h.code)).toEqual(search('sfz').map((h) => h.code));
    });

    it('gives the same answer every time', () => {
      for (const query of ['许可', 'sfz', '公积金', '开饭店']) {
        expect(search(query, { limit: 50 })).toEqual(search(query, { limit: 50 }));
      }
    });

    it('breaks ties by catalog order and collapses a name shared by many matters', () => {
      const tiny = prepare(
        makeCatalog([
          { name: '乙事项登记', departmentId: 'b', code: 'B' },
          { name: '甲事项登记', departmentId: 'a', code: 'A1' },
          { name: '甲事项登记', departmentId: 'b', code: 'A2' },
          { name: '丙事项登记', departmentId: 'a', code: 'C' },
        ]),
      );
      expect(tiny('事项登记').map((h) => h.code)).toEqual(['B', 'A1', 'A2', 'C']);
      expect(tiny('甲事项登记').map((h) => h.code).slice(0, 2)).toEqual(['A1', 'A2']);
      expect(tiny('事项登记', { departmentId: 'b' }).map((h) => h.code)).toEqual(['B', 'A2']);
    });

    it('breaks a tie between a name and an alias by catalog order of their matters', () => {
      const tiny = prepare(
        makeCatalog(
          [
            { name: '乙类登记', departmentId: 'a', code: 'B' },
            { name: '甲类登记', departmentId: 'a', code: 'A' },
          ],
          [{ phrase: '甲类登记', matterNames: ['乙类登记'] }],
        ),
      );
      expect(tiny('甲类登记', { limit: 1 }).map((h) => h.code)).toEqual(['B']);
      expect(tiny('甲类登记').map((h) => h.code)).toEqual(['B', 'A']);
    });

    it('shows a matter by its own name when that beats a long alias list that also names it', () => {
      const others = Array.from({ length: 200 }, (_, i) => ({ name: `其他事项${i}`, departmentId: 'a' }));
      const tiny = prepare(
        makeCatalog(
          [...others, { name: '甲乙丙', departmentId: 'm', code: 'M' }],
          [{ phrase: '甲乙', matterNames: [...others.map((o) => o.name), '甲乙丙'] }],
        ),
      );
      const [hit] = tiny('甲乙', { departmentId: 'm' });
      expect(hit?.code).toBe('M');
      expect(hit?.matched.field).toBe('name');
    });

    it('ranks a long name holding the typed words above a short one holding only their chars', () => {
      // B scores lower before the contiguity bonus and higher after it: the fast index must not skip it.
      const tiny = prepare(
        makeCatalog([
          { name: '乙甲', departmentId: 'a', code: 'A' },
          { name: `甲乙${'丙'.repeat(398)}`, departmentId: 'a', code: 'B' },
          { name: '丁戊', departmentId: 'a', code: 'C' },
        ]),
      );
      expect(tiny('甲乙', { limit: 1 }).map((h) => h.code)).toEqual(['B']);
      expect(tiny('甲乙').map((h) => h.code)).toEqual(['B', 'A']);
    });

    it('orders an alias\'s matters as the alias lists them, and keeps a matter\'s best way in', () => {
      const tiny = prepare(
        makeCatalog(
          [
            { name: '营业执照办理', departmentId: 'a', code: 'L' },
            { name: '食品许可', departmentId: 'a', code: 'F' },
          ],
          [{ phrase: '开饭店', matterNames: ['食品许可', '营业执照办理', '不存在的事项'] }],
        ),
      );
      expect(tiny('开饭店').map((h) => h.code)).toEqual(['F', 'L']);
      const exact = tiny('食品许可');
      expect(exact.map((h) => h.code)).toEqual(['F']);
      expect(exact[0]?.matched.field).toBe('name');
    });
  });
}
