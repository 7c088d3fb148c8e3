/**
 * Scores the texts matching a query's groups through the inverted index. Per group: gather the texts of its
 * features into a list (each text once), weigh the group by that count, add the weight to each. Only texts
 * that matched every chain group, and that could still place with the largest contiguity bonus, are checked
 * for a contiguous run of the whole query. Leaves each touched text's best score over the readings in the
 * scratch arrays (exact for every text that can place; a lower bound for the rest).
 */
import { alignQuery, boundContiguity, scaleByContiguity } from './align-query.ts';
import type { BuiltSearchIndex, SearchScratch } from './build-search-index.ts';
import type { QueryReading } from './plan-query.ts';
import { findCharPairTexts, findPostings } from './posting-lists.ts';
import { weighGroup, type QueryGroup } from './query-groups.ts';

/**
 * Scores every reading; returns how many texts were touched (listed in scratch.touched). `visible` says
 * whether a matter name text has a matter the caller may see (the department filter).
 */
export function scoreTexts(
  ix: BuiltSearchIndex,
  readings: readonly QueryReading[],
  limit: number,
  visible: (t: number) => boolean,
): number {
  const s = ix.scratch;
  if (s.stamp > 0x3fffff00) resetStamps(s);
  const queryStamp = ++s.stamp;
  let touchedCount = 0;
  // Plain loops, no closures: the counters below stay in registers in optimized code.
  for (let r = 0; r < readings.length; r++) {
    const reading = readings[r] as QueryReading;
    let chainPossible = true;
    for (const group of reading.groups) {
      const count = gatherGroup(ix, group);
      if (count === 0) {
        if (group.chain) chainPossible = false;
        continue;
      }
      const weight = weighGroup(group, count, ix.textCount);
      for (let i = 0; i < count; i++) {
        const t = s.gathered[i] ?? 0;
        if (s.seenStamp[t] !== queryStamp) {
          s.seenStamp[t] = queryStamp;
          s.best[t] = 0;
          s.touched[touchedCount++] = t;
        }
        s.base[t] = (s.base[t] ?? 0) + weight;
        if (group.chain) s.chainHits[t] = (s.chainHits[t] ?? 0) + 1;
      }
    }
    const floor = findScoreFloor(ix, touchedCount, limit, visible);
    for (let i = 0; i < touchedCount; i++) {
      const t = s.touched[i] ?? 0;
      const base = s.base[t] ?? 0;
      if (base === 0) continue;
      const from = ix.textStart[t] ?? 0;
      const to = ix.textStart[t + 1] ?? 0;
      let score = base * (ix.lengthScale[t] ?? 0);
      const verify = chainPossible && s.chainHits[t] === reading.chainCount;
      if (verify && score * boundContiguity(reading.units.length, to - from) >= floor) {
        const whole = alignQuery(reading.units, ix.store, from, to, true, reading.topLevelSum);
        score *= scaleByContiguity(whole, from, to - from);
      }
      if (score > (s.best[t] ?? 0)) {
        s.best[t] = score;
        s.bestReading[t] = r;
      }
      s.base[t] = 0;
      s.chainHits[t] = 0;
    }
  }
  return touchedCount;
}

/**
 * A score the `limit`-th best matter reaches for sure: the `limit`-th best score without bonus among matter
 * names the caller can see (each name stands for matters of its own, and a bonus only raises a score).
 * A text whose score cannot reach it even with the largest bonus need not be verified. 0 when too few.
 */
function findScoreFloor(ix: BuiltSearchIndex, touchedCount: number, limit: number, visible: (t: number) => boolean) {
  const s = ix.scratch;
  const heap = s.floorHeap;
  let size = 0;
  for (let i = 0; i < touchedCount; i++) {
    const t = s.touched[i] ?? 0;
    if (t >= ix.nameCount) continue;
    const score = (s.base[t] ?? 0) * (ix.lengthScale[t] ?? 0);
    if (score === 0 || (size === limit && score <= (heap[0] ?? 0)) || !visible(t)) continue;
    // A min-heap of the best `limit` scores: append and sift up, or replace the root and sift down.
    let k: number;
    if (size < limit) {
      k = size++;
      while (k > 0 && (heap[(k - 1) >> 1] ?? 0) > score) {
        heap[k] = heap[(k - 1) >> 1] ?? 0;
        k = (k - 1) >> 1;
      }
    } else {
      k = 0;
      for (;;) {
        let child = 2 * k + 1;
        if (child >= size) break;
        if (child + 1 < size && (heap[child + 1] ?? 0) < (heap[child] ?? 0)) child++;
        if ((heap[child] ?? 0) >= score) break;
        heap[k] = heap[child] ?? 0;
        k = child;
      }
    }
    heap[k] = score;
  }
  return size === limit ? (heap[0] ?? 0) : 0;
}

/** Lists the texts matching a group in scratch.gathered (each once) and returns how many. */
function gatherGroup(ix: BuiltSearchIndex, group: QueryGroup): number {
  const s = ix.scratch;
  if (group.kind === 'char-pair') {
    const texts = findCharPairTexts(ix, group.first, group.second);
    s.gathered.set(texts);
    return texts.length;
  }
  const features = s.features;
  let featureCount = 0;
  const n = ix.syllableCount;
  switch (group.kind) {
    case 'char':
      features[featureCount++] = ix.charUnigrams[group.code] ?? 0;
      break;
    case 'sound-pair':
      for (const a of group.first) {
        for (const b of group.second) features[featureCount++] = ix.syllableBigrams[a * n + b] ?? 0;
      }
      break;
    case 'sound':
      for (const a of group.syllables) {
        for (let x = 0; x < n; x++) {
          features[featureCount++] = ix.syllableBigrams[a * n + x] ?? 0;
          features[featureCount++] = ix.syllableBigrams[x * n + a] ?? 0;
        }
      }
      break;
  }
  const stamp = ++s.stamp;
  let count = 0;
  for (let k = 0; k < featureCount; k++) {
    const f = features[k] ?? 0;
    if (f === 0) continue;
    const start = findPostings(ix, f);
    const end = start + (ix.postingLength[f] ?? 0);
    for (let i = start; i < end; i++) {
      const t = ix.postings[i] ?? 0;
      if (s.groupStamp[t] === stamp) continue;
      s.groupStamp[t] = stamp;
      s.gathered[count++] = t;
    }
  }
  return count;
}

function resetStamps(s: SearchScratch): void {
  s.groupStamp.fill(0);
  s.seenStamp.fill(0);
  s.matterStamp.fill(0);
  s.stamp = 0;
}
