/**
 * The oracle: the same ranking as the fast index, computed the plain way. Every text keeps a Set of its
 * features; a query weighs each feature by counting the texts that hold it, scores every text, and sorts
 * every matter. Slow on purpose (a linear scan per feature); the contract tests and benchmarks compare to it.
 */
import type { CatalogDocument, Matter } from '../types.ts';
import { alignQuery, scaleByContiguity, scaleByLength } from './align-query.ts';
import { collectSearchTexts, scaleByAliasRank } from './collect-search-texts.ts';
import { describeHit } from './describe-hit.ts';
import { encodeFeature, forEachTextFeature, weighFeature } from './features.ts';
import { loadPinyinTable, type PinyinTable } from './pinyin-table.ts';
import { planQuery, type QueryReading } from './plan-query.ts';
import { allocatePositionStore, writeTextPositions, type PositionStore } from './text-positions.ts';
import { clampLimit, type SearchHit, type SearchOptions } from './types.ts';

interface NaiveText {
  readonly text: string;
  readonly store: PositionStore;
  readonly length: number;
  readonly features: ReadonlySet<number>;
  readonly matters: readonly number[];
  readonly ranks: readonly number[];
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
    const features = new Set<number>();
    forEachTextFeature(store, 0, length, (kind, key) => features.add(encodeFeature(kind, key)));
    const matters = collected.textMatters[t] ?? [];
    return { text, store, length, features, matters, ranks: collected.textRanks[t] ?? [] };
  });
  return { table, matters: catalog.matters, nameCount: collected.nameCount, texts };
}

export function searchMattersNaive(index: NaiveSearchIndex, query: string, options: SearchOptions = {}): SearchHit[] {
  const limit = clampLimit(options.limit);
  const readings = planQuery(index.table, query);
  if (limit === 0 || readings.length === 0) return [];
  const weights = readings.map((reading) => weighGroups(index, reading));
  const scored = index.texts.map((text) => scoreText(readings, weights, text));
  // Each matter takes its best text; on a tie the lower text (names come before aliases).
  const best = new Map<number, { score: number; text: number }>();
  scored.forEach(({ score: textScore }, t) => {
    if (textScore <= 0) return;
    const text = index.texts[t] as NaiveText;
    text.matters.forEach((m, i) => {
      const score = textScore * scaleByAliasRank(text.ranks[i] ?? 0);
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
        units: readings[scored[t]?.reading ?? 0]?.units ?? [],
        store: text.store,
        from: 0,
        to: text.length,
      });
    });
}

interface WeighedKey {
  readonly feature: number;
  readonly key: number;
  readonly weight: number;
}

/** Each group's keys that some text holds, heaviest first (ties by key), weighed by counting texts. */
function weighGroups(index: NaiveSearchIndex, reading: QueryReading): WeighedKey[][] {
  return reading.groups.map((group) =>
    group.keys
      .map((key): WeighedKey => {
        const feature = encodeFeature(group.kind, key);
        const frequency = index.texts.filter((x) => x.features.has(feature)).length;
        return { feature, key, weight: frequency === 0 ? 0 : weighFeature(group.kind, frequency, index.texts.length) };
      })
      .filter((x) => x.weight > 0)
      .sort((a, b) => b.weight - a.weight || a.key - b.key),
  );
}

/** A text's best score over the query's readings: groups it holds, its length, a contiguous run. */
function scoreText(readings: readonly QueryReading[], weights: readonly WeighedKey[][][], text: NaiveText) {
  let best = 0;
  let bestReading = 0;
  readings.forEach((reading, r) => {
    let base = 0;
    for (const group of weights[r] ?? []) {
      const hit = group.find((x) => text.features.has(x.feature));
      if (hit !== undefined) base += hit.weight;
    }
    if (base === 0) return;
    const whole = alignQuery(reading.units, text.store, 0, text.length, true);
    const score = base * scaleByLength(text.length) * scaleByContiguity(whole, 0, text.length);
    if (score > best) {
      best = score;
      bestReading = r;
    }
  });
  return { score: best, reading: bestReading };
}
