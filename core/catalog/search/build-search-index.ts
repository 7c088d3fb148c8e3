/**
 * Builds the fast index: every distinct text's positions in flat typed arrays, and an inverted index from
 * features (char and syllable n-grams, initial pairs) to the texts holding them, in CSR form (one offsets array,
 * one postings array). Built once per catalog, at cold start: a few milliseconds for a district catalog.
 */
import type { CatalogDocument, Matter } from '../types.ts';
import { collectSearchTexts, scaleByAliasRank } from './collect-search-texts.ts';
import {
  CHAR_BIGRAM,
  CHAR_UNIGRAM,
  INITIAL_BIGRAM,
  SYLLABLE_UNIGRAM,
  weighFeature,
  type FeatureKind,
} from './features.ts';
import type { IntHashMap } from './int-hash-map.ts';
import { internFeatures } from './intern-features.ts';
import { loadPinyinTable, type PinyinTable } from './pinyin-table.ts';
import { scaleByLength } from './align-query.ts';
import { allocatePositionStore, writeTextPositions, type PositionStore } from './text-positions.ts';
import type { SearchIndex } from './types.ts';

/** Per-query working arrays, allocated once per index and reset through the touched list. */
export interface SearchScratch {
  readonly base: Float64Array;
  readonly chainHits: Uint16Array;
  readonly groupStamp: Int32Array;
  readonly seenStamp: Int32Array;
  readonly best: Float64Array;
  readonly bestReading: Uint8Array;
  readonly touched: Int32Array;
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
  /** Syllable id → feature id. */
  readonly syllableUnigrams: Int32Array;
  /** (a * syllableCount + b) → feature id. */
  readonly syllableBigrams: Int32Array;
  /** pairLetters(a, b) → feature id. */
  readonly initialBigrams: Int32Array;
  /** Kind of each feature id (ids start at 1). */
  readonly featureKinds: Uint8Array;
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
}

export function buildSearchIndex(catalog: CatalogDocument): SearchIndex {
  return buildFastIndex(catalog);
}

/** Feature id of (kind, key), or 0 when no text has it. */
export function findFeature(ix: BuiltSearchIndex, kind: FeatureKind, key: number): number {
  if (kind === CHAR_UNIGRAM) return ix.charUnigrams[key] ?? 0;
  if (kind === CHAR_BIGRAM) return ix.charBigrams.get(key | 0) + 1;
  if (kind === SYLLABLE_UNIGRAM) return ix.syllableUnigrams[key] ?? 0;
  if (kind === INITIAL_BIGRAM) return ix.initialBigrams[key] ?? 0;
  const a = Math.floor(key / 1024);
  const b = key % 1024;
  if (a >= ix.syllableCount || b >= ix.syllableCount) return 0;
  return ix.syllableBigrams[a * ix.syllableCount + b] ?? 0;
}

/** Weight of feature f: computed per query (a handful of logs) rather than for every feature at build. */
export function weighIndexedFeature(ix: BuiltSearchIndex, f: number): number {
  const frequency = (ix.postingStart[f + 1] ?? 0) - (ix.postingStart[f] ?? 0);
  return weighFeature((ix.featureKinds[f] ?? 0) as FeatureKind, frequency, ix.textCount);
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
    syllableUnigrams: interner.syllableUnigrams,
    syllableBigrams: interner.syllableBigrams,
    initialBigrams: interner.initialBigrams,
    featureKinds: interner.featureKinds,
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
      matterStamp: new Int32Array(catalog.matters.length),
      matterPick: new Int32Array(catalog.matters.length),
      stamp: 0,
    },
  };
}
