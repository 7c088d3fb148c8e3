/**
 * Accuracy on two labelled sets of what people type at a kiosk or a window (substrings, extra words, pinyin,
 * initials, colloquial phrases, same-sound typos, department filters), each with the matter it should find:
 * - labelled-queries.json, written alongside the engine (it flatters it);
 * - blind-queries.json, written by someone who saw neither the engine nor the alias list, never tuned against.
 */
import { describe, expect, it } from 'vitest';
import blind from './blind-queries.json';
import labelled from './labelled-queries.json';
import { buildSearchIndex } from './build-search-index.ts';
import { loadXiaoshanCatalog } from './search-fixture.ts';
import { searchMatters } from './search-matters.ts';

interface LabelledQuery {
  readonly query: string;
  readonly expect: string;
  readonly kind: string;
  readonly departmentId?: string;
}

const catalog = loadXiaoshanCatalog();
const index = buildSearchIndex(catalog);
const names = new Map(catalog.matters.map((m) => [m.name, m.departmentId]));

describe.each([
  { set: 'labelled-queries.json', queries: labelled as readonly LabelledQuery[], size: 120 },
  { set: 'blind-queries.json', queries: blind as readonly LabelledQuery[], size: 80 },
])('$set', ({ queries, size }) => {
  it('expects matters that exist in the Xiaoshan catalog, across many departments and every kind', () => {
    expect(queries.filter((q) => !names.has(q.expect)).map((q) => q.expect)).toEqual([]);
    expect(queries.length).toBeGreaterThanOrEqual(size);
    expect(new Set(queries.map((q) => names.get(q.expect))).size).toBeGreaterThanOrEqual(20);
    expect(new Set(queries.map((q) => q.kind)).size).toBe(7);
  });

  it('finds the expected matter in the top 3 for at least 95% of queries', () => {
    const failures: string[] = [];
    for (const q of queries) {
      const hits = searchMatters(index, q.query, { limit: 3, departmentId: q.departmentId });
      if (!hits.some((h) => h.name === q.expect)) {
        const got = hits.map((h) => h.name).join(' | ') || '(nothing)';
        failures.push(`[${q.kind}] ${q.query} → want ${q.expect}; got ${got}`);
      }
    }
    if (failures.length > 0) console.log(`top-3 misses (${failures.length}/${queries.length}):\n${failures.join('\n')}`);
    expect(1 - failures.length / queries.length).toBeGreaterThanOrEqual(0.95);
  });
});
