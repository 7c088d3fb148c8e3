import { describe, expect, it } from 'vitest';
import { loadPinyinTable } from './pinyin-table.ts';
import { readAsInitials, segmentPinyin, type LatinUnit } from './segment-pinyin.ts';

const table = loadPinyinTable();
/** Syllables as spelled, initials as `s.`. */
const show = (units: LatinUnit[]): string =>
  units
    .map((u) => (u.kind === 'syllable' ? table.syllables[u.syllable] : `${String.fromCharCode(97 + u.letter)}.`))
    .join(' ');

describe('segmenting typed pinyin', () => {
  it('splits full pinyin into syllables', () => {
    expect(show(segmentPinyin(table, 'shenfenzheng'))).toBe('shen fen zheng');
    expect(show(segmentPinyin(table, 'gongjijintiqu'))).toBe('gong ji jin ti qu');
  });

  it('reads letters that fit no syllable as initials', () => {
    expect(show(segmentPinyin(table, 'sfz'))).toBe('s. f. z.');
    expect(show(segmentPinyin(table, 'shenfz'))).toBe('shen f. z.');
  });

  it('prefers fewer, longer syllables where the split is ambiguous', () => {
    expect(show(segmentPinyin(table, 'xian'))).toBe('xian');
    expect(show(segmentPinyin(table, 'fangan'))).toBe('fang an');
  });

  it('accepts lue and nue for the table\'s lve and nve', () => {
    expect(show(segmentPinyin(table, 'lue'))).toBe('lve');
  });

  it('can read every letter as an initial', () => {
    expect(show(readAsInitials('ba'))).toBe('b. a.');
  });
});
