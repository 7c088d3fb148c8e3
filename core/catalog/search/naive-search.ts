/**
 * The oracle: the same ranking as the fast index, computed the plain way, without the index. For each group of
 * the query it scans every text's chars to see whether the group matches (query-groups.ts says what matching
 * means), weighs the group by how many texts it matched, scores every text and sorts every matter.
 * Slow on purpose; the contract tests and benchmarks compare the fast index to it.
 */
import type { CatalogDocument, Matter } from '../types.ts';
import { alignQuery, scaleByContiguity, scaleByLength } from './align-query.ts';
import { collectSearchTexts } from './collect-search-texts.ts';
import { describeHit } from './describe-hit.ts';
import { hasReading, loadPinyinTable, type PinyinTable } from './pinyin-table.ts';
import { planQuery, type QueryReading } from './plan-query.ts';
import { weighGroup, type QueryGroup } from './query-groups.ts';
import { allocatePositionStore, writeTextPositions, type PositionStore } from './text-positions.ts';
import { clampLimit, type SearchHit, type SearchOptions } from './types.ts';

interface NaiveText {
  readonly text: string;
  readonly store: PositionStore;
  readonly length: number;
  readonly matters: readonly number[];
  /** Per matter: the score factor of its rank in the alias (1 for names). */
  readonly factors: readonly number[];
}

export interface NaiveSearchIndex {
  readonly table: PinyinTable;
  readonly matters: readonly Matter[];
  readonly nameCount: number;
  readonly texts: readonly NaiveText[];
}

export function buildNaiveSearchIndex(catalog: CatalogDocument): NaiveSearchIndex {
  const table = loadPinyinTable();
  const collected = collectSearchTexts(catalog);
  const texts = collected.texts.map((text, t): NaiveText => {
    const store = allocatePositionStore(text.length);
    const length = writeTextPositions(table, text, store, 0);
    const from = collected.matterStart[t] ?? 0;
    const to = collected.matterStart[t + 1] ?? 0;
    const matters = [...collected.textMatters.subarray(from, to)];
    return { text, store, length, matters, factors: [...collected.matterFactors.subarray(from, to)] };
  });
  return { table, matters: catalog.matters, nameCount: collected.nameCount, texts };
}

export function searchMattersNaive(index: NaiveSearchIndex, query: string, options: SearchOptions = {}): SearchHit[] {
  const limit = clampLimit(options.limit);
  const readings = planQuery(index.table, query);
  if (limit === 0 || readings.length === 0) return [];
  const weights = readings.map((reading) => weighGroups(index, reading));
  const scored = index.texts.map((text, t) => scoreText(readings, weights, t, text));
  // Each matter takes its best text; on a tie the lower text (names come before aliases).
  const best = new Map<number, { score: number; text: number }>();
  scored.forEach(({ score: textScore }, t) => {
    if (textScore <= 0) return;
    const text = index.texts[t] as NaiveText;
    text.matters.forEach((m, i) => {
      const score = textScore * (text.factors[i] ?? 1);
      if (score > (best.get(m)?.score ?? 0)) best.set(m, { score, text: t });
    });
  });
  return [...best]
    .filter(([m]) => options.departmentId === undefined || index.matters[m]?.departmentId === options.departmentId)
    .sort(([ma, a], [mb, b]) => b.score - a.score || ma - mb)
    .slice(0, limit)
    .map(([m, { score, text: t }]) => {
      const text = index.texts[t] as NaiveText;
      return describeHit({
        matter: index.matters[m] as Matter,
        score,
        text: text.text,
        isAlias: t >= index.nameCount,
        units: (readings[scored[t]?.reading ?? 0] as QueryReading).unitArrays,
        store: text.store,
        from: 0,
        to: text.length,
      });
    });
}

/** Whether some position (or adjacent pair) of the text matches the group. */
function matchGroup(group: QueryGroup, text: NaiveText): boolean {
  const { codes, readings } = text.store;
  const reads = (p: number, syllables: readonly number[]): boolean =>
    syllables.some((syllable) => hasReading(readings[p] ?? 0, syllable));
  for (let p = 0; p < text.length; p++) {
    const next = p + 1 < text.length;
    switch (group.kind) {
      case 'char':
        if (codes[p] === group.code) return true;
        break;
      case 'char-pair':
        if (next && codes[p] === group.first && codes[p + 1] === group.second) return true;
        break;
      case 'sound-pair':
        if (next && reads(p, group.first) && reads(p + 1, group.second)) return true;
        break;
      case 'sound': {
        const pair = next && readings[p] !== 0 && readings[p + 1] !== 0;
        if (pair && (reads(p, group.syllables) || reads(p + 1, group.syllables))) return true;
        break;
      }
    }
  }
  return false;
}

/** Per reading, per group: the weight a matching text earns (0 when no text matches) and which texts match. */
function weighGroups(index: NaiveSearchIndex, reading: QueryReading): { weight: number; matches: boolean[] }[] {
  return reading.groups.map((group) => {
    const matches = index.texts.map((text) => matchGroup(group, text));
    const count = matches.filter(Boolean).length;
    return { weight: count === 0 ? 0 : weighGroup(group, count, index.texts.length), matches };
  });
}

/** A text's best score over the query's readings: groups it matches, its length, a contiguous run. */
function scoreText(
  readings: readonly QueryReading[],
  weights: readonly { weight: number; matches: boolean[] }[][],
  t: number,
  text: NaiveText,
) {
  let best = 0;
  let bestReading = 0;
  readings.forEach((reading, r) => {
    let base = 0;
    for (const group of weights[r] ?? []) if (group.matches[t]) base += group.weight;
    if (base === 0) return;
    const whole = alignQuery(reading.unitArrays, text.store, 0, text.length, true);
    const score = base * scaleByLength(text.length) * scaleByContiguity(whole, 0, text.length);
    if (score > best) {
      best = score;
      bestReading = r;
    }
  });
  return { score: best, reading: bestReading };
}
