import { describe, expect, it } from 'vitest';
import { loadPinyinTable } from './pinyin-table.ts';
import { planQuery } from './plan-query.ts';

const table = loadPinyinTable();
const kindsOf = (query: string): string[] => planQuery(table, query)[0]?.groups.map((g) => g.kind) ?? [];

describe('planning a query', () => {
  it('plans nothing for blank input', () => {
    expect(planQuery(table, '')).toEqual([]);
    expect(planQuery(table, ' \t　')).toEqual([]);
  });

  it('looks up Chinese as chars and char pairs, plus sound pairs for same-sound typos', () => {
    const [reading] = planQuery(table, '身份证');
    const kinds = kindsOf('身份证').sort();
    expect(kinds).toEqual(['char', 'char', 'char', 'char-pair', 'char-pair', 'sound-pair', 'sound-pair']);
    // Only the sound pairs hold wherever the whole query matches, by char or by sound.
    expect(reading?.groups.filter((g) => g.chain).map((g) => g.kind)).toEqual(['sound-pair', 'sound-pair']);
    expect(reading?.chainCount).toBe(2);
  });

  it('ignores spaces between words and counts a repeated pair once', () => {
    expect(planQuery(table, '身份 证')[0]?.groups).toEqual(planQuery(table, '身份证')[0]?.groups);
    // 证明, 明证, 证明: two distinct pairs.
    expect(kindsOf('证明证明').filter((k) => k === 'char-pair')).toHaveLength(2);
  });

  it('reads a lone char by itself and by its sound, with no chain', () => {
    const [reading] = planQuery(table, '税');
    expect(reading?.groups.map((g) => g.kind)).toEqual(['char', 'sound']);
    expect(reading?.chainCount).toBe(0);
  });

  it('reads letters as pinyin, as initials when short, and as themselves', () => {
    const readings = planQuery(table, 'ban');
    expect(readings).toHaveLength(3);
    expect(readings[0]?.groups.map((g) => g.kind)).toEqual(['sound']);
    expect(readings[1]?.units.every((u) => u.kind === 'initial')).toBe(true);
    expect(readings[2]?.units.every((u) => u.kind === 'char')).toBe(true);
    expect(planQuery(table, 'sfz')).toHaveLength(2);
    expect(planQuery(table, 'shenfenzhengshenling')).toHaveLength(2);
  });

  it('lets an initial stand for every syllable it starts', () => {
    const [reading] = planQuery(table, 'sf');
    const pair = reading?.groups.find((g) => g.kind === 'sound-pair');
    expect(pair?.kind === 'sound-pair' && pair.first.map((id) => table.syllables[id])).toContain('shen');
    expect(pair?.kind === 'sound-pair' && pair.second.map((id) => table.syllables[id])).toContain('fen');
  });

  it('cuts very long queries', () => {
    const [reading] = planQuery(table, '许可'.repeat(100));
    expect(reading?.units.length).toBeLessThanOrEqual(48);
  });
});
