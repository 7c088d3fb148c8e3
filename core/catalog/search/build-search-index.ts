/**
 * Builds the fast index: every distinct text's positions in flat typed arrays, and an inverted index from
 * features (char unigrams and bigrams, syllable bigrams) to the texts holding them, in CSR form (one offsets
 * array, one postings array). Built once per catalog, at cold start: a few milliseconds for a district catalog.
 */
import type { CatalogDocument, Matter } from '../types.ts';
import { collectSearchTexts, scaleByAliasRank } from './collect-search-texts.ts';
import type { IntHashMap } from './int-hash-map.ts';
import type { DepartmentOrder } from './department-order.ts';
import { internFeatures } from './intern-features.ts';
import { MAX_READINGS, loadPinyinTable, type PinyinTable } from './pinyin-table.ts';
import { scaleByLength } from './align-query.ts';
import { allocatePositionStore, writeTextPositions, type PositionStore } from './text-positions.ts';
import { MAX_LIMIT, type SearchIndex } from './types.ts';

/** Per-query working arrays, allocated once per index and reset through the touched list. */
export interface SearchScratch {
  readonly base: Float64Array;
  readonly chainHits: Uint16Array;
  readonly groupStamp: Int32Array;
  readonly seenStamp: Int32Array;
  readonly best: Float64Array;
  readonly bestReading: Uint8Array;
  readonly touched: Int32Array;
  /** The texts of the group being scored. */
  readonly gathered: Int32Array;
  /** The features of the group being scored (a lone syllable pairs with every syllable, both ways). */
  readonly features: Int32Array;
  /** The best scores so far while finding the score floor (a min-heap of at most MAX_LIMIT). */
  readonly floorHeap: Float64Array;
  readonly matterStamp: Int32Array;
  /** Where a matter sits in the picks of the current expansion. */
  readonly matterPick: Int32Array;
  stamp: number;
}

export interface BuiltSearchIndex extends SearchIndex {
  readonly table: PinyinTable;
  readonly matters: readonly Matter[];
  readonly texts: readonly string[];
  readonly nameCount: number;
  readonly store: PositionStore;
  /** Positions of text t are [textStart[t], textStart[t + 1]). */
  readonly textStart: Int32Array;
  readonly lengthScale: Float64Array;
  /** Char code → feature id (0: none). */
  readonly charUnigrams: Int32Array;
  readonly charBigrams: IntHashMap;
  readonly syllableCount: number;
  /** (a * syllableCount + b) → feature id. */
  readonly syllableBigrams: Int32Array;
  /** Texts holding feature f (ids from 1) are postings[postingStart[f] .. postingStart[f + 1]), ascending. */
  readonly postingStart: Int32Array;
  readonly postings: Int32Array;
  /** Matters of text t are textMatters[matterStart[t] .. matterStart[t + 1]), best first. */
  readonly matterStart: Int32Array;
  readonly textMatters: Int32Array;
  /** Per entry of textMatters: the score factor of the matter's rank in its alias (1 for names). */
  readonly matterFactors: Float64Array;
  readonly departmentIds: ReadonlyMap<string, number>;
  readonly matterDepartment: Int32Array;
  readonly scratch: SearchScratch;
  /** Built by the first search with a department filter. */
  departmentOrder?: DepartmentOrder;
}

export function buildSearchIndex(catalog: CatalogDocument): SearchIndex {
  return buildFastIndex(catalog);
}

/** Room for one group's features: a lone syllable's pairs, or two initials' syllables paired. */
function countGroupFeaturesAtMost(table: PinyinTable): number {
  const widest = Math.max(...table.syllablesByInitial.map((list) => list.length));
  return Math.max(2 * MAX_READINGS * table.syllables.length, widest * widest);
}

function buildFastIndex(catalog: CatalogDocument): BuiltSearchIndex {
  const table = loadPinyinTable();
  const { texts, nameCount, textMatters, textRanks } = collectSearchTexts(catalog);
  const textCount = texts.length;

  let capacity = 0;
  for (const text of texts) capacity += text.length;
  const store = allocatePositionStore(capacity);
  const textStart = new Int32Array(textCount + 1);
  const lengthScale = new Float64Array(textCount);
  for (let t = 0; t < textCount; t++) {
    const from = textStart[t]!;
    const count = writeTextPositions(table, texts[t]!, store, from);
    textStart[t + 1] = from + count;
    lengthScale[t] = scaleByLength(count);
  }
  const { interner, featureStart } = internFeatures(table, store, textStart);
  const { featureCount, frequency, textFeatures } = interner;

  // Lay the postings out per feature, texts ascending (CSR: one offsets array, one postings array).
  const postingStart = new Int32Array(featureCount + 2);
  for (let f = 1; f <= featureCount; f++) postingStart[f + 1] = postingStart[f]! + frequency[f]!;
  const fill = postingStart.slice(0, featureCount + 1);
  const postings = new Int32Array(postingStart[featureCount + 1]!);
  for (let t = 0; t < textCount; t++) {
    const end = featureStart[t + 1]!;
    for (let i = featureStart[t]!; i < end; i++) postings[fill[textFeatures[i]!]!++] = t;
  }

  const matterStart = new Int32Array(textCount + 1);
  for (let t = 0; t < textCount; t++) matterStart[t + 1] = (matterStart[t] ?? 0) + (textMatters[t]?.length ?? 0);
  const flatMatters = new Int32Array(matterStart[textCount] ?? 0);
  const matterFactors = new Float64Array(flatMatters.length).fill(1);
  for (let t = 0; t < textCount; t++) {
    flatMatters.set(textMatters[t] ?? [], matterStart[t] ?? 0);
    if (t >= nameCount) {
      (textRanks[t] ?? []).forEach((rank, i) => (matterFactors[(matterStart[t] ?? 0) + i] = scaleByAliasRank(rank)));
    }
  }

  const departmentIds = new Map<string, number>();
  const matterDepartment = new Int32Array(catalog.matters.length);
  catalog.matters.forEach((matter, m) => {
    let d = departmentIds.get(matter.departmentId);
    if (d === undefined) departmentIds.set(matter.departmentId, (d = departmentIds.size));
    matterDepartment[m] = d;
  });

  return {
    matterCount: catalog.matters.length,
    textCount,
    table,
    matters: catalog.matters,
    texts,
    nameCount,
    store,
    textStart,
    lengthScale,
    charUnigrams: interner.charUnigrams,
    charBigrams: interner.charBigrams,
    syllableCount: interner.syllableCount,
    syllableBigrams: interner.syllableBigrams,
    postingStart,
    postings,
    matterStart,
    textMatters: flatMatters,
    matterFactors,
    departmentIds,
    matterDepartment,
    scratch: {
      base: new Float64Array(textCount),
      chainHits: new Uint16Array(textCount),
      groupStamp: new Int32Array(textCount),
      seenStamp: new Int32Array(textCount),
      best: new Float64Array(textCount),
      bestReading: new Uint8Array(textCount),
      touched: new Int32Array(textCount),
      gathered: new Int32Array(textCount),
      features: new Int32Array(countGroupFeaturesAtMost(table)),
      floorHeap: new Float64Array(MAX_LIMIT),
      matterStamp: new Int32Array(catalog.matters.length),
      matterPick: new Int32Array(catalog.matters.length),
      stamp: 0,
    },
  };
}
