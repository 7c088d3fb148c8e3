import { describe, expect, it } from 'vitest';
import { loadXiaoshanCatalog } from './search-fixture.ts';
import {
  hasReading,
  loadPinyinTable,
  lookupPackedReadings,
  maskInitials,
  shareReading,
  unpackReadings,
} from './pinyin-table.ts';

const table = loadPinyinTable();
const readings = (ch: string): string[] =>
  unpackReadings(lookupPackedReadings(table, ch.charCodeAt(0))).map((id) => table.syllables[id] ?? '?');

describe('the pinyin table', () => {
  it('covers the 6,763 hanzi of GB2312 and about 400 toneless syllables', () => {
    let covered = 0;
    for (let code = 0x4e00; code <= 0x9fff; code++) if (lookupPackedReadings(table, code) !== 0) covered++;
    expect(covered).toBeGreaterThanOrEqual(6763);
    expect(table.syllables.length).toBeGreaterThan(380);
    expect(table.syllables.length).toBeLessThan(1023);
  });

  it('gives the default reading first and keeps the other readings of polyphonic chars', () => {
    expect(readings('身')).toEqual(['shen']);
    expect(readings('行')[0]).toBe('xing');
    expect(readings('行')).toContain('hang');
    expect(readings('重')).toEqual(expect.arrayContaining(['zhong', 'chong']));
    expect(readings('绿')[0]).toBe('lv');
  });

  it('reads every hanzi of the Xiaoshan names and aliases (rerun scripts/build-pinyin-table.ts if not)', () => {
    const catalog = loadXiaoshanCatalog();
    const texts = [...catalog.matters.map((m) => m.name), ...catalog.aliases.map((a) => a.phrase)];
    const isUnread = (ch: string): boolean =>
      /\p{Script=Han}/u.test(ch) && lookupPackedReadings(table, ch.charCodeAt(0)) === 0;
    expect([...new Set(texts.flatMap((text) => [...text].filter(isUnread)))]).toEqual([]);
  });

  it('covers only hanzi, which need no folding (the index build reads the table before folding)', () => {
    expect(table.firstCode).toBeGreaterThanOrEqual(0x3400);
    expect(table.firstCode + table.units.length - 1).toBeLessThanOrEqual(0x9fff);
  });

  it('has no reading for anything but hanzi', () => {
    for (const ch of ['a', '1', '（', '、', ' ']) expect(lookupPackedReadings(table, ch.charCodeAt(0))).toBe(0);
  });

  it('compares packed readings', () => {
    const of = (ch: string) => lookupPackedReadings(table, ch.charCodeAt(0));
    expect(shareReading(of('份'), of('分'))).toBe(true);
    expect(shareReading(of('份'), of('证'))).toBe(false);
    expect(hasReading(of('行'), table.syllableIds.get('hang') ?? -1)).toBe(true);
    expect(hasReading(of('行'), table.syllableIds.get('shen') ?? -1)).toBe(false);
    expect(maskInitials(table, of('身'))).toBe(1 << ('s'.charCodeAt(0) - 97));
  });
});
