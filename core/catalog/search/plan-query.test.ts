import { describe, expect, it } from 'vitest';
import { CHAR_BIGRAM, CHAR_UNIGRAM, INITIAL_BIGRAM, SYLLABLE_BIGRAM, SYLLABLE_UNIGRAM } from './features.ts';
import { loadPinyinTable } from './pinyin-table.ts';
import { planQuery } from './plan-query.ts';

const table = loadPinyinTable();

describe('planning a query', () => {
  it('plans nothing for blank input or a lone initial', () => {
    expect(planQuery(table, '')).toEqual([]);
    expect(planQuery(table, ' \t　')).toEqual([]);
    expect(planQuery(table, 's')).toEqual([]);
  });

  it('looks up Chinese as char unigrams and bigrams, plus syllable bigrams for same-sound typos', () => {
    const [reading] = planQuery(table, '身份证');
    const kinds = reading?.groups.map((g) => g.kind) ?? [];
    expect(kinds.filter((k) => k === CHAR_UNIGRAM)).toHaveLength(3);
    expect(kinds.filter((k) => k === CHAR_BIGRAM)).toHaveLength(2);
    expect(kinds.filter((k) => k === SYLLABLE_BIGRAM)).toHaveLength(2);
    expect(reading?.chainCount).toBe(2);
  });

  it('ignores spaces between words and counts a repeated pair once', () => {
    const [spaced] = planQuery(table, '身份 证');
    const [plain] = planQuery(table, '身份证');
    expect(spaced?.groups).toEqual(plain?.groups);
    const [twice] = planQuery(table, '证明证明');
    // 证明, 明证, 证明: two distinct pairs.
    expect(twice?.groups.filter((g) => g.kind === CHAR_BIGRAM)).toHaveLength(2);
  });

  it('reads short letter strings both as pinyin and as initials', () => {
    const readings = planQuery(table, 'ban');
    expect(readings).toHaveLength(2);
    expect(readings[0]?.groups.map((g) => g.kind)).toEqual([SYLLABLE_UNIGRAM]);
    expect(readings[1]?.groups.every((g) => g.kind === INITIAL_BIGRAM)).toBe(true);
    expect(planQuery(table, 'sfz')).toHaveLength(1);
    expect(planQuery(table, 'shenfenzhengshenling')).toHaveLength(1);
  });

  it('cuts very long queries', () => {
    const [reading] = planQuery(table, '许可'.repeat(100));
    expect(reading?.units.length).toBeLessThanOrEqual(48);
  });
});
