/**
 * Scores the texts sharing features with a query, through the inverted index: each group's postings add the
 * group's weight once per text into a reusable Float64Array; only texts that matched every chain group are
 * checked for a contiguous run of the whole query. Leaves each touched text's best score in the scratch.
 */
import { alignQuery, scaleByContiguity } from './align-query.ts';
import { findFeature, weighIndexedFeature, type BuiltSearchIndex, type SearchScratch } from './build-search-index.ts';
import type { FeatureKind } from './features.ts';
import type { QueryReading } from './plan-query.ts';

/** Scores every reading; returns how many texts were touched (listed in scratch.touched). */
export function scoreTexts(ix: BuiltSearchIndex, readings: readonly QueryReading[]): number {
  const s = ix.scratch;
  if (s.stamp > 0x3fffff00) resetStamps(s);
  const queryStamp = ++s.stamp;
  let touchedCount = 0;
  readings.forEach((reading, r) => {
    let chainPossible = true;
    for (const group of reading.groups) {
      const features = orderFeatures(ix, group.kind, group.keys);
      if (features.length === 0) {
        if (group.chain) chainPossible = false;
        continue;
      }
      const groupStamp = ++s.stamp;
      for (const { f, weight } of features) {
        const end = ix.postingStart[f + 1] ?? 0;
        for (let i = ix.postingStart[f] ?? 0; i < end; i++) {
          const t = ix.postings[i] ?? 0;
          if (s.groupStamp[t] === groupStamp) continue;
          s.groupStamp[t] = groupStamp;
          if (s.seenStamp[t] !== queryStamp) {
            s.seenStamp[t] = queryStamp;
            s.best[t] = 0;
            s.touched[touchedCount++] = t;
          }
          s.base[t] = (s.base[t] ?? 0) + weight;
          if (group.chain) s.chainHits[t] = (s.chainHits[t] ?? 0) + 1;
        }
      }
    }
    for (let i = 0; i < touchedCount; i++) {
      const t = s.touched[i] ?? 0;
      const base = s.base[t] ?? 0;
      if (base === 0) continue;
      const from = ix.textStart[t] ?? 0;
      const to = ix.textStart[t + 1] ?? 0;
      let score = base * (ix.lengthScale[t] ?? 0);
      if (chainPossible && s.chainHits[t] === reading.chainCount) {
        score *= scaleByContiguity(alignQuery(reading.units, ix.store, from, to, true), from, to - from);
      }
      if (score > (s.best[t] ?? 0)) {
        s.best[t] = score;
        s.bestReading[t] = r;
      }
      s.base[t] = 0;
      s.chainHits[t] = 0;
    }
  });
  return touchedCount;
}

interface WeighedFeature {
  readonly f: number;
  readonly key: number;
  readonly weight: number;
}

/** A group's features present in the index, heaviest first (ties by key): a text earns the first it has. */
function orderFeatures(ix: BuiltSearchIndex, kind: FeatureKind, keys: readonly number[]): WeighedFeature[] {
  const found: WeighedFeature[] = [];
  for (const key of keys) {
    const f = findFeature(ix, kind, key);
    if (f > 0) found.push({ f, key, weight: weighIndexedFeature(ix, f) });
  }
  if (found.length > 1) found.sort((a, b) => b.weight - a.weight || a.key - b.key);
  return found;
}

function resetStamps(s: SearchScratch): void {
  s.groupStamp.fill(0);
  s.seenStamp.fill(0);
  s.matterStamp.fill(0);
  s.stamp = 0;
}
