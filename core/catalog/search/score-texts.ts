/**
 * Scores the texts matching a query's groups through the inverted index. Per group: gather the texts of its
 * features into a list (each text once), weigh the group by that count, add the weight to each. Then the
 * contiguity bonus, which needs the text checked for a contiguous run of the whole query (verification),
 * only where it can matter: texts that matched every chain group, visible under the department filter, in
 * order of the largest score they could reach, until that falls below a score `limit` matters already
 * reach for sure (the floor, which rises as names are verified). Leaves each touched text's best score over
 * the readings in the scratch arrays: exact for every text that can place, a lower bound for the rest.
 */
import { alignQuery, boundContiguity, scaleByContiguity } from './align-query.ts';
import type { BuiltSearchIndex, SearchScratch } from './build-search-index.ts';
import { holdsDepartment, type DepartmentOrder } from './department-order.ts';
import type { QueryReading } from './plan-query.ts';
import { ensureInitials, findCharPairTexts, findPostings } from './posting-lists.ts';
import { weighGroup, type QueryGroup } from './query-groups.ts';
import { heapifyByKey, offerToFloor, popByKey, readFloor } from './score-heaps.ts';

/** The department filter: an interned department and its order, or none (department -1). */
export interface TextFilter {
  readonly department: number;
  readonly order: DepartmentOrder | undefined;
}

/** Scores every reading; returns how many texts were touched (listed in scratch.touched). */
export function scoreTexts(
  ix: BuiltSearchIndex,
  readings: readonly QueryReading[],
  limit: number,
  filter: TextFilter,
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
      const texts = s.groupTexts;
      const from = s.groupFrom;
      for (let i = from; i < from + count; i++) {
        const t = texts[i] as number;
        if (s.seenStamp[t] !== queryStamp) {
          s.seenStamp[t] = queryStamp;
          s.best[t] = 0;
          s.touched[touchedCount++] = t;
        }
        s.base[t] = (s.base[t] as number) + weight;
        if (group.chain) s.chainHits[t] = (s.chainHits[t] as number) + 1;
      }
    }
    verifyTexts(ix, reading, r, touchedCount, limit, filter, chainPossible);
  }
  return touchedCount;
}

/**
 * One reading's scores from its group sums: exact where the bonus is out of reach (no chain), verified in
 * order of upper bound while that bound can reach the floor, lower bounds for the rest. Clears the sums.
 */
function verifyTexts(
  ix: BuiltSearchIndex,
  reading: QueryReading,
  r: number,
  touchedCount: number,
  limit: number,
  filter: TextFilter,
  chainPossible: boolean,
): void {
  const s = ix.scratch;
  const { lower, upper, candidates, floorHeap, verifiedHeap } = s;
  const unitCount = reading.units.length;
  // Two floors, each the least of the `limit` best scores of distinct visible names (so of distinct
  // matters): their scores without bonus, and the exact scores known so far.
  let floorSize = 0;
  let verifiedSize = 0;
  let candidateCount = 0;
  for (let i = 0; i < touchedCount; i++) {
    const t = s.touched[i] as number;
    const base = s.base[t] as number;
    if (base === 0) continue;
    const verify = chainPossible && s.chainHits[t] === reading.chainCount;
    s.base[t] = 0;
    s.chainHits[t] = 0;
    // A text the filter hides can never place: its score does not matter.
    if (filter.department >= 0 && !holdsDepartment(ix, filter.order as DepartmentOrder, t, filter.department)) {
      continue;
    }
    const score = base * (ix.lengthScale[t] as number);
    const isName = t < ix.nameCount;
    if (isName) floorSize = offerToFloor(floorHeap, floorSize, limit, score);
    if (!verify) {
      // No contiguous run is possible: the score is exact.
      if (score > (s.best[t] as number)) setBest(s, t, score, r);
      if (isName) verifiedSize = offerToFloor(verifiedHeap, verifiedSize, limit, score);
      continue;
    }
    const from = ix.textStart[t] as number;
    lower[t] = score;
    upper[t] = score * boundContiguity(unitCount, (ix.textStart[t + 1] as number) - from);
    candidates[candidateCount++] = t;
  }
  const floor = readFloor(floorHeap, floorSize, limit);
  heapifyByKey(candidates, candidateCount, upper);
  while (candidateCount > 0) {
    const t = candidates[0] as number;
    // Nothing left can reach a score `limit` matters already reach: lower bounds will do.
    if ((upper[t] as number) < Math.max(floor, readFloor(verifiedHeap, verifiedSize, limit))) break;
    popByKey(candidates, candidateCount--, upper);
    const from = ix.textStart[t] as number;
    const to = ix.textStart[t + 1] as number;
    if (reading.unitArrays.hasInitial) ensureInitials(ix, t);
    const whole = alignQuery(reading.unitArrays, ix.store, from, to, true);
    const score = (lower[t] as number) * scaleByContiguity(whole, from, to - from);
    if (score > (s.best[t] as number)) setBest(s, t, score, r);
    if (t < ix.nameCount) verifiedSize = offerToFloor(verifiedHeap, verifiedSize, limit, score);
  }
  for (let i = 0; i < candidateCount; i++) {
    const t = candidates[i] as number;
    if ((lower[t] as number) > (s.best[t] as number)) setBest(s, t, lower[t] as number, r);
  }
}

function setBest(s: SearchScratch, t: number, score: number, r: number): void {
  s.best[t] = score;
  s.bestReading[t] = r;
}

/**
 * Finds the texts matching a group (each once) and returns how many: they are scratch.groupTexts from
 * scratch.groupFrom. A group of one feature reads its postings where they are; several are merged.
 */
function gatherGroup(ix: BuiltSearchIndex, group: QueryGroup): number {
  const s = ix.scratch;
  let single = 0;
  switch (group.kind) {
    case 'char':
      single = ix.charUnigrams[group.code] as number;
      break;
    case 'char-pair':
      return pointAt(s, findCharPairTexts(ix, group.first, group.second));
    case 'sound-pair':
      if (group.initials >= 0) {
        const known = ix.initialPairs[group.initials];
        if (known !== undefined) return pointAt(s, known);
        const count = gatherFeatures(ix, group);
        return pointAt(s, (ix.initialPairs[group.initials] = s.gathered.slice(0, count)));
      }
      if (group.first.length === 1 && group.second.length === 1) {
        const pair = (group.first[0] as number) * ix.syllableCount + (group.second[0] as number);
        single = ix.syllableBigrams[pair] as number;
        break;
      }
      return pointAt(s, s.gathered, gatherFeatures(ix, group));
    case 'sound':
      return pointAt(s, s.gathered, gatherFeatures(ix, group));
  }
  if (single === 0) return 0;
  s.groupTexts = ix.postings;
  s.groupFrom = findPostings(ix, single);
  return ix.postingLength[single] as number;
}

function pointAt(s: SearchScratch, texts: Int32Array, count = texts.length): number {
  s.groupTexts = texts;
  s.groupFrom = 0;
  return count;
}

/** The union of the postings of a group's features, into scratch.gathered. */
function gatherFeatures(ix: BuiltSearchIndex, group: QueryGroup): number {
  const s = ix.scratch;
  const features = s.features;
  let featureCount = 0;
  const n = ix.syllableCount;
  switch (group.kind) {
    case 'char':
      features[featureCount++] = ix.charUnigrams[group.code] as number;
      break;
    case 'sound-pair':
      for (const a of group.first) {
        for (const b of group.second) features[featureCount++] = ix.syllableBigrams[a * n + b] as number;
      }
      break;
    case 'sound':
      for (const a of group.syllables) {
        for (let x = 0; x < n; x++) {
          features[featureCount++] = ix.syllableBigrams[a * n + x] as number;
          features[featureCount++] = ix.syllableBigrams[x * n + a] as number;
        }
      }
      break;
    case 'char-pair':
      break;
  }
  const stamp = ++s.stamp;
  let count = 0;
  for (let k = 0; k < featureCount; k++) {
    const f = features[k] as number;
    if (f === 0) continue;
    const start = findPostings(ix, f);
    const end = start + (ix.postingLength[f] as number);
    for (let i = start; i < end; i++) {
      const t = ix.postings[i] as number;
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
